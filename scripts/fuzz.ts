/**
 * Mutation fuzzing of scenario files and saves (issue 11): `npm run fuzz -- --cases N
 * [--seed S]`. Each case takes a real scenario or a real save, changes it the way a
 * careless editor or an attacker would (wrong types, extreme numbers, names every object
 * has, duplicate ids and keys, deleted and unknown keys, truncation, stray bytes, lone
 * surrogates, deep nesting…), and runs it through what the game runs a stranger's file
 * through: UTF-8 decoding, the loader, a played game, a replay. It counts:
 *   - uncaught errors (must be 0): anything that throws out of the loader, the engine, a
 *     policy or the save reader;
 *   - rejections without a finding (must be 0): every refused file names the file, a JSON
 *     path and a reason;
 *   - states with NaN or Infinity anywhere (must be 0), and replays that do not reach the
 *     state the game reached (must be 0).
 * The same code runs seeded and bounded in tests/unit/fuzz.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Command, hashValue, nextInt, newGame, type RngState, replay, scenarioHash, seedRng, stateHash } from '../src/core/index.ts';
import { makeReplay } from '../src/persistence/replayFormat.ts';
import { readReplay } from '../src/persistence/replayFile.ts';
import { verifySave } from '../src/persistence/verify.ts';
import { balancer, random } from '../src/policies/policies.ts';
import { playGame } from '../src/policies/run.ts';
import type { Finding } from '../src/scenario/findings.ts';
import { decodeUtf8 } from '../src/scenario/utf8.ts';
import { loadScenarioText } from '../src/scenario/load.ts';
import type { Scenario } from '../src/scenario/types.ts';

const ROOT = join(import.meta.dirname, '..');
type Json = unknown;

export interface FuzzStats {
  cases: number;
  scenarioCases: number;
  saveCases: number;
  /** Mutated scenarios that still validated, and were played. */
  scenariosAccepted: number;
  scenariosRejected: number;
  savesAccepted: number;
  /** Saves whose content the mutation changed that were still accepted: a damage the checks missed. */
  changedSavesAccepted: number;
  savesRejected: number;
  gamesPlayed: number;
  uncaught: number;
  rejectedWithoutFinding: number;
  notFiniteStates: number;
  replayMismatches: number;
  /** The first problems found, for a person to read. */
  problems: string[];
  seconds: number;
}

// ---------------------------------------------------------------- a seeded generator

const pick = <T>(rng: RngState, xs: readonly T[]): T => xs[nextInt(rng, xs.length)] as T;
const chance = (rng: RngState, percent: number) => nextInt(rng, 100) < percent;

const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype);
const NUMBERS = [0, -1, 1, 0.5, -0.5, 1e308, -1e308, 1e-300, 2 ** 53, -(2 ** 31), 100_000, 1_000_001, 99, 101, -101, 400, 401];
const TEXTS = [
  '',
  ' ',
  'x'.repeat(5000),
  '<img src=x onerror=alert(1)>',
  '\u0000',
  '\u202e',
  'é',
  '🇦🇿',
  '%s%n',
  '../../etc/passwd',
  'true',
  '1991-13',
  '0999-01',
  '1991-10',
];

// ---------------------------------------------------------------- mutations of parsed JSON

interface Slot {
  parent: Record<string, Json> | Json[];
  key: string | number;
}

/** Every place in the tree a value sits, found without recursion. */
function slots(root: Json): Slot[] {
  const out: Slot[] = [];
  const stack: Json[] = [root];
  while (stack.length > 0) {
    const v = stack.pop();
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        out.push({ parent: v, key: i });
        stack.push(v[i]);
      }
    } else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        out.push({ parent: v as Record<string, Json>, key: k });
        stack.push(x);
      }
    }
  }
  return out;
}

const get = (s: Slot): Json => (s.parent as Record<string | number, Json>)[s.key];
const set = (s: Slot, v: Json) => {
  (s.parent as Record<string | number, Json>)[s.key] = v;
};

/** The strings that look like ids in a tree, to swap references around. */
function ids(all: Slot[]): string[] {
  const out: string[] = [];
  for (const s of all) if (s.key === 'id' && typeof get(s) === 'string') out.push(get(s) as string);
  return out;
}

