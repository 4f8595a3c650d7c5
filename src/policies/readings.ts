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
import { powerAt } from '../core/slots.ts';
import { driftOf, trendOf } from './projection.ts';
import { type Reads, readsOfCondition, readsOfList, type Written, wroteRead } from './written.ts';

/** What a move may write that changes every reading: another turn's agenda. */
const TURN = PART.turn;

/** The readings a Readings keeps, one bit each: each power's drift (POWER_IDS order),
 *  then each power's ties, then the trends. */
const TIES = POWER_IDS.length;
const TREND = 2 * POWER_IDS.length;
const READINGS = TREND + 1;

/** What each power's concerns and ties, and the trends, read in a turn (kept per turn:
 *  every decision of a turn asks), and, worked out from that once, which readings a move
 *  makes read again (see `dirty`). */
interface TurnReads {
  drift: Reads[];
  target: Reads[];
  trend: Reads;
  /** Per reading: the parts that make it read again after a quick look (which names the
   *  variables it wrote) and after the engine's (which names parts only), and the
   *  variables. A power's ties also count the routes through its territory. */
  quickBits: Int32Array;
  engineBits: Int32Array;
  vars: Int32Array;
  /** Per entry of a keyed record some reading reads: the readings that read it. */
  flags: Map<string, number>;
  fired: Map<string, number>;
  chosen: Map<string, number>;
  uses: Map<string, number>;
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
    const drift = POWER_IDS.map((id) => readsOfList(agenda[id]?.concerns ?? scenario.powers[id].concerns));
    const target = POWER_IDS.map((id) => readsOfList(agenda[id]?.sources ?? scenario.powers[id].influenceSources));
    const trend = readsOfList(openInTurn(scenario, turn, scenario.trends));
    r = {
      drift,
      target,
      trend,
      quickBits: new Int32Array(READINGS),
      engineBits: new Int32Array(READINGS),
      vars: new Int32Array(READINGS),
      flags: new Map(),
      fired: new Map(),
      chosen: new Map(),
      uses: new Map(),
    };
    const all = [...drift, ...target, trend];
    for (let i = 0; i < READINGS; i++) {
      const x = all[i] as Reads;
      const extra = i >= TIES && i < TREND ? TURN | PART.routes : TURN;
      r.quickBits[i] = extra | x.otherBits;
      r.engineBits[i] = extra | x.footprint.bits;
      r.vars[i] = x.vars;
      for (const key of ['flags', 'fired', 'chosen', 'uses'] as const) for (const id of x.footprint[key]) r[key].set(id, (r[key].get(id) ?? 0) | (1 << i));
    }
    byTurn.set(turn, r);
  }
  return r;
}

/** The readings (bits as above) a move that wrote `w` may have changed: the same answer,
 *  reading by reading, as `wrote(w, undefined, extra, reads)` below, found with a few
 *  lookups of what the move wrote instead of a set lookup per reading and keyed record. */
function dirty(t: TurnReads, w: Written): number {
  let m = 0;
  const vars = w.vars;
  if (vars === undefined) {
    for (let i = 0; i < READINGS; i++) if ((w.bits & (t.engineBits[i] as number)) !== 0) m |= 1 << i;
  } else {
    for (let i = 0; i < READINGS; i++) if ((w.bits & (t.quickBits[i] as number)) !== 0 || (vars & (t.vars[i] as number)) !== 0) m |= 1 << i;
  }
  return m | readers(w.flags, t.flags) | readers(w.fired, t.fired) | readers(w.chosen, t.chosen) | readers(w.uses, t.uses);
}

