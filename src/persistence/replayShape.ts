/**
 * Checking a replay or save file from a stranger, without dependencies, so the browser
 * and the CLI share one check. The answer names the JSON path of the first problem.
 */
import { REPLAY_FORMAT, REPLAY_VERSION, type ReplayFile } from './replayFormat.ts';

const HEX16 = /^[0-9a-f]{16}$/;
const KEYS = new Set(['format', 'version', 'scenario', 'scenarioHash', 'seed', 'difficulty', 'commands', 'stateHash', 'meta']);

export type ShapeCheck = { ok: true; replay: ReplayFile } | { ok: false; path: string; reason: string };

const isText = (v: unknown, max: number) => typeof v === 'string' && v.length > 0 && v.length <= max;

export function checkReplayShape(v: unknown): ShapeCheck {
  const bad = (path: string, reason: string): ShapeCheck => ({ ok: false, path, reason });
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return bad('', 'a save or replay file holds one JSON object { … }');
  const r = v as Record<string, unknown>;
  for (const key of Object.keys(r)) if (!KEYS.has(key)) return bad(key, `unknown key "${key}": remove it`);
  if (r.format !== REPLAY_FORMAT) return bad('format', `format must be "${REPLAY_FORMAT}"`);
  if (r.version !== REPLAY_VERSION) return bad('version', `version must be ${REPLAY_VERSION}`);
  if (!isText(r.scenario, 64)) return bad('scenario', 'scenario must be a scenario id');
  if (typeof r.scenarioHash !== 'string' || !HEX16.test(r.scenarioHash)) return bad('scenarioHash', 'scenarioHash is 16 hexadecimal digits');
  if (!isText(r.seed, 100)) return bad('seed', 'seed must be text of 1 to 100 characters');
  if (r.difficulty !== 'easy' && r.difficulty !== 'normal' && r.difficulty !== 'hard') return bad('difficulty', 'difficulty must be easy, normal or hard');
  if (typeof r.stateHash !== 'string' || !HEX16.test(r.stateHash)) return bad('stateHash', 'stateHash is 16 hexadecimal digits');
  if (!Array.isArray(r.commands)) return bad('commands', 'commands must be a list');
  if (r.commands.length > 100_000) return bad('commands', 'more than 100,000 commands');
  for (let i = 0; i < r.commands.length; i++) {
    const problem = commandProblem(r.commands[i]);
    if (problem) return bad(`commands[${i}]${problem.at}`, problem.reason);
  }
  if (r.meta !== undefined) {
    if (typeof r.meta !== 'object' || r.meta === null || Array.isArray(r.meta)) return bad('meta', 'meta must be an object of short texts');
    for (const [k, val] of Object.entries(r.meta))
      if (k.length > 40 || !isText(val, 200)) return bad(`meta.${k}`, 'meta values are texts of at most 200 characters');
  }
  return { ok: true, replay: r as unknown as ReplayFile };
}

const COMMAND_HELP = 'a command is {"type":"act","action":…}, {"type":"choose","event":…,"choice":…} or {"type":"endTurn"}';

function commandProblem(c: unknown): { at: string; reason: string } | null {
  if (typeof c !== 'object' || c === null || Array.isArray(c)) return { at: '', reason: COMMAND_HELP };
  const o = c as Record<string, unknown>;
  const fields: Record<string, string[]> = { endTurn: [], act: ['action'], choose: ['event', 'choice'] };
  const wanted = typeof o.type === 'string' ? fields[o.type] : undefined;
  if (!wanted) return { at: '.type', reason: COMMAND_HELP };
  for (const key of Object.keys(o))
    if (key !== 'type' && !wanted.includes(key)) return { at: `.${key}`, reason: `unknown key "${key}" in a ${o.type} command` };
  for (const key of wanted) if (!isText(o[key], 64)) return { at: `.${key}`, reason: `${key} must be an id` };
  return null;
}