function randomValue(rng: RngState, known: string[]): Json {
  switch (nextInt(rng, 8)) {
    case 0:
      return pick(rng, NUMBERS);
    case 1:
      return pick(rng, TEXTS);
    case 2:
      return pick(rng, PROTOTYPE_NAMES);
    case 3:
      return known.length > 0 ? pick(rng, known) : 'x';
    case 4:
      return chance(rng, 50);
    case 5:
      return null;
    case 6:
      return [];
    default:
      return {};
  }
}

/** One change to the tree, of a kind that fits the value it hits; returns its name, for the report. */
function mutateTree(rng: RngState, root: Json): string {
  const all = slots(root);
  if (all.length === 0) return 'none';
  const s = pick(rng, all);
  const v = get(s);
  const known = ids(all);
  const options = ['replace', 'delete', 'nest'];
  if (typeof v === 'number') options.push('number', 'number');
  if (typeof v === 'string') options.push('text', 'prototype-name', 'swap-reference');
  if (Array.isArray(v)) options.push(...(v.length > 0 ? ['duplicate-item', 'reverse', 'empty'] : []));
  if (v && typeof v === 'object' && !Array.isArray(v)) options.push('add-key', 'add-key');
  const kind = pick(rng, options);
  switch (kind) {
    case 'replace':
      set(s, randomValue(rng, known));
      break;
    case 'delete':
      if (Array.isArray(s.parent)) s.parent.splice(s.key as number, 1);
      else delete s.parent[s.key as string];
      break;
    case 'nest':
      set(s, chance(rng, 50) ? [v] : { all: [v, v] });
      break;
    case 'number':
      set(s, pick(rng, NUMBERS) * (chance(rng, 50) ? 1 : -1));
      break;
    case 'text':
      set(s, pick(rng, TEXTS));
      break;
    case 'prototype-name':
      set(s, pick(rng, PROTOTYPE_NAMES));
      break;
    case 'swap-reference':
      set(s, known.length > 0 ? pick(rng, known) : 'x');
      break;
    case 'duplicate-item':
      (v as Json[]).push(structuredClone(pick(rng, v as Json[])));
      break;
    case 'reverse':
      (v as Json[]).reverse();
      break;
    case 'empty':
      set(s, []);
      break;
    default:
      (v as Record<string, Json>)[pick(rng, ['extra', 'x', 'Id', 'when', 'effects', 'then', 'repeat', ...PROTOTYPE_NAMES])] = randomValue(rng, known);
  }
  return kind;
}

/**
 * A change that usually keeps the file valid, so the engine plays odd but legal rules:
 * a number moved within or to the edge of what fields allow, a reference pointed at
 * another id used under the same key, an effect or condition copied elsewhere.
 */
function mutateGently(rng: RngState, root: Json): string {
  const all = slots(root);
  const numbers = all.filter((s) => typeof get(s) === 'number');
  const refs = all.filter((s) => typeof get(s) === 'string' && typeof s.key === 'string' && s.key !== 'id' && /^[a-z0-9-]+$/.test(get(s) as string));
  const lists = all.filter(
    (s) => Array.isArray(get(s)) && (get(s) as Json[]).length > 0 && typeof s.key === 'string' && /effects|then|else|all|any|choices/.test(s.key),
  );
  const kind = nextInt(rng, 3);
  if (kind === 0 && numbers.length > 0) {
    const s = pick(rng, numbers);
    const v = get(s) as number;
    set(s, chance(rng, 50) ? v + nextInt(rng, 101) - 50 : pick(rng, [0, 1, 100, -100, 20, 40, 1000, 100_000]));
    return 'gentle-number';
  }
  if (kind === 1 && refs.length > 0) {
    const s = pick(rng, refs);
    const same = refs.filter((r) => r.key === s.key).map(get);
    set(s, pick(rng, same));
    return 'gentle-reference';
  }
  if (lists.length > 0) {
    const list = get(pick(rng, lists)) as Json[];
    list.push(structuredClone(pick(rng, list)));
    return 'gentle-copy';
  }
  return 'none';
}

// ---------------------------------------------------------------- mutations of the text and bytes

