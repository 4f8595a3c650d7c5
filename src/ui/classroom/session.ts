/**
 * The classroom side of a session: saving (autosaves, slots, files), opening a save only
 * after it verifies, save points, and the banner that says when saving does not work.
 * main.ts creates one and hands it the screens to show.
 */
import type { CatalogEntry } from 'virtual:scenario-catalog';
import { replay } from '../../core/index.ts';
import { makeReplay, type ReplayFile } from '../../persistence/replayFormat.ts';
import { latestAutosave, parseSave, type SaveStore } from '../../persistence/saves.ts';
import { commandsToTurn, verifySave } from '../../persistence/verify.ts';
import type { Scenario } from '../../scenario/types.ts';
import type { AppStore } from '../../store/gameStore.ts';
import { createSaving, saveFileName } from '../../store/saving.ts';
import { button, el, fill } from '../dom.ts';
import { eraStartTurn, erasOf } from './eras.ts';
import type { ClassroomHooks } from './hooks.ts';
import { mountJournal } from './journal.ts';
import { download } from './files.ts';
import { openReplayViewer } from '../replay/viewer.ts';
import { createSavesDialog } from './savesDialog.ts';

export interface SessionDeps {
  store: AppStore;
  storage: SaveStore | null;
  catalog: CatalogEntry[];
  loadScenario(id: string): Promise<Scenario | null>;
  /** Shows the game screen for the state now in the store. */
  showGame(): void;
}

export type Session = ReturnType<typeof createSession>;

function newId(): string {
  const b = new Uint8Array(8);
  crypto.getRandomValues(b);
  return [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
}

export function createSession(deps: SessionDeps) {
  const { store, catalog } = deps;
  const saving = createSaving(store, deps.storage, { now: () => new Date().toISOString(), newId });
  // The autosave waits until the browser is idle (src/store/saving.ts): a page being hidden,
  // closed or reloaded writes it first. Everything else reads the saves through
  // saving.storage, which writes a pending autosave before any read.
  const storage = saving.storage;
  addEventListener('pagehide', saving.flush);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') saving.flush();
  });
  const entry = (id: string) => catalog.find((c) => c.id === id);

  const describe = (save: ReplayFile) => {
    const c = entry(save.scenario);
    const title = c?.title ?? save.scenarioTitle ?? save.scenario;
    const turns = c ? ` of ${c.turns}` : '';
    const where = save.endedIn ? `ended in turn ${save.endedIn}` : `turn ${Math.min(save.turn + 1, c?.turns ?? Number.POSITIVE_INFINITY)}`;
    return `${title} · ${where}${turns} · seed ${save.seed} · ${save.difficulty}`;
  };

  const savePoints = (save: ReplayFile) => {
    const c = entry(save.scenario) as (CatalogEntry & { start?: string }) | undefined;
    if (!c?.start) return [];
    return erasOf(save.scenario)
      .slice(1)
      .map((era) => ({ label: `Start of ${era.from.slice(0, 4)}`, turn: eraStartTurn({ start: c.start as string, monthsPerTurn: 3 }, era) }))
      .filter((p) => p.turn > 0 && p.turn <= save.turn);
  };

  /** Verifies a save against the scenario it names and, if it holds, opens it. */
  const open = async (save: ReplayFile, mode: 'continue' | 'branch'): Promise<string | null> => {
    const scenario = await deps.loadScenario(save.scenario);
    const v = verifySave(scenario, save);
    if (!v.ok || !scenario) return v.ok ? 'The scenario could not be loaded.' : v.message;
    saving.beginFrom(save, mode);
    if (!store.getState().resume(scenario, save)) return 'The save could not be opened.';
    deps.showGame();
    return null;
  };

  const openSavePoint = async (save: ReplayFile, turn: number): Promise<string | null> => {
    const scenario = await deps.loadScenario(save.scenario);
    const v = verifySave(scenario, save);
    if (!v.ok || !scenario) return v.ok ? 'The scenario could not be loaded.' : v.message;
    const prefix = commandsToTurn(save.commands, turn);
    if (!prefix) return 'This game has not reached that point.';
    const r = replay(scenario, save.seed, { difficulty: save.difficulty }, prefix);
    const point = makeReplay(r.state, prefix, save.meta, {
      journal: save.journal.filter((j) => j.at < prefix.length),
      scenarioTitle: scenario.title,
      label: 'Save point',
    });
    return open(point, 'branch');
  };

  /** Watches a saved game turn by turn, after it verifies. */
  const watch = async (save: ReplayFile): Promise<string | null> => {
    const scenario = await deps.loadScenario(save.scenario);
    const v = verifySave(scenario, save);
    if (!v.ok || !scenario) return v.ok ? 'The scenario could not be loaded.' : v.message;
    openReplayViewer(scenario, save, describe(save));
    return null;
  };

  const exportSave = (save: ReplayFile) => download(`${JSON.stringify(save)}\n`, saveFileName(save));

  const importText = async (name: string, text: string): Promise<string | null> => {
    const parsed = parseSave(text);
    if (!parsed.ok) return `“${name}” was not opened: ${parsed.message}. Your current game and your saves are unchanged.`;
    const problem = await open(parsed.save, 'branch');
    return problem ? `“${name}” was not opened. ${problem} Your current game and your saves are unchanged.` : null;
  };

  const dialog = createSavesDialog({
    storage,
    describe,
    savePoints,
    open,
    openSavePoint,
    importText,
    exportSave,
    watch,
    saveToSlot: (n) => saving.saveToSlot(n),
    current: () => saving.current(),
  });

  // The banner: saving is off or failing. The game goes on; export keeps it.
  const bannerText = el('span', {});
  const banner = el(
    'div',
    { class: 'save-banner hidden', testid: 'save-status', role: 'alert' },
    bannerText,
    button('Export the game to a file', () => exportCurrent(), { class: 'small', testid: 'export-save-banner' }),
  );
  document.body.appendChild(banner);
  const showBanner = () => {
    const { status } = saving.state.getState();
    const inGame = store.getState().screen === 'game';
    banner.classList.toggle('hidden', status.kind === 'ok' || !inGame);
    if (status.kind !== 'ok')
      fill(bannerText, `${status.kind === 'off' ? 'Saving is off: ' : ''}${status.message}. Your game goes on; export it to a file to keep it. `);
  };
  saving.state.subscribe(showBanner);
  store.subscribe(showBanner);

  mountJournal(store, saving);

  const exportCurrent = () => {
    const save = saving.current();
    if (save) exportSave(save);
  };

  const hooks: ClassroomHooks = {
    save: () => dialog.openSlots(),
    load: () => dialog.openLoad(),
    export: () => exportCurrent(),
    context: () => {
      const { commands } = store.getState();
      const { journal, student, className } = saving.state.getState();
      return { commands, journal, student, className };
    },
    setStudent: (name) => saving.setStudent(name),
    currentSave: () => saving.current(),
  };
  hooks.openReplay = () => {
    const { scenario } = store.getState();
    const save = saving.current();
    if (scenario && save) openReplayViewer(scenario, save, describe(save));
  };

  return {
    saving,
    dialog,
    hooks,
    describe,
    open,
    importText,
    exportCurrent,
    /** The newest autosave, for "Continue". */
    latest: () => (storage ? latestAutosave(storage) : null),
  };
}
