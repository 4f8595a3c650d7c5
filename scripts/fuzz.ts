/**
 * Mutation fuzzing of scenario files and saves (issue 11): `npm run fuzz -- --cases N
 * [--seed S] [--workers W]`. Each case takes a real scenario or a real save, changes it the way a
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
 * Each case has a seed of its own (the run's seed and its number), so a case is the same
 * whichever process runs it: `--workers` (default: one per core) splits the cases across
 * child processes, and `--from K` runs cases K… to look at one again. The mutations are
 * in fuzzMutations.ts. The same code runs seeded and bounded in tests/unit/fuzz.test.ts.
 */
import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { type Command, hashValue, nextInt, replay, seedRng, stateHash } from '../src/core/index.ts';
import { checksumOf, makeReplay, type ReplayFile } from '../src/persistence/replayFormat.ts';
import { readReplay } from '../src/persistence/replayFile.ts';
import { verifySave } from '../src/persistence/verify.ts';
import { balancer, random } from '../src/policies/policies.ts';
import { playGame } from '../src/policies/run.ts';
import type { Finding } from '../src/scenario/findings.ts';
import { loadScenarioText } from '../src/scenario/load.ts';
import type { Scenario } from '../src/scenario/types.ts';
import { decodeUtf8 } from '../src/scenario/utf8.ts';
import { chance, gentleTargets, type Json, mutateBytes, mutateGently, mutateTree, pick } from './fuzzMutations.ts';

const ROOT = join(import.meta.dirname, '..');

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
  /** Changed saves given a new checksum by the fuzzer (as anyone can: it is not a signature)
   *  that were still accepted: allowed when the change leaves the log, seed, rules and
   *  state hash alone (labels, say), since the replay proves only the result. */
  resealedSavesAccepted: number;
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

// ---------------------------------------------------------------- checks

/** The path of the first number in a state that is NaN or infinite, or null. Looks first
 *  without building paths (a state holds thousands of numbers), then once more with them. */