function mutateBytes(rng: RngState, text: string): { bytes: Uint8Array; kind: string } {
  const at = nextInt(rng, Math.max(1, text.length));
  const kinds = ['truncate', 'stray-char', 'drop-char', 'lone-surrogate', 'duplicate-key', 'bad-byte', 'bom', 'whitespace'];
  const kind = pick(rng, kinds);
  let t = text;
  if (kind === 'truncate') t = text.slice(0, at);
  else if (kind === 'stray-char') t = text.slice(0, at) + pick(rng, ['"', '{', ']', ',', ':', '\\', '\n', '/']) + text.slice(at);
  else if (kind === 'drop-char') t = text.slice(0, at) + text.slice(at + 1);
  else if (kind === 'lone-surrogate') {
    const q = text.indexOf('"', at);
    if (q > 0) t = `${text.slice(0, q + 1)}\\ud800${text.slice(q + 1)}`;
  } else if (kind === 'duplicate-key') {
    const m = /"([a-zA-Z]+)": ([^,{}[\]]+),/.exec(text.slice(at)) ?? /"([a-zA-Z]+)": ([^,{}[\]]+),/.exec(text);
    if (m) t = text.replace(m[0], `${m[0]} "${m[1]}": ${m[2]},`);
  } else if (kind === 'bom') t = `\uFEFF${text}`;
  else if (kind === 'whitespace') t = text.replaceAll(' ', pick(rng, ['\r', '\t', '  ', '\n']));
  const bytes = new TextEncoder().encode(t);
  if (kind === 'bad-byte' && bytes.length > 0) bytes[nextInt(rng, bytes.length)] = pick(rng, [0xff, 0xc0, 0xed, 0x80, 0xf5]);
  return { bytes, kind };
}

// ---------------------------------------------------------------- checks

function notFinite(v: Json): string | null {
  const stack: [Json, string][] = [[v, 'state']];
  while (stack.length > 0) {
    const [x, at] = stack.pop() as [Json, string];
    if (typeof x === 'number' && !Number.isFinite(x)) return at;
    if (x && typeof x === 'object') for (const [k, y] of Object.entries(x)) stack.push([y, `${at}.${k}`]);
  }
  return null;
}

const goodFinding = (f: Finding, file: string) =>
  f.file === file && typeof f.path === 'string' && f.message.length > 0 && (f.severity === 'error' || f.severity === 'warning');

// ---------------------------------------------------------------- the run

interface Base {
  name: string;
  text: string;
  scenario: Scenario;
  saves: string[];
}

function loadBases(names: readonly string[]): Base[] {
  return names.map((path) => {
    const text = readFileSync(join(ROOT, path), 'utf8');
    const scenario = loadScenarioText(text, path).scenario;
    if (!scenario) throw new Error(`${path} does not load`);
    // A few real saves of each: different seeds, cut at different points.
    const saves = [1, 2, 3].map((seed) => {
      const game = playGame(scenario, seed, random);
      const cut = game.commands.slice(0, Math.max(1, Math.floor((game.commands.length * seed) / 3)));
      const state = replay(scenario, seed, {}, cut).state;
      return JSON.stringify(makeReplay(state, cut, { policy: 'random' }), null, 1);
    });
    return { name: path, text, scenario, saves };
  });
}

export const FUZZ_BASES = ['tests/fixtures/golden-scenario.json', 'scenarios/independence-1991.json', 'scenarios/after-georgia-2008.json'] as const;

