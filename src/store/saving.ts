/**
 * Saving, beside the game store: which game this is (its id, so each game keeps its own
 * autosave), the player's decision journal, who is playing (student, class), and whether
 * saving works. It autosaves after every command and every journal note. A storage that
 * is full or refused never stops the game: the status says so, and the game can still be
 * exported to a file.
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

  const autosave = () => {
    if (!storage) return;
    const { gameId } = state.getState();
    const save = current('Autosave');
    if (!gameId || !save) return;
    report(writeSaveAt(storage, autosaveKey(gameId), save), 'Your game');
  };

  // Autosave after every command (a turn, an action, an answer) and keep the journal in
  // step with the log: a note on an undone command goes with it.
  app.subscribe((s, prev) => {
    if (s.game === prev.game && s.commands === prev.commands) return;
    if (!s.game || s.screen !== 'game') return;
    const { journal } = state.getState();
    const kept = journal.filter((j) => j.at < s.commands.length);
    if (kept.length !== journal.length) state.setState({ journal: kept });
    autosave();
  });

  return {
    state,
    current,
    /** Before a new game starts: a new id, so no other game's autosave is touched. */
    beginNew(student?: string, className?: string) {
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
      const save = current(`Slot ${n}`);
      if (!storage) return { ok: false, reason: 'unavailable', message: 'this browser does not let the game keep saves' };
      if (!save) return { ok: false, reason: 'invalid', message: 'no game is open' };
      const r = writeSaveAt(storage, slotKey(n), save);
      report(r, `Slot ${n}`);
      return r;
    },
    slot(n: number) {
      return storage ? readSaveAt(storage, slotKey(n)) : ({ ok: false, reason: 'none' } as const);
    },
  };
}

/** A file name for an exported save: scenario, seed, turn and (if known) the student. */
export function saveFileName(save: ReplayFile, kind = 'save'): string {
  const student = save.meta?.student ? `${save.meta.student}-` : '';
  return `${student}${save.scenario}-seed-${save.seed}-turn-${save.turn}-${kind}.json`.replace(/[^\p{L}\p{N}._-]+/gu, '-');
}
