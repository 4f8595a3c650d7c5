/**
 * The balance lab on a small fixture: a known dominant action is flagged, events that
 * never fire and actions never taken are listed, losses are counted by turn and by how
 * they came, and the HTML report draws its charts without script and escapes the
 * scenario's texts.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { playSeeds } from '../../src/policies/balance.ts';
import { labReport } from '../../src/policies/lab.ts';
import { labHtml } from '../../src/policies/labHtml.ts';
import { validateScenario } from '../../src/scenario/load.ts';
import type { Scenario } from '../../src/scenario/types.ts';
import { ROOT } from '../helpers.ts';

// biome-ignore lint/suspicious/noExplicitAny: fixtures are edited as raw JSON
type Json = any;
const SRC = [{ doc: '000_e8ef7e9fb16e62fa.txt', section: 'Test passage' }];

function fixture(): Json {
  const s = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/lint/base.json'), 'utf8'));
  s.title = 'Lab <script>alert(1)</script>';
  // A lever so good that pressing it every turn beats any plan: the dominant action.
  s.actions.push({
    id: 'miracle',
    label: 'Work a miracle',
    domain: 'diplomacy',
    text: 'Everything gets better.',
    cost: { capital: 1 },
    effects: ['sovereignty', 'stability', 'economy', 'security', 'karabakh'].map((m) => ({ op: 'add', var: m, delta: 6 })),
  });
  // An action nobody can take, and an event that never comes.
  s.actions.push({
    id: 'impossible',
    label: 'Do the impossible',
    domain: 'security',
    text: 'No.',
    cost: { capital: 1 },
    when: { flag: 'never' },
    effects: [{ op: 'add', var: 'security', delta: 1 }],
  });
  s.initial.flags = { never: false };
  s.events.push({
    id: 'unseen',
    date: '1993-06',
    conditions: { flag: 'never' },
    title: 'Never seen',
    text: 'This does not happen.',
    sources: SRC,
    effects: [{ op: 'add', var: 'economy', delta: 1 }],
  });
  // A loss by an effect: the "resist" answer to the Popular Front ends the game.
  s.events[0].choices[1].effects.push({ op: 'lose', outcome: 'collapse' });
  return s;
}

function load(data: Json): Scenario {
  const r = validateScenario(data, 'lab.json');
  if (!r.scenario) throw new Error(r.findings.map((f) => `${f.path}: ${f.message}`).join('\n'));
  return r.scenario;
}

describe('the balance lab', () => {
  const scenario = load(fixture());
  const seeds = Array.from({ length: 12 }, (_, i) => i + 1);
  const main = new Map(['historical', 'balancer', 'random'].map((p) => [p, playSeeds(scenario, p, seeds)]));
  const spam = new Map(scenario.actions.map((a) => [a.id, playSeeds(scenario, `spam:${a.id}`, seeds)]));
  const report = labReport(scenario, main, spam);

  it('flags the dominant action, and only it', () => {
    expect(report.flags.dominant.map((d) => d.action)).toEqual(['miracle']);
    expect(report.spam[0]?.action).toBe('miracle');
    expect((report.spam[0]?.mean ?? 0) - (report.spam[1]?.mean ?? 0)).toBeGreaterThan(10);
  });

  it('lists events that never fired and actions never taken, spam included', () => {
    expect(report.flags.neverFired).toEqual(['unseen']);
    expect(report.flags.neverTaken).toContain('impossible');
    expect(report.flags.unusable).toEqual(['impossible']);
  });

  it('counts losses by turn and by how they came: a rule, or an effect', () => {
    const random = report.policies.find((p) => p.policy === 'random');
    const byEffect = random?.losses.find((l) => l.reason === 'collapse');
    // The Popular Front comes in May 1992, the second turn: a "resist" ends the game there.
    expect(byEffect?.byEffect).toBeGreaterThan(0);
    expect(byEffect?.turns[1]).toBe(byEffect?.byEffect);
    expect(byEffect?.medianTurn).toBe(1);
    const historical = report.policies.find((p) => p.policy === 'historical');
    expect(historical?.survivalRate).toBe(100);
    expect(report.events.find((e) => e.id === 'popular-front')?.choices.historical).toEqual({ accept: 12 });
  });

  it('writes an HTML report with SVG charts, no script, and the texts escaped', () => {
    const html = labHtml(report);
    expect(html).toContain('<svg');
    expect(html).not.toContain('<script>');
    expect(html).toContain('Lab &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('Dominant: spamming <b>miracle</b>');
  });

  it('runs from the command line with --json and --html', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lab-'));
    const file = join(dir, 'lab.json');
    writeFileSync(file, JSON.stringify(fixture(), null, 2));
    const out = join(dir, 'report.html');
    const r = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        join(ROOT, 'src/cli/main.ts'),
        'balance',
        '--scenario',
        file,
        '--runs',
        '6',
        '--policies',
        'historical,random',
        '--json',
        '--html',
        out,
      ],
      { encoding: 'utf8', cwd: ROOT },
    );
    expect(r.status, r.stderr).toBe(0);
    const data = JSON.parse(r.stdout);
    expect(data.policies.map((p: { policy: string }) => p.policy)).toEqual(['historical', 'random']);
    expect(data.lab.flags.dominant.map((d: { action: string }) => d.action)).toEqual(['miracle']);
    expect(data.lab.spam).toHaveLength(4);
    expect(readFileSync(out, 'utf8')).toContain('<h2>Events</h2>');
  }, 120_000);
});
