/**
 * `npm run bench:limits`: the cost of the worst scenario files the limits allow (issue 11).
 * Each case builds a file in the worst shape we know for one cost — the most condition
 * nodes, the most effects firing every turn, the most free actions for the balancer to
 * weigh, hundreds of thousands of invalid values, 5 MB of one text — then, in a child
 * process of its own so memory is measured alone, validates it and (when valid) plays a
 * whole game with the balancer policy. The bars: validation under 2 s and 300 MB for any
 * file up to the size limit; a game under 1 s for any valid scenario.
 *
 *   npm run bench:limits                 every case, a table and JSON
 *   npm run bench:limits -- --case name  one case in this process
 *
 * Figures depend on the machine and its load: repeat a run before trusting one.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { balancer } from '../src/policies/policies.ts';
import { playGame } from '../src/policies/run.ts';
import { MAX_BYTES } from '../src/scenario/jsonText.ts';
import { countValues, LIMITS } from '../src/scenario/limits.ts';
import { loadScenarioText } from '../src/scenario/load.ts';

const ROOT = join(import.meta.dirname, '..');
type Json = Record<string, unknown>;
const fixture = () => JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/golden-scenario.json'), 'utf8')) as Json;
const SOURCE = [{ doc: '000_e8ef7e9fb16e62fa.txt', section: 'x' }];
const VARS = [
  'sovereignty',
  'stability',
  'economy',
  'security',
  'karabakh',
  'treasury',
  'russia.relation',
  'west.relation',
  'turkey.influence',
  'iran.relation',
];

/** A long calendar: the most turns the schema allows, one month each. */
function longGame(s: Json, turns = Number(process.env.TURNS ?? 200)): Json {
  s.calendar = { start: '1991-10', monthsPerTurn: 1, turns };
  return s;
}

/** `n` effects that add and take back in pairs, so a game runs its full length instead of losing early. */
const adds = (n: number, seed = 0) =>
  Array.from({ length: n }, (_, i) => ({ op: 'add', var: VARS[(Math.floor(i / 2) + seed) % VARS.length], delta: i % 2 === 0 ? 1 : -1 }));
const always = { var: 'turn', op: '>=', value: 0 };
/** A condition of `n` nodes that holds: an `all` of tests that are true. */
const bigTrue = (n: number) => (n <= 1 ? always : { all: Array.from({ length: n - 1 }, (_, i) => ({ var: 'turn', op: '>=', value: -i })) });

function action(i: number, effects: unknown[], when?: unknown): Json {
  const a: Json = { id: `a-${i}`, label: `Action ${i}`, domain: 'diplomacy', text: 'x', cost: { capital: 0 }, effects };
  if (when) a.when = when;
  return a;
}

function event(i: number, extra: Json): Json {
  return { id: `e-${i}`, title: `Event ${i}`, text: 'x', sources: SOURCE, ...extra };
}

/** The fixture's own lists stay (they are referred to), and generated items join them up to a count. */
function fill(s: Json, key: 'actions' | 'events' | 'trends', upTo: number, make: (i: number, n: number) => Json): void {
  const own = (s[key] as Json[] | undefined) ?? [];
  const n = upTo - own.length;
  s[key] = [...own, ...Array.from({ length: n }, (_, i) => make(i, n))];
}

/** How many of `n` new events may repeat every turn within the firing limit. */
function repeaters(s: Json, n: number, turns: number): number {
  // Called while the new events are made, before they join the fixture's.
  const others = (s.events as Json[]).length;
  return Math.floor((LIMITS.eventFirings - others - n) / (turns - 1));
}

/** Spreads `total` across `n` lists as evenly as possible. */
const share = (total: number, n: number, i: number) => Math.floor(total / n) + (i < total % n ? 1 : 0);

// What the fixture itself holds comes off the budget each case spends.
const base = countValues(fixture());
const E = LIMITS.effectNodes - base.effects;
const C = LIMITS.conditionNodes - base.conditions;

