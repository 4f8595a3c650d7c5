/**
 * The end of a game: the outcome, the score beside history's line on the same seed, the
 * three turning points, charts, a summary per era (the campaign), and the timeline of
 * decisions against history's — all recomputed from the command log (src/ui/debrief/).
 * It can be closed to look at the map, opens the whole turn history and the replay, prints
 * cleanly, and exports the results (JSON, CSV) and the game itself.
 */
import type { GameState } from '../../core/index.ts';
import type { Scenario } from '../../scenario/types.ts';
import { download } from '../classroom/files.ts';
import type { ClassroomHooks } from '../classroom/hooks.ts';
import { type Analysis, analyse } from '../debrief/analysis.ts';
import { resultCsv, resultFileName, resultJson } from '../debrief/results.ts';
import { interventionsSection } from '../debrief/interventions.ts';
import { openTurnHistory } from '../debrief/turnHistory.ts';
import { chartsSection, erasSection, scoreSection, timelineSection, turningPointsSection } from '../debrief/view.ts';
import { button, el, fill } from '../dom.ts';

export interface DebriefOptions {
  onAgain: () => void;
  onTitle: () => void;
  onDownload: () => void;
  classroom?: ClassroomHooks;
}

export function createDebrief(opts: DebriefOptions) {
  const body = el('div', { class: 'debrief-body' });
  const dialog = el(
    'div',
    { class: 'dialog debrief', testid: 'debrief', role: 'dialog', attrs: { 'aria-modal': 'true', 'aria-labelledby': 'debrief-title', tabindex: '-1' } },
    body,
  );
  const overlay = el('div', { class: 'overlay debrief-overlay hidden' }, dialog);
  const reopen = el(
    'div',
    { class: 'debrief-reopen hidden', testid: 'debrief-reopen' },
    button('Back to the debrief', () => show(), { class: 'primary', testid: 'debrief-open' }),
    button('Turn history', () => history(), { testid: 'open-turn-history-bar' }),
  );
  const node = el('div', { class: 'debrief-root' }, overlay, reopen);
  let shownFor: GameState | null = null;
  let scenario: Scenario | null = null;
  let analysis: Analysis | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const who = () => {
    const c = opts.classroom?.context();
    return { student: c?.student ?? '', className: c?.className ?? '' };
  };
  const show = () => {
    reopen.classList.add('hidden');
    overlay.classList.remove('hidden');
    dialog.focus();
  };
  const close = () => {
    overlay.classList.add('hidden');
    reopen.classList.remove('hidden');
  };
  const history = () => {
    if (scenario && analysis) openTurnHistory(scenario, analysis, exportCsv);
  };
  const exportJson = () => {
    const save = opts.classroom?.currentSave();
    if (!analysis || !save) return;
    const w = who();
    download(`${JSON.stringify(resultJson(analysis, save, w, new Date().toISOString()), null, 1)}\n`, resultFileName(analysis, w.student, 'json'));
  };
  const exportCsv = () => {
    if (analysis) download(resultCsv(analysis), resultFileName(analysis, who().student, 'csv'), 'text/csv');
  };

  const render = (sc: Scenario, s: GameState) => {
    const o = s.outcome;
    if (!o) return;
    const ctx = opts.classroom?.context();
    analysis = analyse(sc, s.seed, s.difficulty, ctx?.commands ?? [], ctx?.journal ?? []);
    const a = analysis;
    const nameInput = el('input', {
      testid: 'results-name',
      attrs: { id: 'results-name', type: 'text', maxlength: '60', value: who().student, placeholder: 'your name', autocomplete: 'name' },
    });
    nameInput.addEventListener('change', () => opts.classroom?.setStudent(nameInput.value));
    nameInput.addEventListener('keydown', (e) => e.stopPropagation());
    const long = sc.calendar.turns > 40;
    fill(
      body,
      el('p', { class: `outcome ${o.status}` }, o.status === 'lost' ? 'Game over' : long ? 'Campaign complete' : 'Chapter complete'),
      el('h2', { attrs: { id: 'debrief-title' } }, o.title),
      o.text ? el('p', {}, o.text) : null,
      el(
        'div',
        { class: 'debrief-toolbar no-print' },
        button('Close: look at the map', close, { testid: 'debrief-close' }),
        button('Turn history', history, { testid: 'open-turn-history' }),
        opts.classroom?.openReplay ? button('Watch the replay', () => opts.classroom?.openReplay?.(), { testid: 'open-replay' }) : null,
        button('Print', () => window.print(), { testid: 'print-debrief' }),
      ),
      scoreSection(a),
      el(
        'div',
        { class: 'keep-copy no-print', testid: 'export-prompt' },
        el(
          'p',
          {},
          el('strong', {}, 'Keep a copy. '),
          'Browsers can clear a site’s saved games. Export the game and your results to files to keep them or hand them in.',
        ),
        el('div', { class: 'setup-row' }, el('label', { attrs: { for: 'results-name' } }, 'Your name'), nameInput),
        el(
          'div',
          { class: 'dialog-actions' },
          button('Export results (JSON)', exportJson, { class: 'primary', testid: 'export-results' }),
          button('Results, one row per turn (CSV)', exportCsv, { testid: 'export-results-csv' }),
          button('Export the game (save file)', opts.onDownload, { testid: 'export-save-debrief' }),
        ),
      ),
      turningPointsSection(a),
      chartsSection(sc, a),
      erasSection(a),
      timelineSection(a),
      interventionsSection(a),
      el(
        'p',
        { class: 'hint' },
        'For class discussion: where did your path leave history’s, and what did each power do in answer? Which of your turning points could you have seen coming?',
      ),
      el(
        'div',
        { class: 'dialog-actions no-print' },
        button('Play again (same seed)', opts.onAgain, { class: 'primary', testid: 'play-again' }),
        button('Back to title', opts.onTitle, { class: 'ghost', testid: 'to-title' }),
      ),
    );
    dialog.scrollTop = 0;
  };

  return {
    node,
    isOpen: () => !overlay.classList.contains('hidden'),
    update(sc: Scenario, s: GameState) {
      if (!s.outcome) {
        overlay.classList.add('hidden');
        reopen.classList.add('hidden');
        shownFor = null;
        return;
      }
      if (shownFor === s) return;
      shownFor = s;
      scenario = sc;
      fill(body, el('p', { class: 'outcome' }, 'Preparing the debrief…'));
      show();
      // Let the ending paint first: the debrief replays the game and history's line.
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        if (shownFor === s) render(sc, s);
      }, 30);
    },
  };
}
