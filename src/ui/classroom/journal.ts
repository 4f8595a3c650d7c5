/**
 * The decision journal: after each decision (an action, an answer to an event) a small
 * strip asks "why?". The note is saved with the game (the save's journal, keyed by the
 * decision's place in the log), and appears in the debrief, the replay and the results.
 * It never blocks play: typing in it is kept from the game's keyboard shortcuts.
 */
import { type Command, resolveChoiceText, resolveEventText, rulesOf } from '../../core/index.ts';
import type { AppStore } from '../../store/gameStore.ts';
import type { SavingStore } from '../../store/saving.ts';
import { button, el } from '../dom.ts';

export function describeDecision(store: AppStore, index: number): string | null {
  const { scenario, game, commands } = store.getState();
  const c = commands[index] as Command | undefined;
  if (!scenario || !game || !c) return null;
  const rules = rulesOf(scenario);
  if (c.type === 'act') return rules.actionById.get(c.action)?.label ?? c.action;
  if (c.type === 'choose') {
    const e = rules.eventById.get(c.event);
    const ch = e?.choices.find((x) => x.id === c.choice);
    return `${e ? resolveEventText(scenario, game, e).title : c.event}: ${ch ? resolveChoiceText(scenario, game, ch).label : c.choice}`;
  }
  return null;
}

export function mountJournal(store: AppStore, saving: SavingStore): void {
  const label = el('label', { class: 'journal-label', attrs: { for: 'journal-input' } });
  const input = el('input', {
    testid: 'journal-input',
    attrs: { id: 'journal-input', type: 'text', maxlength: '500', autocomplete: 'off', placeholder: 'Why? A line for your journal (optional)' },
  });
  const saved = el('span', { class: 'journal-saved', role: 'status' });
  const strip = el(
    'div',
    { class: 'journal hidden', testid: 'journal', label: 'Decision journal' },
    label,
    el(
      'div',
      { class: 'journal-row' },
      input,
      button('Save', () => commit(), { class: 'small', testid: 'journal-save' }),
      saved,
    ),
  );
  const pill = button('✎ Journal', () => setOpen(true), { class: 'journal-pill small hidden', testid: 'journal-open' });
  const hide = button('Hide', () => setOpen(false), { class: 'ghost small', testid: 'journal-hide', label: 'Hide the journal' });
  strip.appendChild(hide);
  document.body.append(strip, pill);

  let at = -1;
  let open = true;
  const commit = () => {
    if (at < 0) return;
    saving.note(at, input.value);
    saved.textContent = input.value.trim() ? '✓ kept in your journal' : '';
  };
  const setOpen = (v: boolean) => {
    open = v;
    render();
    if (v) input.focus();
  };
  input.addEventListener('keydown', (e) => {
    e.stopPropagation();
    if (e.key === 'Enter') {
      commit();
      input.blur();
    } else if (e.key === 'Escape') input.blur();
  });
  input.addEventListener('change', commit);

  const render = () => {
    const { screen, commands, game } = store.getState();
    // The newest decision in the log (the End turn that may follow it does not count).
    let last = -1;
    for (let i = commands.length - 1; i >= 0; i--) {
      const t = commands[i]?.type;
      if (t === 'act' || t === 'choose') {
        last = i;
        break;
      }
      if (t === 'endTurn') break;
    }
    const show = screen === 'game' && last >= 0 && !game?.outcome;
    strip.classList.toggle('hidden', !show || !open);
    pill.classList.toggle('hidden', !show || open);
    if (!show || last === at) return;
    at = last;
    label.textContent = `Why: ${describeDecision(store, last) ?? 'this decision'}?`;
    input.value = saving.state.getState().journal.find((j) => j.at === last)?.text ?? '';
    saved.textContent = '';
  };
  store.subscribe(render);
  render();
}
