/**
 * What the powers have done that is still in force — an embargo, troops on the border —
 * and for how long: the bill of a policy stays in view until it ends, not only on the
 * turn it arrives. Hidden when nothing is in force.
 */
import type { GameState } from '../../core/index.ts';
import type { Scenario } from '../../scenario/types.ts';
import { el, fill } from '../dom.ts';
import { powerName } from '../format.ts';

export function createInForce() {
  const list = el('ul', { class: 'in-force-list' });
  const node = el('section', { class: 'panel in-force hidden', testid: 'in-force', label: 'In force' }, el('h2', {}, 'In force'), list);
  let shown = '';
  return {
    node,
    update(sc: Scenario, s: GameState) {
      const key = `${s.turn}:${s.active.map((a) => `${a.power}.${a.response}.${a.until}`).join(',')}`;
      if (key === shown) return;
      shown = key;
      node.classList.toggle('hidden', s.active.length === 0);
      fill(
        list,
        ...s.active.map((a) => {
          const def = sc.powers[a.power].responses.find((r) => r.id === a.response);
          const left = a.until - s.turn + 1;
          return el(
            'li',
            { class: `in-force-item power-${a.power} ${def?.kind ?? ''}`, title: def?.text ?? '' },
            el('span', { class: 'in-force-power' }, powerName(a.power)),
            el('span', {}, `${def?.kind === 'carrot' ? '✦' : '⚠'} ${def?.label ?? a.response}`),
            el('span', { class: 'muted' }, left <= 1 ? 'this quarter' : `${left} quarters`),
          );
        }),
      );
    },
  };
}
