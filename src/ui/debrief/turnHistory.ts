/**
 * The whole turn history of a game: every quarter's events, your decisions, the powers'
 * answers and why, and every change with its cause. Opened from the debrief (and the
 * replay); downloadable as CSV, one row per turn.
 */
import { recordChanges, recordResponses, rulesOf } from '../../core/index.ts';
import type { Scenario } from '../../scenario/types.ts';
import { createModal } from '../classroom/modal.ts';
import { button, el } from '../dom.ts';
import { signed, varName } from '../format.ts';
import type { Analysis } from './analysis.ts';
import { capitalise } from './view.ts';

let modal: ReturnType<typeof createModal> | null = null;

export function openTurnHistory(sc: Scenario, a: Analysis, onDownloadCsv: () => void): void {
  modal ??= createModal('turn-history', 'Turn history', { wide: true });
  const rules = rulesOf(sc);
  const turns = a.state.history.map((record, t) => {
    const point = a.turns[t];
    const before = t === 0 ? a.startScore : (a.turns[t - 1]?.score ?? a.startScore);
    const mine = a.decisions.filter((d) => d.turn === t);
    const byCause = new Map<string, string[]>();
    for (const c of recordChanges(a.state, record)) {
      if (c.delta === 0 || c.var === 'capital') continue;
      const list = byCause.get(c.cause) ?? [];
      list.push(`${c.var === 'treasury' ? 'Treasury' : varName(c.var)} ${signed(c.delta)}${c.var === 'treasury' ? 'm' : ''}`);
      byCause.set(c.cause, list);
    }
    const answers = recordResponses(sc, a.state, record);
    const sticks = answers.filter((r) => r.kind === 'stick').length;
    return el(
      'details',
      { class: 'history-turn', attrs: t === a.state.history.length - 1 ? { open: '' } : {} },
      el(
        'summary',
        {},
        el('strong', {}, `Turn ${t + 1} · ${point?.label ?? ''}`),
        ` — score ${point?.score ?? '—'} (${signed((point?.score ?? before) - before)})`,
        record.events.length ? ` · ${record.events.length} event${record.events.length === 1 ? '' : 's'}` : '',
        mine.length ? ` · ${mine.length} decision${mine.length === 1 ? '' : 's'}` : '',
        sticks ? ` · ${sticks} pressure${sticks === 1 ? '' : 's'}` : '',
      ),
      record.events.length
        ? el('p', {}, el('span', { class: 'tag' }, 'Events'), record.events.map((id) => rules.eventById.get(id)?.title ?? id).join(' · '))
        : null,
      mine.length
        ? el('p', {}, el('span', { class: 'tag' }, 'You'), mine.map((d) => (d.kind === 'act' ? d.label : `${d.title}: ${d.label}`)).join(' · '))
        : null,
      ...answers.map((r) =>
        el(
          'p',
          { class: `history-response ${r.kind}` },
          el('span', { class: 'tag' }, r.kind === 'stick' ? 'Pressure' : 'Favour'),
          `${r.label}. `,
          r.text,
          el('span', { class: 'why' }, ` Why: ${r.why}.`),
        ),
      ),
      byCause.size
        ? el('ul', { class: 'history-changes' }, ...[...byCause.entries()].map(([cause, list]) => el('li', {}, `${capitalise(cause)}: ${list.join(', ')}`)))
        : null,
    );
  });
  modal.open(
    el('div', { class: 'dialog-actions' }, button('Download the turn history (CSV, one row per turn)', onDownloadCsv, { testid: 'turn-history-csv' })),
    turns.length ? el('div', { class: 'history-turns' }, ...turns) : el('p', { class: 'hint' }, 'No turn has ended yet.'),
  );
}