/** Each builder returns a scenario object or raw text. */
export const CASES: Record<string, () => Json | string> = {
  // ---- play: the most work the engine and the balancer can be made to do
  'free-actions': () => {
    const s = longGame(fixture());
    fill(s, 'actions', 200, (i, n) => action(i, adds(share(E, n, i), i)));
    return s;
  },
  'free-actions-heavy-when': () => {
    const s = longGame(fixture());
    fill(s, 'actions', 200, (i, n) => action(i, adds(share(E, n, i), i), bigTrue(share(C, n, i))));
    return s;
  },
  'repeating-events': () => {
    // The most events, their conditions always true, as many repeating every turn as the
    // firing limit allows: nearly all of them to answer on the first turn, then the repeaters.
    const s = longGame(fixture());
    const turns = (s.calendar as { turns: number }).turns;
    fill(s, 'events', 300, (i, n) =>
      event(i, {
        conditions: always,
        ...(i < repeaters(s, n, turns) ? { repeat: 1 } : {}),
        choices: Array.from({ length: 6 }, (_, j) => ({ id: `c-${j}`, label: 'x', effects: adds(j === 0 ? share(E, n, i) : 0, i) })),
      }),
    );
    return s;
  },
  'repeating-news': () => {
    const s = longGame(fixture());
    const turns = (s.calendar as { turns: number }).turns;
    fill(s, 'events', 300, (i, n) => event(i, { conditions: always, ...(i < repeaters(s, n, turns) ? { repeat: 1 } : {}), effects: adds(share(E, n, i), i) }));
    return s;
  },
  'trends-every-turn': () => {
    const s = longGame(fixture());
    // As many effects as the trends' limit allows for the game's length, on the most trends.
    const turns = (s.calendar as { turns: number }).turns;
    const budget = Math.min(E, Math.floor(LIMITS.trendEffects / turns) - 3);
    fill(s, 'trends', 1000, (i, n) => ({ id: `t-${i}`, label: 'x', when: always, effects: adds(share(budget, n, i), i) }));
    return s;
  },
  'heavy-concerns': () => {
    const s = longGame(fixture());
    const powers = s.powers as Record<string, Json>;
    for (const [k, id] of ['russia', 'turkey', 'iran', 'west'].entries()) {
      const p = powers[id] as Json;
      // Every concern is read again by the balancer's evaluation of every move it weighs.
      p.concerns = Array.from({ length: 250 }, (_, i) => ({ id: `k-${i}`, label: 'x', delta: 0, when: bigTrue(share(C, 1000, i + k * 250)) }));
    }
    return s;
  },
  'many-responses': () => {
    const s = longGame(fixture());
    const powers = s.powers as Record<string, Json>;
    for (const [k, id] of ['russia', 'turkey', 'iran', 'west'].entries()) {
      const p = powers[id] as Json;
      p.relation = -100;
      p.baseRelation = -100;
      p.responses = Array.from({ length: 1000 }, (_, i) => ({
        id: `r-${i}`,
        kind: 'stick',
        label: 'x',
        text: 'x',
        cooldown: 0,
        duration: 40,
        effects: adds(share(Math.floor(E / 2), 4000, i + k * 1000), i),
        endEffects: adds(share(Math.floor(E / 2), 4000, i + k * 1000), i),
      }));
    }
    return s;
  },
  // ---- validation: the biggest valid file, and the costliest invalid ones
  'valid-at-limits': () => {
    const s = longGame(fixture());
    fill(s, 'actions', 200, (i, n) => action(i, adds(share(Math.floor(E / 2), n, i), i), bigTrue(share(Math.floor(C / 2), n, i))));
    fill(s, 'events', 300, (i, n) =>
      event(i, {
        conditions: bigTrue(share(Math.floor(C / 2), n, i)),
        text: 'y'.repeat(1500),
        choices: Array.from({ length: 6 }, (_, j) => ({
          id: `c-${j}`,
          label: 'z'.repeat(120),
          hint: 'h'.repeat(200),
          effects: adds(j === 0 ? share(Math.floor(E / 2), n, i) : 0, i),
        })),
      }),
    );
    return s;
  },
  'invalid-conditions': () => {
    const s = longGame(fixture());
    fill(s, 'events', 300, (i, n) =>
      event(i, { conditions: { all: Array.from({ length: share(C - n, n, i) }, () => ({ vr: 'x', op: '?', value: 'q', flagg: 1 })) } }),
    );
    return s;
  },
  'invalid-everything': () => {
    // As many wrong values as the value limit allows, each its own finding.
    const s = fixture();
    s.events = Array.from({ length: 1000 }, (_, i) => ({
      id: `E_${i}`,
      title: 1,
      text: 2,
      date: 'soon',
      sources: [{ doc: 'nope', section: 3 }],
      choices: Array.from({ length: 2 }, () => ({ id: 'X', label: 4, effects: [{ op: 'add', var: 'mood', delta: 'lots' }] })),
    }));
    return s;
  },
  'unknown-references': () => {
    // Every reference is to an event that does not exist but nearly does: the "did you
    // mean" suggestion is the cross-check's costliest path.
    const s = fixture();
    fill(s, 'events', 300, (i, n) =>
      event(i, {
        id: `event-number-${String(i).padStart(4, '0')}-of-a-long-series-of-many`,
        conditions: {
          any: Array.from({ length: share(C - n, n, i) }, (_, j) => ({
            fired: `event-number-${String((i + j) % n).padStart(4, '0')}-of-a-long-series-of-manx`,
          })),
        },
      }),
    );
    return s;
  },
  'one-huge-list': () =>
    `{"calendar": {"start": "1991-10"}, "x": [${Array(Math.floor(MAX_BYTES / 2.2))
      .fill('1')
      .join(',')}]}`,
  'huge-all': () => {
    const s = fixture();
    s.events = [event(0, { conditions: { all: Array.from({ length: 200_000 }, () => ({ flag: 'a' })) }, choices: [] })];
    return s;
  },
  'huge-text': () => {
    const s = fixture();
    s.summary = 'x'.repeat(MAX_BYTES - 100_000);
    return s;
  },
  'huge-key': () => {
    const s = fixture();
    (s.actions as Json[])[0] = { ...(s.actions as Json[])[0], ['k'.repeat(MAX_BYTES - 100_000)]: 1 };
    return s;
  },
  'many-small-values': () => {
    // Just under 5 MB of tiny objects: stopped by the value limit.
    const s = fixture();
    s.lint = { ignore: [] };
    s.x = Array.from({ length: 900 }, () => Array.from({ length: 900 }, () => 0));
    return s;
  },
};

