/**
 * Verifying a save before anything uses it: the scenario it names, the rules it was made
 * under (the scenario's fingerprint), its checksum, and a replay of its log by the same
 * core that plays the game. A result is what the replay gives, never what the file says.
 */
import { closesTurn, type ErrorCode, type GameState, replay, type ReplayResult, scenarioHash, stateHash, turnLabel } from '../core/index.ts';
import { isLoadedFromFile } from '../scenario/origin.ts';
import type { Scenario } from '../scenario/types.ts';
import { checksumOf, type ReplayFile } from './replayFormat.ts';
import { APP_VERSION } from './version.ts';

export type VerifyProblem = 'scenario/unknown' | 'scenario/other-rules' | 'file/changed' | 'log/refused' | 'hash/mismatch';

export type Verified =
  | { ok: true; state: GameState; save: ReplayFile }
  | { ok: false; problem: VerifyProblem; message: string /** 1-based turn where the log fails */; turn?: number; error?: ErrorCode };

const short = (h: string) => h.slice(0, 8);

function made(save: ReplayFile): string {
  return `made with Caspian Balance ${save.app} for “${save.scenarioTitle ?? save.scenario}” (rules ${short(save.scenarioHash)})`;
}

/** The turn (1-based) a command index falls in: one more than the turns closed before it. */
export function turnOfCommand(save: Pick<ReplayFile, 'commands'>, index: number): number {
  let turn = 1;
  for (let i = 0; i < index && i < save.commands.length; i++) if (closesTurn(save.commands, i)) turn++;
  return turn;
}

/** Checks a save against a scenario (null when the game does not have the one it names) and replays it. */
export function verifySave(scenario: Scenario | null, save: ReplayFile): Verified {
  if (!scenario || scenario.id !== save.scenario) {
    return {
      ok: false,
      problem: 'scenario/unknown',
      message: `This save is for the scenario “${save.scenarioTitle ?? save.scenario}”, which this game does not have. If it is a scenario you loaded from a file, load that file again (Load scenario… on the title screen), then open this save.`,
    };
  }
  const here = scenarioHash(scenario);
  if (here !== save.scenarioHash && isLoadedFromFile(scenario)) {
    return {
      ok: false,
      problem: 'scenario/other-rules',
      message: `This save was made under another version of the scenario file “${save.scenarioTitle ?? save.scenario}” (rules ${short(save.scenarioHash)}) than the one loaded in this browser (rules ${short(here)}): the file was changed since. Load the version the save was made with (Load scenario… on the title screen), then open this save again.`,
    };
  }
  if (here !== save.scenarioHash) {
    return {
      ok: false,
      problem: 'scenario/other-rules',
      message: `This save was ${made(save)}; this game (${APP_VERSION}) has other rules for that scenario (rules ${short(here)}). It is not replayed against the wrong rules; open it with the release that made it.`,
    };
  }
  if (checksumOf(save) !== save.checksum) {
    return {
      ok: false,
      problem: 'file/changed',
      message: 'This file was damaged or edited after it was saved (its checksum does not match). It was not loaded.',
    };
  }
  const result: ReplayResult = replay(scenario, save.seed, { difficulty: save.difficulty }, save.commands);
  if (result.failed) {
    const turn = turnOfCommand(save, result.failed.index);
    return {
      ok: false,
      problem: 'log/refused',
      turn,
      error: result.failed.error,
      message: `The rules refuse this game's log at turn ${turn} (${turnLabel(scenario.calendar, turn - 1)}), command ${result.failed.index + 1}: ${result.failed.message}${save.app === APP_VERSION ? '' : ` (it was made with Caspian Balance ${save.app}; this is ${APP_VERSION})`}`,
    };
  }
  const hash = stateHash(result.state);
  if (hash !== save.stateHash) {
    return {
      ok: false,
      problem: 'hash/mismatch',
      message: `This save's log does not lead to the result it records (state ${short(hash)}, not ${short(save.stateHash)}): it was ${made(save)}${save.app === APP_VERSION ? ', and changed since' : `, and this is ${APP_VERSION}`}.`,
    };
  }
  return { ok: true, state: result.state, save };
}

/** The commands up to and including the close of the `turns`-th turn: a save point at the start of turn `turns` + 1. */
export function commandsToTurn(commands: ReplayFile['commands'], turns: number): ReplayFile['commands'] | null {
  if (turns === 0) return [];
  let seen = 0;
  for (let i = 0; i < commands.length; i++) if (closesTurn(commands, i) && ++seen === turns) return commands.slice(0, i + 1);
  return null;
}
