/**
 * The title screen: new game (scenario, seed, difficulty, the student's name, sound),
 * continue the newest autosave, open or import a saved game (a save file can be dropped
 * anywhere on the screen), and a short "how to play".
 */
import type { CatalogEntry } from 'virtual:scenario-catalog';
import { DIFFICULTY_HELP, type Difficulty, POWER_IDS, type PowerId } from '../core/index.ts';
import { classLinkMaker, classSetupCard } from './classroom/classCard.ts';
import type { ClassSetup } from './classroom/classLink.ts';
import { dropZone } from './classroom/files.ts';
import { openTeaching } from './classroom/teaching.ts';
import { glossaryButton } from './glossary/glossary.ts';
import { button, el, fill } from './dom.ts';
import { powerName } from './format.ts';

export interface TitleOptions {
  catalog: CatalogEntry[];
  defaultScenario: string;
  /** A description of the newest autosave ("Independence · turn 5 of 13 …"), or null when there is none. */
  savedGame: string | null;
  /** A problem to show at the top (a save that could not be read or opened). */
  problem?: string | null;
  muted: () => boolean;
  onToggleSound: () => void;
  /** `people`: the powers played by people on this screen (hot-seat), none by default. */
  onStart: (scenarioId: string, seed: string, difficulty: Difficulty, student: string, people: PowerId[]) => void;
  onContinue: () => void;
  onLoad: () => void;
  onDropFiles: (files: File[]) => void;
  /** For teachers: compare a class's results. */
  onCompare: () => void;
  /** The setup of a class link the page was opened with, if any. */
  classSetup?: ClassSetup | null;
  onStartClass?: (setup: ClassSetup, student: string) => void;
  /** The page's address, for making class links. */
  linkBase: string;
  /** Opens "Load scenario" (src/ui/customScenario/loadDialog.ts). */
  onLoadScenario?: () => void;
}

export function randomSeed(): string {
  const buf = new Uint32Array(1);
  crypto.getRandomValues(buf);
  return String((buf[0] ?? 0) % 1_000_000);
}

