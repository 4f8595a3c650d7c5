/**
 * Line charts drawn as SVG: the player's line beside the historical line, over the turns
 * of a game, with era markers on long games. Drawn by hand rather than with a chart
 * library: a few lines per chart, nothing added to the bundle, vector output that prints
 * cleanly, and colours that come from the shared CSS custom properties (--russia, …).
 * Line style (solid for you, dashed for history) carries the meaning, never colour alone.
 */
import { svg } from '../dom.ts';

export interface Series {
  label: string;
  values: readonly number[];
  /** A CSS colour, usually a custom property: "var(--russia)". */
  color: string;
  dashed?: boolean;
  /** Its own dash pattern (SVG stroke-dasharray), where lines of one chart are told apart
   *  by pattern as well as colour. */
  dash?: string;
}

export interface ChartSpec {
  /** The accessible name, read by screen readers. */
  title: string;
  series: Series[];
  min: number;
  max: number;
  /** Turns on the x axis (the scenario's length, so a short game shows where it stopped). */
  turns: number;
  /** A short label for a turn's tick ("1993"). */
  tick: (turn: number) => string;
  eras?: { turn: number; label: string }[];
  /** Horizontal reference lines (zero, a danger threshold). */
  marks?: { value: number; label: string }[];
  /** A vertical line at a turn: where a replay stands. */
  cursor?: number;
  width?: number;
  height?: number;
}

const PAD = { left: 34, right: 14, top: 14, bottom: 20 };

export function lineChart(spec: ChartSpec): SVGSVGElement {
  const width = spec.width ?? 420;
  const height = spec.height ?? 150;
  const plotW = width - PAD.left - PAD.right;
  const plotH = height - PAD.top - PAD.bottom;
  const span = Math.max(1, spec.turns - 1);
  const x = (t: number) => PAD.left + (plotW * t) / span;
  const y = (v: number) => PAD.top + plotH - (plotH * (Math.min(spec.max, Math.max(spec.min, v)) - spec.min)) / (spec.max - spec.min || 1);
  const root = svg('svg', {
    viewBox: `0 0 ${width} ${height}`,
    class: 'chart',
    role: 'img',
    'aria-label': spec.title,
    preserveAspectRatio: 'xMidYMid meet',
  });
  const title = svg('title');
  title.textContent = spec.title;
  root.appendChild(title);

  // Axes and grid: min, middle and max on y; about six ticks on x.
  const grid = svg('g', { class: 'chart-grid' });
  for (const v of [spec.min, (spec.min + spec.max) / 2, spec.max]) {
    grid.appendChild(svg('line', { x1: PAD.left, x2: width - PAD.right, y1: y(v), y2: y(v) }));
    grid.appendChild(text(PAD.left - 4, y(v) + 3, String(Math.round(v)), 'end'));
  }
  for (const { turn: t, label } of axisTicks(spec.turns, spec.tick, x))
    grid.appendChild(text(x(t), height - 6, label, t === 0 ? 'start' : x(t) > width - 30 ? 'end' : 'middle'));
  root.appendChild(grid);

  for (const m of spec.marks ?? []) {
    root.appendChild(svg('line', { class: 'chart-mark', x1: PAD.left, x2: width - PAD.right, y1: y(m.value), y2: y(m.value) }));
    if (m.label) root.appendChild(text(width - PAD.right - 2, y(m.value) - 3, m.label, 'end', 'chart-mark-label'));
  }
  for (const e of spec.eras ?? []) {
    if (e.turn <= 0 || e.turn >= spec.turns) continue;
    root.appendChild(svg('line', { class: 'chart-era', x1: x(e.turn), x2: x(e.turn), y1: PAD.top - 6, y2: PAD.top + plotH }));
    root.appendChild(text(x(e.turn) + 3, PAD.top - 4, e.label, 'start', 'chart-era-label'));
  }

  if (spec.cursor !== undefined)
    root.appendChild(svg('line', { class: 'chart-cursor', x1: x(spec.cursor), x2: x(spec.cursor), y1: PAD.top, y2: PAD.top + plotH }));

  for (const s of spec.series) {
    if (s.values.length === 0) continue;
    const d = s.values.map((v, t) => `${t === 0 ? 'M' : 'L'}${x(t).toFixed(1)},${y(v).toFixed(1)}`).join('');
    const path = svg('path', { d, class: `chart-line${s.dashed ? ' dashed' : ''}` });
    path.style.stroke = s.color;
    if (s.dash) path.style.strokeDasharray = s.dash;
    const label = svg('title');
    label.textContent = `${s.label}: ${s.values[0]} → ${s.values[s.values.length - 1]}`;
    path.appendChild(label);
    root.appendChild(path);
    // The last point is marked, so a game that ended early shows where.
    const last = s.values.length - 1;
    const dot = svg('circle', { cx: x(last), cy: y(s.values[last] as number), r: s.dashed ? 2 : 3, class: 'chart-dot' });
    dot.style.fill = s.color;
    root.appendChild(dot);
  }
  return root;
}

/** Labels closer than this (px) would run into each other. */
const TICK_GAP = 34;

/**
 * The x axis's labels: at the turns where the label changes (each year's first quarter, and
 * the first turn), every k-th of them so about six show, none within TICK_GAP of the one
 * before — never the same year twice, as fixed steps of turns gave ("1994 1994").
 */
export function axisTicks(turns: number, tick: (turn: number) => string, x: (turn: number) => number): { turn: number; label: string }[] {
  const starts: number[] = [];
  for (let t = 0; t < turns; t++) if (t === 0 || tick(t) !== tick(t - 1)) starts.push(t);
  const every = Math.max(1, Math.ceil(starts.length / 6));
  const out: { turn: number; label: string }[] = [];
  for (let i = 0; i < starts.length; i += every) {
    const t = starts[i] as number;
    const prev = out[out.length - 1];
    if (prev && x(t) - x(prev.turn) < TICK_GAP) continue;
    out.push({ turn: t, label: tick(t) });
  }
  return out;
}

function text(x: number, y: number, content: string, anchor: 'start' | 'middle' | 'end', cls = 'chart-text'): SVGTextElement {
  const t = svg('text', { x: x.toFixed(1), y: y.toFixed(1), 'text-anchor': anchor, class: cls });
  t.textContent = content;
  return t;
}
