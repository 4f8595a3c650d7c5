/** The news log: per turn, what happened, what you did, what each power did and why. */
import { type GameState, recordResponses, rulesOf } from '../../core/index.ts';
import type { Scenario } from '../../scenario/types.ts';
import { el, fill } from '../dom.ts';
import { quarterLabel } from '../format.ts';

const SHOWN_TURNS = 12;

export function createNews() {
  const list = el('ol', { class: 'news-list' });
  const node = el('section', { class: 'panel news', testid: 'news-log', label: 'News', attrs: { 'aria-live': 'polite' } }, el('h2', {}, 'News'), list);
  let shown = -1;
  return {
    node,
    update(sc: Scenario, s: GameState) {
      const key = s.history.length * 1000 + s.current.events.length;
      if (key === shown) return;
      shown = key;
      const rules = rulesOf(sc);
      // After the last turn the record being played is already the last of the history.
      const live = s.history[s.history.length - 1] === s.current ? [] : [s.current];
      const records = [...live, ...[...s.history].reverse()].slice(0, SHOWN_TURNS);
      fill(
        list,
        ...records.map((r) => {
          const items: HTMLElement[] = [];
          for (const id of r.events) {
            const e = rules.eventById.get(id);
            if (e) items.push(el('li', { class: 'news-event' }, el('strong', {}, e.title)));
          }
          for (const resp of recordResponses(sc, s, r)) {
            items.push(
              el(
                'li',
                { class: `news-response ${resp.kind}` },
                el('strong', {}, `${resp.kind === 'stick' ? '⚠ ' : '✦ '}${resp.label}. `),
                resp.text,
                el('span', { class: 'why' }, ` Why: ${resp.why}.`),
              ),
            );
          }
          for (const id of r.actions) {
            const a = rules.actionById.get(id);
            if (a) items.push(el('li', { class: 'news-action' }, `You: ${a.label}`));
          }
          if (r !== s.current && r.responses.length === 0) items.push(el('li', { class: 'news-quiet' }, 'The powers held back this quarter.'));
          const label = r === s.current ? `${quarterLabel(sc, r.turn)} (now)` : quarterLabel(sc, r.turn);
          return el('li', { class: 'news-turn' }, el('h3', {}, label), el('ul', {}, ...items));
        }),
      );
    },
  };
}
