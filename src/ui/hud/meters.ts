/** Azerbaijan's meters: value, change since last turn, a chart of the turns played, and the causes on hover. */
import { type GameState, METER_IDS, type MeterId } from '../../core/index.ts';
import type { Scenario } from '../../scenario/types.ts';
import { el, fill, svg } from '../dom.ts';
import { explainVar, series } from '../explain.ts';
import { METER_INFO, signed } from '../format.ts';
import { attachTip } from '../tooltip.ts';

export const DANGER = 25;

export function sparkline(values: number[], min: number, max: number, width = 64, height = 18): SVGSVGElement {
  const n = values.length;
  const x = (i: number) => (n <= 1 ? width : (i / (n - 1)) * width);
  const y = (v: number) => height - ((v - min) / (max - min || 1)) * height;
  const points = values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
  return svg('svg', { class: 'spark', width, height, viewBox: `0 0 ${width} ${height}`, 'aria-hidden': 'true' }, svg('polyline', { points, fill: 'none' }));
}

export function createMeters() {
  let state: GameState | null = null;
  const rows = new Map<MeterId, { row: HTMLElement; value: HTMLElement; bar: HTMLElement; delta: HTMLElement; chart: HTMLElement }>();
  const node = el('section', { class: 'panel meters', label: 'Azerbaijan' }, el('h2', {}, 'Azerbaijan'));
  for (const id of METER_IDS) {
    const value = el('span', { class: 'meter-value' });
    const bar = el('span', { class: 'meter-fill' });
    const delta = el('span', { class: 'delta' });
    const chart = el('span', { class: 'meter-chart' });
    const row = el(
      'div',
      { class: 'meter', testid: `meter-${id}`, attrs: { tabindex: '0', role: 'group' } },
      el('span', { class: 'meter-label' }, METER_INFO[id]?.label ?? id),
      el('span', { class: 'meter-bar' }, bar),
      value,
      delta,
      chart,
    );
    attachTip(row, () => {
      if (!state) return null;
      const e = explainVar(state, id);
      return {
        title: `${METER_INFO[id]?.label} ${state.meters[id]} (${signed(e.delta)} over the last turn)`,
        lines: [
          { text: METER_INFO[id]?.help ?? '', tone: 'muted' },
          ...(e.causes.length
            ? e.causes.slice(0, 8).map((c) => ({ text: `${c.cause} ${signed(c.delta)}`, tone: c.delta > 0 ? ('up' as const) : ('down' as const) }))
            : ['No change.']),
        ],
      };
    });
    rows.set(id, { row, value, bar, delta, chart });
    node.appendChild(row);
  }
  return {
    node,
    update(_scenario: Scenario, s: GameState) {
      state = s;
      for (const id of METER_IDS) {
        const r = rows.get(id);
        if (!r) continue;
        const v = s.meters[id];
        const e = explainVar(s, id);
        r.value.textContent = String(v);
        r.bar.style.width = `${v}%`;
        r.delta.textContent = e.delta === 0 ? '' : `${e.delta > 0 ? '▲' : '▼'}${Math.abs(e.delta)}`;
        r.delta.className = `delta ${e.delta > 0 ? 'up' : e.delta < 0 ? 'down' : ''}`;
        r.row.classList.toggle('danger', v < DANGER);
        r.row.setAttribute('aria-label', `${METER_INFO[id]?.label} ${v} of 100, ${signed(e.delta)} over the last turn${v < DANGER ? ', in danger' : ''}`);
        fill(r.chart, sparkline([...series(s, (snap) => snap.meters[id]), v], 0, 100, 42, 14));
      }
    },
  };
}
