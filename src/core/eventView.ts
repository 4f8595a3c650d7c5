/**
 * What the player sees of the event waiting for an answer: its wording for this path,
 * the choices on offer with the changes each would make (read from the effects without
 * drawing, like an action's preview), and whether a choice would end the game.
 */
import type { Effect, Scenario, Source } from '../scenario/types.ts';
import { type PreviewItem, previewEffects } from './actions.ts';
import { monthIndex } from './calendar.ts';
import { rulesOf } from './rules.ts';
import { turnMonth } from './time.ts';
import type { GameState } from './state.ts';
import { offeredChoices, resolveChoiceText, resolveEventText } from './variants.ts';

export interface ChoiceView {
  id: string;
  label: string;
  hint?: string;
  preview: PreviewItem[];
  /** The choice ends the game for certain (`lose` on every path) or may (`lose` on some). */
  ends: 'never' | 'maybe' | 'always';
}

export interface EventView {
  id: string;
  title: string;
  text: string;
  /** The month the event is dated to, or history's month for it when it fires then. */
  month?: string;
  sources: readonly Source[];
  /** The changes the event made on its own when it fired (news and preludes). */
  effects: PreviewItem[];
  choices: ChoiceView[];
}

export function eventView(scenario: Scenario, s: GameState, eventId: string): EventView | null {
  const e = rulesOf(scenario).eventById.get(eventId);
  if (!e) return null;
  const { title, text } = resolveEventText(scenario, s, e);
  const view: EventView = {
    id: e.id,
    title,
    text,
    sources: e.sources,
    effects: previewEffects(scenario, s, e.effects),
    choices: offeredChoices(scenario, s, e).map((c) => {
      const words = resolveChoiceText(scenario, s, c);
      const choice: ChoiceView = { id: c.id, label: words.label, preview: previewEffects(scenario, s, c.effects), ends: endsGame(c.effects) };
      if (words.hint !== undefined) choice.hint = words.hint;
      return choice;
    }),
  };
  // A month is shown only when it is true of this game: the event's date, or the month
  // history gives it when the event fires in the quarter holding that month. Otherwise
  // the dialog shows the quarter.
  const first = turnMonth(scenario, s.turn);
  const inTurn = (m: string) => monthIndex(m) >= first && monthIndex(m) < first + scenario.calendar.monthsPerTurn;
  const month = e.date ?? (e.happened !== undefined && inTurn(e.happened) ? e.happened : undefined);
  if (month !== undefined) view.month = month;
  return view;
}

/** Whether a list of effects ends the game: on every path, on some, or never. */
export function endsGame(effects: readonly Effect[], depth = 0): 'never' | 'maybe' | 'always' {
  if (depth > 8) return 'never';
  let maybe = false;
  for (const e of effects) {
    if (e.op === 'lose' || e.op === 'win') return 'always';
    if (e.op === 'if' || e.op === 'chance') {
      const a = endsGame(e.then, depth + 1);
      const b = endsGame(e.else ?? [], depth + 1);
      if (a === 'always' && b === 'always') return 'always';
      if (a !== 'never' || b !== 'never') maybe = true;
    }
  }
  return maybe ? 'maybe' : 'never';
}