export function renderTitle(root: HTMLElement, opts: TitleOptions): void {
  let chosen = opts.defaultScenario;
  let difficulty: Difficulty = 'normal';

  const seedInput = el('input', {
    testid: 'seed-input',
    attrs: { id: 'seed', type: 'text', inputmode: 'numeric', maxlength: '12', value: randomSeed(), autocomplete: 'off', spellcheck: 'false' },
  });
  const options = el('div', { class: 'scenario-list', role: 'radiogroup', label: 'Scenario' });
  const renderOptions = () => {
    fill(
      options,
      ...opts.catalog.map((entry) => {
        const selected = entry.id === chosen;
        const b = el(
          'button',
          {
            class: `scenario-option${selected ? ' selected' : ''}`,
            testid: `scenario-option-${entry.id}`,
            role: 'radio',
            attrs: { type: 'button', 'aria-checked': String(selected) },
            on: {
              click: () => {
                chosen = entry.id;
                renderOptions();
              },
            },
          },
          el('span', { class: 'scenario-period' }, entry.period),
          el('span', { class: 'scenario-title' }, entry.title),
          el('span', { class: 'scenario-summary' }, entry.summary),
          el('span', { class: 'scenario-turns' }, `${entry.turns} turns`),
        );
        return b;
      }),
    );
  };
  renderOptions();

  const difficultyHelp = el('p', { class: 'hint', testid: 'difficulty-help' }, DIFFICULTY_HELP.normal);
  const difficultySelect = el(
    'select',
    {
      attrs: { id: 'difficulty' },
      testid: 'difficulty',
      on: {
        change: (e) => {
          difficulty = (e.target as HTMLSelectElement).value as Difficulty;
          difficultyHelp.textContent = DIFFICULTY_HELP[difficulty];
        },
      },
    },
    ...(['easy', 'normal', 'hard'] as const).map((d) =>
      el('option', { attrs: { value: d, ...(d === 'normal' ? { selected: '' } : {}) } }, d[0]?.toUpperCase() + d.slice(1)),
    ),
  );
  const soundButton = button(
    opts.muted() ? 'Sound: off' : 'Sound: on',
    () => {
      opts.onToggleSound();
      soundButton.textContent = opts.muted() ? 'Sound: off' : 'Sound: on';
      soundButton.setAttribute('aria-pressed', String(!opts.muted()));
    },
    { class: 'ghost', testid: 'sound-toggle', attrs: { 'aria-pressed': String(!opts.muted()) } },
  );

  const studentInput = el('input', {
    testid: 'student-name',
    attrs: { id: 'student', type: 'text', maxlength: '60', autocomplete: 'name', placeholder: 'optional, for your results file' },
  });
  const seatBoxes = POWER_IDS.map((p) => {
    const box = el('input', { testid: `seat-${p}`, attrs: { type: 'checkbox', id: `seat-${p}` } });
    return { p, box, label: el('label', { class: `seat-choice power-${p}`, attrs: { for: `seat-${p}` } }, box, powerName(p)) };
  });
  const start = () => {
    const seed = seedInput.value.trim() || randomSeed();
    opts.onStart(
      chosen,
      seed,
      difficulty,
      studentInput.value.trim(),
      seatBoxes.filter((x) => x.box.checked).map((x) => x.p),
    );
  };

  const setup = el(
    'section',
    { class: 'setup hidden', label: 'New game' },
    el('h2', {}, 'Choose a chapter'),
    options,
    el(
      'div',
      { class: 'setup-row' },
      el('label', { attrs: { for: 'seed' } }, 'Seed'),
      seedInput,
      button(
        'New seed',
        () => {
          seedInput.value = randomSeed();
        },
        { class: 'ghost small', label: 'Draw a new random seed' },
      ),
      el('span', { class: 'hint' }, 'A class that shares a seed shares a game.'),
    ),
    el('div', { class: 'setup-row' }, el('label', { attrs: { for: 'difficulty' } }, 'Difficulty'), difficultySelect, difficultyHelp),
    el('div', { class: 'setup-row' }, el('label', { attrs: { for: 'student' } }, 'Your name'), studentInput),
    el(
      'div',
      { class: 'setup-row seats', role: 'group', label: 'Powers played by people' },
      el('span', { class: 'setup-label' }, 'Teams'),
      ...seatBoxes.map((x) => x.label),
      el('span', { class: 'hint' }, 'Tick a power to play it yourselves: its team picks its answer each turn, on this screen.'),
    ),
    el('div', { class: 'setup-row' }, soundButton),
    classLinkMaker(opts.linkBase, () => ({ scenario: chosen, seed: seedInput.value.trim() || randomSeed(), difficulty })),
    el('div', { class: 'setup-actions' }, button('Start', start, { class: 'primary', testid: 'start-game' })),
  );
  seedInput.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') start();
  });

  const newGame = button(
    'New game',
    () => {
      setup.classList.remove('hidden');
      (options.querySelector('.selected') as HTMLElement | null)?.focus();
    },
    { class: 'primary big', testid: 'new-game' },
  );

  const cont = opts.savedGame ? button('Continue', opts.onContinue, { class: 'big continue', testid: 'continue', label: `Continue: ${opts.savedGame}` }) : null;
  if (cont) cont.append(el('span', { class: 'continue-what' }, opts.savedGame ?? ''));
  const load = button('Saved games…', opts.onLoad, { class: 'big ghost', testid: 'load-game' });
  const compare = button('Compare a class’s results', opts.onCompare, { class: 'big ghost', testid: 'class-compare' });
  const loadScenario = opts.onLoadScenario ? button('Load scenario…', opts.onLoadScenario, { class: 'big ghost', testid: 'load-scenario' }) : null;

  const screen = el(
    'div',
    { class: 'title-screen' },
    el(
      'header',
      { class: 'title-head' },
      el('h1', {}, 'Caspian Balance'),
      el('p', { class: 'tagline' }, 'Azerbaijan between Russia, Turkey, Iran and the West, 1991–2012'),
      el(
        'div',
        { class: 'power-chips', attrs: { 'aria-hidden': 'true' } },
        ...(['russia', 'turkey', 'iran', 'west'] as const).map((p) => {
          const chip = el('span', { class: 'power-chip' }, p === 'west' ? 'The West' : p[0]?.toUpperCase() + p.slice(1));
          chip.style.setProperty('--chip', `var(--${p})`);
          return chip;
        }),
      ),
      opts.problem ? el('p', { class: 'notice error', role: 'alert', testid: 'title-problem' }, opts.problem) : null,
      el('div', { class: 'title-buttons' }, newGame, cont, load, loadScenario, compare),
    ),
    opts.classSetup && opts.onStartClass
      ? classSetupCard(
          opts.classSetup,
          opts.catalog.find((c) => c.id === opts.classSetup?.scenario),
          (student) => opts.classSetup && opts.onStartClass?.(opts.classSetup, student),
        )
      : null,
    setup,
    el(
      'section',
      { class: 'how-to' },
      el('h2', {}, 'How to play'),
      el(
        'ul',
        {},
        el(
          'li',
          {},
          'Each turn is a quarter of a year. Spend political capital on energy, diplomacy and security actions, answer the events of the day, then end the turn.',
        ),
        el(
          'li',
          {},
          'Every decision pleases one power and worries another. Watch the four relations and the balance gauge: lean too far toward anyone and the others make you pay.',
        ),
        el('li', {}, 'Keep sovereignty, stability and the economy alive to the end of the chapter. Hover over or tap any number to see why it moved.'),
        el('li', {}, 'Keyboard: Tab through the controls, Enter ends the turn, 1–6 pick an event choice, Esc closes a panel.'),
      ),
      el('p', { class: 'hint' }, 'Every event is drawn from five historical sources and cites them; the debrief compares your path with history’s.'),
      el(
        'div',
        { class: 'how-to-links' },
        glossaryButton(),
        button('For teachers', () => void openTeaching(), { class: 'ghost small', testid: 'open-teaching' }),
      ),
    ),
  );
  fill(root, screen);
  // A save file dropped anywhere on the title screen is imported.
  dropZone(screen, opts.onDropFiles);
}
