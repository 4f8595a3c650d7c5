/**
 * The debrief's sections, built from an Analysis: the score beside history's, the three
 * turning points, charts (meters, relations, influence, score) with the historical line,
 * a summary per era, and the timeline of decisions against history's. All text from the
 * scenario or the save goes in as text, never as HTML.
 */
import { METER_IDS, POWER_IDS, type PowerId } from '../../core/index.ts';
import type { Scenario } from '../../scenario/types.ts';
import { eraSpans, erasOf } from '../classroom/eras.ts';
import { el } from '../dom.ts';
import { METER_INFO, signed, varName } from '../format.ts';
import { cite } from '../glossary/sources.ts';
import type { Analysis, Change } from './analysis.ts';
import { diverged } from './historyMarks.ts';
import { lineChart } from './charts.ts';
import { linkTerms } from '../glossary/glossary.ts';
import { historyText } from './results.ts';

const POWER_LABEL: Record<PowerId, string> = { russia: 'Russia', turkey: 'Turkey', iran: 'Iran', west: 'The West' };

export const capitalise = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);

export function changesText(changes: readonly Change[], max = 6): string {
  return changes
    .slice()
    .sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta))
    .slice(0, max)
    .map((c) => `${c.var === 'treasury' ? 'Treasury' : varName(c.var)} ${c.var === 'treasury' ? `${signed(c.delta)}m` : signed(c.delta)}`)
    .join(', ');
}

export function scoreSection(a: Analysis): HTMLElement {
  const mine = a.outcome?.score ?? a.turns[a.turns.length - 1]?.score ?? a.startScore;
  const theirs = a.history.outcome?.score ?? null;
  const gap = theirs === null ? null : mine - theirs;
  return el(
    'div',
    { class: 'score-row' },
    el('div', { class: 'score' }, el('span', { class: 'score-value', testid: 'score' }, String(mine)), el('span', {}, 'your score')),
    el('div', { class: 'score' }, el('span', { class: 'score-value rating', testid: 'rating' }, a.outcome?.rating ?? '—'), el('span', {}, 'rating')),
    el(
      'div',
      { class: 'score' },
      el('span', { class: 'score-value', testid: 'history-score' }, theirs === null ? '—' : String(theirs)),
      el(
        'span',
        {},
        `history’s line, same seed${a.history.outcome?.status === 'lost' ? ' (lost)' : ''}${a.history.outcome ? ` · ${a.history.outcome.rating}` : ''}`,
      ),
    ),
    gap === null
      ? null
      : el(
          'p',
          { class: 'score-gap' },
          gap > 0
            ? `You finished ${gap} points above history’s line.`
            : gap < 0
              ? `You finished ${-gap} points below history’s line.`
              : 'You finished level with history’s line.',
        ),
  );
}

export function turningPointsSection(a: Analysis): HTMLElement {
  return el(
    'section',
    { class: 'debrief-section turning-points', testid: 'turning-points' },
    el('h3', {}, 'The three turns that moved your score most'),
    a.turningPoints.length === 0
      ? el('p', { class: 'hint' }, 'Your score never moved.')
      : el(
          'ol',
          { class: 'turning-list' },
          ...a.turningPoints.map((p) =>
            el(
              'li',
              { class: `turning ${p.delta > 0 ? 'turning-up' : 'turning-down'}` },
              el('strong', {}, `${p.label}: score ${signed(p.delta)} (to ${p.scoreAfter})`),
              p.decisions.length ? el('p', {}, `Your decisions: ${p.decisions.join('; ')}.`) : el('p', {}, 'You took no decision that turn.'),
              el('p', { class: 'hint' }, 'What moved most:'),
              el('ul', {}, ...p.causes.map((c) => el('li', {}, `${capitalise(c.cause)} — ${changesText(c.changes)}`))),
            ),
          ),
        ),
  );
}

