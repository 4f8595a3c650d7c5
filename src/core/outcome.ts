/** Losing and winning conditions, the endings, the end-of-scenario score and its rating. */
import type { Scenario } from '../scenario/types.ts';
import { holds, type Test, testOf } from './conditions.ts';
import { balanceOf, worstRelation } from './derived.ts';
import type { GameState, Outcome } from './state.ts';
import { METER_IDS } from './vocabulary.ts';

/** A lose rule as checked after every move: the flag a `lose` effect sets for it, and its
 *  condition's test (made once per scenario: this runs after every command). */
interface LoseCheck {
  rule: Scenario['outcomes']['lose'][number];
  flag: string;
  test: Test | null;
}

const loseChecks = new WeakMap<Scenario, LoseCheck[]>();

function loseChecksOf(scenario: Scenario): LoseCheck[] {
  let checks = loseChecks.get(scenario);
  if (checks === undefined) {
    checks = scenario.outcomes.lose.map((rule) => ({ rule, flag: `lost-${rule.id}`, test: rule.when === undefined ? null : testOf(rule.when) }));
    loseChecks.set(scenario, checks);
  }
  return checks;
}

/**
 * Whether the game ends now: the first lose rule that applies (a `lose` effect forces
 * its rule), else the first win rule that applies (a `win` effect forces its rule), or
 * null. Losses come first: a move that both wins and loses loses.
 */
export function checkLoss(scenario: Scenario, s: GameState): Outcome | null {
  const checks = loseChecksOf(scenario);
  for (let i = 0; i < checks.length; i++) {
    const { rule, flag, test } = checks[i] as LoseCheck;
    const forced = s.flags[flag] === true;
    if (forced || test?.(scenario, s)) {
      const score = Math.round(rawScore(scenario, s) / LOST_SHARE);
      return { status: 'lost', reason: rule.id, title: rule.title, text: rule.text, score, rating: LOST_RATING };
    }
  }
  const win = scenario.outcomes.win;
  if (win === undefined || win.length === 0) return null;
  for (const rule of win) {
    if (s.won === rule.id || (rule.when !== undefined && holds(scenario, s, rule.when))) {
      const score = rawScore(scenario, s);
      return { status: 'won', reason: rule.id, title: rule.title, text: rule.text, score, rating: ratingFor(scenario, score).label };
    }
  }
  return null;
}

export const LOST_RATING = 'Fallen';

/**
 * A lost game scores a quarter of what its meters are worth. The first model scored it
 * half, which let an erratic player who fell now and then average close to one who never
 * fell (random play sat 14 points below a careful search in 1991–94; issue 7 §7).
 */
export const LOST_SHARE = 4;

/** The end of a game that reached its last turn: the first ending that holds tells it. */
export function completedOutcome(scenario: Scenario, s: GameState): Outcome {
  const score = rawScore(scenario, s);
  const rating = ratingFor(scenario, score);
  for (const ending of scenario.outcomes.endings ?? []) {
    if (holds(scenario, s, ending.when)) {
      return { status: 'completed', reason: ending.id, title: ending.title, text: ending.text, score, rating: rating.label };
    }
  }
  return {
    status: 'completed',
    reason: 'completed',
    title: `Azerbaijan endures: ${rating.label}`,
    text: rating.text ?? '',
    score,
    rating: rating.label,
  };
}

/**
 * The weighted average of the meters, the balance of influence and the worst relation,
 * 0..100. A lost game scores a quarter of it (LOST_SHARE). The worst relation counts 0 at −40 or below
 * and 100 at +40 or above (`relationPart`): the first model mapped −100..100 onto
 * 0..100, so a hostile power and a friendly one differed by a few points of score and
 * the sources' lesson — no power left hostile — barely showed (issue 7 §7).
 */
export function rawScore(scenario: Scenario, s: GameState): number {
  const w = scenario.outcomes.score;
  let total = 0;
  let weights = 0;
  for (const m of METER_IDS) {
    total += w[m] * s.meters[m];
    weights += w[m];
  }
  total += w.balance * balanceOf(s);
  weights += w.balance;
  total += w.relations * relationPart(worstRelation(s));
  weights += w.relations;
  return weights === 0 ? 0 : Math.round(total / weights);
}

export function ratingFor(scenario: Scenario, score: number): { label: string; text?: string } {
  const sorted = [...scenario.outcomes.ratings].sort((a, b) => b.min - a.min);
  for (const r of sorted) if (score >= r.min) return r;
  return sorted[sorted.length - 1] ?? { label: 'Unrated' };
}

/** The worst relation's part of the score: 0 at −40 or below, 50 at 0, 100 at +40 or above. */
export function relationPart(worst: number): number {
  return Math.min(100, Math.max(0, Math.round(50 + (worst * 5) / 4)));
}
