/**
 * The slow forces on Azerbaijan's meters, each a whole-number step with a cause a
 * student can read: sovereignty follows how evenly influence is spread, stability
 * follows what the economy can carry, hardship and defeats erode stability, a country
 * seen as a client loses support at home.
 *
 * Sovereignty and stability move a quarter of the way toward their targets each turn
 * (at most 2 and 3 points) rather than one point: the first model's ±1 drift made the meters
 * crawl whatever the player did (issue 7 §6), and made the balance of influence — the
 * sources' lesson — worth little to the score. Stability's target reads both the economy
 * and sovereignty: a government holds at home when it delivers a living and is seen to
 * decide for itself (Mutalibov fell for a pro-Russian line; a client regime is a weak one).
 */
import type { Scenario } from '../scenario/types.ts';
import { numbered } from './causes.ts';
import { balanceOf, dominantPower } from './derived.ts';
import { stepToward } from './economy.ts';
import { snapshotMeter } from './history.ts';
import type { GameState } from './state.ts';
import { change } from './vars.ts';
import { POWER_IDS, POWER_NAMES, type PowerId } from './vocabulary.ts';

// The causes, built once per number they show (causes.ts); a power is named by its place in POWER_IDS.
const spread = numbered('spread', (balance) => `Influence spread among the powers (balance ${balance} sustains ${sovereigntyTarget(balance)})`);
const lopsided = numbered('lopsided', (balance) => `Influence lopsided (balance ${balance} sustains ${sovereigntyTarget(balance)})`);
const heldBy = numbered('heldBy', (at, influence) => `${POWER_NAMES[POWER_IDS[at] as PowerId]}'s hold over you (influence ${influence})`);
const steady = numbered('steady', (carried) => `A living and a free hand steady the country (economy and sovereignty carry ${carried})`);
const wornDown = numbered('wornDown', (carried) => `Hard times and a weak hand wear it down (economy and sovereignty carry ${carried})`);
const hardship = numbered('hardship', (economy) => `Hardship (economy ${economy})`);
const defeats = numbered('defeats', (lost) => `Defeats in Karabakh (${lost} in a year)`);
const client = numbered('client', (at, sovereignty) => `Seen at home as ${POWER_NAMES[POWER_IDS[at] as PowerId]}'s client (sovereignty ${sovereignty})`);
const settles = numbered('settles', (base) => `Readiness settles toward ${base}`);

export function driftMeters(scenario: Scenario, s: GameState): void {
  const balance = balanceOf(s);
  // Balance 0 sustains a sovereignty of 10, balance 50 one of 45, balance 100 one of 80.
  const free = sovereigntyTarget(balance);
  const sovStep = stepToward(s.meters.sovereignty, free, 4, 2);
  if (sovStep !== 0) {
    change(s, 'sovereignty', sovStep, sovStep > 0 ? spread(balance) : lopsided(balance));
  }

  const top = dominantPower(s);
  const topInfluence = s.powers[top].influence;
  const hold = topInfluence >= 90 ? 2 : topInfluence >= 75 ? 1 : 0;
  if (hold > 0) change(s, 'sovereignty', -hold, heldBy(POWER_IDS.indexOf(top), topInfluence));

  const m = s.meters;
  // Stability drifts a quarter of the way toward what the government delivers: the
  // average of the economy and sovereignty. Real hardship hurts more.
  const carried = stabilityTarget(m.economy, m.sovereignty);
  const stabStep = stepToward(m.stability, carried, 4, 3);
  if (stabStep > 0) change(s, 'stability', stabStep, steady(carried));
  else if (stabStep < 0) change(s, 'stability', stabStep, wornDown(carried));
  if (m.economy < 15) change(s, 'stability', -1, hardship(m.economy));
  // Fresh defeats anger the public; a front that has been frozen for a year does not.
  const yearAgo = snapshotMeter(s.history[s.history.length - 4], 'karabakh');
  if (yearAgo !== undefined && m.karabakh < 30 && m.karabakh <= yearAgo - 3) {
    change(s, 'stability', -1, defeats(m.karabakh - yearAgo));
  }
  if (m.sovereignty < 30) change(s, 'stability', m.sovereignty < 20 ? -2 : -1, client(POWER_IDS.indexOf(top), m.sovereignty));

  const { securityBase } = scenario.model;
  if (Math.abs(m.security - securityBase) > 5) {
    change(s, 'security', stepToward(m.security, securityBase, 6, 2), settles(securityBase));
  }
}

/** The sovereignty a balance of influence sustains: 10 at balance 0, 45 at 50, 80 at 100. */
export function sovereigntyTarget(balance: number): number {
  return Math.round(10 + (balance * 7) / 10);
}

/** The stability a government delivering this economy and this sovereignty can hold. */
export function stabilityTarget(economy: number, sovereignty: number): number {
  return Math.round((economy + sovereignty) / 2);
}
