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
import { holds } from './conditions.ts';
import { applyEffects } from './effects.ts';
import { nextInt } from './rng.ts';
import { rulesOf } from './rules.ts';
import { own, ownTurnList, setEntry } from './clone.ts';
import type { GameState } from './state.ts';
import { turnMonth } from './time.ts';
import { resolveEventText } from './variants.ts';

interface Candidate {
  event: ScenarioEvent;
  /** The month the event belongs to inside the turn, to raise them in story order. */
  month: number;
  order: number;
}

export function raiseEvents(scenario: Scenario, s: GameState): void {
  const rules = rulesOf(scenario);
  const turnStart = turnMonth(scenario, s.turn);
  const found: Candidate[] = [];
  const add = (event: ScenarioEvent, month: number) => found.push({ event, month, order: found.length });

  const due = s.scheduled.filter((x) => x.turn <= s.turn);
  if (due.length > 0) {
    // An event due now fires if its conditions hold; one allowed to wait stays
    // scheduled until they do or its patience runs out.
    const keep = s.scheduled.filter((x) => x.turn > s.turn);
    for (const x of due) {
      const e = rules.eventById.get(x.event);
      if (!e) continue;
      if (canFire(s, e) && holds(scenario, s, e.conditions)) add(e, turnStart);
      else if (x.wait !== undefined && s.turn < x.turn + x.wait) keep.push(x);
    }
    s.scheduled = keep;
  }
  for (const e of rules.datedByTurn.get(s.turn) ?? []) {
    if (canFire(s, e) && holds(scenario, s, e.conditions) && passesChance(s, e)) add(e, rules.monthOf.get(e) ?? turnStart);
  }
  for (const w of rules.windowed) {
    if (s.turn < w.from || s.turn > w.to) continue;
    // On the window's last turn the chance no longer applies: an event "sometime in
    // this period" happens by its end if its conditions hold.
    if (canFire(s, w.event) && holds(scenario, s, w.event.conditions) && (s.turn === w.to || passesChance(s, w.event))) {
      add(w.event, Math.max(turnStart, rules.monthOf.get(w.event) ?? turnStart));
    }
  }
  for (const e of rules.conditional) {
    if (canFire(s, e) && holds(scenario, s, e.conditions) && passesChance(s, e)) add(e, turnStart);
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
  const rules = rulesOf(scenario);
  const turnStart = turnMonth(scenario, s.turn);
  const found: Candidate[] = [];
  const add = (event: ScenarioEvent, month: number) => found.push({ event, month, order: found.length });
  for (const e of rules.datedByTurn.get(s.turn) ?? []) {
    if (e.chance === undefined && canFire(s, e) && holds(scenario, s, e.conditions)) add(e, rules.monthOf.get(e) ?? turnStart);
  }
  for (const w of rules.windowed) {
    if (s.turn < w.from || s.turn > w.to) continue;
    if ((w.event.chance === undefined || s.turn === w.to) && canFire(s, w.event) && holds(scenario, s, w.event.conditions)) {
      add(w.event, Math.max(turnStart, rules.monthOf.get(w.event) ?? turnStart));
    }
  }
  for (const e of rules.conditional) {
    if (e.chance === undefined && canFire(s, e) && holds(scenario, s, e.conditions)) add(e, turnStart);
  }
  return found;
}

function fireInOrder(scenario: Scenario, s: GameState, found: Candidate[]): void {
  if (found.length === 0) return;
  found.sort((a, b) => a.month - b.month || a.order - b.order);
  for (let i = 0; i < found.length; i++) {
    const e = (found[i] as Candidate).event;
    // An earlier event of the batch may have changed the state with its effects: check again.
    if (i > 0 && !holds(scenario, s, e.conditions)) continue;
    fire(scenario, s, e);
  }
}

/** Whether an event could be raised now outside its schedule (a teacher's injection):
 *  not waiting already, not spent, its conditions holding. */
export function injectable(scenario: Scenario, s: GameState, e: ScenarioEvent): boolean {
  return canFire(s, e) && holds(scenario, s, e.conditions);
}

/** Raises one event now, after any already waiting. */
export function raiseNow(scenario: Scenario, s: GameState, e: ScenarioEvent): void {
  fire(scenario, s, e);
}

/** An event fires once, unless it has `repeat`, in which case it waits that many turns. */
function canFire(s: GameState, e: ScenarioEvent): boolean {
  if (s.pending.includes(e.id)) return false;
  const last = s.fired[e.id];
  if (last === undefined) return true;
  return e.repeat !== undefined && s.turn - last >= e.repeat;
}

/** The chance draw happens only for events whose conditions hold, so it is part of the replay. */
function passesChance(s: GameState, e: ScenarioEvent): boolean {
  return e.chance === undefined || nextInt(s.rng, 100) < e.chance;
}

function fire(scenario: Scenario, s: GameState, e: ScenarioEvent): void {
  setEntry(s, 'fired', e.id, s.turn);
  ownTurnList(s, 'events').push(e.id);
  if (e.effects.length > 0) applyEffects(scenario, s, e.effects, resolveEventText(scenario, s, e).title);
  if (e.choices.length > 0) own(s, 'pending').push(e.id);
}
