/**
 * `npm run check:story`: plays 500 games (--games N) of every shipped chapter and of the
 * campaign with each scripted policy (the searching expert only when named: it costs
 * seconds a game), on all cores, and reports every event text shown
 * to the player that names a leader of Azerbaijan who is not in office (see
 * scripts/story-check.ts). Exit 1 if there is any. tests/unit/story-leaders.test.ts runs a
 * seeded subset of the same check.
 *
 * Usage: npm run check:story -- [--games 500] [--scenario id,...] [--policy name,...] [--workers n]
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { loadShippedScenario, shippedScenarioIds } from '../src/cli/files.ts';
import { POLICY_NAMES } from '../src/policies/policies.ts';
import type { Scenario } from '../src/scenario/types.ts';
import { type LeaderFinding, leaderUniverse } from './story-check.ts';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const games = Number(arg('games') ?? 500);
const ids = (arg('scenario') ?? shippedScenarioIds().join(',')).split(',');
const scripted = POLICY_NAMES.filter((p) => p !== 'expert');
const policies = (arg('policy') ?? scripted.join(',')).split(',');
const workers = Math.max(1, Number(arg('workers') ?? availableParallelism()));
const CHUNK = 10;

const scenarios: Scenario[] = shippedScenarioIds().map((id) => {
  const r = loadShippedScenario(id);
  if (!r.scenario) throw new Error(`${id} does not load`);
  return r.scenario;
});
const universe = leaderUniverse(scenarios);

interface Job {
  scenario: string;
  policy: string;
  seeds: number[];
  universe: string[];
}
const jobs: Job[] = [];
// The slowest cells (the campaign, the balancer) first, so the pool ends together.
for (const id of [...ids].sort((a, b) => Number(b.startsWith('campaign')) - Number(a.startsWith('campaign'))))
  for (const policy of [...policies].sort((a, b) => Number(b === 'balancer') - Number(a === 'balancer')))
    for (let s = 1; s <= games; s += CHUNK)
      jobs.push({ scenario: id, policy, seeds: Array.from({ length: Math.min(CHUNK, games - s + 1) }, (_, i) => s + i), universe });

const started = performance.now();
const total = jobs.length * 1;
let done = 0;
const played = new Map<string, number>();
const found: LeaderFinding[] = [];

await Promise.all(
  Array.from(
    { length: Math.min(workers, jobs.length) },
    () =>
      new Promise<void>((resolve, reject) => {
        const worker = new Worker(new URL('./check-story-worker.mjs', import.meta.url));
        const next = () => worker.postMessage(jobs.shift() ?? null);
        worker.on('message', (m: { scenario: string; policy: string; games: number; findings: LeaderFinding[] }) => {
          const key = `${m.scenario}\t${m.policy}`;
          played.set(key, (played.get(key) ?? 0) + m.games);
          found.push(...m.findings);
          done++;
          if (process.stderr.isTTY) process.stderr.write(`\r${done}/${total} batches`);
          next();
        });
        worker.on('error', reject);
        worker.on('exit', () => resolve());
        next();
      }),
  ),
);
if (process.stderr.isTTY) process.stderr.write('\n');

const seconds = (performance.now() - started) / 1000;
console.log(`${[...played.values()].reduce((a, b) => a + b, 0)} games in ${seconds.toFixed(1)} s on ${workers} workers`);
for (const [key, n] of [...played].sort()) {
  const [id, policy] = key.split('\t');
  const bad = found.filter((f) => f.scenario === id && f.policy === policy);
  console.log(`${id}\t${policy}\t${n} games\t${bad.length} texts naming a leader not in office`);
}
const byEvent = new Map<string, LeaderFinding[]>();
for (const f of found) byEvent.set(`${f.scenario} ${f.event}`, [...(byEvent.get(`${f.scenario} ${f.event}`) ?? []), f]);
for (const [key, list] of byEvent) {
  const f = list[0] as LeaderFinding;
  console.log(
    `\n${key}: ${list.length} times, e.g. ${f.policy} seed ${f.seed} turn ${f.turn}: names "${f.named}" while ${f.leader} leads\n  ${f.text.replace(/\n/g, ' | ').slice(0, 300)}`,
  );
}
process.exit(found.length > 0 ? 1 : 0);
