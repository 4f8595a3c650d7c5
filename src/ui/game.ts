/**
 * The game screen: the map fills the window, the panels sit around it. Every panel
 * subscribes to the store and redraws when the game state changes; every control
 * dispatches an intent to the store, which asks the core.
 */
import { type GameState, type PowerId, responseEntries } from '../core/index.ts';
import type { AppStore } from '../store/gameStore.ts';
import type { GameAudio } from '../audio/audio.ts';
import { button, el } from './dom.ts';
import type { ClassroomHooks } from './classroom/hooks.ts';
import { createPauseCurtain, createTeacherPanel } from './classroom/teacherPanel.ts';
import { createCountryPanel } from './dialogs/countryPanel.ts';
import { createDebrief } from './dialogs/debrief.ts';
import { createEventDialog } from './dialogs/eventDialog.ts';
import { createGuide } from './dialogs/guide.ts';
import { createSimpleDialog } from './dialogs/simpleDialog.ts';
import { sourcesPageNodes } from './dialogs/sourcesPage.ts';
import { createActions } from './hud/actions.ts';
import { createDecisionResult } from './hud/decisionResult.ts';
import { createInForce } from './hud/inForce.ts';
import { createMeters, nearThreshold } from './hud/meters.ts';
import { createPowerTurn } from './hud/powerTurn.ts';
import { createPowers } from './hud/powers.ts';
import { createTopbar } from './hud/topbar.ts';
import { goalsHelp } from './goals.ts';
import { turnHistoryNodes } from './report/turnHistory.ts';
import { createTurnReport } from './report/turnReport.ts';
import { buildViewModel, loadPoster, type PosterModule, posterIfLoaded } from './mapView.ts';
import type { Poster } from './map/poster.ts';
import type { MapController, MapViewModel } from './map/types.ts';
import { hideTip, showTip } from './tooltip.ts';

export interface GameScreenOptions {
  store: AppStore;
  audio: GameAudio;
  onTitle: () => void;
  onAgain: () => void;
  onDownload: () => void;
  /** Saving, results and replays (src/ui/classroom): menu entries and the debrief's needs. */
  classroom: ClassroomHooks;
  howToPlay: () => Node[];
}

