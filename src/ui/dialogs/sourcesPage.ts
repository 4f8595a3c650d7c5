/**
 * The Sources page: the five documents the game's history comes from, each with what it
 * is and when, and the events and actions of this scenario that cite it, with the
 * section cited — so a teacher can show a student where a claim comes from.
 */
import type { Scenario } from '../../scenario/types.ts';
import { el } from '../dom.ts';
import { SOURCES } from '../sources.ts';

export function sourcesPageNodes(sc: Scenario): Node[] {
  return [
    el(
      'div',
      { class: 'sources-page', testid: 'sources-page' },
      el('p', { class: 'muted' }, 'Every event and action in the game paraphrases one of these five documents. The section cited tells you where to look.'),
      ...SOURCES.map((src, i) => {
        const citing: HTMLElement[] = [];
        for (const e of sc.events) {
          for (const c of e.sources) if (c.doc === src.file) citing.push(el('li', {}, el('strong', {}, e.title), ` — ${c.section}`));
        }
        for (const a of sc.actions) {
          for (const c of a.sources ?? []) if (c.doc === src.file) citing.push(el('li', {}, el('strong', {}, a.label), ` (action) — ${c.section}`));
        }
        return el(
          'section',
          { class: 'source-entry', testid: `source-${i + 1}` },
          el('h3', {}, `[${i + 1}] ${src.title}`),
          el('p', { class: 'source-meta' }, `${src.kind} · ${src.date} · covers ${src.covers}`),
          el(
            'details',
            {},
            el('summary', {}, `Cited by ${citing.length} event${citing.length === 1 ? '' : 's'} and actions in this scenario`),
            el('ul', {}, ...citing),
          ),
        );
      }),
    ),
  ];
}
