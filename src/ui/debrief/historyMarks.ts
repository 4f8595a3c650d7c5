/**
 * How a decision stands against history, and what history did that the player did not:
 * an action or choice is history's only at the date Azerbaijan took it; anything else is
 * the player's own (issue 7 §2). No DOM here.
 */
import { monthIndex, rulesOf } from '../../core/index.ts';
import type { GameState } from '../../core/index.ts';
import type { Scenario, Source } from '../../scenario/types.ts';

export type HistoryMark =
  /** The player did what Azerbaijan did; `sameTime` when also in the same quarter. */
  | { kind: 'same'; when: string | null; sameTime: boolean }
  /** History answered this event otherwise. */
  | { kind: 'other'; what: string; when: string | null }
  /** An action history took, but at other dates: the timing is the player's. */
  | { kind: 'elsewhen'; when: string[] }
  /** An action history never took: the player's own move. */
  | { kind: 'own' }
  /** An event the sources do not record (a what-if). */
  | { kind: 'what-if' }
  /** An event whose answer the sources do not record. */
  | { kind: 'unrecorded' };

/** Something Azerbaijan did in history, in the span played, that the player did not. */
export interface Missed {
  month: string;
  title: string;
  what: string;
  sources: readonly Source[];
}

export const monthLabel = (m: string) => {
  const names = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return `${names[Number(m.slice(5, 7)) - 1] ?? ''} ${m.slice(0, 4)}`;
};

/** The quarter's months [first, last] as month indexes. */
export function turnMonths(scenario: Scenario, turn: number): [number, number] {
  const first = monthIndex(scenario.calendar.start) + turn * scenario.calendar.monthsPerTurn;
  return [first, first + scenario.calendar.monthsPerTurn - 1];
}

export function historyOfChoice(scenario: Scenario, eventId: string, choiceId: string, turn: number): HistoryMark {
  const event = rulesOf(scenario).eventById.get(eventId);
  if (!event) return { kind: 'unrecorded' };
  if (event.whatIf) return { kind: 'what-if' };
  const theirs = event.choices.find((c) => c.historical);
  if (!theirs) return { kind: 'unrecorded' };
  const when = event.happened ?? event.date ?? null;
  if (theirs.id !== choiceId) return { kind: 'other', what: theirs.label, when };
  const [a, b] = turnMonths(scenario, turn);
  return { kind: 'same', when, sameTime: when !== null && monthIndex(when) >= a && monthIndex(when) <= b };
}

export function historyOfAction(scenario: Scenario, actionId: string, turn: number): HistoryMark {
  const months = rulesOf(scenario).actionById.get(actionId)?.historical ?? [];
  if (months.length === 0) return { kind: 'own' };
  const [a, b] = turnMonths(scenario, turn);
  const now = months.find((m) => monthIndex(m) >= a && monthIndex(m) <= b);
  return now ? { kind: 'same', when: now, sameTime: true } : { kind: 'elsewhen', when: [...months] };
}

export const diverged = (h: HistoryMark) => h.kind === 'other' || h.kind === 'elsewhen' || h.kind === 'own';

export function missedHistory(scenario: Scenario, s: GameState): Missed[] {
  const played = s.history.length;
  if (played === 0) return [];
  const [, lastMonth] = turnMonths(scenario, played - 1);
  const out: Missed[] = [];
  for (const a of scenario.actions) {
    const due = (a.historical ?? []).filter((m) => monthIndex(m) <= lastMonth);
    const taken = s.uses[a.id] ?? 0;
    for (const m of due.slice(taken))
      out.push({ month: m, title: a.label, what: `Azerbaijan did this (${monthLabel(m)}); you did not.`, sources: a.sources ?? [] });
  }
  for (const e of scenario.events) {
    const when = e.happened ?? e.date;
    if (!when || e.whatIf || monthIndex(when) > lastMonth || s.fired[e.id] !== undefined) continue;
    const theirs = e.choices.find((c) => c.historical);
    out.push({
      month: when,
      title: e.title,
      what: theirs
        ? `It happened in ${monthLabel(when)}, and Azerbaijan chose: ${theirs.label}. In your game it never came.`
        : `It happened in ${monthLabel(when)}; in your game it never came.`,
      sources: e.sources,
    });
  }
  return out.sort((x, y) => monthIndex(x.month) - monthIndex(y.month));
}
