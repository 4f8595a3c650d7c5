/**
 * What a policy weighing its moves from one position can keep from move to move. Reading
 * a position means testing every power's concerns and ties, and a policy reads the
 * position after each move it considers; but a move changes a few things, and a reading
 * whose conditions read none of them is the same after the move as before. This keeps
 * the position's readings and, for each move, hands back those the move cannot have
 * changed (what the move wrote, as `whatIf` reports it, against what the conditions
 * read). The result is exactly what reading afresh would give, only cheaper.
 */
import {
  agendaForTurn,
  type Footprint,
  type GameState,
  holds,
  influenceTiesNow,
  PART,
  POWER_IDS,
  type PowerId,
  readsOf,
  readsOfAll,
  type Touched,
  touches,
  withWarmth,
} from '../core/index.ts';
import type { Scenario, ScenarioAction } from '../scenario/types.ts';
import { agendaDrift, type KnownReadings } from './evaluate.ts';

/** What a move may write that changes every reading: another turn's agenda. */
const TURN = PART.turn;

export class Readings {
  private readonly known: KnownReadings = { drift: {}, target: {} };
  /** What each power's ties come to before warmth (powers.ts influenceTies). */
  private readonly ties = {} as Record<PowerId, number>;
  private readonly driftReads = {} as Record<PowerId, Footprint>;
  private readonly targetReads = {} as Record<PowerId, Footprint>;
  private readonly whenHeld = new Map<ScenarioAction, boolean>();

  constructor(
    private readonly scenario: Scenario,
    s: GameState,
  ) {
    const agenda = agendaForTurn(scenario, s.turn);
    for (const id of POWER_IDS) {
      this.known.drift[id] = agendaDrift(scenario, s, id);
      this.ties[id] = influenceTiesNow(scenario, s, id);
      this.known.target[id] = withWarmth(this.ties[id], s.powers[id].relation);
      this.driftReads[id] = readsOfAll(agenda[id]?.concerns ?? scenario.powers[id].concerns);
      this.targetReads[id] = readsOfAll(agenda[id]?.sources ?? scenario.powers[id].influenceSources);
    }
  }

  /** The position's own readings. */
  all(): KnownReadings {
    return this.known;
  }

  /** The readings of `after`, the position reached by a move that wrote `written` (and
   *  then one that wrote `then`, if given), that need not be read again. */
  after(after: GameState, written: Touched, then?: Touched): KnownReadings {
    const out: KnownReadings = { drift: {}, target: {} };
    for (const id of POWER_IDS) {
      if (!wrote(written, then, TURN, this.driftReads[id])) out.drift[id] = this.known.drift[id];
      // A power's ties also count the routes through its territory; its warmth is read
      // from the relation the moves left (the same sum, in the same order, as reading
      // the target afresh).
      if (!wrote(written, then, TURN | PART.routes, this.targetReads[id])) out.target[id] = withWarmth(this.ties[id], after.powers[id].relation);
    }
    return out;
  }

  /** Remembers whether each action's conditions hold in the position. */
  noteConditions(s: GameState, actions: readonly ScenarioAction[]): void {
    for (const a of actions) this.whenHeld.set(a, holds(this.scenario, s, a.when));
  }

  /** False when the action's conditions failed in the position and moves that wrote
   *  `written` cannot have changed that; true when they may hold now. */
  mayHold(a: ScenarioAction, written: Touched): boolean {
    if (this.whenHeld.get(a) !== false) return true;
    return wrote(written, undefined, TURN, readsOf(a.when));
  }
}

/** Whether a move that wrote `written` (or one after it that wrote `then`) wrote one of
 *  the parts `bits` or something `reads` reads. */
function wrote(written: Touched, then: Touched | undefined, bits: number, reads: Footprint): boolean {
  if ((written.bits & bits) !== 0 || touches(written, reads)) return true;
  return then !== undefined && ((then.bits & bits) !== 0 || touches(then, reads));
}