export function chartsSection(sc: Scenario, a: Analysis): HTMLElement {
  const long = sc.calendar.turns > 40;
  const eras = eraSpans(sc.calendar, erasOf(sc.id, sc as { eras?: unknown })).map((e) => ({ turn: e.first, label: e.era.from.slice(0, 4) }));
  const tick = (t: number) => (a.turns[t]?.label ?? a.history.turns[t]?.label ?? '').slice(-4);
  const common = { turns: sc.calendar.turns, tick, eras, width: long ? 900 : 420, height: long ? 170 : 140 };
  const you = (values: number[], color: string) => ({ label: 'You', values, color });
  const them = (values: number[], color: string) => ({ label: 'History’s line', values, color, dashed: true });
  const figure = (title: string, chart: SVGSVGElement, final: string) =>
    el('figure', { class: 'chart-figure' }, el('figcaption', {}, el('strong', {}, title), el('span', { class: 'hint' }, final)), chart);

  // The score moves a few points a turn: show the band it moves in, not the whole 0–100.
  const scores = [...a.turns.map((p) => p.score), ...a.history.turns.map((p) => p.score), a.startScore];
  const low = Math.max(0, Math.floor((Math.min(...scores) - 5) / 10) * 10);
  const high = Math.min(100, Math.ceil((Math.max(...scores) + 5) / 10) * 10);
  const score = figure(
    'Score',
    lineChart({
      ...common,
      width: long ? 900 : 860,
      title: 'Your score and history’s line over the game',
      min: low,
      max: high,
      series: [
        them(
          a.history.turns.map((p) => p.score),
          'var(--muted)',
        ),
        you(
          a.turns.map((p) => p.score),
          'var(--accent)',
        ),
      ],
    }),
    `you ${a.turns[a.turns.length - 1]?.score ?? a.startScore} · history ${a.history.turns[a.history.turns.length - 1]?.score ?? '—'}`,
  );
  const meters = METER_IDS.map((m) =>
    figure(
      METER_INFO[m]?.label ?? m,
      lineChart({
        ...common,
        title: `${METER_INFO[m]?.label}: you and history’s line`,
        min: 0,
        max: 100,
        series: [
          them(
            a.history.turns.map((p) => p.meters[m]),
            'var(--muted)',
          ),
          you(
            a.turns.map((p) => p.meters[m]),
            'var(--up)',
          ),
        ],
      }),
      `you ${a.state.meters[m]} · history ${a.history.state.meters[m]}`,
    ),
  );
  const perPower = (kind: 'relation' | 'influence') =>
    POWER_IDS.map((p) =>
      figure(
        POWER_LABEL[p],
        lineChart({
          ...common,
          title: `${POWER_LABEL[p]}’s ${kind}: you and history’s line`,
          min: kind === 'relation' ? -100 : 0,
          max: 100,
          marks: kind === 'relation' ? [{ value: 0, label: '' }] : [],
          series: [
            them(
              a.history.turns.map((x) => x[kind][p]),
              `var(--${p})`,
            ),
            you(
              a.turns.map((x) => x[kind][p]),
              `var(--${p})`,
            ),
          ],
        }),
        `you ${a.state.powers[p][kind]} · history ${a.history.state.powers[p][kind]}`,
      ),
    );
  const grid = (cls: string, ...items: HTMLElement[]) => el('div', { class: `chart-grid-${long ? 'wide' : cls}` }, ...items);
  return el(
    'section',
    { class: 'debrief-section charts', testid: 'debrief-charts' },
    el('h3', {}, 'Your Azerbaijan beside history’s line'),
    el(
      'p',
      { class: 'legend' },
      el('span', { class: 'legend-you' }, 'solid: you'),
      el('span', { class: 'legend-history' }, 'dashed: the historical line — history’s choices played on the same seed'),
      long ? el('span', { class: 'hint' }, 'Vertical lines mark the eras.') : null,
    ),
    score,
    el('h4', {}, 'Meters (0–100)'),
    grid('3', ...meters),
    el('h4', {}, 'Relations (−100 hostile … +100 close)'),
    grid('4', ...perPower('relation')),
    el('h4', {}, 'Influence over Azerbaijan (0–100)'),
    grid('4', ...perPower('influence')),
  );
}

