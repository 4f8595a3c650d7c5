/**
 * Raising events at the opening of a turn, and resolving the player's choice.
 * Order: events scheduled by earlier effects, then events dated to this turn, then
 * windowed events, then conditional ones, each group in scenario order.
 */
import type { Scenario, ScenarioEvent } from '../scenario/types.ts';
import { holds } from './conditions.ts';
import { nextInt } from './rng.ts';
import { rulesOf } from './rules.ts';
import { own, ownTurnList } from './clone.ts';
import type { GameState } from './state.ts';

export function raiseEvents(scenario: Scenario, s: GameState): void {
  const rules = rulesOf(scenario);
  const due = s.scheduled.filter((x) => x.turn <= s.turn);
  if (due.length > 0) {
    s.scheduled = s.scheduled.filter((x) => x.turn > s.turn);
    for (const x of due) {
      const e = rules.eventById.get(x.event);
      if (e && holds(scenario, s, e.conditions)) fire(s, e);
    }
  }
  for (const e of rules.datedByTurn.get(s.turn) ?? []) {
    if (canFire(s, e) && holds(scenario, s, e.conditions) && passesChance(s, e)) fire(s, e);
  }
  for (const w of rules.windowed) {
    if (s.turn < w.from || s.turn > w.to) continue;
    // On the window's last turn the chance no longer applies: an event "sometime in
    // this period" happens by its end if its conditions hold.
    if (canFire(s, w.event) && holds(scenario, s, w.event.conditions) && (s.turn === w.to || passesChance(s, w.event))) fire(s, w.event);
  }
  for (const e of rules.conditional) {
    if (canFire(s, e) && holds(scenario, s, e.conditions) && passesChance(s, e)) fire(s, e);
  }
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

function fire(s: GameState, e: ScenarioEvent): void {
  own(s, 'fired')[e.id] = s.turn;
  own(s, 'pending').push(e.id);
  ownTurnList(s, 'events').push(e.id);
}
