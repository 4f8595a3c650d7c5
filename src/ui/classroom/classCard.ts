/**
 * The class link on the title screen: for the teacher, a row that makes a link from the
 * chosen setup and copies it; for a student who opened one, a card with the teacher's
 * setup (scenario, seed, difficulty, class), a name field and Start.
 */
import type { CatalogEntry } from 'virtual:scenario-catalog';
import { button, el } from '../dom.ts';
import { type ClassSetup, classLinkUrl } from './classLink.ts';

export function classSetupCard(setup: ClassSetup, entry: CatalogEntry | undefined, onStart: (student: string) => void): HTMLElement {
  const name = el('input', {
    testid: 'class-student-name',
    attrs: { id: 'class-student', type: 'text', maxlength: '60', autocomplete: 'name', placeholder: 'your name, for your results file' },
  });
  const start = () => onStart(name.value.trim());
  name.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') start();
  });
  return el(
    'section',
    { class: 'class-card', testid: 'class-setup', label: 'Your class’s game' },
    el('h2', {}, setup.className ? `Class ${setup.className}` : 'Your class’s game'),
    el(
      'p',
      {},
      'Your teacher chose this setup: everyone in the class plays the same world with the same draws. ',
      el('strong', {}, entry ? `${entry.title} (${entry.period})` : setup.scenario),
      ', ',
      el('span', { testid: 'class-seed' }, `seed ${setup.seed}`),
      `, ${setup.difficulty}.`,
    ),
    el('div', { class: 'setup-row' }, el('label', { attrs: { for: 'class-student' } }, 'Your name'), name),
    el('div', { class: 'setup-actions' }, button('Start the class game', start, { class: 'primary', testid: 'class-start' })),
  );
}

/** The teacher's row: a class name, then a link to copy. */
export function classLinkMaker(base: string, current: () => Omit<ClassSetup, 'className'>): HTMLElement {
  const className = el('input', { testid: 'class-name', attrs: { id: 'class-name', type: 'text', maxlength: '60', placeholder: 'optional, e.g. 10B' } });
  const output = el('input', { testid: 'class-link-url', attrs: { type: 'text', readonly: '', 'aria-label': 'The class link' } });
  const status = el('span', { class: 'hint', role: 'status' });
  const result = el(
    'div',
    { class: 'setup-row hidden' },
    output,
    button(
      'Copy',
      () => {
        const copied = () => {
          status.textContent = 'Copied. Paste it to your class: everyone who opens it plays this exact setup.';
        };
        output.select();
        if (navigator.clipboard?.writeText)
          void navigator.clipboard.writeText(output.value).then(copied, () => (status.textContent = 'Select the link and copy it (Ctrl+C).'));
        else status.textContent = 'Select the link and copy it (Ctrl+C).';
      },
      { class: 'small', testid: 'copy-class-link' },
    ),
    status,
  );
  const make = button(
    'Make a class link',
    () => {
      output.value = classLinkUrl(base, { ...current(), className: className.value.replace(/\s+/g, ' ').trim() });
      status.textContent = '';
      result.classList.remove('hidden');
      output.focus();
      output.select();
    },
    { testid: 'class-link' },
  );
  return el(
    'div',
    { class: 'class-link-maker' },
    el(
      'div',
      { class: 'setup-row' },
      el('label', { attrs: { for: 'class-name' } }, 'Class'),
      className,
      make,
      el('span', { class: 'hint' }, 'For teachers: one link, one setup for the whole class.'),
    ),
    result,
  );
}
