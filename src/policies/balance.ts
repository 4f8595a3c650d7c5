/**
 * Monte Carlo balance statistics: many seeds per policy, summarised as survival rate,
 * mean score and the reasons games were lost. Used by `caspian balance`, by the lesson
 * test and to write docs/balance.md.
 */
import type { Difficulty } from '../core/index.ts';
import type { Scenario } from '../scenario/types.ts';
import { emptyTally, type FactTally, type GameFacts, gameFacts, tallyGame } from './labFacts.ts';
import { policyByName } from './policies.ts';
import { playGame } from './run.ts';

export interface GameResult {
  policy: string;
  seed: number;
  lost: boolean;
  reason: string;
  score: number;
  turns: number;
  rating: string;
  /** Turns in which at least one power answered (a stick or a carrot). */
  acted: number;
  /** Events, choices, actions and how a loss came: for the balance lab (labFacts.ts). */
  facts: GameFacts;
}

/** A game's result without its facts' lists (counted into a FactTally instead): what the
 *  balance pool hands back for each game, and all that the statistics read of one. */
export type LeanResult = Omit<GameResult, 'facts'> & { facts: Pick<GameFacts, 'lostBy' | 'endTurn'> };

/** One policy's games: each game's result, seed by seed, and their facts counted. */
export interface PolicyGames {
  results: LeanResult[];
  tally: FactTally;
}

/** `results` (games of one policy, in seed order) as PolicyGames: the facts' lists counted. */
export function gamesOf(scenario: Scenario, results: readonly GameResult[]): PolicyGames {
  const tally = emptyTally(scenario);
  const lean: LeanResult[] = [];
  for (const r of results) {
    tallyGame(scenario, tally, r.facts);
    const facts: LeanResult['facts'] = { endTurn: r.facts.endTurn };
    if (r.facts.lostBy !== undefined) facts.lostBy = r.facts.lostBy;
    lean.push({ ...r, facts });
  }
  return { results: lean, tally };
}

export interface PolicyStats {
  policy: string;
  runs: number;
  survived: number;
  survivalRate: number;
  meanScore: number;
  minScore: number;
  maxScore: number;
  losses: Record<string, number>;
  ratings: Record<string, number>;
  /** Share of played turns in which at least one power answered, in percent. */
  actedShare: number;
}

export function playSeeds(scenario: Scenario, policy: string, seeds: readonly number[], difficulty: Difficulty = 'normal'): GameResult[] {
  const p = policyByName(policy);
  if (!p) throw new Error(`unknown policy ${policy}`);
  return seeds.map((seed) => {
    // Nobody reads a balance game's causes: played unexplained (GameState.unexplained).
    const { state } = playGame(scenario, seed, p, difficulty, { explain: false });
    const o = state.outcome;
    return {
      policy,
      seed,
      lost: o?.status === 'lost',
      reason: o?.reason ?? 'unfinished',
      score: o?.score ?? 0,
      turns: state.history.length,
      rating: o?.rating ?? '',
      acted: state.history.filter((h) => h.responses.length > 0).length,
      facts: gameFacts(scenario, state),
    };
  });
}

export function summarise(policy: string, results: readonly LeanResult[]): PolicyStats {
  const losses: Record<string, number> = {};
  const ratings: Record<string, number> = {};
  let total = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let survived = 0;
  let turns = 0;
  let acted = 0;
  for (const r of results) {
    turns += r.turns;
    acted += r.acted;
    total += r.score;
    min = Math.min(min, r.score);
    max = Math.max(max, r.score);
    if (r.lost) losses[r.reason] = (losses[r.reason] ?? 0) + 1;
    else survived++;
    if (r.rating) ratings[r.rating] = (ratings[r.rating] ?? 0) + 1;
  }
  const runs = results.length;
  return {
    policy,
    runs,
    survived,
    survivalRate: runs ? Math.round((survived / runs) * 1000) / 10 : 0,
    meanScore: runs ? Math.round((total / runs) * 10) / 10 : 0,
    minScore: runs ? min : 0,
    maxScore: runs ? max : 0,
    losses,
    ratings,
    actedShare: turns ? Math.round((acted / turns) * 1000) / 10 : 0,
  };
}
