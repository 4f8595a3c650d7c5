/**
 * The browser entry: the title screen, then the game. Scenarios arrive already validated
 * by the build (see vite.config.ts); saves are checked and replayed before they are used.
 */
import { catalog, loaders } from 'virtual:scenario-catalog';
import { createAudio, unlockOnFirstGesture } from './audio/audio.ts';
import { type Difficulty, stateHash } from './core/index.ts';
import { makeReplay } from './persistence/replayFormat.ts';
import { readSave } from './persistence/saves.ts';
import type { Scenario } from './scenario/types.ts';
import { createAppStore } from './store/gameStore.ts';
import { el } from './ui/dom.ts';
import { mountGame } from './ui/game.ts';
import { quarterLabel } from './ui/format.ts';
import { renderTitle } from './ui/title.ts';
import './ui/styles.css';

const DEFAULT_SCENARIO = 'independence-1991';
const root = document.getElementById('app') as HTMLElement;

function storage(): Storage | null {
  try {
    const s = window.localStorage;
    s.getItem('caspian.probe');
    return s;
  } catch {
    return null; // storage disabled: the game still plays, without saves
  }
}

const store = createAppStore(storage());
const audio = createAudio();
unlockOnFirstGesture(audio, window);
audio.startMusic();

const scenarios = new Map<string, Scenario>();
async function loadScenario(id: string): Promise<Scenario | null> {
  const cached = scenarios.get(id);
  if (cached) return cached;
  const loader = loaders[id];
  if (!loader) return null;
  const scenario = (await loader()).default;
  scenarios.set(id, scenario);
  return scenario;
}

let unmountGame: (() => void) | null = null;

function showTitle(): void {
  unmountGame?.();
  unmountGame = null;
  store.getState().toTitle();
  const save = storage() ? readSave(storage() as Storage) : ({ ok: false, reason: 'none' } as const);
  const entry = save.ok ? catalog.find((c) => c.id === save.save.scenario) : undefined;
  renderTitle(root, {
    catalog,
    defaultScenario: DEFAULT_SCENARIO,
    savedGame: save.ok && entry ? `${entry.title}, ${save.save.commands.filter((c) => c.type === 'endTurn').length} turns played` : null,
    muted: () => audio.isMuted(),
    onToggleSound: () => audio.setMuted(!audio.isMuted()),
    onStart: (id, seed, difficulty) => void start(id, seed, difficulty),
    onContinue: () => void resume(),
  });
  if (!save.ok && save.reason !== 'none') {
    root.prepend(el('p', { class: 'notice error', role: 'alert' }, `Your saved game could not be read (${save.reason}). It has been left as it was.`));
  }
}

async function start(id: string, seed: string, difficulty: Difficulty): Promise<void> {
  const scenario = await loadScenario(id);
  if (!scenario) return;
  store.getState().start(scenario, seed, difficulty);
  showGame();
}

async function resume(): Promise<void> {
  const s = storage();
  const save = s ? readSave(s) : null;
  if (!save?.ok) return;
  const scenario = await loadScenario(save.save.scenario);
  if (scenario && store.getState().resume(scenario, save.save)) showGame();
  else showTitle();
}

function download(): void {
  const { game, commands, scenario } = store.getState();
  if (!game || !scenario) return;
  const text = JSON.stringify(makeReplay(game, commands), null, 1);
  const a = el('a', {
    attrs: {
      href: URL.createObjectURL(new Blob([text], { type: 'application/json' })),
      download: `${scenario.id}-seed-${game.seed}-${quarterLabel(scenario, game.turn).replace(/\W+/g, '-')}.json`,
    },
  });
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

function howToPlay(): Node[] {
  return [
    el(
      'p',
      {},
      'Each turn is a quarter. Answer the events, spend political capital (◆) on actions, then end the turn: the powers answer, the economy moves, and the news log says why.',
    ),
    el('p', {}, 'Hover any meter, power or action to see its causes and expected effects. Click a power or a country on the map for its agenda.'),
    el('p', {}, 'Keys: Tab moves between controls; Enter ends the turn; 1–6 choose in an event; E reopens a folded event; Esc closes panels.'),
  ];
}

function showGame(): void {
  unmountGame?.();
  unmountGame = mountGame(root, {
    store,
    audio,
    onTitle: showTitle,
    onAgain: () => {
      const { scenario, game } = store.getState();
      if (scenario && game) {
        store.getState().start(scenario, game.seed, game.difficulty);
        showGame();
      }
    },
    onDownload: download,
    howToPlay,
  });
}

// Test hooks: the end-to-end tests read the store through this, never through pixels.
(window as unknown as { __caspian: unknown }).__caspian = { store, stateHash };

// The default scenario starts straight away with ?play (classroom links and tests).
const params = new URLSearchParams(location.search);
const direct = params.get('play');
if (direct !== null) void start(direct || DEFAULT_SCENARIO, params.get('seed') ?? '1', (params.get('difficulty') as Difficulty) ?? 'normal');
else showTitle();
