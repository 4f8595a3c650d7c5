/**
 * `npm run equivalence -- [--seeds N] [--expert-seeds N] [--scenario ID] > out.txt`: every
 * policy on every shipped scenario for seeds 1..N (40 by default; the expert, a search
 * player hundreds of times dearer, on --expert-seeds, 0 by default), one line per game:
 * its state hash and hashes of its state JSON, its readable history (every change with its
 * cause, every answer with its reason, every snapshot: what the player reads) and its
 * commands; the last line hashes them all.
 *
 * A change to the engine or the policies made for speed must give the same file: run it on
 * main and on the change (a `git archive` of main with a node_modules link will do) and
 * `diff` the two. Each game is also replayed in place (`replay`) and folded with the
 * copying `apply` (the browser's path); a game whose three paths disagree is marked
 * PATHS-DIFFER, and the command exits 1.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { apply, canonicalJson, type GameState, newGame, recordChanges, recordResponses, recordSnapshot, replay, stateHash } from '../src/core/index.ts';
import { policyByName } from '../src/policies/policies.ts';
import { playGame } from '../src/policies/run.ts';
import { loadScenarioText } from '../src/scenario/load.ts';
import type { Scenario } from '../src/scenario/types.ts';

const argv = process.argv.slice(2);
const flag = (name: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const SEEDS = Number(flag('--seeds') ?? 40);
const EXPERT_SEEDS = Number(flag('--expert-seeds') ?? 0);
const ONLY = flag('--scenario');
const POLICIES = ['historical', 'balancer', 'pro-russia', 'pro-west', 'random'];

const dir = join(import.meta.dirname, '..', 'scenarios');
const short = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);

/** What the player can read of a game, turn by turn: the words, not how they are stored. */
function readable(scenario: Scenario, s: GameState): string {
  const out: string[] = [];
  for (const r of [...s.history, s.current]) {
    out.push(`T${r.turn} ${r.date} actions=${r.actions.join(',')} events=${r.events.join(',')} choices=${JSON.stringify(r.choices)}`);
    for (const c of recordChanges(s, r)) out.push(`  ${c.var} ${c.delta} | ${c.cause}`);
    for (const x of recordResponses(scenario, s, r)) out.push(`  R ${x.power} ${x.kind} ${x.response} ${x.label} | ${x.why}`);
    out.push(`  S ${JSON.stringify(recordSnapshot(r))}`);
  }
  out.push(`outcome ${JSON.stringify(s.outcome)}`);
  return out.join('\n');
}

const all = createHash('sha256');
let differ = 0;
const ids = readdirSync(dir)
  .filter((f) => f.endsWith('.json') && f !== 'scenario.schema.json')
  .map((f) => f.slice(0, -5))
  .filter((id) => !ONLY || id === ONLY)
  .sort();
for (const id of ids) {
  const { scenario, findings } = loadScenarioText(readFileSync(join(dir, `${id}.json`), 'utf8'), id);
  if (!scenario) throw new Error(`${id} does not validate: ${findings.map((f) => f.message).join('; ')}`);
  for (const name of [...POLICIES, 'expert']) {
    const policy = policyByName(name);
    if (!policy) throw new Error(`no policy ${name}`);
    const seeds = name === 'expert' ? EXPERT_SEEDS : SEEDS;
    for (let seed = 1; seed <= seeds; seed++) {
      const game = playGame(scenario, seed, policy);
      const text = readable(scenario, game.state);
      const json = canonicalJson(game.state);
      const replayed = replay(scenario, seed, {}, game.commands).state;
      let folded = newGame(scenario, seed);
      for (const c of game.commands) {
        const r = apply(scenario, folded, c);
        if (!r.ok) throw new Error(`${id} ${name} ${seed}: apply refused ${JSON.stringify(c)}: ${r.message}`);
        folded = r.state;
      }
      const agree = canonicalJson(replayed) === json && canonicalJson(folded) === json && readable(scenario, folded) === text;
      if (!agree) differ++;
      const line = `${id} ${name} ${seed} hash=${stateHash(game.state)} json=${short(json)} history=${short(text)} commands=${short(JSON.stringify(game.commands))}${game.refused ? ' REFUSED' : ''}${agree ? '' : ' PATHS-DIFFER'}`;
      all.update(`${line}\n`);
      console.log(line);
    }
  }
}
console.log(`ALL ${all.digest('hex')}`);
if (differ > 0) {
  console.error(`${differ} game(s) where replay, in-place play and the copying fold disagree`);
  process.exitCode = 1;
}
