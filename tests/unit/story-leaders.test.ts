/**
 * No event text shown to the player names a leader of Azerbaijan who is not in office
 * (the one in office, one who held office earlier in that game, or one the event's own
 * choices install may be named). A seeded subset: 4 games of every chapter and of the
 * campaign with each scripted policy. `npm run check:story` runs the same check over 500
 * games of each (scripts/check-story.ts; minutes, not seconds).
 */
import { describe, expect, it } from 'vitest';
import { POLICY_NAMES, policyByName } from '../../src/policies/policies.ts';
import { checkGame, leaderUniverse, nameMatcher } from '../../scripts/story-check.ts';
import { shippedScenario } from '../helpers.ts';

const IDS = ['independence-1991', 'balanced-1994', 'after-georgia-2008', 'campaign-1991-2012'];
const SEEDS = [1, 2, 3, 4];
const scenarios = IDS.map(shippedScenario);
const universe = leaderUniverse(scenarios);
const match = nameMatcher(universe);

describe('the check itself', () => {
  it('knows the four leaders any chapter can install', () => {
    expect(universe).toEqual(['Ayaz Mutalibov', 'Ebulfez Elchibey', 'Heydar Aliyev', 'Ilham Aliyev']);
  });

  it('reads full names, surnames (shared or not) and first names', () => {
    const who = (t: string) => Object.fromEntries([...match(t)].map(([k, v]) => [k, [...v].sort()]));
    expect(who('Aliyev has told Moscow he is willing.')).toEqual({ Aliyev: ['Heydar Aliyev', 'Ilham Aliyev'] });
    expect(who('Power passes from Heydar Aliyev to Ilham.')).toEqual({ 'Heydar Aliyev': ['Heydar Aliyev'], Ilham: ['Ilham Aliyev'] });
    expect(who('Elchibey flies to Moscow; President Aliev waits.')).toEqual({ Elchibey: ['Ebulfez Elchibey'], Aliev: ['Heydar Aliyev', 'Ilham Aliyev'] });
    expect(who('The Aliyevs and Mutalibovka are not names of leaders.')).toEqual({});
  });
});

describe.each(IDS)('%s: no event names a leader who is not in office', (id) => {
  const scenario = shippedScenario(id);
  it.each([...POLICY_NAMES])(
    'over 4 games of the %s policy',
    (name) => {
      const policy = policyByName(name);
      if (!policy) throw new Error(name);
      const findings = SEEDS.flatMap((seed) => checkGame(scenario, policy, seed, match));
      expect(findings.map((f) => `seed ${f.seed}, turn ${f.turn}, ${f.event}: names "${f.named}" while ${f.leader} leads`)).toEqual([]);
    },
    // The expert searches (rollouts at every decision): 4 campaign games take minutes on a busy machine.
    600_000,
  );
});
