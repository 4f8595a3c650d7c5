/**
 * What a policy weighing its moves from one position can keep from move to move. Reading
 * a position means testing every power's concerns and ties, and a policy reads the
 * position after each move it considers; but a move changes a few things, and a reading
 * whose conditions read none of them is the same after the move as before. This keeps
 * the position's readings and, for each move, hands back those the move cannot have
 * changed (what the move wrote, as a quick look or `whatIf` reports it, against what the
 * conditions read: written.ts). The result is exactly what reading afresh would give,
 * only cheaper.
 */
import { agendaForTurn, type GameState, holds, influenceTies, openInTurn, PART, POWER_IDS, type PowerId, withWarmth } from '../core/index.ts';
import type { Scenario, ScenarioAction } from '../scenario/types.ts';
import { type KnownReadings, newTrend, unknownReadings } from './known.ts';
import { driftOf, trendOf } from './projection.ts';
import { type Reads, readsOfCondition, readsOfList, type Written, wroteRead } from './written.ts';

/** What a move may write that changes every reading: another turn's agenda. */
const TURN = PART.turn;

/** What each power's concerns and ties, and the trends, read in a turn (kept per turn:
 *  every decision of a turn asks). */
interface TurnReads {
  drift: Reads[];
  target: Reads[];
  trend: Reads;
}

const turnReadsOf = new WeakMap<Scenario, Map<number, TurnReads>>();

function readsInTurn(scenario: Scenario, turn: number): TurnReads {
  let byTurn = turnReadsOf.get(scenario);
  if (!byTurn) {
    byTurn = new Map();
    turnReadsOf.set(scenario, byTurn);
  }
  let r = byTurn.get(turn);
  if (!r) {
    const agenda = agendaForTurn(scenario, turn);
    r = {
      drift: POWER_IDS.map((id) => readsOfList(agenda[id]?.concerns ?? scenario.powers[id].concerns)),
      target: POWER_IDS.map((id) => readsOfList(agenda[id]?.sources ?? scenario.powers[id].influenceSources)),
      trend: readsOfList(openInTurn(scenario, turn, scenario.trends)),
    };
    byTurn.set(turn, r);
  }
  return r;
}

export class Readings {
  private readonly known: KnownReadings = unknownReadings();
  /** What `after` hands out: one set of rows, filled afresh for each move (a score reads
   *  them at once and keeps nothing). */
  private readonly out: KnownReadings = unknownReadings();
  /** The same rows, when the trends must be read again. */
  private readonly outNoTrend: KnownReadings = { drift: this.out.drift, target: this.out.target, trend: null };
  /** What each power's ties come to before warmth (powers.ts influenceTies). */
  private readonly ties = new Float64Array(POWER_IDS.length);
  private readonly driftReads: readonly Reads[];
  private readonly targetReads: readonly Reads[];
  private readonly trendReads: Reads;
  private readonly whenHeld = new Map<ScenarioAction, boolean>();

  constructor(
    private readonly scenario: Scenario,
    s: GameState,
  ) {
    const agenda = agendaForTurn(scenario, s.turn);
    const reads = readsInTurn(scenario, s.turn);
    this.driftReads = reads.drift;
    this.targetReads = reads.target;
    this.trendReads = reads.trend;
    for (let i = 0; i < POWER_IDS.length; i++) {
      const id = POWER_IDS[i] as PowerId;
      const a = agenda[id];
      this.known.drift[i] = driftOf(scenario, s, id, agenda);
      // powers.ts influenceTies, with the agenda already at hand.
      this.ties[i] = a ? influenceTies(scenario, s, id, undefined, a.sources, a.sourceTests) : influenceTies(scenario, s, id);
      this.known.target[i] = withWarmth(this.ties[i] as number, s.powers[id].relation);
    }
    this.known.trend = newTrend();
    trendOf(scenario, s, this.known.trend);
    this.out.trend = this.known.trend;
  }

  /** The position's own readings. */
  all(): KnownReadings {
    return this.known;
  }

  /** The readings of `after`, the position reached by a move that wrote `written` (and
   *  then one that wrote `then`, if given), that need not be read again (NaN, or no
   *  trend, where they must). Valid until the next call. */
  after(after: GameState, written: Written, then?: Written): KnownReadings {
    const out = this.out;
    for (let i = 0; i < POWER_IDS.length; i++) {
      const id = POWER_IDS[i] as PowerId;
      out.drift[i] = wrote(written, then, TURN, this.driftReads[i] as Reads) ? Number.NaN : (this.known.drift[i] as number);
      // A power's ties also count the routes through its territory; its warmth is read
      // from the relation the moves left (the same sum, in the same order, as reading
      // the target afresh).
      out.target[i] = wrote(written, then, TURN | PART.routes, this.targetReads[i] as Reads)
        ? Number.NaN
        : withWarmth(this.ties[i] as number, after.powers[id].relation);
    }
    return wrote(written, then, TURN, this.trendReads) ? this.outNoTrend : out;
  }

  /** Remembers whether each action's conditions hold in the position. */
  noteConditions(s: GameState, actions: readonly ScenarioAction[]): void {
    for (const a of actions) this.whenHeld.set(a, holds(this.scenario, s, a.when));
  }

  /** False when the action's conditions failed in the position and moves that wrote
   *  `written` cannot have changed that; true when they may hold now. */
  mayHold(a: ScenarioAction, written: Written): boolean {
    if (this.whenHeld.get(a) !== false) return true;
    return wrote(written, undefined, TURN, readsOfCondition(a.when));
  }
}

/** Whether a move that wrote `written` (or one after it that wrote `then`) wrote one of
 *  the parts `bits` or something `reads` reads. */
function wrote(written: Written, then: Written | undefined, bits: number, reads: Reads): boolean {
  if ((written.bits & bits) !== 0 || wroteRead(written, reads)) return true;
  return then !== undefined && ((then.bits & bits) !== 0 || wroteRead(then, reads));
}
