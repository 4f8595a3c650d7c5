/**
 * The debrief's account of how a class played the game: the powers its teams played and
 * the teacher's interventions (locks, raised events, discussion prompts), each at its
 * turn — read by the analysis in its one pass over the command log. Absent for a game
 * played alone.
 */
import { el } from '../dom.ts';
import type { Analysis } from './analysis.ts';

export function interventionsSection(a: Analysis): HTMLElement | null {
  if (a.interventions.length === 0) return null;
  return el(
    'section',
    { class: 'debrief-section', testid: 'debrief-interventions' },
    el('h3', {}, 'How the class played it: teams and the teacher'),
    el('ul', { class: 'interventions' }, ...a.interventions.map((x) => el('li', {}, el('strong', {}, `${x.when}: `), x.what))),
  );
}
