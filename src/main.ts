/**
 * The browser entry: the title screen, then the game. Scenarios arrive already validated
 * by the build (see vite.config.ts); saves are checked and replayed before they are used.
 */
import { catalog, loaders } from 'virtual:scenario-catalog';
import { DEFAULT_SCENARIO } from './defaultScenario.ts';
import { createAudio, unlockOnFirstGesture } from './audio/audio.ts';
import { type Difficulty, type PowerId, rememberScenarioHash, stateHash } from './core/index.ts';
import type { SaveStore } from './persistence/saves.ts';
import type { Scenario } from './scenario/types.ts';
import { createAppStore } from './store/gameStore.ts';
import { openClassCompare } from './ui/classroom/compare.ts';
import { startOffline } from './ui/classroom/offline.ts';
import { createSession } from './ui/classroom/session.ts';
import { applyPowerColors } from './ui/colors.ts';
import { el } from './ui/dom.ts';
import { glossaryButton } from './ui/glossary/glossary.ts';
import { mountGame } from './ui/game.ts';
import { watchScenarioFiles } from './ui/customScenario/devReload.ts';
import { keptCatalog } from './ui/customScenario/kept.ts';
import { loadKeptScenario, looksLikeScenario, openScenarioLoader, type ScenarioLoaderOptions } from './ui/customScenario/loadDialog.ts';
import { mapCodeLoaded, preloadMap } from './ui/mapView.ts';
import { randomSeed, renderTitle } from './ui/title.ts';
import { parseUrlParams } from './ui/urlParams.ts';
import './ui/styles.css';

applyPowerColors();
const root = document.getElementById('app') as HTMLElement;

function openStorage(): SaveStore | null {
  try {
    const s = window.localStorage;
    s.getItem('caspian.probe');
    return s;
  } catch {
    return null; // storage disabled: the game still plays, and can be exported to a file
  }
}

// Saving lives in the classroom session (src/store/saving.ts), not in the game store.
const store = createAppStore(null);

const scenarios = new Map<string, Scenario>();
async function loadScenario(id: string): Promise<Scenario | null> {
  const cached = scenarios.get(id);
  if (cached) return cached;
  // An own key only: an id from a save or a link may be "__proto__" or "valueOf".
  const loader = Object.hasOwn(loaders, id) ? loaders[id] : undefined;
  // Not shipped: perhaps a scenario the player loaded and kept (checked again, never cached).
  if (typeof loader !== 'function') return loadKeptScenario(id, shippedIds);
  // One download (and, for the campaign, one assembly) however many ask while it runs.
  let pending = inFlight.get(id);
  if (!pending) {
    // The build ships each scenario's fingerprint with it: the first turn does not hash the rules.
    pending = loader().then((m) => {
      if (m.fingerprint) rememberScenarioHash(m.default, m.fingerprint);
      return m.default;
    });
    inFlight.set(id, pending);
    pending.then(
      (s) => scenarios.set(id, s),
      () => {},
    );
    pending.finally(() => inFlight.delete(id)).catch(() => {});
  }
  return pending;
}
const inFlight = new Map<string, Promise<Scenario>>();

const shippedIds = catalog.map((c) => c.id);

// The link's parameters (src/ui/urlParams.ts): ?play=… starts a game straight away (tests,
// quick links); a class link (?scenario=…&seed=…&difficulty=…&class=…) opens the teacher's
// setup on the title screen. Every parameter is checked; what was ignored is said on the page.
const request = parseUrlParams(location.search, shippedIds, DEFAULT_SCENARIO);
const linkNotice = request.notices.join(' ') || null;
// A game the link asks for: its scenario and the map's code download from here on, while
// the rest of the page sets up (start() below picks up the same module; its errors too).
if (request.play) {
  loadScenario(request.play.scenario).catch(() => null);
  preloadMap();
}

const audio = createAudio();
unlockOnFirstGesture(audio, window);
audio.startMusic();
watchScenarioFiles(store, (s) => scenarios.set(s.id, s));

// After the first visit the game opens and plays with no network (a service worker).
startOffline();

const storage = openStorage();
const session = createSession({ store, storage, catalog, loadScenario, showGame: () => showGame() });

let unmountGame: (() => void) | null = null;