export function runFuzz(opts: { cases: number; seed?: string; bases?: readonly string[]; onProgress?: (done: number, stats: FuzzStats) => void }): FuzzStats {
  const started = performance.now();
  const rng = seedRng(`fuzz:${opts.seed ?? '1'}`);
  const bases = loadBases(opts.bases ?? FUZZ_BASES);
  const stats: FuzzStats = {
    cases: 0,
    scenarioCases: 0,
    saveCases: 0,
    scenariosAccepted: 0,
    scenariosRejected: 0,
    savesAccepted: 0,
    changedSavesAccepted: 0,
    savesRejected: 0,
    gamesPlayed: 0,
    uncaught: 0,
    rejectedWithoutFinding: 0,
    notFiniteStates: 0,
    replayMismatches: 0,
    problems: [],
    seconds: 0,
  };
  const problem = (what: string) => {
    if (stats.problems.length < 20) stats.problems.push(what);
  };
  for (let i = 0; i < opts.cases; i++) {
    const base = pick(rng, bases);
    const file = `case-${i}.json`;
    const isSave = chance(rng, 40);
    const source = isSave ? pick(rng, base.saves) : base.text;
    const tree = JSON.parse(source) as Json;
    const kinds: string[] = [];
    const gentle = !isSave && chance(rng, 50);
    for (let k = 1 + nextInt(rng, gentle ? 6 : 3); k > 0; k--) kinds.push(gentle ? mutateGently(rng, tree) : mutateTree(rng, tree));
    let text = JSON.stringify(tree, null, chance(rng, 50) ? 1 : undefined);
    let bytes: Uint8Array = new TextEncoder().encode(text);
    if (!gentle && chance(rng, 30)) {
      const m = mutateBytes(rng, text);
      bytes = m.bytes;
      kinds.push(m.kind);
    }
    const label = `${file} (${base.name}, ${isSave ? 'save' : 'scenario'}: ${kinds.join(', ')})`;
    stats.cases++;
    if (isSave) stats.saveCases++;
    else stats.scenarioCases++;
    try {
      const decoded = decodeUtf8(bytes, file);
      const reject = (findings: readonly Finding[]) => {
        if (isSave) stats.savesRejected++;
        else stats.scenariosRejected++;
        if (findings.length === 0 || !findings.every((f) => goodFinding(f, file))) {
          stats.rejectedWithoutFinding++;
          problem(`${label}: rejected without a proper finding: ${JSON.stringify(findings).slice(0, 200)}`);
        }
      };
      if (!decoded.ok) {
        reject(decoded.findings);
        continue;
      }
      text = decoded.text;
      if (isSave) {
        const read = readReplay(text, file);
        if (!read.ok) {
          reject(read.findings);
          continue;
        }
        const sc = bases.find((b) => b.scenario.id === read.replay.scenario)?.scenario ?? null;
        const verified = verifySave(sc, read.replay);
        if (!verified.ok) {
          // Refused in words (other rules, a damaged file, a log the rules refuse): a finding.
          if (verified.message.length === 0) problem(`${label}: refused without a reason`);
          stats.savesRejected++;
          continue;
        }
        stats.savesAccepted++;
        if (hashValue(read.replay) !== hashValue(JSON.parse(source))) {
          stats.changedSavesAccepted++;
          problem(`${label}: a changed save was accepted`);
        }
        const bad = notFinite(verified.state);
        if (bad) {
          stats.notFiniteStates++;
          problem(`${label}: ${bad} is not a finite number`);
        }
        continue;
      }
      const loaded = loadScenarioText(text, file);
      if (!loaded.scenario) {
        reject(loaded.findings);
        continue;
      }
      stats.scenariosAccepted++;
      const sc = loaded.scenario;
      const seed = nextInt(rng, 1000);
      // The balancer now and then: the costliest player, and the one issue 11 timed.
      const game = playGame(sc, seed, chance(rng, 5) ? balancer : random, pick(rng, ['easy', 'normal', 'hard'] as const));
      stats.gamesPlayed++;
      const bad = notFinite(game.state);
      if (bad) {
        stats.notFiniteStates++;
        problem(`${label}: ${bad} is not a finite number`);
      }
      const again = replay(sc, seed, { difficulty: game.state.difficulty }, game.commands as Command[]);
      if (again.failed || stateHash(again.state) !== stateHash(game.state) || again.state.scenarioHash !== scenarioHash(sc)) {
        stats.replayMismatches++;
        problem(`${label}: the replay of its own game does not reach the same state`);
      }
      if (newGame(sc, seed).scenarioId !== sc.id) problem(`${label}: newGame lost the scenario id`);
    } catch (e) {
      stats.uncaught++;
      problem(`${label}: uncaught ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
    }
    if (opts.onProgress && (i + 1) % 500 === 0) opts.onProgress(i + 1, stats);
  }
  stats.seconds = Math.round((performance.now() - started) / 100) / 10;
  return stats;
}

// ---------------------------------------------------------------- the command

if (process.argv[1] === import.meta.filename) {
  const arg = (name: string, fallback: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? (process.argv[i + 1] ?? fallback) : fallback;
  };
  const cases = Number(arg('cases', '1000'));
  const seed = arg('seed', '1');
  if (!Number.isInteger(cases) || cases < 1) {
    process.stderr.write('usage: npm run fuzz -- --cases <n> [--seed <text>]\n');
    process.exit(2);
  }
  const stats = runFuzz({
    cases,
    seed,
    onProgress: (done, s) =>
      process.stderr.write(`\r${done}/${cases} cases, ${s.uncaught} uncaught, ${s.notFiniteStates} NaN, ${s.rejectedWithoutFinding} silent`),
  });
  process.stderr.write('\n');
  const { problems, ...figures } = stats;
  console.log(JSON.stringify({ seed, ...figures }, null, 1));
  for (const p of problems) console.log(p);
  const failed = stats.uncaught + stats.rejectedWithoutFinding + stats.notFiniteStates + stats.replayMismatches;
  process.exitCode = failed > 0 ? 1 : 0;
}
