/**
 * The slow forces on Azerbaijan's meters, each a small whole-number step with a cause a
 * student can read: lopsided influence erodes sovereignty, hardship and defeats erode
 * stability, a country seen as a client loses support at home.
 */
import type { Scenario } from '../scenario/types.ts';
import { balanceOf, dominantPower } from './derived.ts';
import { stepToward } from './economy.ts';
import { snapshotMeter } from './history.ts';
import type { GameState } from './state.ts';
import { change } from './vars.ts';
import { POWER_NAMES } from './vocabulary.ts';

export function driftMeters(scenario: Scenario, s: GameState): void {
  const balance = balanceOf(s);
  if (balance >= 70) change(s, 'sovereignty', 1, `Influence spread among the powers (balance ${balance})`);
  else if (balance < 40) change(s, 'sovereignty', -1, `Influence lopsided (balance ${balance})`);

  const top = dominantPower(s);
  const topInfluence = s.powers[top].influence;
  const hold = topInfluence >= 90 ? 2 : topInfluence >= 75 ? 1 : 0;
  if (hold > 0) change(s, 'sovereignty', -hold, `${POWER_NAMES[top]}'s hold over you (influence ${topInfluence})`);

  const m = s.meters;
  // Daily life pulls stability a point a turn toward what the economy can carry
  // (10 + economy / 2: 25 at economy 30, 35 at 50, 45 at 70); real hardship hurts more.
  const carried = Math.round(10 + m.economy / 2);
  if (m.stability < carried) change(s, 'stability', 1, `Daily life steadies (the economy carries stability ${carried})`);
  else if (m.stability > carried) change(s, 'stability', -1, `Daily life wears (the economy carries stability ${carried})`);
  if (m.economy < 15) change(s, 'stability', -1, `Hardship (economy ${m.economy})`);
  // Fresh defeats anger the public; a front that has been frozen for a year does not.
  const yearAgo = snapshotMeter(s.history[s.history.length - 4], 'karabakh');
  if (yearAgo !== undefined && m.karabakh < 30 && m.karabakh <= yearAgo - 3) {
    change(s, 'stability', -1, `Defeats in Karabakh (${m.karabakh - yearAgo} in a year)`);
  }
  if (m.sovereignty < 30) change(s, 'stability', m.sovereignty < 20 ? -2 : -1, `Seen at home as ${POWER_NAMES[top]}'s client (sovereignty ${m.sovereignty})`);

  const { securityBase } = scenario.model;
  if (Math.abs(m.security - securityBase) > 5) {
    change(s, 'security', stepToward(m.security, securityBase, 6, 2), `Readiness settles toward ${securityBase}`);
  }
}
