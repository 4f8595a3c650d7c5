/** The game calendar as seen from a scenario and a turn number. */
import type { Scenario } from '../scenario/types.ts';
import { monthString, turnStart } from './calendar.ts';

export function turnMonth(scenario: Scenario, turn: number): number {
  return turnStart(scenario.calendar, turn);
}

export function turnDate(scenario: Scenario, turn: number): string {
  return monthString(turnStart(scenario.calendar, turn));
}

export function calendarYear(scenario: Scenario, turn: number): number {
  return Math.floor(turnStart(scenario.calendar, turn) / 12);
}
