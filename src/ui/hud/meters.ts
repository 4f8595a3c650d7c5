/**
 * Azerbaijan's meters: value, change since last turn, a chart of the turns played, the
 * causes on hover, and the line each must not cross (read from the scenario's lose
 * rules), with a warning as a meter nears it.
 */
import { type GameState, METER_IDS, type MeterId } from '../../core/index.ts';
import type { Scenario } from '../../scenario/types.ts';
import { el, setAttr, setClass, setStyle, setText, svg } from '../dom.ts';
import { explainVar, series } from '../explain.ts';
import { METER_INFO, signed } from '../format.ts';
import { loseThresholds, type Threshold, WARNING_MARGIN } from '../goals.ts';
import { attachTip } from '../tooltip.ts';

export const DANGER = 25;

/** Whether a meter is near (or past) the line that loses the game. */
export function nearThreshold(sc: Scenario, id: MeterId, value: number): Threshold | null {
  for (const t of loseThresholds(sc)) if (t.meter === id && value <= t.at + WARNING_MARGIN) return t;
  return null;
}

/** The polyline points of a sparkline of `values`. */
function sparkPoints(values: number[], min: number, max: number, width: number, height: number): string {
  const n = values.length;
  const x = (i: number) => (n <= 1 ? width : (i / (n - 1)) * width);
  const y = (v: number) => height - ((v - min) / (max - min || 1)) * height;
  return values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
}

export function sparkline(values: number[], min: number, max: number, width = 64, height = 18): SVGSVGElement {
  const points = sparkPoints(values, min, max, width, height);
  return svg('svg', { class: 'spark', width, height, viewBox: `0 0 ${width} ${height}`, 'aria-hidden': 'true' }, svg('polyline', { points, fill: 'none' }));
}

export function createMeters() {
  let state: GameState | null = null;
  let shownFor: Scenario | null = null;
  const rows = new Map<
    MeterId,
    { row: HTMLElement; value: HTMLElement; bar: HTMLElement; track: HTMLElement; delta: HTMLElement; chart: HTMLElement; warning: HTMLElement }
  >();
  const node = el('section', { class: 'panel meters', label: 'Azerbaijan' }, el('h2', {}, 'Azerbaijan'));
  for (const id of METER_IDS) {
    const value = el('span', { class: 'meter-value' });
    const bar = el('span', { class: 'meter-fill' });
    const delta = el('span', { class: 'delta' });
    const chart = el('span', { class: 'meter-chart' });
    const track = el('span', { class: 'meter-bar' }, bar);
    const warning = el('span', { class: 'meter-warning' });
    const row = el(
      'div',
      { class: 'meter', testid: `meter-${id}`, attrs: { tabindex: '0', role: 'group' } },
      el('span', { class: 'meter-label' }, METER_INFO[id]?.label ?? id),
      track,
      value,
      delta,
      chart,
      warning,
    );
    attachTip(row, () => {
      if (!state) return null;
      const e = explainVar(state, id);
      return {
        title: `${METER_INFO[id]?.label} ${state.meters[id]} (${signed(e.delta)} over the last turn)`,
        lines: [
          { text: METER_INFO[id]?.help ?? '', tone: 'muted' },
          ...thresholdsOf(id).map((t) => ({ text: `At ${t.at} or below: ${t.title}.`, tone: 'down' as const })),
          ...(e.causes.length
            ? e.causes.slice(0, 8).map((c) => ({ text: `${c.cause} ${signed(c.delta)}`, tone: c.delta > 0 ? ('up' as const) : ('down' as const) }))
            : ['No change.']),
        ],
      };
    });
    rows.set(id, { row, value, bar, track, delta, chart, warning });
    node.appendChild(row);
  }
  let scenario: Scenario | null = null;
  let seriesFor: GameState['history'] | null = null;
  const played = new Map<MeterId, number[]>();
  const thresholdsOf = (id: MeterId) => (scenario ? loseThresholds(scenario).filter((t) => t.meter === id && !t.alsoNeeds) : []);
  return {
    node,
    update(sc: Scenario, s: GameState) {
      state = s;
      scenario = sc;
      if (shownFor !== sc) {
        // The lines to stay above: a mark on each bar, from the scenario's lose rules.
        shownFor = sc;
        for (const [id, r] of rows) {
          for (const old of r.track.querySelectorAll('.meter-threshold')) old.remove();
          for (const t of thresholdsOf(id)) {
            const mark = el('span', { class: 'meter-threshold', testid: `meter-threshold-${id}`, title: `${t.title} at ${t.at}` });
            mark.style.left = `${t.at}%`;
            r.track.appendChild(mark);
          }
        }
      }
      // The turns played change only with the history: read them again only then.
      if (seriesFor !== s.history) {
        seriesFor = s.history;
        for (const id of METER_IDS)
          played.set(
            id,
            series(s, (snap) => snap.meters[id]),
          );
      }
      // Only what changed is written (see setText): the rest of the page stays clean.
      for (const id of METER_IDS) {
        const r = rows.get(id);
        if (!r) continue;
        const v = s.meters[id];
        const e = explainVar(s, id);
        setText(r.value, String(v));
        // The bar is scaled, not resized: its animation runs off the main thread.
        setStyle(r.bar, 'transform', `scaleX(${v / 100})`);
        setText(r.delta, e.delta === 0 ? '' : `${e.delta > 0 ? '▲' : '▼'}${Math.abs(e.delta)}`);
        setClass(r.delta, `delta ${e.delta > 0 ? 'up' : e.delta < 0 ? 'down' : ''}`);
        const near = thresholdsOf(id).find((t) => v <= t.at + WARNING_MARGIN);
        r.row.classList.toggle('danger', near !== undefined);
        setText(r.warning, near ? `${v <= near.at ? 'Lost at' : 'Danger: lost at'} ${near.at}` : '');
        setAttr(
          r.row,
          'aria-label',
          `${METER_INFO[id]?.label} ${v} of 100, ${signed(e.delta)} over the last turn${near ? `; in danger: at ${near.at} or below, ${near.title}` : ''}`,
        );
        // The chart is drawn once; a new turn moves its line's points.
        const values = [...(played.get(id) ?? []), v];
        const line = r.chart.querySelector('polyline');
        if (line) setAttr(line, 'points', sparkPoints(values, 0, 100, 42, 14));
        else r.chart.appendChild(sparkline(values, 0, 100, 42, 14));
      }
    },
  };
}
