/**
 * The balance lab counts events, choices and actions in rows of numbers (lab.ts): the
 * report must be the one counting game by game into its records gives, to the order of
 * the records' keys (the JSON a designer's script reads, and the report's tables).
 */
import { describe, expect, it } from 'vitest';
import { type GameResult, gamesOf, playSeeds } from '../../src/policies/balance.ts';
import { type EventRow, labReport, labReportOf } from '../../src/policies/lab.ts';
import { addTally, emptyTally } from '../../src/policies/labFacts.ts';
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

  it("counts a job's facts into a tally, and tallies added in seed order count as the games one by one", () => {
    const scenario = shippedScenario('independence-1991');
    const results = playSeeds(scenario, 'random', [1, 2, 3]);
    const { tally } = gamesOf(scenario, results);
    // Seed 1 alone answered events 0, 1, 3, 4... (its facts' pairs, in order); seeds 2 and 3 added
    // choices not made before after them.
    expect(results[0]?.facts.chosen).toEqual([0, 1, 1, 0, 3, 2, 4, 0, 5, 1, 6, 0, 7, 0, 12, 2, 14, 0, 18, 2, 20, 0, 21, 1, 22, 0, 23, 0, 24, 1]);
    expect(tally.firstMade.slice(30)).toEqual([0, 2, 3, 0, 4, 1, 6, 1, 7, 1, 8, 2, 9, 1, 13, 2, 18, 0, 24, 0, 13, 1, 21, 0, 23, 1]);
    expect([...tally.fired]).toEqual([3, 3, 1, 3, 3, 3, 3, 3, 1, 1, 3, 0, 1, 2, 1, 0, 0, 0, 3, 0, 3, 3, 2, 3, 3]);
    expect([...tally.uses]).toEqual([9, 11, 9, 6, 0, 3, 2, 3, 7, 8, 7, 5, 3, 7, 4, 5]);
    expect([...tally.taken]).toEqual([1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
    // The lean result keeps what the statistics read, and only that of the facts.
    expect(gamesOf(scenario, results).results[0]).toEqual({
      policy: 'random',
      seed: 1,
      lost: false,
      reason: 'completed',
      score: 33,
      turns: 13,
      rating: 'Precarious',
      acted: 12,
      facts: { endTurn: 12 },
    });

    // Thirty games counted in three jobs, added in order, are the thirty counted at once.
    const seeds = Array.from({ length: 30 }, (_, i) => i + 1);
    const all = playSeeds(scenario, 'random', seeds);
    const added = emptyTally(scenario);
    for (const [a, b] of [
      [0, 7],
      [7, 20],
      [20, 30],
    ] as const)
      addTally(scenario, added, gamesOf(scenario, all.slice(a, b)).tally);
    expect(added).toEqual(gamesOf(scenario, all).tally);
    const main = new Map([['random', all]]);
    expect(JSON.stringify(labReportOf(scenario, new Map([['random', { results: gamesOf(scenario, all).results, tally: added }]])))).toBe(
      JSON.stringify(labReport(scenario, main)),
    );
  });
});
