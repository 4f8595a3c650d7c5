/**
 * A quick look at an action: the position it leads to, built without the engine, for
 * the policies that weigh every action they could take (issue 12: a look through the
 * engine cost as much as a whole turn of replay, and the balancer makes ~2,400 a game).
 *
 * An action's effects add to or set variables, set flags and counters, change routes,
 * schedule events and branch on `if` or `chance`. This works them out as the engine does
 * — act's cost and use first, then the effects in order, each change rounded and clamped
 * as vars.ts `change` does, with the same draws from the same generator — on the
 * position itself, written in place and put back afterwards (quickDraft.ts), and hands
 * that to the policy's score. It gives up (the policy
 * then looks through the engine) on an effect it does not keep (a field, a loss, a win),
 * when the move ends the game, and when a condition the look may test reads what it does
 * not keep (the schedule). Otherwise every number and condition the score reads is the
 * same in its position as in the engine's, so the score is the same to the last bit
 * (checked against the engine's look over every shipped scenario: see notes/engine.md).
 */
import {
  agendaForTurn,
  checkLoss,
  counterAfter,
  type Footprint,
  followUpsDue,
  type GameState,
  holds,
  MAX_STEPS,
  nextInt,
  openInTurn,
  PART,
  POWER_IDS,
  type RngState,
  readsOf,
  readsOfAll,
  type Touched,
  touches,
  writeRoute,
} from '../core/index.ts';
import type { Effect, Scenario, ScenarioAction, ScenarioEvent } from '../scenario/types.ts';
import { begin, change, type Draft, giveBack, ownRoute, peek, SLOTS, type Slot, setEntry, setField, takeDraft, undo } from './quickDraft.ts';
import { deltaOf, type QuickStep, STEP, stepsOf } from './quickSteps.ts';
import { joinReads, type Reads, readsOfList, type Written, wroteRead } from './written.ts';

type ScenarioChoice = ScenarioEvent['choices'][number];

const EMPTY: readonly { when?: undefined }[] = [];
/** The cost's two slots, found once rather than by name in every look. */
const CAPITAL = SLOTS.get('capital') as Slot;
const TREASURY = SLOTS.get('treasury') as Slot;
const turnReads = new WeakMap<Scenario, Map<number, Footprint[]>>();

/** What a look may test in a turn, besides the actions' own conditions: every power's
 *  agenda (concerns and ties), the trends in force, the ways to lose and win. */
function readsInTurn(scenario: Scenario, turn: number): Footprint[] {
  let byTurn = turnReads.get(scenario);
  if (!byTurn) {
    byTurn = new Map();
    turnReads.set(scenario, byTurn);
  }
  let list = byTurn.get(turn);
  if (!list) {
    const agenda = agendaForTurn(scenario, turn);
    list = [];
    for (const id of POWER_IDS) {
      list.push(readsOfAll(agenda[id]?.concerns ?? scenario.powers[id].concerns));
      list.push(readsOfAll(agenda[id]?.sources ?? scenario.powers[id].influenceSources));
    }
    list.push(readsOfAll(openInTurn(scenario, turn, scenario.trends)));
    list.push(readsOfAll(scenario.outcomes.lose));
    list.push(readsOfAll(scenario.outcomes.win ?? EMPTY));
    byTurn.set(turn, list);
  }
  return list;
}

const lossReadsOf = new WeakMap<Scenario, Reads>();

/** What `checkLoss` reads: the lose and win rules' conditions and the flags a `lose` effect sets. */
function lossReads(scenario: Scenario): Reads {
  let r = lossReadsOf.get(scenario);
  if (!r) {
    const { lose, win } = scenario.outcomes;
    r = joinReads(
      [readsOfList(lose), readsOfList(win ?? [])],
      lose.map((x) => `lost-${x.id}`),
    );
    lossReadsOf.set(scenario, r);
  }
  return r;
}

const keyedReadsOf = new WeakMap<Scenario, { uses: Set<string>; lastTaken: Set<string> }>();

/**
 * The actions whose use count (`took`) or last turn taken (`turnsSince`, `before`) some
 * condition of the scenario reads: found by walking the whole scenario for every `took`
 * and every `action` named anywhere, more than the conditions read, never less.
 */