export function erasSection(a: Analysis): HTMLElement | null {
  if (a.eras.length === 0) return null;
  return el(
    'section',
    { class: 'debrief-section eras', testid: 'debrief-eras' },
    el('h3', {}, 'The arc, era by era'),
    ...a.eras.map((e) =>
      el(
        'div',
        { class: 'era-summary' },
        el('h4', {}, e.era.title),
        el(
          'p',
          {},
          `${e.from} to ${e.to}. Score ${e.scoreStart} → ${e.scoreEnd}${e.historyScoreEnd === null ? '' : ` (history’s line: ${e.historyScoreEnd})`}. ` +
            `${e.decisions} decisions, ${e.diverged} of them off history’s path. The powers answered with ${e.sticks} pressure${e.sticks === 1 ? '' : 's'} and ${e.carrots} favour${e.carrots === 1 ? '' : 's'}.`,
        ),
        e.events.length
          ? el('p', { class: 'hint' }, `Events: ${e.events.slice(0, 8).join(' · ')}${e.events.length > 8 ? ` · and ${e.events.length - 8} more` : ''}`)
          : null,
      ),
    ),
  );
}

export function timelineSection(a: Analysis): HTMLElement {
  const only = el('input', { attrs: { type: 'checkbox', id: 'only-diverged' }, testid: 'only-diverged' });
  const list = el('ol', { class: 'timeline', testid: 'timeline' });
  const render = () => {
    list.replaceChildren();
    let lastTurn = -1;
    for (const d of a.decisions) {
      const off = diverged(d.history);
      if (only.checked && !off) continue;
      if (d.turn !== lastTurn) {
        list.appendChild(el('li', { class: 'timeline-turn' }, a.turns[d.turn]?.label ?? `Turn ${d.turn + 1}`));
        lastTurn = d.turn;
      }
      list.appendChild(
        el(
          'li',
          { class: `timeline-item ${off ? 'differs' : 'same'} history-${d.history.kind}` },
          el('div', { class: 'timeline-mine' }, el('span', { class: 'tag' }, 'You'), d.kind === 'act' ? d.label : `${d.title} — ${d.label}`),
          el(
            'div',
            { class: 'timeline-history' },
            el('span', { class: 'tag' }, off ? 'History' : '✓'),
            ...linkTerms(historyText(d.history)),
            d.sources.length ? el('span', { class: 'citation' }, ` Source: ${d.sources.map(cite).join('; ')}.`) : null,
          ),
          d.changes.length || d.followed.length
            ? el(
                'div',
                { class: 'timeline-followed' },
                d.changes.length ? `At once: ${changesText(d.changes)}.` : '',
                d.followed.length ? ` That quarter the powers answered: ${d.followed.join('; ')}.` : '',
              )
            : null,
          d.note ? el('div', { class: 'timeline-note' }, el('span', { class: 'tag' }, 'Why'), d.note) : null,
        ),
      );
    }
    if (!list.firstChild) list.appendChild(el('li', { class: 'hint' }, only.checked ? 'You never left history’s path.' : 'No decisions were taken.'));
  };
  only.addEventListener('change', render);
  render();
  return el(
    'section',
    { class: 'debrief-section', testid: 'debrief-timeline' },
    el('h3', {}, 'Your decisions against history’s'),
    el('p', { class: 'hint' }, '“History” is only what Azerbaijan actually did, and when; a route or contract of your own is marked as yours.'),
    el('label', { class: 'check' }, only, ' Show only where you left history’s path'),
    list,
    a.missed.length
      ? el(
          'div',
          { class: 'missed' },
          el('h4', {}, 'What Azerbaijan did that you did not'),
          el(
            'ul',
            {},
            ...a.missed.map((m) =>
              el(
                'li',
                {},
                el('strong', {}, `${m.title}: `),
                ...linkTerms(m.what),
                m.sources.length ? el('span', { class: 'citation' }, ` Source: ${m.sources.map(cite).join('; ')}.`) : null,
              ),
            ),
          ),
        )
      : null,
  );
}
