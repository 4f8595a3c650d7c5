/**
 * Raising events. At the opening of a turn the engine gathers what is due — events
 * scheduled by earlier effects, events dated to this turn, windowed events, conditional
 * ones — and raises them in the order of their months, so a quarter's story reads in
 * the order it happened whatever kind of event told it. After each answer the turn's
 * events are looked at again: a choice can make the next step of the story possible
 * (call Aliyev to Baku, and the Western firms are frozen the same month). Events with a
 * chance roll once, at the opening, so answering never buys another roll.
 *
 * An event with choices waits for the player; a news event (no choices) is reported and
 * its effects apply at once.
 */
import type { Scenario, ScenarioEvent } from '../scenario/types.ts';
import { type Test, testOf } from './conditions.ts';
import { applyEffects } from './effects.ts';
import { nextInt } from './rng.ts';
import { rulesOf } from './rules.ts';
import { own, ownTurnList, setEntry } from './clone.ts';
import type { GameState } from './state.ts';
import { turnMonth } from './time.ts';
import { resolveEventText } from './variants.ts';

interface Candidate {
  rule: EventRule;
  /** The month the event belongs to inside the turn, to raise them in story order. */
  month: number;
  order: number;
}

/**
 * An event as the engine considers raising it, every one in the same shape (agenda.ts says
 * why): its id, its conditions' test (null when it has none), chance and repeat, and the
 * month it is dated to or its window opens.
 */
interface EventRule {
  event: ScenarioEvent;
  id: string;
  test: Test | null;
  chance: number | undefined;
  repeat: number | undefined;
  month: number | undefined;
}

/** The events that can be raised in one turn, from rules.ts's lists, in their order. */
interface TurnEvents {
  dated: EventRule[];
  /** Windowed events whose window holds the turn, and whether it is the window's last turn. */
  windowed: { rule: EventRule; last: boolean }[];
  conditional: EventRule[];
}

const eventRules = new WeakMap<ScenarioEvent, EventRule>();

function ruleOf(scenario: Scenario, e: ScenarioEvent): EventRule {
  let rule = eventRules.get(e);
  if (rule === undefined) {
    rule = {
      event: e,
      id: e.id,
      test: e.conditions === undefined ? null : testOf(e.conditions),
      chance: e.chance,
      repeat: e.repeat,
      month: rulesOf(scenario).monthOf.get(e),
    };
    eventRules.set(e, rule);
  }
  return rule;
}

const turnEventsCache = new WeakMap<Scenario, TurnEvents[]>();

function turnEvents(scenario: Scenario, turn: number): TurnEvents {
  let byTurn = turnEventsCache.get(scenario);
  if (byTurn === undefined) {
    byTurn = [];
    turnEventsCache.set(scenario, byTurn);
  }
  const small = turn >= 0 && turn < 10_000 && Number.isInteger(turn);
  let entry = small ? byTurn[turn] : undefined;
  if (entry === undefined) {
    const rules = rulesOf(scenario);
    entry = {
      dated: (rules.datedByTurn.get(turn) ?? []).map((e) => ruleOf(scenario, e)),
      windowed: rules.windowed.filter((w) => turn >= w.from && turn <= w.to).map((w) => ({ rule: ruleOf(scenario, w.event), last: turn === w.to })),
      conditional: rules.conditional.map((e) => ruleOf(scenario, e)),
    };
    if (small) byTurn[turn] = entry;
  }
  return entry;
}

const holdsNow = (scenario: Scenario, s: GameState, rule: EventRule) => rule.test === null || rule.test(scenario, s);