function runCase(name: string): Record<string, unknown> {
  const built = (CASES[name] as () => Json | string)();
  const text = typeof built === 'string' ? built : JSON.stringify(built);
  const counts = countValues(typeof built === 'string' ? null : built);
  const bytes = Buffer.byteLength(text);
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const loaded = loadScenarioText(text, `${name}.json`);
  const validateMs = performance.now() - t0;
  const validateCpuMs = process.cpuUsage(c0).user / 1000;
  const row: Record<string, unknown> = {
    case: name,
    MB: Math.round((bytes / 1048576) * 100) / 100,
    valid: loaded.scenario !== null,
    values: counts.values,
    conditions: counts.conditions,
    effects: counts.effects,
    findings: loaded.findings.length,
    first: loaded.findings[0]?.message.slice(0, 70) ?? '',
    validateMs: Math.round(validateMs),
    validateCpuMs: Math.round(validateCpuMs),
  };
  if (bytes > MAX_BYTES) row.first = `OVER THE SIZE LIMIT (${bytes} bytes)`;
  if (loaded.scenario) {
    const t1 = performance.now();
    const c1 = process.cpuUsage();
    const game = playGame(loaded.scenario, 1, balancer);
    row.playMs = Math.round(performance.now() - t1);
    row.playCpuMs = Math.round(process.cpuUsage(c1).user / 1000);
    row.turns = game.state.history.length;
    row.commands = game.commands.length;
  }
  row.maxRssMB = Math.round(process.resourceUsage().maxRSS / 1024);
  return row;
}

const i = process.argv.indexOf('--case');
const child = process.argv.includes('--child');
const isMain = process.argv[1] === import.meta.filename;
if (!isMain) {
  // imported by another script: nothing to run
} else if (i > 0) {
  const name = process.argv[i + 1] as string;
  if (!CASES[name]) throw new Error(`no case ${name}; cases: ${Object.keys(CASES).join(', ')}`);
  const row = runCase(name);
  console.log(child ? JSON.stringify(row) : row);
} else {
  const rows = [];
  for (const name of Object.keys(CASES)) {
    const r = spawnSync(process.execPath, ['--import', 'tsx', import.meta.filename, '--case', name, '--child'], {
      encoding: 'utf8',
      cwd: ROOT,
      maxBuffer: 1 << 24,
    });
    const line = r.stdout.trim().split('\n').pop() ?? '';
    rows.push(line.startsWith('{') ? JSON.parse(line) : { case: name, error: (r.stderr || r.stdout).slice(0, 200) });
  }
  console.table(rows);
  console.log(JSON.stringify({ node: process.version, limits: LIMITS, results: rows }));
}
