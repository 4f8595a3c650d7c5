/**
 * The balance lab counts events, choices and actions in rows of numbers (lab.ts): the
 * report must be the one counting game by game into its records gives, to the order of
 * the records' keys (the JSON a designer's script reads, and the report's tables).
 */
import { describe, expect, it } from 'vitest';
import { type GameResult, playSeeds } from '../../src/policies/balance.ts';
import { type EventRow, labReport } from '../../src/policies/lab.ts';
import type { Scenario } from '../../src/scenario/types.ts';
import { shippedScenario } from '../helpers.ts';

/** lab.ts's counting before the rows of numbers: each fact into the records, one by one. */
function countedOneByOne(scenario: Scenario, main: ReadonlyMap<string, readonly GameResult[]>) {
  const events: EventRow[] = scenario.events.map((e) => ({ id: e.id, title: e.title, fired: {}, choices: {} }));
  const perGame: Record<string, number>[] = scenario.actions.map(() => ({}));
  for (const [policy, results] of main) {
    const fired = new Array<number>(scenario.events.length).fill(0);
    const uses = new Array<number>(scenario.actions.length).fill(0);
    for (const r of results) {
      for (const i of r.facts.fired) fired[i] = (fired[i] ?? 0) + 1;
      const chosen = r.facts.chosen;
      for (let k = 0; k + 1 < chosen.length; k += 2) {
        const e = events[chosen[k] as number];
        const choice = scenario.events[chosen[k] as number]?.choices[chosen[k + 1] as number];
        if (!e || !choice) continue;
        const byPolicy = e.choices[policy] ?? {};
        byPolicy[choice.id] = (byPolicy[choice.id] ?? 0) + 1;
        e.choices[policy] = byPolicy;
      }
      const u = r.facts.uses;
      for (let k = 0; k + 1 < u.length; k += 2) uses[u[k] as number] = (uses[u[k] as number] ?? 0) + (u[k + 1] as number);
    }
    const n = results.length || 1;
    events.forEach((e, i) => {
      e.fired[policy] = Math.round(((fired[i] ?? 0) / n) * 100 * 10) / 10;
    });
    perGame.forEach((row, i) => {
      row[policy] = Math.round(((uses[i] ?? 0) / n) * 10) / 10;
    });
  }
  return { events, perGame };
}

describe('the balance lab counts', () => {
  it('gives the report counting game by game gives, keys in the same order', () => {
    const scenario = shippedScenario('independence-1991');
    const seeds = Array.from({ length: 30 }, (_, i) => i + 1);
    const main = new Map(['random', 'balancer', 'pro-west', 'historical'].map((p) => [p, playSeeds(scenario, p, seeds)]));
    const report = labReport(scenario, main);
    const expected = countedOneByOne(scenario, main);
    // Several answers to some event, so the order of a record's keys is tested.
    expect(report.events.some((e) => Object.keys(e.choices.random ?? {}).length > 1)).toBe(true);
    expect(JSON.stringify(report.events)).toBe(JSON.stringify(expected.events));
    expect(JSON.stringify(report.actions.map((a) => a.perGame))).toBe(JSON.stringify(expected.perGame));
    // An event counted as fired by one game only is not "never fired"; one no game fired is.
    const neverFired = scenario.events.filter((e) => Object.values(expected.events.find((x) => x.id === e.id)?.fired ?? {}).every((v) => v === 0));
    expect(report.flags.neverFired).toEqual(neverFired.map((e) => e.id));
    const neverTaken = scenario.actions.filter((_, i) => Object.values(expected.perGame[i] ?? {}).every((v) => v === 0));
    expect(report.flags.neverTaken).toEqual(neverTaken.map((a) => a.id));
  });
});
