/**
 * The event dialog: title, date, text (worded for the player's path), the sources by
 * title on demand, and the choices open on this path, each with the numbers it would
 * move — the same way actions show theirs. Number keys pick a choice; Esc folds the
 * dialog away to look at the map, and E or the "event waiting" button brings it back.
 * Focus lands on the dialog, never on a choice, so a held Enter cannot answer an event
 * nobody has read; a choice that ends the game asks to be confirmed.
 */
import { type ChoiceView, eventView, type EventView, type GameState } from '../../core/index.ts';
import type { Scenario } from '../../scenario/types.ts';
import { button, el, fill } from '../dom.ts';
import { monthName, quarterLabel } from '../format.ts';
import { previewChips } from '../preview.ts';
import { fillLinked } from '../glossary/glossary.ts';
import { citation } from '../sources.ts';

export interface EventDialogOptions {
  onChoose: (eventId: string, choiceId: string) => void;
  onSources: () => void;
}

export function createEventDialog(opts: EventDialogOptions) {
  const title = el('h2', { attrs: { id: 'event-title' } });
  const date = el('p', { class: 'event-date' });
  const text = el('p', { class: 'event-text' });
  const sources = el('details', { class: 'event-sources' });
  const choices = el('div', { class: 'event-choices', role: 'group', label: 'Your choice' });
  const counter = el('p', { class: 'event-counter' });
  const keysHint = el('p', { class: 'hint' });
  const dialog = el(
    'div',
    {
      class: 'dialog event-dialog',
      testid: 'event-dialog',
      role: 'dialog',
      attrs: { 'aria-modal': 'true', 'aria-labelledby': 'event-title', tabindex: '-1' },
    },
    counter,
    title,
    date,
    text,
    sources,
    choices,
    keysHint,
  );
  const overlay = el('div', { class: 'overlay hidden' }, dialog);
  const reopen = button('Event waiting — press E', () => setFolded(false), { class: 'event-waiting hidden', testid: 'event-waiting' });
  let folded = false;
  /** Held back while another screen (the turn report, the guide) has the player's attention. */
  let held = false;
  let current: { key: string; scenario: Scenario; view: EventView } | null = null;
  let confirming: ChoiceView | null = null;

  const visible = () => current !== null && !folded && !held;
  const setFolded = (f: boolean) => {
    folded = f;
    overlay.classList.toggle('hidden', !visible());
    reopen.classList.toggle('hidden', !folded || current === null || held);
    // The dialog is always in view: no scrolling, so no layout forced inside the click.
    if (visible()) dialog.focus({ preventScroll: true });
  };

  const renderChoices = () => {
    if (!current) return;
    const view = current.view;
    if (confirming) {
      const c = confirming;
      fill(
        choices,
        el('p', { class: 'confirm-text', testid: 'confirm-text' }, `“${c.label}” ends your game here. Are you sure?`),
        el(
          'div',
          { class: 'dialog-actions' },
          button('Yes, end the game', () => opts.onChoose(view.id, c.id), { class: 'danger', testid: 'confirm-yes' }),
          button(
            'Go back',
            () => {
              confirming = null;
              renderChoices();
              dialog.focus({ preventScroll: true });
            },
            { class: 'ghost', testid: 'confirm-no' },
          ),
        ),
      );
      keysHint.textContent = '';
      return;
    }
    fill(
      choices,
      ...view.choices.map((c, i) => {
        const b = el(
          'button',
          {
            class: `choice ${c.ends !== 'never' ? 'ends' : ''}`,
            testid: `event-choice-${c.id}`,
            attrs: { type: 'button', 'aria-keyshortcuts': String(i + 1) },
          },
          el('span', { class: 'choice-key' }, String(i + 1)),
          el('span', { class: 'choice-label' }, c.label),
          c.hint ? el('span', { class: 'choice-hint' }, c.hint) : null,
          c.ends === 'always'
            ? el('span', { class: 'choice-ends' }, 'Ends the game.')
            : c.ends === 'maybe'
              ? el('span', { class: 'choice-ends' }, 'May end the game.')
              : null,
          previewChips(c.preview, 'choice-chips'),
        );
        b.addEventListener('click', () => pick(c));
        return b;
      }),
    );
    keysHint.textContent = `Press ${view.choices.length === 1 ? '1' : `1–${view.choices.length}`} to choose · Esc to look at the map first`;
  };

  const pick = (c: ChoiceView) => {
    if (!current) return;
    if (c.ends === 'always') {
      confirming = c;
      renderChoices();
      (choices.querySelector('[data-testid="confirm-no"]') as HTMLElement | null)?.focus();
      return;
    }
    opts.onChoose(current.view.id, c.id);
  };

  return {
    nodes: [overlay, reopen],
    isOpen: () => visible(),
    /** Handles a key press; returns true when it was the dialog's. */
    key(e: KeyboardEvent): boolean {
      if (!current || held) return false;
      if (folded) {
        if (e.key === 'e' || e.key === 'E') {
          setFolded(false);
          return true;
        }
        return false;
      }
      if (e.key === 'Escape') {
        if (confirming) {
          confirming = null;
          renderChoices();
        } else setFolded(true);
        return true;
      }
      if (e.key === 'Enter' && e.target === dialog) return true; // Enter alone never answers.
      const n = Number(e.key);
      if (!confirming && !e.repeat && Number.isInteger(n) && n >= 1 && n <= current.view.choices.length) {
        const c = current.view.choices[n - 1];
        if (c) pick(c);
        return true;
      }
      return false;
    },
    update(sc: Scenario, s: GameState, hold: boolean) {
      // Held back (the turn report or the guide is in front): nothing is built until it
      // shows, so the click that ends a turn does not also build the next event unseen.
      if (hold) {
        held = true;
        overlay.classList.add('hidden');
        reopen.classList.add('hidden');
        return;
      }
      const id = s.pending[0];
      const view = id && !s.outcome ? eventView(sc, s, id) : null;
      const wasHeld = held;
      held = hold;
      if (!view) {
        current = null;
        confirming = null;
        setFolded(false);
        return;
      }
      const answered = s.current.choices.length;
      const key = `${s.turn}:${view.id}:${answered}`;
      if (current?.key === key && current.scenario === sc) {
        if (wasHeld !== held) setFolded(folded);
        return;
      }
      current = { key, scenario: sc, view };
      confirming = null;
      const total = answered + s.pending.length;
      counter.textContent = total > 1 ? `Event ${answered + 1} of ${total} this quarter` : '';
      title.textContent = view.title;
      date.textContent = view.month ? monthName(view.month) : quarterLabel(sc, s.turn);
      fillLinked(text, view.text); // terms open the glossary
      fill(
        sources,
        el('summary', {}, `Sources (${view.sources.length})`),
        el('ul', {}, ...view.sources.map((src) => el('li', {}, el('cite', {}, citation(src.doc)), ` — ${src.section}`))),
        button('All sources', opts.onSources, { class: 'ghost small', testid: 'open-sources' }),
      );
      renderChoices();
      setFolded(false);
    },
  };
}