function showTitle(problem: string | null = null): void {
  // While the player reads the title screen, the map's code downloads and Phaser's runs
  // (scenarios wait until one is chosen).
  if ('requestIdleCallback' in window) requestIdleCallback(() => preloadMap(true), { timeout: 3000 });
  unmountGame?.();
  unmountGame = null;
  store.getState().toTitle();
  const latest = session.latest();
  renderTitle(root, {
    catalog: [...catalog, ...keptCatalog()],
    defaultScenario: DEFAULT_SCENARIO,
    savedGame: latest ? session.describe(latest.save) : null,
    problem: problem ?? (request.play ? null : linkNotice),
    classSetup: request.classSetup,
    onStartClass: (setup, student) => void start(setup.scenario, setup.seed, setup.difficulty, student, setup.className),
    linkBase: location.href,
    muted: () => audio.isMuted(),
    onToggleSound: () => audio.setMuted(!audio.isMuted()),
    onStart: (id, seed, difficulty, student, people) => void start(id, seed, difficulty, student, '', people),
    onContinue: () => void resume(),
    onLoad: () => session.dialog.openLoad(),
    onCompare: () => openClassCompare(loadScenario),
    onDropFiles: (files) => {
      void (async () => {
        // A scenario file goes to Load scenario; anything else to the saves.
        const [first] = files;
        if (files.length === 1 && first && (await looksLikeScenario(first))) return openScenarioLoader(scenarioLoader(files));
        session.dialog.openLoad();
        void session.dialog.importFiles(files);
      })();
    },
    onLoadScenario: () => openScenarioLoader(scenarioLoader()),
  });
}

function scenarioLoader(files?: File[]): ScenarioLoaderOptions {
  return {
    shippedIds,
    files,
    onPlay: (scenario) => {
      session.saving.beginNew('');
      store.getState().start(scenario, randomSeed(), 'normal');
      showGame();
    },
    onKeptChanged: () => {
      if (store.getState().screen === 'title') showTitle();
    },
  };
}

async function start(id: string, seed: string, difficulty: Difficulty, student = '', className = '', people: PowerId[] = []): Promise<void> {
  preloadMap(); // the map's code downloads while the scenario does
  // The game screen mounts once the map's poster code has run too (preloaded by index.html,
  // with a ?play link's scenario), so that one task paints the panels and
  // the map's first frame, and no frame of panels alone is drawn, then drawn again.
  const [scenario] = await Promise.all([loadScenario(id), mapCodeLoaded()]);
  if (!scenario) return;
  // For bench:browser: the steps to the first playable turn.
  performance.mark('caspian:scenario-ready');
  session.saving.beginNew(student, className);
  store.getState().start(scenario, seed, difficulty, people);
  performance.mark('caspian:game-started');
  showGame();
  performance.mark('caspian:panels-shown');
}

async function resume(): Promise<void> {
  const latest = session.latest();
  if (!latest) return showTitle();
  const problem = await session.open(latest.save, 'continue');
  if (problem) showTitle(`Your saved game was not opened: ${problem} It has been left as it was.`);
}

function howToPlay(): Node[] {
  return [
    el(
      'p',
      {},
      'Each turn is a quarter. Answer the events, spend political capital (◆) on actions, then end the turn: the powers answer, the economy moves, and the news log says why.',
    ),
    el('p', {}, 'Hover over or tap any meter, power or action to see its causes and expected effects. Click a power or a country on the map for its agenda.'),
    el('p', {}, 'Keys: Tab moves between controls; Enter ends the turn; 1–6 choose in an event; E reopens a folded event; Esc closes panels.'),
    el(
      'p',
      {},
      'Words you do not know (CIS, GUAM, BTC, stance…) are in the ',
      glossaryButton('ghost small inline'),
      '; underlined words in events open it too.',
    ),
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
        session.saving.beginNew();
        // Again, with the same teams.
        store.getState().start(scenario, game.seed, game.difficulty, game.humans ?? []);
        showGame();
      }
    },
    onDownload: () => session.exportCurrent(),
    classroom: session.hooks,
    howToPlay,
  });
}

// Test hooks: the end-to-end tests read the store through this, never through pixels.
(window as unknown as { __caspian: unknown }).__caspian = { store, stateHash, saving: session.saving.state };

if (request.play) {
  const { scenario, seed, difficulty } = request.play;
  void start(scenario, seed, difficulty).then(() => {
    if (linkNotice) store.getState().notify('info', linkNotice);
  });
} else showTitle();
