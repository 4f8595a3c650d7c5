/**
 * The class comparison page: a teacher drops the result (or save) files a class
 * exported; each is checked and replayed here by the game's own rules, and the class is
 * shown side by side — scores against history's line, every score over the game, a table
 * with each student's journal and replay, and each event's choices across the class.
 * Everything stays in this browser: files are read locally, nothing is sent anywhere.
 */
import type { Scenario } from '../../scenario/types.ts';
import { button, el, fill } from '../dom.ts';
import { openReplayViewer } from '../replay/viewer.ts';
import { type ClassEntry, type Refused, readClassFile, setupKey, summarise } from './compareData.ts';
import { classTable, decisionsSection, scoresChart, trajectoriesChart } from './compareView.ts';
import { dropZone, filePicker, readFile } from './files.ts';
import { createModal, type Modal } from './modal.ts';

let modal: Modal | null = null;

export function openClassCompare(loadScenario: (id: string) => Promise<Scenario | null>): void {
  modal ??= createModal('class-compare', 'Compare a class', { wide: true });
  const entries: ClassEntry[] = [];
  const refused: Refused[] = [];
  let group: string | null = null;

  const status = el('p', { class: 'hint', testid: 'compare-status', role: 'status' });
  const results = el('div', { class: 'compare-results' });
  const add = async (files: File[]) => {
    for (const [i, f] of files.entries()) {
      status.textContent = `Replaying ${i + 1} of ${files.length}: ${f.name}…`;
      // Let the page paint between games: a class of thirty takes a few seconds.
      await new Promise((done) => setTimeout(done, 0));
      const read = await readFile(f);
      if (!read.ok) {
        refused.push({ file: read.name, reason: read.message });
        continue;
      }
      const r = await readClassFile(read.name, read.text, loadScenario);
      if (!r.ok) refused.push(r.refused);
      else if (entries.some((e) => e.save.checksum === r.entry.save.checksum)) refused.push({ file: read.name, reason: 'the same game was already added' });
      else entries.push(r.entry);
    }
    await render();
  };
  const picker = filePicker('compare-import-input', true, (files) => void add(files));
  const zone = el(
    'div',
    { class: 'drop-zone', testid: 'compare-drop' },
    button('Add result files…', picker.open, { class: 'primary', testid: 'compare-import' }),
    el(
      'span',
      { class: 'hint' },
      'or drop them here — as many as you like. Each game is replayed from its log by the game’s own rules; scores written in a file count for nothing. Nothing leaves this browser.',
    ),
    picker.input,
  );
  dropZone(zone, (files) => void add(files));

  const render = async () => {
    const groups = new Map<string, ClassEntry[]>();
    for (const e of entries) groups.set(setupKey(e.save), [...(groups.get(setupKey(e.save)) ?? []), e]);
    if (group === null || !groups.has(group)) group = [...groups.keys()][0] ?? null;
    status.textContent = `${entries.length} game${entries.length === 1 ? '' : 's'} compared${refused.length ? `, ${refused.length} file${refused.length === 1 ? '' : 's'} refused` : ''}.`;
    const refusedList = refused.length
      ? el(
          'details',
          { class: 'compare-refused', testid: 'compare-refused', attrs: { open: '' } },
          el('summary', {}, 'Files not counted'),
          el('ul', {}, ...refused.map((r) => el('li', {}, el('strong', {}, `${r.file}: `), r.reason))),
        )
      : null;
    const shown = group ? (groups.get(group) ?? []) : [];
    const first = shown[0];
    if (!first) {
      fill(results, refusedList);
      return;
    }
    const scenario = await loadScenario(first.save.scenario);
    if (!scenario) return;
    const summary = summarise(scenario, shown);
    const picker =
      groups.size > 1
        ? el(
            'label',
            { class: 'setup-row' },
            'Setup: ',
            (() => {
              const select = el('select', { testid: 'compare-group' });
              for (const [key, list] of groups) {
                const [id, , seed, difficulty] = key.split('|');
                select.appendChild(el('option', { attrs: { value: key } }, `${id} · seed ${seed} · ${difficulty} (${list.length})`));
              }
              select.value = group ?? '';
              select.addEventListener('change', () => {
                group = select.value;
                void render();
              });
              return select;
            })(),
          )
        : null;
    fill(
      results,
      refusedList,
      picker,
      el(
        'p',
        { class: 'compare-summary', testid: 'compare-summary' },
        el('strong', {}, `${scenario.title}, seed ${first.save.seed}, ${first.save.difficulty}. `),
        `${shown.length} student${shown.length === 1 ? '' : 's'}; ${summary.completed} finished the chapter. Class mean ${summary.meanScore}` +
          (summary.historyScore === null ? '.' : `; history’s line ${summary.historyScore}.`) +
          ` ${summary.divergedShare}% of the class’s decisions left history’s path.`,
      ),
      el(
        'div',
        { class: 'compare-charts' },
        el('figure', { class: 'chart-figure' }, el('figcaption', {}, el('strong', {}, 'Final scores')), scoresChart(summary)),
        el(
          'figure',
          { class: 'chart-figure' },
          el('figcaption', {}, el('strong', {}, 'Scores over the game'), el('span', { class: 'hint' }, 'dashed: history’s line')),
          trajectoriesChart(scenario, summary),
        ),
      ),
      classTable(summary, (e) => openReplayViewer(scenario, e.save, e.student)),
      el('h3', {}, 'How the class answered each event'),
      decisionsSection(summary),
    );
  };

  modal.open(
    el('p', {}, 'Collect the result files your students exported from their debriefs (or their saved games), then add them here.'),
    zone,
    status,
    results,
  );
}
