/**
 * Checking a save or replay file (the current version) from a stranger, without
 * dependencies, so the browser and the CLI share one check. The answer names the JSON
 * path of the first problem. Older versions are upgraded first (migrate.ts).
 */
import { commandProblem } from './commandShape.ts';
import { REPLAY_FORMAT, REPLAY_VERSION, type ReplayFile } from './replayFormat.ts';

const HEX16 = /^[0-9a-f]{16}$/;
const REQUIRED = ['format', 'version', 'app', 'scenario', 'scenarioHash', 'seed', 'difficulty', 'commands', 'journal', 'stateHash', 'turn', 'checksum'];
const OPTIONAL = ['scenarioTitle', 'endedIn', 'savedAt', 'gameId', 'label', 'meta'];
const KEYS = new Set([...REQUIRED, ...OPTIONAL]);

export const MAX_COMMANDS = 100_000;
export const MAX_JOURNAL_TEXT = 500;

export type ShapeCheck = { ok: true; replay: ReplayFile } | { ok: false; path: string; reason: string };

const isText = (v: unknown, max: number) => typeof v === 'string' && v.length > 0 && v.length <= max;
const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function checkReplayShape(v: unknown): ShapeCheck {
  const bad = (path: string, reason: string): ShapeCheck => ({ ok: false, path, reason });
  if (!isPlainObject(v)) return bad('', 'a save or replay file holds one JSON object { … }');
  const r = v;
  for (const key of Object.keys(r)) if (!KEYS.has(key)) return bad(key, `unknown key "${key}": remove it`);
  for (const key of REQUIRED) if (!(key in r)) return bad(key, `the key "${key}" is missing`);
  if (r.format !== REPLAY_FORMAT) return bad('format', `format must be "${REPLAY_FORMAT}"`);
  if (r.version !== REPLAY_VERSION) return bad('version', `version must be ${REPLAY_VERSION}`);
  if (!isText(r.app, 40)) return bad('app', 'app is the version of the game that wrote the file');
  if (!isText(r.scenario, 64)) return bad('scenario', 'scenario must be a scenario id');
  if (r.scenarioTitle !== undefined && !isText(r.scenarioTitle, 100)) return bad('scenarioTitle', 'scenarioTitle is a text of at most 100 characters');
  if (typeof r.scenarioHash !== 'string' || !HEX16.test(r.scenarioHash)) return bad('scenarioHash', 'scenarioHash is 16 hexadecimal digits');
  if (!isText(r.seed, 100)) return bad('seed', 'seed must be text of 1 to 100 characters');
  if (r.difficulty !== 'easy' && r.difficulty !== 'normal' && r.difficulty !== 'hard') return bad('difficulty', 'difficulty must be easy, normal or hard');
  if (typeof r.stateHash !== 'string' || !HEX16.test(r.stateHash)) return bad('stateHash', 'stateHash is 16 hexadecimal digits');
  if (typeof r.checksum !== 'string' || !HEX16.test(r.checksum)) return bad('checksum', 'checksum is 16 hexadecimal digits');
  if (!Number.isInteger(r.turn) || (r.turn as number) < 0 || (r.turn as number) > 10_000) return bad('turn', 'turn is the number of turns played');
  if (r.endedIn !== undefined && (!Number.isInteger(r.endedIn) || (r.endedIn as number) < 1 || (r.endedIn as number) > 10_000))
    return bad('endedIn', 'endedIn is the turn the game ended in, from 1');
  if (!Array.isArray(r.commands)) return bad('commands', 'commands must be a list');
  if (r.commands.length > MAX_COMMANDS) return bad('commands', `more than ${MAX_COMMANDS.toLocaleString('en')} commands`);
  for (let i = 0; i < r.commands.length; i++) {
    const problem = commandProblem(r.commands[i]);
    if (problem) return bad(`commands[${i}]${problem.at}`, problem.reason);
  }
  if (!Array.isArray(r.journal)) return bad('journal', 'journal must be a list');
  if (r.journal.length > r.commands.length) return bad('journal', 'the journal has more notes than the game has decisions');
  for (let i = 0; i < r.journal.length; i++) {
    const j = r.journal[i];
    if (!isPlainObject(j) || Object.keys(j).some((k) => k !== 'at' && k !== 'text'))
      return bad(`journal[${i}]`, 'a journal note is {"at": command index, "text": …}');
    if (!Number.isInteger(j.at) || (j.at as number) < 0 || (j.at as number) >= r.commands.length)
      return bad(`journal[${i}].at`, 'at must be the index of a command');
    if (!isText(j.text, MAX_JOURNAL_TEXT)) return bad(`journal[${i}].text`, `a note is a text of 1 to ${MAX_JOURNAL_TEXT} characters`);
  }
  for (const key of ['savedAt', 'gameId', 'label'] as const)
    if (r[key] !== undefined && !isText(r[key], 64)) return bad(key, `${key} is a text of at most 64 characters`);
  if (r.meta !== undefined) {
    if (!isPlainObject(r.meta)) return bad('meta', 'meta must be an object of short texts');
    const entries = Object.entries(r.meta);
    if (entries.length > 20) return bad('meta', 'meta holds at most 20 labels');
    for (const [k, val] of entries) if (k.length > 40 || !isText(val, 200)) return bad(`meta.${k}`, 'meta values are texts of at most 200 characters');
  }
  return { ok: true, replay: r as unknown as ReplayFile };
}
