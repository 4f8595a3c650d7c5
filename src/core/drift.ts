/**
 * The slow forces on Azerbaijan's meters, each a small whole-number step with a cause a
 * student can read: lopsided influence erodes sovereignty, hardship and defeats erode
 * stability, a country seen as a client loses support at home.
 */
import type { Scenario } from '../scenario/types.ts';
import { balanceOf, dominantPower } from './derived.ts';
import { stepToward } from './economy.ts';
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
  if (m.economy >= 60) change(s, 'stability', 1, `Prosperity (economy ${m.economy})`);
  else if (m.economy < 15) change(s, 'stability', -2, `Hardship (economy ${m.economy})`);
  else if (m.economy < 30) change(s, 'stability', -1, `Hardship (economy ${m.economy})`);
  if (m.karabakh < 30) change(s, 'stability', -1, `Defeats in Karabakh (karabakh ${m.karabakh})`);
  if (m.sovereignty < 30) change(s, 'stability', m.sovereignty < 20 ? -2 : -1, `Seen at home as ${POWER_NAMES[top]}'s client (sovereignty ${m.sovereignty})`);

  const { securityBase } = scenario.model;
  if (Math.abs(m.security - securityBase) > 5) {
    change(s, 'security', stepToward(m.security, securityBase, 6, 2), `Readiness settles toward ${securityBase}`);
  }
}
