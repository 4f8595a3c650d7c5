/**
 * Teacher mode: the facilitator's panel, behind a switch in the menu (no accounts: a
 * projector in a classroom is trusted). Pause the class on a discussion prompt, raise one
 * of the scenario's events now, lock or unlock an action for an exercise, hand a power to
 * a team (hot-seat). Each intervention but the plain pause is a command in the game's
 * log, so the replay and the debrief show the game exactly as the class played it.
 */
import { type GameState, injectableEvents, legalActions, POWER_IDS, PROMPT_MAX, resolveEventText } from '../../core/index.ts';
import type { Scenario } from '../../scenario/types.ts';
import type { AppStore } from '../../store/gameStore.ts';
import { button, el, fill, publishHeight } from '../dom.ts';
import { powerName } from '../format.ts';

/** Typing in the panel never reaches the game's keyboard shortcuts. */
const keepKeys = (node: HTMLElement) => node.addEventListener('keydown', (e) => e.stopPropagation());

export function createTeacherPanel(store: AppStore) {
  const promptInput = el('textarea', {
    class: 'teacher-prompt',
    testid: 'teacher-prompt-input',
    label: 'Discussion prompt',
    attrs: { maxlength: String(PROMPT_MAX), rows: '2', placeholder: 'Why did Baku refuse the CIS in 1992?' },
  });
  keepKeys(promptInput);
  const injectSelect = el('select', { testid: 'teacher-inject-select', label: 'Event to raise' });
  keepKeys(injectSelect);
  const injectNone = el('p', { class: 'hint' });
  const locks = el('div', { class: 'teacher-locks' });
  const seats = el('div', { class: 'teacher-seats' });
  const busy = el('p', { class: 'hint teacher-busy' });

  const section = (title: string, ...children: (Node | null)[]) => el('details', { class: 'teacher-section' }, el('summary', {}, title), ...children);
  const node = el(
    'aside',
    { class: 'teacher-panel hidden', testid: 'teacher-panel', label: 'Teacher mode' },
    el(
      'div',
      { class: 'teacher-head' },
      el('h2', {}, 'Teacher'),
      button('Close', () => store.getState().setTeacher(false), { class: 'ghost small', testid: 'teacher-close' }),
    ),
    button('Pause the class', () => store.getState().pause(), { class: 'small', testid: 'teacher-pause' }),
    section(
      'Discussion prompt',
      promptInput,
      button(
        'Show to the class',
        () => {
          if (store.getState().prompt(promptInput.value)) promptInput.value = '';
        },
        { class: 'small', testid: 'teacher-prompt-show' },
      ),
    ),
    section(
      'Raise an event now',
      injectSelect,
      injectNone,
      button(
        'Raise now',
        () => {
          if (injectSelect.value) store.getState().inject(injectSelect.value);
        },
        { class: 'small', testid: 'teacher-inject' },
      ),
    ),
    section('Lock an action', locks),
    section('Who plays the powers', seats),
    busy,
    el('p', { class: 'hint' }, 'Everything but a plain pause goes into the game’s log: the replay and the debrief show it.'),
  );

  // The panel stands over the actions column's foot, where End turn is: while it shows, the
  // column keeps out of its way (teacher.css), by its height as laid out now (its sections
  // open and close). Hidden or taken off the page, it measures 0 and the column is whole.
  publishHeight(node, '--teacher-panel-height');

  let drawn: GameState | null = null;
  return {
    node,
    update(scenario: Scenario, s: GameState, on: boolean) {
      node.classList.toggle('hidden', !on || s.outcome !== null);
      if (!on || s === drawn) return;
      drawn = s;
      const events = injectableEvents(scenario, s);
      const keep = injectSelect.value;
      fill(injectSelect, ...events.map((e) => el('option', { attrs: { value: e.id } }, resolveEventText(scenario, s, e).title)));
      if (events.some((e) => e.id === keep)) injectSelect.value = keep;
      injectNone.textContent = events.length === 0 ? 'No event of this chapter can happen in this game now.' : '';
      fill(
        locks,
        ...legalActions(scenario, s).map((a) => {
          const locked = s.locked?.includes(a.id) ?? false;
          const box = el('input', { testid: `teacher-lock-${a.id}`, attrs: { type: 'checkbox', id: `lock-${a.id}` } });
          box.checked = locked;
          box.addEventListener('change', () => {
            if (!store.getState().lock(a.id, box.checked)) box.checked = locked;
          });
          return el('label', { class: 'teacher-check', attrs: { for: `lock-${a.id}` } }, box, a.label);
        }),
      );
      fill(
        seats,
        ...POWER_IDS.map((p) => {
          const people = s.humans?.includes(p) ?? false;
          const box = el('input', { testid: `teacher-seat-${p}`, attrs: { type: 'checkbox', id: `seat-${p}` } });
          box.checked = people;
          box.disabled = s.awaiting !== undefined;
          box.addEventListener('change', () => {
            if (!store.getState().seat(p, box.checked ? 'people' : 'computer')) box.checked = people;
          });
          return el('label', { class: `teacher-check power-${p}`, attrs: { for: `seat-${p}` } }, box, `${powerName(p)}: played by people`);
        }),
      );
      busy.textContent = s.awaiting ? 'The powers played by people are answering: the other interventions wait until the turn has closed.' : '';
    },
  };
}

/** The curtain over the class while it discusses: the prompt, large, and a Resume button. */
export function createPauseCurtain(onResume: () => void) {
  const text = el('p', { class: 'pause-prompt', testid: 'pause-prompt' });
  const node = el(
    'div',
    { class: 'pause-curtain hidden', testid: 'pause-curtain', role: 'dialog', label: 'Paused for discussion', attrs: { 'aria-modal': 'true' } },
    el('p', { class: 'pause-title' }, 'Paused for discussion'),
    text,
    button('Resume', onResume, { class: 'primary', testid: 'resume-play' }),
  );
  return {
    node,
    isOpen: () => !node.classList.contains('hidden'),
    update(paused: { prompt: string | null } | null) {
      node.classList.toggle('hidden', paused === null);
      text.textContent = paused?.prompt ?? '';
    },
  };
}