export function mountGame(root: HTMLElement, opts: GameScreenOptions): () => void {
  const { store, audio } = opts;
  const help = createSimpleDialog('help', 'How to play');
  const menu = createSimpleDialog('menu', 'Menu');
  const history = createSimpleDialog('history', 'Turn history');
  const sources = createSimpleDialog('sources', 'Sources');
  const openSources = () => {
    const sc = store.getState().scenario;
    if (sc) sources.open(...sourcesPageNodes(sc));
  };
  const openHistory = () => {
    const { scenario, game } = store.getState();
    if (scenario && game)
      history.open(
        ...turnHistoryNodes(scenario, game, (turn) => {
          history.close();
          store.getState().openReport(turn);
        }),
      );
  };
  const closeThen = (next: () => void) => {
    menu.close();
    next();
  };
  const topbar = createTopbar({
    onHelp: () => {
      const sc = store.getState().scenario;
      help.open(...opts.howToPlay(), ...(sc ? goalsHelp(sc) : []), button('The sources', openSources, { class: 'ghost small', testid: 'help-sources' }));
    },
    onHistory: openHistory,
    onMenu: () =>
      menu.open(
        volumeControl(audio),
        el('p', {}, 'Your game is saved after every move; Continue on the title screen picks it up.'),
        button('Save to a slot…', () => closeThen(opts.classroom.save), { testid: 'save-game' }),
        button('Saved games…', () => closeThen(opts.classroom.load), { testid: 'load-game' }),
        button('Export this game to a file', opts.classroom.export, { testid: 'export-save' }),
        button('The sources', () => closeThen(openSources), { class: 'ghost', testid: 'menu-sources' }),
        button(
          store.getState().teacher ? 'Close teacher mode' : 'Teacher mode: pause, prompts, events, locks, teams',
          () => closeThen(() => store.getState().setTeacher(!store.getState().teacher)),
          { class: 'ghost', testid: 'teacher-switch' },
        ),
        button('Back to the title screen', opts.onTitle, { class: 'ghost', testid: 'menu-title' }),
      ),
    toggleMute: () => {
      audio.setMuted(!audio.isMuted());
      return audio.isMuted();
    },
    muted: () => audio.isMuted(),
  });
  const meters = createMeters();
  const powers = createPowers((id: PowerId) => store.getState().select(id));
  const actions = createActions({
    onAct: (id) => {
      audio.play('click');
      store.getState().act(id);
    },
    onEndTurn: () => endTurn(),
    onUndo: () => {
      audio.play('click');
      store.getState().undo();
    },
  });
  const eventDialog = createEventDialog({
    onChoose: (eventId, choiceId) => {
      audio.play('click');
      store.getState().choose(eventId, choiceId);
    },
    onSources: openSources,
  });
  const report = createTurnReport(() => store.getState().closeReport());
  const decision = createDecisionResult();
  const inForce = createInForce();
  const debrief = createDebrief({ onAgain: opts.onAgain, onTitle: opts.onTitle, onDownload: opts.onDownload, classroom: opts.classroom });
  const countryPanel = createCountryPanel(() => store.getState().select(null));
  const guide = createGuide((step) => store.getState().setGuideStep(step));
  const powerTurn = createPowerTurn((power, response) => {
    audio.play('click');
    store.getState().respond(power, response);
  });
  const teacher = createTeacherPanel(store);
  const curtain = createPauseCurtain(() => store.getState().resumePlay());
  const mapHost = el('div', { class: 'map-host', testid: 'map', label: 'Map of the South Caucasus', role: 'img' });
  const status = el('div', { class: 'status', role: 'status', attrs: { 'aria-live': 'assertive' } });

  // Sounds of an end turn start after the frame that shows it (a frame later: unheard).
  const afterFrame = (run: () => void) => requestAnimationFrame(() => setTimeout(run, 0));
  const endTurn = () => {
    const s = store.getState().game;
    if (!s || s.pending.length > 0 || s.outcome || s.awaiting) return;
    afterFrame(() => audio.play('endTurn'));
    store.getState().endTurn();
  };

  const leftColumn = el('div', { class: 'left-column' }, meters.node, powers.node, inForce.node);
  const rightColumn = el('div', { class: 'right-column' }, actions.node);
  root.replaceChildren(
    el(
      'div',
      { class: 'game-screen' },
      topbar.node,
      leftColumn,
      el('main', { class: 'game-main' }, mapHost, countryPanel.node, decision.node),
      rightColumn,
      status,
      guide.node,
      ...eventDialog.nodes,
      powerTurn.node,
      report.node,
      teacher.node,
      debrief.node,
      help.node,
      menu.node,
      history.node,
      sources.node,
    ),
  );

  // The curtain covers everything on the page, the journal strip outside the game screen included.
  document.body.appendChild(curtain.node);

  // A narrow window stacks the screen (responsive.css, the same 900px): the map, the actions,
  // then Azerbaijan and the powers. The left column then follows the actions in the page too,
  // so that Tab and a screen reader meet the panels in the order the eye does; wide, it comes
  // first again, as it is seen. A move drops the focus: it is given back.
  const narrow = window.matchMedia('(max-width: 900px)');
  const orderColumns = () => {
    const focused = document.activeElement;
    if (narrow.matches) rightColumn.after(leftColumn);
    else topbar.node.after(leftColumn);
    if (focused instanceof HTMLElement && leftColumn.contains(focused)) focused.focus({ preventScroll: true });
  };
  orderColumns();
  narrow.onchange = orderColumns;

  // The map loads Phaser lazily, so the panels are interactive before the canvas is.
  let map: MapController | null = null;
  let lastVm: MapViewModel | null = null;
  let destroyed = false;
  // The map's view model is built after the frame that shows the panels (the map draws a
  // frame or two later anyway): the click that ends a turn carries no map work, and
  // several store changes in one frame make one view model.
  let mapQueued = false;
  const drawMap = () => {
    if (!map || mapQueued) return;
    mapQueued = true;
    requestAnimationFrame(() =>
      setTimeout(() => {
        mapQueued = false;
        const { scenario, game } = store.getState();
        if (destroyed || !map || !scenario || !game) return;
        lastVm = buildViewModel(scenario, game, lastVm);
        map.update(lastVm);
      }, 0),
    );
  };
  // The map's first frame is a poster painted without Phaser (map/poster.ts), in the task
  // that shows the panels when its code is in memory (one frame shows both); Phaser then
  // boots behind it, takes over its canvases and removes it.
  let poster: Poster | null = null;
  const showPoster = ({ paintPoster, loadScene }: PosterModule) => {
    const { scenario, game } = store.getState();
    if (destroyed || !scenario || !game) return;
    lastVm = buildViewModel(scenario, game, null);
    const painted = paintPoster(mapHost, lastVm);
    poster = painted;
    // Phaser's code runs and boots after the frame that shows the poster, not before it.
    const afterPoster = new Promise((shown) => requestAnimationFrame(() => setTimeout(shown, 0)));
    // The textures Phaser shows are painted while its chunk arrives and compiles.
    const sceneLoaded = afterPoster.then(() => {
      const scene = loadScene();
      painted.ensureLayers();
      return scene;
    });
    void sceneLoaded.then((startMap) => {
      const { scenario, game } = store.getState();
      if (destroyed || !scenario || !game) return;
      // Built against the poster's: what changed since it was painted pulses.
      lastVm = buildViewModel(scenario, game, lastVm);
      map = startMap(
        mapHost,
        lastVm,
        {
          onHover: (info, at) => {
            if (!info) return hideTip();
            showTip(info, at.x, at.y);
          },
          onSelectCountry: (id) => store.getState().select(id),
        },
        // Ready for tests once Phaser shows the map and answers the pointer.
        { poster: painted, onInteractive: () => ((window as unknown as { __caspianMapReady?: boolean }).__caspianMapReady = true) },
      );
    });
  };

  let previous: GameState | null = null;
  const render = () => {
    const { scenario, game, selected, guideStep, notice, report: shownReport, lastDecision, undoStack, teacher: teaching, paused } = store.getState();
    if (!scenario || !game) return;
    topbar.update(scenario, game);
    meters.update(scenario, game);
    powers.update(scenario, game);
    inForce.update(scenario, game);
    actions.update(scenario, game, undoStack.length > 0);
    report.update(scenario, game, shownReport);
    // The guide comes before the first event, and a fresh turn report before the next one.
    const guiding = guideStep !== null && game.outcome === null;
    eventDialog.update(scenario, game, guiding || shownReport?.fresh === true);
    decision.update(lastDecision);
    debrief.update(scenario, game);
    countryPanel.update(scenario, game, selected);
    guide.update(guideStep, game.outcome !== null || shownReport !== null);
    powerTurn.update(scenario, game);
    teacher.update(scenario, game, teaching);
    curtain.update(paused);
    if (notice) status.textContent = notice.text;
    if (previous && previous !== game) {
      const before = previous;
      afterFrame(() => {
        if (!destroyed) react(before, game);
      });
    }
    previous = game;
    drawMap();
  };

  /** Sound for what just happened: a new event, a relation moving, a meter entering danger, the end. */
  const react = (before: GameState, after: GameState) => {
    if (after.outcome && !before.outcome) return audio.play('ending');
    if (after.pending.length > 0 && after.pending[0] !== before.pending[0]) audio.play('event');
    const sc = store.getState().scenario;
    const danger =
      sc !== null &&
      (['sovereignty', 'stability', 'economy'] as const).some((m) => nearThreshold(sc, m, after.meters[m]) && !nearThreshold(sc, m, before.meters[m]));
    if (danger) return audio.play('warning');
    if (after.turn !== before.turn) {
      const last = after.history[after.history.length - 1];
      const answers = last ? responseEntries(after, last) : [];
      if (answers.some((r) => r.kind === 'stick')) audio.play('negative');
      else if (answers.some((r) => r.kind === 'carrot')) audio.play('positive');
    }
  };

  const onKey = (e: KeyboardEvent) => {
    // A paused class, and a team choosing its power's answer, are driven by the mouse alone.
    if (debrief.isOpen() || curtain.isOpen() || powerTurn.isOpen()) return;
    if (help.isOpen() || menu.isOpen() || history.isOpen() || sources.isOpen()) {
      if (e.key === 'Escape') {
        help.close();
        menu.close();
        history.close();
        sources.close();
      }
      return;
    }
    // A held key repeats: it must never skip through reports and events unread.
    if (e.repeat && e.key === 'Enter') {
      e.preventDefault();
      return;
    }
    if (report.isOpen()) {
      if (e.key === 'Escape' || (e.key === 'Enter' && !(e.target as HTMLElement).closest('button'))) {
        e.preventDefault();
        store.getState().closeReport();
      }
      return;
    }
    if ((e.ctrlKey || e.metaKey) && e.key === 'z') {
      e.preventDefault();
      store.getState().undo();
      return;
    }
    if (eventDialog.key(e)) {
      e.preventDefault();
      return;
    }
    if (e.key === 'Escape') {
      if (store.getState().guideStep !== null) store.getState().setGuideStep(null);
      else if (countryPanel.isOpen()) store.getState().select(null);
      hideTip();
      return;
    }
    // Enter ends the turn unless focus is on a control that Enter would activate.
    const target = e.target as HTMLElement;
    const onControl = target.closest('button, input, select, textarea, a');
    if (e.key === 'Enter' && (!onControl || target.dataset.testid === 'end-turn')) {
      e.preventDefault();
      endTurn();
    }
  };
  window.addEventListener('keydown', onKey);
  const unsubscribe = store.subscribe(render);
  render();
  const posterCode = posterIfLoaded();
  if (posterCode) showPoster(posterCode);
  else void loadPoster().then(showPoster);
  return () => {
    destroyed = true;
    narrow.onchange = null;
    curtain.node.remove();
    unsubscribe();
    window.removeEventListener('keydown', onKey);
    map?.destroy();
    poster?.remove();
    hideTip();
  };
}

/** A labelled volume slider; the audio module persists the value. */
function volumeControl(audio: GameAudio): HTMLElement {
  const input = el('input', {
    testid: 'volume',
    attrs: { id: 'volume', type: 'range', min: '0', max: '100', step: '5', value: String(Math.round(audio.getVolume() * 100)) },
  });
  input.addEventListener('input', () => audio.setVolume(Number(input.value) / 100));
  return el('div', { class: 'setup-row' }, el('label', { attrs: { for: 'volume' } }, 'Volume'), input);
}
