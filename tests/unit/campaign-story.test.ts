/**
 * The story of 2004–2012 and of the whole campaign, told once and in order: the turning
 * points come at their dates on the historical path on every seed, the early-oil route
 * and the gas sale to Gazprom are told once, and events that presuppose an earlier one
 * (the official opening of BTC after its completion, the Caspian deal after Putin's
 * visit) never come before it, whatever the player does.
 */
import { describe, expect, it } from 'vitest';
import { type GameState, turnOfMonth } from '../../src/core/index.ts';
import { historical, POLICY_NAMES, policyByName } from '../../src/policies/policies.ts';
import { playGame } from '../../src/policies/run.ts';
import type { Effect, Scenario } from '../../src/scenario/types.ts';
import { shippedScenario } from '../helpers.ts';

const at = (s: Scenario, month: string) => turnOfMonth(s.calendar, month);

/** Event id → the month the historical path must meet it in, on every seed. */
const TURNING_POINTS: Record<string, Record<string, string>> = {
  'after-georgia-2008': {
    'georgia-war': '2008-08',
    'south-caucasus-ours': '2008-08',
    'moscow-declaration': '2008-11',
    protocols: '2009-10',
    'socar-gazprom': '2009-10',
    'cut-ties-call': '2009-12',
    'gyumri-extended': '2010-08',
    'medvedev-visit': '2010-09',
    'medvedev-words': '2010-09',
    'gabala-ends': '2012-12',
  },
  'campaign-1991-2012': {
    'btc-finished': '2005-05',
    'btc-officially-opens': '2006-07',
    'gas-of-our-own': '2006-12',
    'gabala-offer': '2007-06',
    'medvedev-president': '2008-05',
    'georgia-war': '2008-08',
    'moscow-declaration': '2008-11',
    'socar-gazprom': '2009-10',
    'cut-ties-call': '2009-12',
    'medvedev-visit': '2010-09',
    'gabala-ends': '2012-12',
  },
};

describe.each(Object.keys(TURNING_POINTS))('the historical path through %s, on 20 seeds', (id) => {
  const scenario = shippedScenario(id);
  const games = Array.from({ length: 20 }, (_, i) => playGame(scenario, i + 1, historical).state);

  it.each(Object.entries(TURNING_POINTS[id] ?? {}))(
    'meets %s in the quarter of %s, taking history’s choice',
    (event, month) => {
      for (const s of games) {
        expect(s.fired[event], `seed ${games.indexOf(s) + 1}`).toBe(at(scenario, month));
        const e = scenario.events.find((x) => x.id === event);
        const choice = e?.choices.find((c) => c.historical)?.id;
        if (choice) expect(s.chosen[event]).toBe(choice);
      }
    },
    120_000,
  );

  it('signs the 2010 treaty with Turkey in August 2010 and the border treaty in September', () => {
    for (const s of games) {
      expect(s.uses['turkey-treaty'] ?? s.uses['turkey-treaty-2008']).toBe(1);
      expect(s.flags['border-treaty']).toBe(true);
      expect(s.fired['medvedev-visit']).toBe(at(scenario, '2010-09'));
    }
    const treatyTurns = games.map((s) => s.history.findIndex((h) => h.actions.some((a) => a.startsWith('turkey-treaty'))));
    expect(new Set(treatyTurns)).toEqual(new Set([at(scenario, '2010-08')]));
  });
});

describe('told once', () => {
  const campaign = shippedScenario('campaign-1991-2012');

  /** Events whose choices (or own effects) start a route being built or set it operating. */
  const opening = (route: string, status: string) =>
    campaign.events.filter((e) => [e.effects, ...e.choices.map((c) => c.effects)].some((list) => sets(list, route, status))).map((e) => e.id);

  it('one gas sale to Gazprom, not two', () => {
    expect(opening('gazprom-gas', 'building')).toEqual(['socar-gazprom']);
  });

  // Every policy, a few seeds each: the events that presuppose another never come before it.
  const games: { policy: string; seed: number; s: GameState }[] = [];
  for (const name of POLICY_NAMES) {
    const policy = policyByName(name);
    if (!policy) throw new Error(name);
    for (const seed of [1, 2, 3]) games.push({ policy: name, seed, s: playGame(campaign, seed, policy).state });
  }
  const before = (s: GameState, first: string, then: string) => s.fired[then] === undefined || (s.fired[first] !== undefined && s.fired[first] < s.fired[then]);
  const where = (g: { policy: string; seed: number }) => `${g.policy} seed ${g.seed}`;

  it('opens the western early-oil route once', () => {
    for (const g of games) {
      const told = ['western-route-opens', 'supsa-opens'].filter((e) => g.s.fired[e] !== undefined);
      expect(told.length, where(g)).toBeLessThanOrEqual(1);
    }
  });

  it('finishes BTC once, and opens it officially only after it is finished', () => {
    for (const g of games) {
      const finished = ['btc-completed', 'btc-finished'].filter((e) => g.s.fired[e] !== undefined);
      expect(finished.length, where(g)).toBeLessThanOrEqual(1);
      expect(before(g.s, 'btc-finished', 'btc-officially-opens'), where(g)).toBe(true);
    }
  });

  it('divides the Caspian seabed only after Putin’s first visit, and makes peace in Chechnya no earlier than mid-1996', () => {
    for (const g of games) {
      const caspian = g.s.fired['caspian-delimitation'];
      if (caspian !== undefined) expect(caspian, where(g)).toBeGreaterThan(at(campaign, '2001-01'));
      const peace = g.s.fired.khasavyurt;
      if (peace !== undefined) expect(peace, where(g)).toBeGreaterThanOrEqual(at(campaign, '1996-07'));
    }
  });
});

function sets(list: readonly Effect[], route: string, status: string): boolean {
  return list.some(
    (e) =>
      (e.op === 'route' && e.route === route && e.status === status) ||
      ((e.op === 'if' || e.op === 'chance') && (sets(e.then, route, status) || sets(e.else ?? [], route, status))),
  );
}