export function keyedReads(scenario: Scenario): { uses: Set<string>; lastTaken: Set<string> } {
  let r = keyedReadsOf.get(scenario);
  if (!r) {
    const found = { uses: new Set<string>(), lastTaken: new Set<string>() };
    const walk = (x: unknown, depth: number): void => {
      if (typeof x !== 'object' || x === null || depth > 64) return;
      if (Array.isArray(x)) {
        for (const y of x) walk(y, depth + 1);
        return;
      }
      const o = x as Record<string, unknown>;
      if (typeof o.took === 'string') found.uses.add(o.took);
      if (typeof o.action === 'string') found.lastTaken.add(o.action);
      for (const k of Object.keys(o)) walk(o[k], depth + 1);
    };
    walk(scenario, 0);
    r = found;
    keyedReadsOf.set(scenario, r);
  }
  return r;
}

/**
 * An action as a look takes it: its id, its cost, its effects as steps, and whether a
 * condition of its scenario reads its uses or the turn it was taken (keyedReads). One
 * lookup a look instead of two set lookups, the steps' lookup and the reads of the
 * scenario's action objects, whose optional fields give them many shapes.
 */
interface TakenAction {
  id: string;
  capital: number;
  treasury: number;
  steps: QuickStep[];
  countsUse: boolean;
  countsTurn: boolean;
}

/** By scenario (keyedReads is the scenario's; two scenarios may share an action object), then by action. */
const takenActions = new WeakMap<Scenario, WeakMap<ScenarioAction, TakenAction>>();

function takenIn(scenario: Scenario): WeakMap<ScenarioAction, TakenAction> {
  let m = takenActions.get(scenario);
  if (m === undefined) {
    m = new WeakMap();
    takenActions.set(scenario, m);
  }
  return m;
}

export class QuickLooks {
  /** What a look may test besides the score (readsInTurn, the closed actions'
   *  conditions): asked only when a move wrote what the draft leaves out. */
  private reads: Footprint[] | null = null;
  private readonly lossReads: Reads;
  /** Whether the position itself meets a rule that ends the game (`checkLoss`); when it
   *  does not, a move that wrote nothing the rules read does not either. */
  private readonly endsHere: boolean;

  /** `s`: the position moves are weighed from; `closed`: the actions whose conditions
   *  the look tests after the move (a policy's look one step further). */
  constructor(
    private readonly scenario: Scenario,
    private readonly s: GameState,
    private readonly closed: readonly ScenarioAction[],
  ) {
    this.lossReads = lossReads(scenario);
    this.endsHere = checkLoss(scenario, s) !== null;
    this.keyed = keyedReads(scenario);
    this.takenActions = takenIn(scenario);
  }

  /** What the scenario's conditions read of the actions' uses and turns taken. */
  private readonly keyed: { uses: Set<string>; lastTaken: Set<string> };
  /** The scenario's actions as looks take them. */
  private readonly takenActions: WeakMap<ScenarioAction, TakenAction>;

  /** `a` as a look takes it (TakenAction), read once per action. */
  private taken(a: ScenarioAction): TakenAction {
    let x = this.takenActions.get(a);
    if (x === undefined) {
      x = {
        id: a.id,
        capital: a.cost.capital,
        treasury: a.cost.treasury,
        steps: stepsOf(a.effects),
        countsUse: this.keyed.uses.has(a.id),
        countsTurn: this.keyed.lastTaken.has(a.id),
      };
      this.takenActions.set(a, x);
    }
    return x;
  }

  /**
   * What `look` makes of the position after taking `a` (available in the position) with
   * `rng` as the game's generator, and of what the move wrote; undefined when the engine
   * must be asked. The position and what it wrote are valid only while `look` runs.
   */
  look<T>(a: ScenarioAction, rng: RngState, look: (after: GameState, written: Written) => T): T | undefined {
    const x = this.taken(a);
    const d = takeDraft();
    begin(d, this.s, rng, PART.lastTaken);
    d.written.uses.push(x.id);
    try {
      // engine.ts act: the cost, the use and the turn taken, then the effects.
      change(d, CAPITAL, -x.capital, this.scenario);
      if (x.treasury > 0) change(d, TREASURY, -x.treasury, this.scenario);
      // The use and the turn taken are written into the position only when a condition
      // the look may test reads them (what the move wrote says so either way): two keyed
      // writes and their undoing a look, ~1 µs, for entries nothing else reads.
      if (x.countsUse) setEntry(d, 'uses', x.id, (d.s.uses[x.id] ?? 0) + 1);
      if (x.countsTurn) setEntry(d, 'lastTaken', x.id, this.s.turn);
      this.run(d, x.steps);
      if (!this.settled(d)) return undefined;
      return look(d.s, d.written);
    } finally {
      undo(d);
      giveBack(d);
    }
  }

