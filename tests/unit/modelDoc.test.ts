/**
 * docs/model.md's worked examples are what the engine computes: each number the page
 * gives is computed here by the engine's own functions, and the page must say it. A
 * change to the model makes this fail until the page says the new numbers.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { endTurn, type GameState, newGame } from '../../src/core/index.ts';
import { balanceOf } from '../../src/core/derived.ts';
import { sovereigntyTarget, stabilityTarget } from '../../src/core/drift.ts';
import { reserveLimit } from '../../src/core/economy.ts';
import { rawScore, relationPart } from '../../src/core/outcome.ts';
import { influenceTarget, oddsAtStance } from '../../src/core/powers.ts';
import type { Scenario } from '../../src/scenario/types.ts';
import { ROOT, shippedScenario } from '../helpers.ts';

const page = readFileSync(join(ROOT, 'docs/model.md'), 'utf8').replace(/\s+/g, ' ');
const says = (text: string) => expect(page, `docs/model.md should say: ${text}`).toContain(text);
const scenario = shippedScenario('independence-1991');
const influences = (r: number, t: number, i: number, w: number) => ({
  powers: { russia: { influence: r }, turkey: { influence: t }, iran: { influence: i }, west: { influence: w } },
});

/** A quiet Russia: no concerns, no ties, no answers, a base equal to `relation`. */
function quietRussia(relation: number, base = relation): { scenario: Scenario; state: GameState } {
  const russia = { ...scenario.powers.russia, concerns: [], responses: [], baseRelation: base };
  const quiet: Scenario = { ...scenario, powers: { ...scenario.powers, russia }, events: [], trends: [] };
  const start = newGame(quiet, '1');
  const state = { ...start, pending: [], powers: { ...start.powers, russia: { ...start.powers.russia, relation, stance: 0 } } };
  return { scenario: quiet, state };
}

describe('docs/model.md, worked examples', () => {
  it('settling: a tenth of the gap to the base', () => {
    const base = scenario.powers.russia.baseRelation;
    says(`Russia's base is ${base === 0 ? '0' : `−${-base}`}`);
    for (const [from, gain] of [
      [base - 30, 3],
      [base - 12, 1],
      [base - 4, 0],
    ] as const) {
      const { scenario: quiet, state } = quietRussia(from, base);
      const r = endTurn(quiet, state);
      expect(r.ok && r.state.powers.russia.relation - from, `from ${from}`).toBe(gain);
    }
    says(`at relation −${30 - base} it gains 3, at −${12 - base} it gains 1, at −${4 - base} it stays`);
  });

  it('stance: half the way to the relation each turn', () => {
    let { scenario: quiet, state } = quietRussia(-30);
    const stances: number[] = [];
    for (let i = 0; i < 4; i++) {
      const r = endTurn(quiet, { ...state, pending: [] });
      if (!r.ok) throw new Error(r.message);
      state = r.state;
      stances.push(state.powers.russia.stance);
    }
    expect(stances).toEqual([-15, -22, -26, -28]);
    says('gives a stance of −15, then −22, −26, −28');
  });

  it('influence: warmth adds a quarter of a positive relation', () => {
    const s = newGame(scenario, '1');
    const warm = { ...s, powers: { ...s.powers, turkey: { ...s.powers.turkey, relation: 35 } } };
    expect(influenceTarget(scenario, warm, 'turkey').parts).toContainEqual({ label: 'Close relations (trade, visits, investment)', amount: 8 });
    says('Turkey at relation +35 adds 8 to its target');
  });

  it('the answer: the odds at a stance', () => {
    const stick = (stance: number) => oddsAtStance(scenario, 'russia', 'normal', stance, scenario.powers.russia.aggression).stick;
    const carrot = (stance: number) => oddsAtStance(scenario, 'turkey', 'normal', stance).carrot;
    expect([stick(0), stick(-15), stick(-22), stick(-23), stick(-60)]).toEqual([41, 74, 89, 90, 90]);
    expect([carrot(10), carrot(20), carrot(34), carrot(35), carrot(80)]).toEqual([35, 45, 73, 75, 75]);
    says('Russia (aggression 110) at stance 0 on normal: 35 + 2 × 2.5 × 1.1 = 40.5 → 41%; at stance −15: 35 + 2 × 17.5 × 1.1 = 73.5 → 74%; from −23 on, 90%');
    says('Turkey at stance 10: 35%; at 20: 45%; from 35 on, 75%');
    says('(Russia at stance 0: 41% of turns on normal)');
  });

  it('balance, sovereignty and stability targets', () => {
    expect(balanceOf(influences(66, 8, 6, 4))).toBe(10);
    says('Influences 66, 8, 6, 4: the others average 6, the gap is 60, the balance is 10');
    expect(balanceOf(influences(30, 25, 20, 25))).toBe(90);
    says('Influences 30, 25, 20, 25: gap 6.7, balance 90');
    expect([sovereigntyTarget(0), sovereigntyTarget(50), sovereigntyTarget(100)]).toEqual([10, 45, 80]);
    says('(10 at balance 0, 45 at 50, 80 at 100)');
    expect(stabilityTarget(40, 50)).toBe(45);
    says('economy 40 and sovereignty 50 hold it at 45');
  });

  it('money: the wider economy and idle reserves', () => {
    expect(Math.round((scenario.model.baseIncome * 40) / 50)).toBe(20);
    says('with `baseIncome` 25 and the economy at 40, $20m a turn');
    expect(reserveLimit(60)).toBe(480);
    says('With $60m of income a turn the limit is $480m, and a treasury of $1,000m loses $52m');
  });

  it('the score', () => {
    expect([relationPart(-20), relationPart(-40), relationPart(0), relationPart(40)]).toEqual([25, 0, 50, 100]);
    const w = scenario.outcomes.score;
    says(
      `sovereignty ${w.sovereignty}, stability ${w.stability}, economy ${w.economy}, security ${w.security}, Karabakh ${w.karabakh}, balance ${w.balance}, relations ${w.relations}`,
    );
    const s = newGame(scenario, '1');
    const even: GameState = {
      ...s,
      meters: { sovereignty: 50, stability: 50, economy: 50, security: 50, karabakh: 50 },
      powers: {
        russia: { ...s.powers.russia, influence: 30, relation: -20 },
        turkey: { ...s.powers.turkey, influence: 30, relation: 0 },
        iran: { ...s.powers.iran, influence: 30, relation: 0 },
        west: { ...s.powers.west, influence: 30, relation: 0 },
      },
    };
    // Equal influences give a balance of 100; the page's example has balance 50.
    const balance50 = { ...even, powers: { ...even.powers, russia: { ...even.powers.russia, influence: 30 + 100 / 3 } } };
    expect(balanceOf(balance50)).toBe(50);
    expect(rawScore(scenario, balance50)).toBe(44);
    says('score round((50 × 9 + 50 × 3 + 25 × 4) / 16) = 44');
  });
});
