/**
 * Text that follows the player's path. An event or choice may carry variants, each with
 * a condition; the first whose condition holds supplies the wording. Read when the text
 * is shown, so it always matches the state the player is looking at.
 */
import type { Scenario, ScenarioEvent } from '../scenario/types.ts';
import { holds } from './conditions.ts';
import type { GameState } from './state.ts';

type Choice = ScenarioEvent['choices'][number];

export function resolveEventText(scenario: Scenario, s: GameState, e: ScenarioEvent): { title: string; text: string } {
  let title = e.title;
  let text = e.text;
  for (const v of e.variants ?? []) {
    if (holds(scenario, s, v.when)) {
      if (v.title !== undefined) title = v.title;
      if (v.text !== undefined) text = v.text;
      break;
    }
  }
  return { title, text };
}

export function resolveChoiceText(scenario: Scenario, s: GameState, c: Choice): { label: string; hint?: string } {
  for (const v of c.variants ?? []) {
    if (holds(scenario, s, v.when)) {
      const hint = v.hint ?? c.hint;
      return hint === undefined ? { label: v.label ?? c.label } : { label: v.label ?? c.label, hint };
    }
  }
  return c.hint === undefined ? { label: c.label } : { label: c.label, hint: c.hint };
}

/** The choices the player is offered now: a choice whose `when` fails is not shown. */
export function offeredChoices(scenario: Scenario, s: GameState, e: ScenarioEvent): Choice[] {
  return e.choices.filter((c) => holds(scenario, s, c.when));
}
