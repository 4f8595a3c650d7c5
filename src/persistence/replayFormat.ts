/**
 * The save and replay format: which scenario (id and content fingerprint), the seed,
 * the difficulty, and the log of commands, with the state hash they lead to. Replay is
 * a fold of the commands over a new game; the hash proves the result. The format is the
 * same for a browser save, a CLI replay and a classroom submission.
 */
import { type Command, type Difficulty, type GameState, stateHash } from '../core/index.ts';

export const REPLAY_FORMAT = 'caspian-balance/replay';
export const REPLAY_VERSION = 1;

export interface ReplayFile {
  format: typeof REPLAY_FORMAT;
  version: typeof REPLAY_VERSION;
  scenario: string;
  scenarioHash: string;
  seed: string;
  difficulty: Difficulty;
  commands: Command[];
  stateHash: string;
  /** Free-form labels a classroom may add (student, class); never executed or rendered as HTML. */
  meta?: Record<string, string>;
}

export function makeReplay(state: GameState, commands: readonly Command[], meta?: Record<string, string>): ReplayFile {
  const file: ReplayFile = {
    format: REPLAY_FORMAT,
    version: REPLAY_VERSION,
    scenario: state.scenarioId,
    scenarioHash: state.scenarioHash,
    seed: state.seed,
    difficulty: state.difficulty,
    commands: [...commands],
    stateHash: stateHash(state),
  };
  if (meta) file.meta = meta;
  return file;
}
