/**
 * The save and replay format (version 2): which scenario (id, title and content
 * fingerprint), the game release that wrote it, the seed, the difficulty, the log of
 * commands with the state hash they lead to, the player's decision journal, and a
 * checksum of everything else. Replay is a fold of the commands over a new game; the
 * hash proves the result. The format is the same for a browser save, a CLI replay and a
 * classroom submission. Older versions are read through migrate.ts.
 *
 * What proves what: the state hash proves that this log, under these rules, gives this
 * result (determinism); the checksum catches a file damaged after it was written. Neither
 * proves who played: anyone can write a log and its hashes.
 */
import { type Command, type Difficulty, type GameState, hashValue, stateHash } from '../core/index.ts';
import { APP_VERSION } from './version.ts';

export const REPLAY_FORMAT = 'caspian-balance/replay';
export const REPLAY_VERSION = 2;

/** A "why" the player wrote for the decision at `at` (an index into `commands`). */
export interface JournalEntry {
  at: number;
  text: string;
}

export interface ReplayFile {
  format: typeof REPLAY_FORMAT;
  version: typeof REPLAY_VERSION;
  /** The game release that wrote the file. */
  app: string;
  scenario: string;
  scenarioTitle?: string;
  scenarioHash: string;
  seed: string;
  difficulty: Difficulty;
  commands: Command[];
  journal: JournalEntry[];
  /** The state hash the commands reach. */
  stateHash: string;
  /** Turns completed when saved: for lists only; loading recomputes everything. */
  turn: number;
  /** The turn (1 = the first) the game ended in, once it has ended: a game lost at a
   *  turn's end has played that turn, one lost to a choice has not, so `turn` alone cannot
   *  say where it stopped. For lists only, like `turn`. */
  endedIn?: number;
  /** When and by which game it was saved (a game keeps its id across its autosaves). */
  savedAt?: string;
  gameId?: string;
  /** What this save is: "Autosave", "Slot 2", "Start of 2003"… */
  label?: string;
  /** Free-form labels a classroom may add (student, class); never executed or rendered as HTML. */
  meta?: Record<string, string>;
  /** hashValue of every other field: a changed byte anywhere is caught. */
  checksum: string;
}

export interface ReplayExtras {
  journal?: readonly JournalEntry[];
  scenarioTitle?: string;
  savedAt?: string;
  gameId?: string;
  label?: string;
}

export function makeReplay(state: GameState, commands: readonly Command[], meta?: Record<string, string>, extras: ReplayExtras = {}): ReplayFile {
  const file: Omit<ReplayFile, 'checksum'> & { checksum?: string } = {
    format: REPLAY_FORMAT,
    version: REPLAY_VERSION,
    app: APP_VERSION,
    scenario: state.scenarioId,
    scenarioHash: state.scenarioHash,
    seed: state.seed,
    difficulty: state.difficulty,
    commands: [...commands],
    journal: (extras.journal ?? []).filter((j) => j.at >= 0 && j.at < commands.length && j.text.trim() !== '').map((j) => ({ at: j.at, text: j.text })),
    stateHash: stateHash(state),
    turn: state.history.length,
  };
  if (state.outcome) file.endedIn = state.turn + 1;
  if (extras.scenarioTitle) file.scenarioTitle = extras.scenarioTitle;
  if (extras.savedAt) file.savedAt = extras.savedAt;
  if (extras.gameId) file.gameId = extras.gameId;
  if (extras.label) file.label = extras.label;
  if (meta && Object.keys(meta).length > 0) file.meta = { ...meta };
  return withChecksum(file);
}

/** The checksum over every field but itself. */
export function checksumOf(file: Omit<ReplayFile, 'checksum'> & { checksum?: string }): string {
  const { checksum: _, ...rest } = file;
  return hashValue(rest);
}

export function withChecksum(file: Omit<ReplayFile, 'checksum'> & { checksum?: string }): ReplayFile {
  return { ...file, checksum: checksumOf(file) } as ReplayFile;
}

/** A classroom result file: the save, plus what was computed from it for people to read. */
export const RESULT_FORMAT = 'caspian-balance/result';
