/**
 * `play --trace`: the tutorial scenario told turn by turn, with exact values, and the
 * same game as an untraced run (tracing changes nothing).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stateHash } from '../../src/core/index.ts';
import { historical } from '../../src/policies/policies.ts';
import { playGame } from '../../src/policies/run.ts';
import { traceGame } from '../../src/policies/trace.ts';
import { formatTrace } from '../../src/policies/traceText.ts';
import { loadScenarioText } from '../../src/scenario/load.ts';
import { ROOT } from '../helpers.ts';

const FILE = 'docs/examples/gas-card-2009.json';
const scenario = loadScenarioText(readFileSync(join(ROOT, FILE), 'utf8'), FILE).scenario;
if (!scenario) throw new Error('the tutorial scenario does not load');

describe('the trace', () => {
  const trace = traceGame(scenario, 1, historical);

  it('plays the very game an untraced run plays', () => {
    expect(stateHash(trace.state)).toBe(stateHash(playGame(scenario, 1, historical).state));
    expect(trace.turns.map((t) => t.turn)).toEqual([0, 1, 2, 3, 4]);
  });

  it('tells the events with their answers, the actions, and every change with its cause', () => {
    const first = trace.turns[0];
    expect(first?.events).toEqual([
      {
        id: 'protocols',
        title: 'Ankara and Yerevan sign protocols',
        news: false,
        choice: { id: 'energy-card', label: 'Answer with the gas card', historical: true },
      },
    ]);
    expect(first?.actions.map((a) => a.id)).toEqual(['gas-price-warning', 'sell-gas-to-gazprom']);
    expect(first?.changes.find((c) => c.var === 'turkey.relation')).toEqual({
      var: 'turkey.relation',
      label: 'Turkey relation',
      delta: -10,
      after: 25,
      causes: [
        { cause: 'Ankara and Yerevan sign protocols: Answer with the gas card', delta: -4 },
        { cause: "Call Turkey's gas price irrational", delta: -3 },
        { cause: 'Baku calls cheap gas for Turkey irrational', delta: -3 },
      ],
    });
    expect(first?.other).toContainEqual({ what: 'route gazprom-gas status', from: 'planned', to: 'operating', during: 'Sell gas to Gazprom' });
    expect(first?.other).toContainEqual({ what: 'russia base relation', from: 'as listed', to: '10', during: 'Sell gas to Gazprom' });
    expect(trace.turns[1]?.events).toEqual([{ id: 'turkey-slows', title: 'Turkey slows down', news: true }]);
  });

  it("gives each power's answer and why, or why it held back", () => {
    // (Every power now has odds of answering each quarter: issue 7 §6.)
    expect(trace.turns[0]?.answers).toEqual([
      {
        power: 'russia',
        kind: 'carrot',
        label: 'Gazprom offers to buy more',
        text: 'Gazprom offers to buy more Azerbaijani gas at a good price.',
        why: 'Russia has warmed to you (+8) after: Sell gas to Gazprom (+6)',
      },
      { power: 'turkey', kind: 'none', why: "Turkey's stance +30: 65% chance of a carrot, and the roll spared you" },
      { power: 'iran', kind: 'none', why: "Iran's stance 0: 39% chance of a stick, and the roll spared you" },
      { power: 'west', kind: 'none', why: "the West's stance +20: 45% chance of a carrot, and the roll spared you" },
    ]);
  });

  it('reads as text, turn by turn', () => {
    const text = formatTrace(trace);
    expect(text).toContain('Turn 1 · Oct–Dec 2009 · Ilham Aliyev');
    expect(text).toContain('    Ankara and Yerevan sign protocols [protocols]: → Answer with the gas card (history’s choice)');
    expect(text).toContain('    route gazprom-gas status: planned → operating (Sell gas to Gazprom)');
    expect(text.trimEnd().split('\n').pop()).toMatch(/^End: /);
  });

  it('comes from the command line as text and as data', () => {
    const run = (...args: string[]) =>
      spawnSync(
        process.execPath,
        ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), 'play', '--scenario', FILE, '--seed', '1', '--policy', 'historical', ...args],
        {
          encoding: 'utf8',
          cwd: ROOT,
        },
      );
    const text = run('--trace');
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('Turn 5 · Oct–Dec 2010');
    const json = run('--trace', '--json');
    expect(json.status).toBe(0);
    const data = JSON.parse(json.stdout);
    expect(data.trace).toHaveLength(5);
    expect(data.trace[0].events[0].id).toBe('protocols');
    expect(data.stateHash).toBe(stateHash(trace.state));
  }, 120_000);
});
