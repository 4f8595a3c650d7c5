/**
 * The answer to every decision: right after an action or an event choice, what it
 * changed and by how much ("Turkey +8 · Sovereignty +2"), read from the changes the
 * engine recorded for it. It fades after a few seconds or with the next decision.
 */
import type { Decision } from '../../store/gameStore.ts';
import { el, fill } from '../dom.ts';
import { mergePreview, previewLabel } from '../preview.ts';

const SHOWN_MS = 7000;

export function createDecisionResult() {
  const node = el('div', { class: 'decision-result hidden', testid: 'decision-result', role: 'status', attrs: { 'aria-live': 'polite' } });
  let shownId = -1;
  let timer: ReturnType<typeof setTimeout> | null = null;
  return {
    node,
    update(decision: Decision | null) {
      if (!decision) {
        node.classList.add('hidden');
        shownId = -1;
        return;
      }
      if (decision.id === shownId) return;
      shownId = decision.id;
      // Spending capital is the price, not the result: it shows in the top bar.
      const items = mergePreview(decision.changes.filter((c) => c.var !== 'capital').map((c) => ({ var: c.var as never, delta: c.delta })));
      const cause = decision.changes.find((c) => c.var !== 'capital')?.cause ?? decision.changes[0]?.cause ?? '';
      fill(
        node,
        el('span', { class: 'result-title' }, cause.replace(/^Spent on: /, '')),
        items.length
          ? el('span', { class: 'result-items' }, ...items.map((p) => el('span', { class: `chip ${p.delta > 0 ? 'up' : 'down'}` }, previewLabel(p))))
          : el('span', { class: 'muted' }, 'Nothing changed at once; the powers will answer at the end of the turn.'),
      );
      node.classList.remove('hidden');
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => node.classList.add('hidden'), SHOWN_MS);
    },
  };
}
