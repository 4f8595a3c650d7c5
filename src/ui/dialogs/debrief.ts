/**
 * The end of a scenario: outcome, score and rating, the reason, and a first debrief that
 * sets the player's path beside history's — the same seed played by the historical
 * policy — event by event.
 */
import { type GameState, METER_IDS, rulesOf } from '../../core/index.ts';
import { historical } from '../../policies/policies.ts';
import { playGame } from '../../policies/run.ts';
import type { Scenario } from '../../scenario/types.ts';
import { button, el, fill } from '../dom.ts';
import { series } from '../explain.ts';
import { METER_INFO, quarterLabel } from '../format.ts';
import { sparkline } from '../hud/meters.ts';

export interface DebriefOptions {
  onAgain: () => void;
  onTitle: () => void;
  onDownload: () => void;
}

export function createDebrief(opts: DebriefOptions) {
  const body = el('div', { class: 'debrief-body' });
  const dialog = el(
    'div',
    { class: 'dialog debrief', testid: 'debrief', role: 'dialog', attrs: { 'aria-modal': 'true', 'aria-labelledby': 'debrief-title', tabindex: '-1' } },
    body,
  );
  const overlay = el('div', { class: 'overlay hidden' }, dialog);
  let shownFor: GameState | null = null;

  return {
    node: overlay,
    isOpen: () => !overlay.classList.contains('hidden'),
    update(sc: Scenario, s: GameState) {
      if (!s.outcome) {
        overlay.classList.add('hidden');
        shownFor = null;
        return;
      }
      if (shownFor === s) return;
      shownFor = s;
      const o = s.outcome;
      const history = playGame(sc, s.seed, historical, s.difficulty).state;
      const rules = rulesOf(sc);
      const rows = Object.keys(s.chosen)
        .sort((a, b) => (s.fired[a] ?? 0) - (s.fired[b] ?? 0))
        .map((id) => {
          const e = rules.eventById.get(id);
          if (!e) return null;
          const mine = e.choices.find((c) => c.id === s.chosen[id]);
          const theirs = e.choices.find((c) => c.historical);
          const same = mine && theirs && mine.id === theirs.id;
          return el(
            'tr',
            { class: same ? 'same' : 'differs' },
            el('td', {}, quarterLabel(sc, s.fired[id] ?? 0)),
            el('td', {}, e.title),
            el('td', {}, mine?.label ?? '—'),
            el('td', {}, theirs ? `${same ? '✓ ' : ''}${theirs.label}` : '(no historical choice)'),
          );
        });
      fill(
        body,
        el('p', { class: `outcome ${o.status}` }, o.status === 'lost' ? 'Game over' : 'Chapter complete'),
        el('h2', { attrs: { id: 'debrief-title' } }, o.title),
        o.text ? el('p', {}, o.text) : null,
        el(
          'div',
          { class: 'score-row' },
          el('div', { class: 'score' }, el('span', { class: 'score-value', testid: 'score' }, String(o.score)), el('span', {}, 'score')),
          el('div', { class: 'score' }, el('span', { class: 'score-value rating', testid: 'rating' }, o.rating), el('span', {}, 'rating')),
          el(
            'div',
            { class: 'score' },
            el('span', { class: 'score-value' }, String(history.outcome?.score ?? '—')),
            el('span', {}, `history's path, same seed${history.outcome?.status === 'lost' ? ' (lost)' : ''}`),
          ),
        ),
        el('h3', {}, 'Your Azerbaijan, turn by turn'),
        el(
          'div',
          { class: 'debrief-meters' },
          ...METER_IDS.map((m) =>
            el(
              'div',
              { class: 'debrief-meter' },
              el('span', {}, METER_INFO[m]?.label ?? m),
              sparkline(
                series(s, (snap) => snap.meters[m]),
                0,
                100,
                140,
                28,
              ),
              el('span', { class: 'final' }, `${s.meters[m]} (history: ${history.meters[m]})`),
            ),
          ),
        ),
        el('h3', {}, 'Your choices beside history’s'),
        rows.length
          ? el(
              'table',
              { class: 'choices-table' },
              el('thead', {}, el('tr', {}, el('th', {}, 'When'), el('th', {}, 'Event'), el('th', {}, 'You chose'), el('th', {}, 'History chose'))),
              el('tbody', {}, ...rows),
            )
          : el('p', {}, 'No events were answered.'),
        el(
          'p',
          { class: 'hint' },
          'For class discussion: where did your path leave history’s, and what did each power do in answer? The news log keeps every turn’s reasons.',
        ),
        el(
          'div',
          { class: 'dialog-actions' },
          button('Play again (same seed)', opts.onAgain, { class: 'primary', testid: 'play-again' }),
          button('Download result', opts.onDownload, { testid: 'download-result' }),
          button('Back to title', opts.onTitle, { class: 'ghost', testid: 'to-title' }),
        ),
      );
      overlay.classList.remove('hidden');
      // Focus the dialog itself, so a screen reader starts at the outcome and the view at the top.
      dialog.focus();
      dialog.scrollTop = 0;
    },
  };
}
