/**
 * The event dialog: title, date, text, the sources (readable on demand), and the choices
 * with a hint of their consequences. Number keys pick a choice; Esc folds the dialog away
 * to look at the map, and E or the "event waiting" button brings it back.
 */
import { eventView, type GameState } from '../../core/index.ts';
import type { Scenario } from '../../scenario/types.ts';
import { button, el, fill } from '../dom.ts';
import { monthName, quarterLabel } from '../format.ts';

export function createEventDialog(onChoose: (eventId: string, choiceId: string) => void) {
  const title = el('h2', { attrs: { id: 'event-title' } });
  const date = el('p', { class: 'event-date' });
  const text = el('p', { class: 'event-text' });
  const sources = el('details', { class: 'event-sources' });
  const choices = el('div', { class: 'event-choices', role: 'group', label: 'Your choice' });
  const counter = el('p', { class: 'event-counter' });
  const dialog = el(
    'div',
    { class: 'dialog event-dialog', testid: 'event-dialog', role: 'dialog', attrs: { 'aria-modal': 'true', 'aria-labelledby': 'event-title' } },
    counter,
    title,
    date,
    text,
    sources,
    choices,
    el('p', { class: 'hint' }, 'Press 1–', el('span', { class: 'choice-count' }), ' to choose · Esc to look at the map first'),
  );
  const overlay = el('div', { class: 'overlay hidden' }, dialog);
  const reopen = button('Event waiting — press E', () => setFolded(false), { class: 'event-waiting hidden', testid: 'event-waiting' });
  let folded = false;
  let current: { key: string; scenario: Scenario; eventId: string; choiceIds: string[] } | null = null;

  const setFolded = (f: boolean) => {
    folded = f;
    overlay.classList.toggle('hidden', folded || current === null);
    reopen.classList.toggle('hidden', !folded || current === null);
    if (!folded) (choices.querySelector('button:not([disabled])') as HTMLElement | null)?.focus();
  };

  return {
    nodes: [overlay, reopen],
    isOpen: () => current !== null && !folded,
    /** Handles a key press; returns true when it was the dialog's. */
    key(e: KeyboardEvent): boolean {
      if (!current) return false;
      if (folded) {
        if (e.key === 'e' || e.key === 'E') {
          setFolded(false);
          return true;
        }
        return false;
      }
      if (e.key === 'Escape') {
        setFolded(true);
        return true;
      }
      const n = Number(e.key);
      if (Number.isInteger(n) && n >= 1 && n <= current.choiceIds.length) {
        const b = choices.querySelectorAll('button')[n - 1] as HTMLButtonElement | undefined;
        if (b && !b.disabled) b.click();
        return true;
      }
      return false;
    },
    update(sc: Scenario, s: GameState) {
      const id = s.pending[0];
      const event = id ? eventView(sc, s, id) : null;
      if (!event || s.outcome) {
        current = null;
        setFolded(false);
        return;
      }
      const key = `${s.turn}:${event.id}:${s.pending.length}`;
      if (current?.key === key && current.scenario === sc) return;
      current = { key, scenario: sc, eventId: event.id, choiceIds: event.choices.map((c) => c.id) };
      counter.textContent = s.pending.length > 1 ? `Event 1 of ${s.pending.length} this quarter` : '';
      title.textContent = event.title;
      date.textContent = event.month ? monthName(event.month) : quarterLabel(sc, s.turn);
      text.textContent = event.text;
      fill(
        sources,
        el('summary', {}, `Sources (${event.sources.length})`),
        el('ul', {}, ...event.sources.map((src) => el('li', {}, el('code', {}, src.doc), ` — ${src.section}`))),
      );
      fill(
        choices,
        ...event.choices.map((c, i) => {
          const b = el(
            'button',
            { class: 'choice', testid: `event-choice-${c.id}`, attrs: { type: 'button', 'aria-keyshortcuts': String(i + 1) } },
            el('span', { class: 'choice-key' }, String(i + 1)),
            el('span', { class: 'choice-label' }, c.label),
            c.hint ? el('span', { class: 'choice-hint' }, c.hint) : null,
          );
          b.addEventListener('click', () => onChoose(event.id, c.id));
          return b;
        }),
      );
      const count = dialog.querySelector('.choice-count');
      if (count) count.textContent = String(event.choices.length);
      setFolded(false);
    },
  };
}
