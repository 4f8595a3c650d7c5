/**
 * Saving, beside the game store: which game this is (its id, so each game keeps its own
 * autosave), the player's decision journal, who is playing (student, class), and whether
 * saving works. It autosaves after every command and every journal note. A storage that
 * is full or refused never stops the game: the status says so, and the game can still be
 * exported to a file.
 *
 * The autosave is written after the frame that shows the move, when the browser is idle
 * (`env.later`): writing checks the save by parsing it back, a few milliseconds the click
 * that ends a turn cannot spare. Nothing is lost by waiting: a pending autosave is written
 * before anything reads the storage (`storage` below wraps it), before another game
 * starts or opens, when the game screen closes, and when the page is hidden or left
 * (`flush`, called by the session on pagehide and visibilitychange).
 */
import { createStore } from 'zustand/vanilla';
import { type JournalEntry, makeReplay, type ReplayFile } from '../persistence/replayFormat.ts';
import { autosaveKey, readSaveAt, type SaveStore, slotKey, type WriteResult, writeSaveAt } from '../persistence/saves.ts';
import type { AppStore } from './gameStore.ts';

export type SaveStatus = { kind: 'ok'; savedAt: string | null } | { kind: 'off' | 'failed'; message: string };

export interface SavingState {
  gameId: string | null;
  journal: JournalEntry[];
  student: string;
  className: string;
  status: SaveStatus;
}

export interface SavingEnv {
  /** An ISO time for savedAt. */
  now(): string;
  /** A fresh game id. */
  newId(): string;
  /** Runs work soon, after the current frame (default: when the browser is idle, within half a second). */
  later?(run: () => void): void;
}

/** After this frame, when the browser is idle (or within half a second if it never is). */
function whenIdle(run: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => run(), { timeout: 500 });
  else setTimeout(run, 50);
}

export type SavingStore = ReturnType<typeof createSaving>;

const clean = (text: string, max: number) => text.replace(/\s+/g, ' ').trim().slice(0, max);

export function createSaving(app: AppStore, storage: SaveStore | null, env: SavingEnv) {
  const state = createStore<SavingState>()(() => ({
    gameId: null,
    journal: [],
    student: '',
    className: '',
    status: storage ? { kind: 'ok', savedAt: null } : { kind: 'off', message: 'this browser does not let the game keep saves' },
  }));

  const meta = (): Record<string, string> | undefined => {
    const { student, className } = state.getState();
    const m: Record<string, string> = {};
    if (student) m.student = student;
    if (className) m.class = className;
    return Object.keys(m).length ? m : undefined;
  };

  /** The game in play as a save file (null when no game is open). */
  const current = (label?: string): ReplayFile | null => {
    const { game, commands, scenario } = app.getState();
    const { gameId, journal } = state.getState();
    if (!game || !scenario) return null;
    return makeReplay(game, commands, meta(), { journal, scenarioTitle: scenario.title, savedAt: env.now(), gameId: gameId ?? undefined, label });
  };

  const report = (r: WriteResult, what: string) => {
    if (r.ok) {
      state.setState({ status: { kind: 'ok', savedAt: env.now() } });
      return;
    }
    state.setState({ status: { kind: 'failed', message: `${what} could not be saved: ${r.message}` } });
  };

  const write = () => {
    if (!storage) return;
    const { gameId } = state.getState();
    const save = current('Autosave');
    if (!gameId || !save) return;
    report(writeSaveAt(storage, autosaveKey(gameId), save), 'Your game');
  };
  // One pending write at a time: several moves before the browser is idle make one save,
  // of the game as it is when it is written.
  let pending = false;
  const flush = () => {
    if (!pending) return;
    pending = false;
    write();
  };
  const later = env.later ?? whenIdle;
  const autosave = () => {
    if (!storage || pending) return;
    pending = true;
    later(flush);
  };

  // Autosave after every command (a turn, an action, an answer) and keep the journal in
  // step with the log: a note on an undone command goes with it. Leaving the game screen
  // writes what is pending at once (the title screen reads the autosaves).
  app.subscribe((s, prev) => {
    if (s.screen !== 'game') return flush();
    if (s.game === prev.game && s.commands === prev.commands) return;
    if (!s.game) return;
    const { journal } = state.getState();
    const kept = journal.filter((j) => j.at < s.commands.length);
    if (kept.length !== journal.length) state.setState({ journal: kept });
    autosave();
  });

  /** The storage as readers see it: a pending autosave is written before any read. */
  const reader: SaveStore | null = storage && {
    getItem(key) {
      flush();
      return storage.getItem(key);
    },
    setItem(key, value) {
      flush();
      storage.setItem(key, value);
    },
    removeItem(key) {
      flush();
      storage.removeItem(key);
    },
    key(index) {
      flush();
      return storage.key(index);
    },
    get length() {
      flush();
      return storage.length;
    },
  };

  return {
    state,
    current,
    /** The saves' storage for everything else that reads or writes it (null: saving is off). */
    storage: reader,
    /** Writes a pending autosave now (the page is being hidden or left). */
    flush,
    /** Before a new game starts: a new id, so no other game's autosave is touched. */
    beginNew(student?: string, className?: string) {
      flush();
      state.setState({
        gameId: env.newId(),
        journal: [],
        student: clean(student ?? state.getState().student, 60),
        className: clean(className ?? state.getState().className, 60),
      });
    },
    /**
     * Before a save is opened: "continue" keeps its game id (the same autosave goes on);
     * any other load (a slot, a file, a save point) starts a branch with its own autosave.
     */
    beginFrom(save: ReplayFile, mode: 'continue' | 'branch') {
      flush();
      state.setState({
        gameId: mode === 'continue' && save.gameId ? save.gameId : env.newId(),
        journal: save.journal.map((j) => ({ ...j })),
        student: save.meta?.student ?? '',
        className: save.meta?.class ?? '',
      });
    },
    /** Writes (or clears, with empty text) the "why" of the decision at a command index. */
    note(at: number, text: string) {
      const t = text.trim().slice(0, 500);
      const journal = state.getState().journal.filter((j) => j.at !== at);
      if (t) journal.push({ at, text: t });
      journal.sort((a, b) => a.at - b.at);
      state.setState({ journal });
      autosave();
    },
    setStudent(student: string) {
      state.setState({ student: clean(student, 60) });
      autosave();
    },
    /** Saves the game in play to a manual slot. */
    saveToSlot(n: number): WriteResult {
      flush();
      const save = current(`Slot ${n}`);
      if (!storage) return { ok: false, reason: 'unavailable', message: 'this browser does not let the game keep saves' };
      if (!save) return { ok: false, reason: 'invalid', message: 'no game is open' };
      const r = writeSaveAt(storage, slotKey(n), save);
      report(r, `Slot ${n}`);
      return r;
    },
    slot(n: number) {
      return reader ? readSaveAt(reader, slotKey(n)) : ({ ok: false, reason: 'none' } as const);
    },
  };
}

/** A file name for an exported save: scenario, seed, turn and (if known) the student. */
export function saveFileName(save: ReplayFile, kind = 'save'): string {
  const student = save.meta?.student ? `${save.meta.student}-` : '';
  return `${student}${save.scenario}-seed-${save.seed}-turn-${save.turn}-${kind}.json`.replace(/[^\p{L}\p{N}._-]+/gu, '-');
}
