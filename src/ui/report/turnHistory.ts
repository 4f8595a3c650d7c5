/**
 * The whole turn history, newest first: per quarter what the powers did, the events and
 * your actions, and a button that opens that quarter's full report. Nothing is dropped:
 * a long campaign keeps all its quarters.
 */
import type { GameState } from '../../core/index.ts';
import type { Scenario } from '../../scenario/types.ts';
import { button, el } from '../dom.ts';
import { powerName } from '../format.ts';
import { summarizeTurn } from './summary.ts';

export function turnHistoryNodes(sc: Scenario, s: GameState, onOpen: (turn: number) => void): Node[] {
  if (s.history.length === 0) return [el('p', { testid: 'turn-history' }, 'No quarter has ended yet.')];
  const items: HTMLElement[] = [];
  for (let t = s.history.length - 1; t >= 0; t--) {
    const sum = summarizeTurn(sc, s, t);
    if (!sum) continue;
    const acts = sum.powers.filter((p) => p.kind);
    items.push(
      el(
        'li',
        { class: 'history-turn' },
        el('h3', {}, sum.label),
        el(
          'p',
          { class: 'history-line' },
          acts.length ? acts.map((p) => `${p.kind === 'stick' ? '⚠' : '✦'} ${powerName(p.power)}: ${p.label}`).join(' · ') : 'The powers held back.',
        ),
        sum.events.length ? el('p', { class: 'history-line muted' }, sum.events.map((e) => e.title).join(' · ')) : null,
        sum.actions.length ? el('p', { class: 'history-line muted' }, `You: ${sum.actions.join(', ')}`) : null,
        button('Open the report', () => onOpen(t), { class: 'ghost small', testid: `history-open-${t}` }),
      ),
    );
  }
  return [el('ol', { class: 'history-list', testid: 'turn-history' }, ...items)];
}