export function raiseEvents(scenario: Scenario, s: GameState): void {
  const turnStart = turnMonth(scenario, s.turn);
  const found: Candidate[] = [];
  const add = (rule: EventRule, month: number) => found.push({ rule, month, order: found.length });

  if (s.scheduled.length > 0) {
    const due = s.scheduled.filter((x) => x.turn <= s.turn);
    if (due.length > 0) {
      // An event due now fires if its conditions hold; one allowed to wait stays
      // scheduled until they do or its patience runs out.
      const rules = rulesOf(scenario);
      const keep = s.scheduled.filter((x) => x.turn > s.turn);
      for (const x of due) {
        const e = rules.eventById.get(x.event);
        if (!e) continue;
        const rule = ruleOf(scenario, e);
        if (canFire(s, rule) && holdsNow(scenario, s, rule)) add(rule, turnStart);
        else if (x.wait !== undefined && s.turn < x.turn + x.wait) keep.push(x);
      }
      s.scheduled = keep;
    }
  }
  const now = turnEvents(scenario, s.turn);
  for (const rule of now.dated) {
    if (canFire(s, rule) && holdsNow(scenario, s, rule) && passesChance(s, rule)) add(rule, rule.month ?? turnStart);
  }
  for (const { rule, last } of now.windowed) {
    // On the window's last turn the chance no longer applies: an event "sometime in
    // this period" happens by its end if its conditions hold.
    if (canFire(s, rule) && holdsNow(scenario, s, rule) && (last || passesChance(s, rule))) {
      add(rule, Math.max(turnStart, rule.month ?? turnStart));
    }
  }
  for (const rule of now.conditional) {
    if (canFire(s, rule) && holdsNow(scenario, s, rule) && passesChance(s, rule)) add(rule, turnStart);
  }
  fireInOrder(scenario, s, found);
}

/**
 * After the player answers: events of this turn whose conditions the answer has made
 * true are raised now rather than a quarter late. No draw is made here: events with a
 * chance had their roll at the opening.
 */
export function raiseFollowUps(scenario: Scenario, s: GameState): void {
  fireInOrder(scenario, s, followUps(scenario, s));
}

/** Whether an answer has made an event of this turn due (what raiseFollowUps would
 *  raise): a policy's quick look at an answer leaves those to the engine. */
export function followUpsDue(scenario: Scenario, s: GameState): boolean {
  return followUps(scenario, s).length > 0;
}

function followUps(scenario: Scenario, s: GameState): Candidate[] {
  const turnStart = turnMonth(scenario, s.turn);
  const found: Candidate[] = [];
  const add = (rule: EventRule, month: number) => found.push({ rule, month, order: found.length });
  const now = turnEvents(scenario, s.turn);
  for (const rule of now.dated) {
    if (rule.chance === undefined && canFire(s, rule) && holdsNow(scenario, s, rule)) add(rule, rule.month ?? turnStart);
  }
  for (const { rule, last } of now.windowed) {
    if ((rule.chance === undefined || last) && canFire(s, rule) && holdsNow(scenario, s, rule)) {
      add(rule, Math.max(turnStart, rule.month ?? turnStart));
    }
  }
  for (const rule of now.conditional) {
    if (rule.chance === undefined && canFire(s, rule) && holdsNow(scenario, s, rule)) add(rule, turnStart);
  }
  return found;
}

function fireInOrder(scenario: Scenario, s: GameState, found: Candidate[]): void {
  if (found.length === 0) return;
  found.sort((a, b) => a.month - b.month || a.order - b.order);
  for (let i = 0; i < found.length; i++) {
    const rule = (found[i] as Candidate).rule;
    // An earlier event of the batch may have changed the state with its effects: check again.
    if (i > 0 && !holdsNow(scenario, s, rule)) continue;
    fire(scenario, s, rule.event);
  }
}

/** Whether an event could be raised now outside its schedule (a teacher's injection):
 *  not waiting already, not spent, its conditions holding. */
export function injectable(scenario: Scenario, s: GameState, e: ScenarioEvent): boolean {
  const rule = ruleOf(scenario, e);
  return canFire(s, rule) && holdsNow(scenario, s, rule);
}

/** Raises one event now, after any already waiting. */
export function raiseNow(scenario: Scenario, s: GameState, e: ScenarioEvent): void {
  fire(scenario, s, e);
}

/** An event fires once, unless it has `repeat`, in which case it waits that many turns. */
function canFire(s: GameState, e: EventRule): boolean {
  if (s.pending.includes(e.id)) return false;
  const last = s.fired[e.id];
  if (last === undefined) return true;
  return e.repeat !== undefined && s.turn - last >= e.repeat;
}

/** The chance draw happens only for events whose conditions hold, so it is part of the replay. */
function passesChance(s: GameState, e: EventRule): boolean {
  return e.chance === undefined || nextInt(s.rng, 100) < e.chance;
}

function fire(scenario: Scenario, s: GameState, e: ScenarioEvent): void {
  setEntry(s, 'fired', e.id, s.turn);
  ownTurnList(s, 'events').push(e.id);
  if (e.effects.length > 0) applyEffects(scenario, s, e.effects, resolveEventText(scenario, s, e).title);
  if (e.choices.length > 0) own(s, 'pending').push(e.id);
}