function readers(written: readonly string[], by: ReadonlyMap<string, number>): number {
  let m = 0;
  if (by.size === 0) return m;
  for (let j = 0; j < written.length; j++) m |= by.get(written[j] as string) ?? 0;
  return m;
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
  private readonly reads: TurnReads;
  /** Each noted action's conditions in the position: null when they hold, what they read
   *  when they fail (found once here, not on every `mayHold`). */
  private readonly whenHeld = new Map<ScenarioAction, Reads | null>();
  private readonly turn: number;

  constructor(
    private readonly scenario: Scenario,
    s: GameState,
  ) {
    this.turn = s.turn;
    this.reads = readsInTurn(scenario, s.turn);
    this.known.trend = newTrend();
    this.out.trend = this.known.trend;
    this.read(s, (1 << READINGS) - 1);
  }

  /** Reads again the readings in `which` (bits as in `dirty`), and every power's warmth. */
  private read(s: GameState, which: number): void {
    const scenario = this.scenario;
    const agenda = agendaForTurn(scenario, s.turn);
    for (let i = 0; i < POWER_IDS.length; i++) {
      const id = POWER_IDS[i] as PowerId;
      const a = agenda[id];
      if ((which & (1 << i)) !== 0) this.known.drift[i] = driftOf(scenario, s, id, agenda);
      // powers.ts influenceTies, with the agenda already at hand.
      if ((which & (1 << (TIES + i))) !== 0)
        this.ties[i] = a ? influenceTies(scenario, s, id, undefined, a.sources, a.sourceTests, a.sourceFlags) : influenceTies(scenario, s, id);
      this.known.target[i] = withWarmth(this.ties[i] as number, powerAt(s.powers, i).relation);
    }
    if ((which & (1 << TREND)) !== 0) trendOf(scenario, s, this.known.trend as Float64Array);
  }

  /**
   * The readings of `s`, the position this one's became by a move in the same turn that
   * wrote at most `written` (the move the policy took, which the engine then made): those
   * the move cannot have changed are kept, the rest read again, and so are the actions'
   * conditions noted. The same readings, number for number, as reading `s` afresh.
   */
  moveOn(s: GameState, written: Written): void {
    if (s.turn !== this.turn) throw new Error('readings carried into another turn');
    this.read(s, dirty(this.reads, written));
    for (const [a, failed] of this.whenHeld) if (wrote(written, undefined, TURN, failed ?? readsOfCondition(a.when))) this.whenHeld.delete(a);
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
    const m = then === undefined ? dirty(this.reads, written) : dirty(this.reads, written) | dirty(this.reads, then);
    for (let i = 0; i < POWER_IDS.length; i++) {
      out.drift[i] = (m & (1 << i)) !== 0 ? Number.NaN : (this.known.drift[i] as number);
      // Its warmth is read from the relation the moves left (the same sum, in the same
      // order, as reading the target afresh).
      out.target[i] = (m & (1 << (TIES + i))) !== 0 ? Number.NaN : withWarmth(this.ties[i] as number, powerAt(after.powers, i).relation);
    }
    return (m & (1 << TREND)) !== 0 ? this.outNoTrend : out;
  }

  /** Remembers whether each action's conditions hold in the position (those not known). */
  noteConditions(s: GameState, actions: readonly ScenarioAction[]): void {
    for (const a of actions) if (!this.whenHeld.has(a)) this.whenHeld.set(a, holds(this.scenario, s, a.when) ? null : readsOfCondition(a.when));
  }

  /** False when the action's conditions failed in the position and moves that wrote
   *  `written` cannot have changed that; true when they may hold now. */
  mayHold(a: ScenarioAction, written: Written): boolean {
    return mayHoldWith(this.whenHeld.get(a) ?? null, written);
  }

  /** What `mayHold` reads of each of `actions` (noted first), in their order: for a caller
   *  that asks after every look (`mayHoldWith`), one map lookup an action a decision
   *  rather than one an action a look. */
  conditionsOf(actions: readonly ScenarioAction[]): (Reads | null)[] {
    return actions.map((a) => this.whenHeld.get(a) ?? null);
  }
}

/** Readings.mayHold of an action whose entry of `conditionsOf` is `failed`. */
export function mayHoldWith(failed: Reads | null, written: Written): boolean {
  return failed === null || wrote(written, undefined, TURN, failed);
}

/** Whether a move that wrote `written` (or one after it that wrote `then`) wrote one of
 *  the parts `bits` or something `reads` reads. */
function wrote(written: Written, then: Written | undefined, bits: number, reads: Reads): boolean {
  if ((written.bits & bits) !== 0 || wroteRead(written, reads)) return true;
  return then !== undefined && ((then.bits & bits) !== 0 || wroteRead(then, reads));
}