function notFinite(v: Json): string | null {
  const stack: Json[] = [v];
  let found = false;
  while (stack.length > 0 && !found) {
    const x = stack.pop();
    if (typeof x === 'number') found = !Number.isFinite(x);
    else if (x && typeof x === 'object') for (const y of Object.values(x)) stack.push(y);
  }
  if (!found) return null;
  const named: [Json, string][] = [[v, 'state']];
  while (named.length > 0) {
    const [x, at] = named.pop() as [Json, string];
    if (typeof x === 'number' && !Number.isFinite(x)) return at;
    if (x && typeof x === 'object') for (const [k, y] of Object.entries(x)) named.push([y, `${at}.${k}`]);
  }
  return 'state';
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

export const emptyStats = (): FuzzStats => ({
  cases: 0,
  scenarioCases: 0,
  saveCases: 0,
  scenariosAccepted: 0,
  scenariosRejected: 0,
  savesAccepted: 0,
  changedSavesAccepted: 0,
  resealedSavesAccepted: 0,
  savesRejected: 0,
  gamesPlayed: 0,
  uncaught: 0,
  rejectedWithoutFinding: 0,
  notFiniteStates: 0,
  replayMismatches: 0,
  problems: [],
  seconds: 0,
});

const MAX_PROBLEMS = 20;

/** Adds one run's counts to another's (the workers' into the whole). */
export function addStats(into: FuzzStats, more: FuzzStats): FuzzStats {
  for (const key of Object.keys(into) as (keyof FuzzStats)[]) {
    if (key === 'problems') into.problems = [...into.problems, ...more.problems].slice(0, MAX_PROBLEMS);
    else if (key !== 'seconds') into[key] += more[key];
  }
  return into;
}

export interface FuzzOptions {
  cases: number;
  seed?: string;
  /** The first case's number (cases are numbered from 0); with `cases`, a slice of a bigger run. */
  from?: number;
  bases?: readonly string[];
  onProgress?: (done: number, stats: FuzzStats) => void;
}

export function runFuzz(opts: FuzzOptions): FuzzStats {
  const started = performance.now();
  const bases = loadBases(opts.bases ?? FUZZ_BASES);
  const stats = emptyStats();
  const problem = (what: string) => {
    if (stats.problems.length < MAX_PROBLEMS) stats.problems.push(what);
  };
  const from = opts.from ?? 0;
  for (let i = from; i < from + opts.cases; i++) {
    const rng = seedRng(`fuzz:${opts.seed ?? '1'}:${i}`);
    const base = pick(rng, bases);
    const file = `case-${i}.json`;
    const isSave = chance(rng, 40);
    const source = isSave ? pick(rng, base.saves) : base.text;
    const tree = JSON.parse(source) as Json;
    const kinds: string[] = [];
    const gentle = !isSave && chance(rng, 50);
    const targets = gentle ? gentleTargets(tree) : null;
    for (let k = 1 + nextInt(rng, gentle ? 6 : 3); k > 0; k--) kinds.push(targets ? mutateGently(rng, targets) : mutateTree(rng, tree));
    // Half the changed saves get a checksum that matches again, as an attacker would
    // write: they then reach the checks after the checksum (rules, the log's replay).
    let resealed = false;
    if (isSave && chance(rng, 50) && tree !== null && typeof tree === 'object' && !Array.isArray(tree)) {
      try {
        (tree as Record<string, Json>).checksum = checksumOf(tree as ReplayFile);
        resealed = true;
        kinds.push('re-sealed');
      } catch {
        // The verifier computes the same checksum: the case below reports it if it throws.
      }
    }
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
          stats.savesRejected++;
          if (verified.message.length === 0) {
            stats.rejectedWithoutFinding++;
            problem(`${label}: refused without a reason`);
          }
          continue;
        }
        stats.savesAccepted++;
        if (resealed) stats.resealedSavesAccepted++;
        else if (hashValue(read.replay) !== hashValue(JSON.parse(source))) {
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
      // The random player (cheap, and it tries what a person would not); the balancer now
      // and then: the costliest player, and the one issue 11 timed.
      const game = playGame(sc, seed, chance(rng, 5) ? balancer : random, pick(rng, ['easy', 'normal', 'hard'] as const));
      stats.gamesPlayed++;
      const bad = notFinite(game.state);
      if (bad) {
        stats.notFiniteStates++;
        problem(`${label}: ${bad} is not a finite number`);
      }
      // The replay starts a new game from the scenario, so it also checks the scenario's
      // hash and id (part of the state's hash) come out the same.
      const again = replay(sc, seed, { difficulty: game.state.difficulty }, game.commands as Command[]);
      if (again.failed || stateHash(again.state) !== stateHash(game.state) || game.state.scenarioId !== sc.id) {
        stats.replayMismatches++;
        problem(`${label}: the replay of its own game does not reach the same state`);
      }
    } catch (e) {
      stats.uncaught++;
      problem(`${label}: uncaught ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
    }
    if (opts.onProgress && (i + 1 - from) % 500 === 0) opts.onProgress(i + 1 - from, stats);
  }
  stats.seconds = Math.round((performance.now() - started) / 100) / 10;
  return stats;
}

// ---------------------------------------------------------------- workers

type FromChild = { done: number; stats: FuzzStats; final: boolean };

/** Splits cases [from, from + cases) across `workers` child processes; resolves with the sum. */
function runInWorkers(opts: {
  cases: number;
  from: number;
  seed: string;
  workers: number;
  onProgress: (done: number, stats: FuzzStats) => void;
}): Promise<FuzzStats> {
  const started = performance.now();
  const n = Math.max(1, Math.min(opts.workers, opts.cases));
  const latest: FromChild[] = [];
  const children = Array.from({ length: n }, (_, w) => {
    const share = Math.floor(opts.cases / n) + (w < opts.cases % n ? 1 : 0);
    const start = opts.from + w * Math.floor(opts.cases / n) + Math.min(w, opts.cases % n);
    latest[w] = { done: 0, stats: emptyStats(), final: false };
    return new Promise<void>((done, fail) => {
      const child = fork(import.meta.filename, ['--child', '--cases', String(share), '--from', String(start), '--seed', opts.seed], {
        cwd: ROOT,
        execArgv: ['--import', 'tsx'],
      });
      child.on('message', (m: FromChild) => {
        latest[w] = m;
        const sum = latest.reduce((into, x) => addStats(into, x.stats), emptyStats());
        opts.onProgress(
          latest.reduce((k, x) => k + x.done, 0),
          sum,
        );
      });
      child.on('error', fail);
      child.on('exit', (code) => ((latest[w] as FromChild).final ? done() : fail(new Error(`fuzz worker ${w} (cases ${start}…) exited with ${code}`))));
    });
  });
  return Promise.all(children).then(() => {
    const total = latest.reduce((into, x) => addStats(into, x.stats), emptyStats());
    total.seconds = Math.round((performance.now() - started) / 100) / 10;
    return total;
  });
}

// ---------------------------------------------------------------- the command

if (process.argv[1] === import.meta.filename) {
  const arg = (name: string, fallback: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? (process.argv[i + 1] ?? fallback) : fallback;
  };
  const cases = Number(arg('cases', '1000'));
  const from = Number(arg('from', '0'));
  const workers = Number(arg('workers', String(availableParallelism())));
  const seed = arg('seed', '1');
  if (![cases, from, workers].every(Number.isInteger) || cases < 1 || from < 0 || workers < 1) {
    process.stderr.write('usage: npm run fuzz -- --cases <n> [--seed <text>] [--workers <n>] [--from <first case>]\n');
    process.exit(2);
  }
  if (process.argv.includes('--child')) {
    // A worker: runs its cases and reports to the parent every 500.
    const send = (m: FromChild) => process.send?.(m);
    const stats = runFuzz({ cases, from, seed, onProgress: (done, s) => send({ done, stats: s, final: false }) });
    send({ done: cases, stats, final: true });
    process.disconnect?.();
  } else {
    const started = Date.now();
    const progress = (done: number, s: FuzzStats) => {
      const seconds = (Date.now() - started) / 1000;
      process.stderr.write(
        `\r${done}/${cases} cases in ${seconds.toFixed(0)} s (${(done / Math.max(seconds, 0.001)).toFixed(1)}/s), ${s.uncaught} uncaught, ${s.notFiniteStates} NaN, ${s.rejectedWithoutFinding} silent, ${s.replayMismatches} replay mismatches`,
      );
    };
    const stats = await runInWorkers({ cases, from, seed, workers, onProgress: progress });
    process.stderr.write('\n');
    const { problems, ...figures } = stats;
    console.log(JSON.stringify({ seed, from, workers, casesPerSecond: Math.round((stats.cases / stats.seconds) * 10) / 10, ...figures }, null, 1));
    for (const p of problems) console.log(p);
    const failed = stats.uncaught + stats.rejectedWithoutFinding + stats.notFiniteStates + stats.replayMismatches + stats.changedSavesAccepted;
    process.exitCode = failed > 0 || stats.cases !== cases ? 1 : 0;
  }
}
