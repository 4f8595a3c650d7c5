/**
 * Reading any version of the save format and bringing it up to the current one. Each
 * older version keeps its own frozen check here, and one step to the next version, so a
 * future release still opens today's saves. tests/fixtures/saves/ keeps a file of every
 * version, forever.
 */
import { closesTurn } from '../core/index.ts';
import { commandProblem } from './commandShape.ts';
import { REPLAY_FORMAT, REPLAY_VERSION, RESULT_FORMAT, type ReplayFile, withChecksum } from './replayFormat.ts';
import { checkReplayShape, type ShapeCheck } from './replayShape.ts';

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Any save, replay or result file, at any version, as a checked current-version save. */
export function upgradeSave(v: unknown): ShapeCheck {
  if (!isPlainObject(v)) return { ok: false, path: '', reason: 'a save or replay file holds one JSON object { … }' };
  // A result file carries its save: importing a result opens the game it came from.
  if (v.format === RESULT_FORMAT) {
    if (!isPlainObject(v.save)) return { ok: false, path: 'save', reason: 'a result file holds its game under "save"' };
    const inner = upgradeSave(v.save);
    return inner.ok ? inner : { ok: false, path: inner.path ? `save.${inner.path}` : 'save', reason: inner.reason };
  }
  if (v.format !== REPLAY_FORMAT) {
    return {
      ok: false,
      path: 'format',
      reason:
        typeof v.format === 'string'
          ? `this is a "${v.format.slice(0, 60)}" file, not a Caspian Balance save`
          : 'this is not a Caspian Balance save (it has no "format": "caspian-balance/replay")',
    };
  }
  if (v.version === 1) {
    const old = checkV1(v);
    return old.ok ? checkReplayShape(fromV1(v)) : old;
  }
  if (v.version === REPLAY_VERSION) return checkReplayShape(v);
  if (typeof v.version === 'number' && Number.isInteger(v.version) && v.version > REPLAY_VERSION)
    return { ok: false, path: 'version', reason: `this save was written by a newer release of the game (save format ${v.version}); open it there` };
  return { ok: false, path: 'version', reason: `version must be 1 or ${REPLAY_VERSION}` };
}

// ---------------------------------------------------------------- version 1 (frozen)

const V1_KEYS = new Set(['format', 'version', 'scenario', 'scenarioHash', 'seed', 'difficulty', 'commands', 'stateHash', 'meta']);
const HEX16 = /^[0-9a-f]{16}$/;
const isText = (v: unknown, max: number) => typeof v === 'string' && v.length > 0 && v.length <= max;

/** The version 1 check, as it was shipped (release 0.1.0). */
function checkV1(r: Record<string, unknown>): ShapeCheck | { ok: true } {
  const bad = (path: string, reason: string): ShapeCheck => ({ ok: false, path, reason });
  for (const key of Object.keys(r)) if (!V1_KEYS.has(key)) return bad(key, `unknown key "${key}": remove it`);
  if (!isText(r.scenario, 64)) return bad('scenario', 'scenario must be a scenario id');
  if (typeof r.scenarioHash !== 'string' || !HEX16.test(r.scenarioHash)) return bad('scenarioHash', 'scenarioHash is 16 hexadecimal digits');
  if (!isText(r.seed, 100)) return bad('seed', 'seed must be text of 1 to 100 characters');
  if (r.difficulty !== 'easy' && r.difficulty !== 'normal' && r.difficulty !== 'hard') return bad('difficulty', 'difficulty must be easy, normal or hard');
  if (typeof r.stateHash !== 'string' || !HEX16.test(r.stateHash)) return bad('stateHash', 'stateHash is 16 hexadecimal digits');
  if (!Array.isArray(r.commands)) return bad('commands', 'commands must be a list');
  if (r.commands.length > 100_000) return bad('commands', 'more than 100,000 commands');
  for (let i = 0; i < r.commands.length; i++) {
    const c = r.commands[i];
    // Version 1 knew three commands only.
    const type = isPlainObject(c) ? c.type : undefined;
    if (type !== 'act' && type !== 'choose' && type !== 'endTurn')
      return bad(
        `commands[${i}]${isPlainObject(c) ? '.type' : ''}`,
        'a command is {"type":"act","action":…}, {"type":"choose","event":…,"choice":…} or {"type":"endTurn"}',
      );
    const problem = commandProblem(c);
    if (problem) return bad(`commands[${i}]${problem.at}`, problem.reason);
  }
  if (r.meta !== undefined) {
    if (!isPlainObject(r.meta)) return bad('meta', 'meta must be an object of short texts');
    for (const [k, val] of Object.entries(r.meta))
      if (k.length > 40 || !isText(val, 200)) return bad(`meta.${k}`, 'meta values are texts of at most 200 characters');
  }
  return { ok: true };
}

/** Version 1 → 2: no journal yet, no release recorded (version 1 was written by 0.1.0). */
function fromV1(r: Record<string, unknown>): ReplayFile {
  const commands = r.commands as ReplayFile['commands'];
  const file: Omit<ReplayFile, 'checksum'> = {
    format: REPLAY_FORMAT,
    version: REPLAY_VERSION,
    app: '0.1.0',
    scenario: r.scenario as string,
    scenarioHash: r.scenarioHash as string,
    seed: r.seed as string,
    difficulty: r.difficulty as ReplayFile['difficulty'],
    commands,
    journal: [],
    stateHash: r.stateHash as string,
    turn: commands.filter((_, i) => closesTurn(commands, i)).length,
  };
  if (r.meta !== undefined) file.meta = r.meta as Record<string, string>;
  return withChecksum(file);
}
