/**
 * The class comparison's pictures and table: scores per student against history's line,
 * every student's score over the game, the table (outcome, score, rating, decisions off
 * history's path, journal), and each event's choices across the class. Student names and
 * notes come from files: they go in as text only.
 */
import type { Scenario } from '../../scenario/types.ts';
import { diverged } from '../debrief/historyMarks.ts';
import { lineChart } from '../debrief/charts.ts';
import { button, el, svg } from '../dom.ts';
import { quarterLabel, signed } from '../format.ts';
import type { ClassEntry, ClassSummary } from './compareData.ts';

export function scoresChart(summary: ClassSummary): SVGSVGElement {
  const rows = [...summary.entries].sort((a, b) => (b.analysis.outcome?.score ?? 0) - (a.analysis.outcome?.score ?? 0));
  const rowH = 22;
  const left = 120;
  const width = 440;
  const height = rows.length * rowH + 30;
  const x = (v: number) => left + ((width - left - 20) * v) / 100;
  const root = svg('svg', { viewBox: `0 0 ${width} ${height}`, class: 'chart', role: 'img', 'aria-label': 'Final score of each student, with history’s line' });
  rows.forEach((e, i) => {
    const score = e.analysis.outcome?.score ?? 0;
    const y = 8 + i * rowH;
    const name = svg('text', { x: left - 6, y: y + 12, 'text-anchor': 'end', class: 'chart-text' });
    name.textContent = e.student.length > 24 ? `${e.student.slice(0, 23)}…` : e.student;
    root.appendChild(name);
    const bar = svg('rect', {
      x: left,
      y: y + 2,
      width: Math.max(1, x(score) - left),
      height: rowH - 6,
      class: `compare-bar ${e.analysis.outcome?.status === 'lost' ? 'lost' : ''}`,
    });
    const tip = svg('title');
    tip.textContent = `${e.student}: ${score} (${e.analysis.outcome?.rating ?? ''})`;
    bar.appendChild(tip);
    root.appendChild(bar);
    const value = svg('text', { x: x(score) + 4, y: y + 12, class: 'chart-text' });
    value.textContent = String(score);
    root.appendChild(value);
  });
  if (summary.historyScore !== null) {
    root.appendChild(svg('line', { x1: x(summary.historyScore), x2: x(summary.historyScore), y1: 2, y2: height - 18, class: 'chart-history-line' }));
    const label = svg('text', { x: x(summary.historyScore), y: height - 4, 'text-anchor': 'middle', class: 'chart-era-label' });
    label.textContent = `history’s line ${summary.historyScore}`;
    root.appendChild(label);
  }
  return root;
}

export function trajectoriesChart(scenario: Scenario, summary: ClassSummary): SVGSVGElement {
  const first = summary.entries[0];
  return lineChart({
    title: 'Every student’s score over the game, with history’s line',
    min: 0,
    max: 100,
    turns: scenario.calendar.turns,
    tick: (t) => quarterLabel(scenario, t).slice(-4),
    width: 440,
    height: 200,
    series: [
      ...summary.entries.map((e) => ({ label: e.student, values: e.analysis.turns.map((p) => p.score), color: 'var(--up)' })),
      ...(first ? [{ label: 'History’s line', values: first.analysis.history.turns.map((p) => p.score), color: 'var(--accent)', dashed: true }] : []),
    ],
  });
}

export function classTable(summary: ClassSummary, onReplay: (e: ClassEntry) => void): HTMLElement {
  const body = el('tbody', {});
  summary.entries.forEach((e, i) => {
    const a = e.analysis;
    const score = a.outcome?.score ?? 0;
    const off = a.decisions.filter((d) => diverged(d.history)).length;
    const notes = a.decisions.filter((d) => d.note);
    const journal = el(
      'tr',
      { class: 'journal-row hidden' },
      el(
        'td',
        { attrs: { colspan: '8' } },
        notes.length
          ? el(
              'ul',
              { class: 'compare-notes' },
              ...notes.map((d) =>
                el('li', {}, el('strong', {}, `${a.turns[d.turn]?.label ?? ''} — ${d.kind === 'act' ? d.label : `${d.title}: ${d.label}`}: `), d.note ?? ''),
              ),
            )
          : el('p', { class: 'hint' }, 'No journal notes.'),
      ),
    );
    const notesButton = button(`${notes.length} note${notes.length === 1 ? '' : 's'}`, () => journal.classList.toggle('hidden'), {
      class: 'ghost small',
      testid: `compare-journal-${i}`,
    });
    body.append(
      el(
        'tr',
        { testid: `compare-row-${i}` },
        el('td', {}, e.student, e.className ? el('span', { class: 'hint' }, ` · ${e.className}`) : null),
        el('td', {}, a.outcome ? (a.outcome.status === 'lost' ? `Lost: ${a.outcome.title}` : 'Completed') : `Unfinished (turn ${a.turns.length + 1})`),
        el('td', { class: 'num' }, String(score)),
        el('td', { class: 'num' }, summary.historyScore === null ? '—' : signed(score - summary.historyScore)),
        el('td', {}, a.outcome?.rating ?? '—'),
        el('td', { class: 'num' }, `${off} of ${a.decisions.length}`),
        el('td', {}, notesButton),
        el(
          'td',
          {},
          button('Replay', () => onReplay(e), { class: 'small', testid: `compare-replay-${i}` }),
        ),
      ),
      journal,
    );
  });
  return el(
    'table',
    { class: 'compare-table', testid: 'compare-table' },
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        ...['Student', 'Outcome', 'Score', 'vs history', 'Rating', 'Off history’s path', 'Journal', ''].map((h) => el('th', { attrs: { scope: 'col' } }, h)),
      ),
    ),
    body,
  );
}

export function decisionsSection(summary: ClassSummary): HTMLElement {
  const n = summary.entries.length;
  return el(
    'div',
    { class: 'compare-events', testid: 'compare-events' },
    ...summary.events.map((t) => {
      const answered = n - t.absent.length;
      const bar = el('div', { class: 'compare-stack', role: 'img', label: `${t.title}: how the class answered` });
      t.choices.forEach((c, i) => {
        if (c.students.length === 0) return;
        const seg = el('span', { class: `compare-seg seg${i % 4}${c.historical ? ' historical' : ''}` });
        seg.style.width = `${(100 * c.students.length) / Math.max(1, answered)}%`;
        seg.title = `${c.label}: ${c.students.length}`;
        bar.appendChild(seg);
      });
      return el(
        'div',
        { class: 'compare-event' },
        el('strong', {}, t.title),
        t.absent.length ? el('span', { class: 'hint' }, ` · not raised in ${t.absent.length} game${t.absent.length === 1 ? '' : 's'}`) : null,
        bar,
        el(
          'ul',
          { class: 'compare-choices' },
          ...t.choices.map((c, i) =>
            el(
              'li',
              { class: `seg-key seg${i % 4}` },
              `${c.label}${c.historical ? ' (what Azerbaijan did)' : ''}: ${c.students.length}`,
              c.students.length && c.students.length <= 8 ? el('span', { class: 'hint' }, ` — ${c.students.join(', ')}`) : null,
            ),
          ),
        ),
      );
    }),
  );
}