  /**
   * The same for answering `event` (the pending one) with `choice`; undefined also when
   * the choice is not open, and when the answer makes another event of the turn due
   * (the engine raises it at once).
   */
  lookChoice<T>(event: ScenarioEvent, choice: ScenarioChoice, rng: RngState, look: (after: GameState, written: Written) => T): T | undefined {
    if (this.s.pending[0] !== event.id || !holds(this.scenario, this.s, choice.when)) return undefined;
    // The waiting list changes: the engine reports that as PART.other.
    const d = takeDraft();
    begin(d, this.s, rng, PART.other);
    try {
      // engine.ts choose: the answer leaves the waiting list and is recorded, then the effects.
      setField(d, 'pending', d.s.pending.slice(1), PART.other);
      setEntry(d, 'chosen', event.id, choice.id);
      this.run(d, stepsOf(choice.effects));
      if (d.unmodeled !== 0 || !this.settled(d) || followUpsDue(this.scenario, d.s)) return undefined;
      return look(d.s, d.written);
    } finally {
      undo(d);
      giveBack(d);
    }
  }

  /** Whether the draft is the engine's position: every effect kept, nothing the look
   *  tests reading what was left out, and the game not over. */
  private settled(d: Draft): boolean {
    if (!d.ok) return false;
    if (d.unmodeled !== 0) {
      const left: Touched = { bits: d.unmodeled, flags: [], fired: [], chosen: [], uses: [] };
      if (!this.reads) {
        this.reads = readsInTurn(this.scenario, this.s.turn).slice();
        for (const b of this.closed) this.reads.push(readsOf(b.when));
      }
      for (const f of this.reads) if (touches(left, f)) return false;
    }
    // A lost (or won) position scores by its outcome.
    if (!this.endsHere && !wroteRead(d.written, this.lossReads)) return true;
    return checkLoss(this.scenario, d.s) === null;
  }

  /** Runs an effect list's steps (quickSteps.ts); a list deeper than MAX_DEPTH has none. */
  private run(d: Draft, steps: readonly QuickStep[]): void {
    for (let i = 0; i < steps.length; i++) {
      d.steps++;
      if (d.steps > MAX_STEPS || !d.ok) return;
      this.one(d, steps[i] as QuickStep);
    }
  }

  /** effects.ts `applyOne`, for the effects the draft keeps. */
  private one(d: Draft, step: QuickStep): void {
    const s = d.s;
    switch (step.kind) {
      case STEP.add: {
        // Drawn whether or not the draft keeps the variable, as the engine draws it.
        const delta = deltaOf(s, step);
        if (step.slot) change(d, step.slot, delta, this.scenario);
        return;
      }
      case STEP.set: {
        const slot = step.slot;
        if (slot) change(d, slot, step.amount - peek(d, slot, this.scenario), this.scenario);
        return;
      }
      case STEP.flag:
        setEntry(d, 'flags', step.key, step.value);
        return;
      case STEP.counter: {
        const e = step.effect as Extract<Effect, { op: 'inc' | 'dec' }>;
        const next = counterAfter(s, e);
        setEntry(d, 'flags', e.counter, next === 0 ? undefined : next);
        return;
      }
      case STEP.route: {
        const e = step.effect as Extract<Effect, { op: 'route' }>;
        const def = this.scenario.energy.routes.find((x) => x.id === e.route);
        const r = ownRoute(d, e.route);
        if (r && def) writeRoute(s, r, def, e);
        return;
      }
      case STEP.if:
        this.run(d, step.test === null || step.test(this.scenario, s) ? step.holds : step.otherwise);
        return;
      case STEP.chance:
        this.run(d, nextInt(s.rng, 100) < step.amount ? step.holds : step.otherwise);
        return;
      case STEP.schedule:
        // The schedule: read by no condition the draft tests (checked in `look`).
        d.written.bits |= PART.other;
        d.unmodeled |= PART.other;
        return;
      case STEP.leader:
        setField(d, 'leader', step.key, PART.leader);
        return;
      default:
        // A field, a loss, a win: the engine's business.
        d.ok = false;
    }
  }
}
