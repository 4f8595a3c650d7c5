/**
 * The goals, read from the scenario so the help never disagrees with the rules: the
 * lines a meter must not cross, how the final score is weighed, and where each rating
 * starts. Nothing here is a rule of its own.
 */
import { METER_IDS, type MeterId } from '../core/index.ts';
import type { Condition } from '../scenario/types.ts';
import type { Scenario } from '../scenario/types.ts';
import { el } from './dom.ts';
import { METER_INFO } from './format.ts';

export interface Threshold {
  meter: MeterId;
  /** The game is lost when the meter is at or below this value. */
  at: number;
  title: string;
  /** Other conditions that must hold too ("and the treasury is empty"). */
  alsoNeeds: boolean;
}

/** Lose rules that read "meter ≤ N" (alone or inside an `all`), as thresholds to draw. */
export function loseThresholds(sc: Scenario): Threshold[] {
  const out: Threshold[] = [];
  for (const rule of sc.outcomes.lose) {
    const parts: Condition[] = rule.when ? ('all' in rule.when ? rule.when.all : [rule.when]) : [];
    for (const c of parts) {
      if (!('var' in c) || !(METER_IDS as readonly string[]).includes(c.var)) continue;
      const at = c.op === '<=' ? c.value : c.op === '<' ? c.value - 1 : null;
      if (at === null) continue;
      out.push({ meter: c.var as MeterId, at, title: rule.title, alsoNeeds: parts.length > 1 });
    }
  }
  return out;
}

/** How close to its line a meter may come before it is shown as a warning. */
export const WARNING_MARGIN = 8;

const WEIGHT_NAMES: Record<string, string> = {
  ...Object.fromEntries(METER_IDS.map((m) => [m, METER_INFO[m]?.label ?? m])),
  balance: 'Balance of influence',
  relations: 'Your worst relation with any power',
};

export function goalsHelp(sc: Scenario): Node[] {
  const w = sc.outcomes.score as Record<string, number>;
  const total = Object.values(w).reduce((a, b) => a + b, 0) || 1;
  const weights = Object.entries(w)
    .filter(([, v]) => v > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${WEIGHT_NAMES[k] ?? k} ${Math.round((v / total) * 100)}%`);
  const ratings = [...sc.outcomes.ratings].sort((a, b) => b.min - a.min);
  const best = ratings[0];
  const nodes: (HTMLElement | null)[] = [
    el('h3', {}, 'How to lose'),
    el(
      'ul',
      { testid: 'help-thresholds' },
      ...loseThresholds(sc).map((t) =>
        el(
          'li',
          {},
          `${METER_INFO[t.meter]?.label ?? t.meter} at ${t.at} or below${t.alsoNeeds ? ' (with the other conditions of that rule)' : ''}: ${t.title}.`,
        ),
      ),
      ...sc.outcomes.lose
        .filter((r) => !r.when)
        .map((r) => el('li', {}, `${r.title}: some choices can end the game outright; they are marked and ask to be confirmed.`)),
    ),
    el('p', { class: 'muted' }, 'The line is marked on each meter; a meter close to it turns orange.'),
    el('h3', {}, 'How the score is weighed'),
    el('p', {}, `At the end, the score (0–100) is a weighted average: ${weights.join(', ')}. A lost game scores half.`),
    el('h3', {}, 'Ratings'),
    el('ul', { testid: 'help-ratings' }, ...ratings.map((r) => el('li', {}, `${r.label}: ${r.min} or more${r.text ? ` — ${r.text}` : ''}`))),
    best ? el('p', { class: 'aim' }, `Aim for “${best.label}” — ${best.min} points or more at the end.`) : null,
    el('h3', {}, 'Difficulty'),
    el(
      'p',
      {},
      'On hard the powers punish more often and reward less; on easy the reverse. The odds of each power acting next quarter are in its tooltip and in the turn report.',
    ),
  ];
  return nodes.filter((x): x is HTMLElement => x !== null);
}
