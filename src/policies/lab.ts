/**
 * The balance lab's statistics: from many games per policy (and one spam policy per
 * action), what a designer needs to judge a scenario — survival, the spread of scores,
 * why and when games are lost, how often each event fires and which choice each policy
 * takes, how often each action is taken — and flags for what is probably wrong: a single
 * action that, spammed, scores with the best policy (a dominant strategy), events that
 * never fire, actions never taken.
 */
import type { Scenario, ScenarioEvent } from '../scenario/types.ts';
import { type GameResult, gamesOf, type LeanResult, type PolicyGames } from './balance.ts';
import { choiceStarts } from './labFacts.ts';

export interface LossRow {
  reason: string;
  title: string;
  count: number;
  /** How many came from the rule's condition, and how many from a `lose` effect. */
  byRule: number;
  byEffect: number;
  /** Games lost at each turn (index 0 is the first turn). */
  turns: number[];
  medianTurn: number;
}

export interface PolicyRow {
  policy: string;
  runs: number;
  survived: number;
  survivalRate: number;
  mean: number;
  sd: number;
  min: number;
  p10: number;
  median: number;
  p90: number;
  max: number;
  ratings: Record<string, number>;
  losses: LossRow[];
}

export interface EventRow {
  id: string;
  title: string;
  /** Percent of games it fired in, per policy. */
  fired: Record<string, number>;
  /** Times each choice was made, per policy. */
  choices: Record<string, Record<string, number>>;
}

export interface ActionRow {
  id: string;
  label: string;
  /** Times taken per game, on average, per policy. */
  perGame: Record<string, number>;
}

export interface SpamRow {
  action: string;
  label: string;
  runs: number;
  survivalRate: number;
  mean: number;
  sd: number;
}

export interface LabFlags {
  /** Single actions that, spammed, score within a point of the best policy and survive as often. */
  dominant: { action: string; mean: number; survivalRate: number; against: string; againstMean: number }[];
  /** Events that fired in no game at all. */
  neverFired: string[];
  /** Actions no policy (spam aside) ever took. */
  neverTaken: string[];
  /** Actions no game took at all, spam included. */
  unusable: string[];
}

export interface LabReport {
  scenario: string;
  title: string;
  turns: number;
  policies: PolicyRow[];
  spam: SpamRow[];
  events: EventRow[];
  actions: ActionRow[];
  flags: LabFlags;
}

/** How close (in score points) a spammed action must come to the best policy to be flagged. */
export const DOMINANCE_MARGIN = 1;

const round1 = (x: number) => Math.round(x * 10) / 10;

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

function spread(scores: readonly number[]): { mean: number; sd: number } {
  if (scores.length === 0) return { mean: 0, sd: 0 };
  let sum = 0;
  for (const x of scores) sum += x;
  const mean = sum / scores.length;
  let sq = 0;
  for (const x of scores) sq += (x - mean) * (x - mean);
  return { mean: round1(mean), sd: round1(Math.sqrt(sq / scores.length)) };
}

export function policyRow(scenario: Scenario, policy: string, results: readonly LeanResult[]): PolicyRow {
  const scores = results.map((r) => r.score).sort((a, b) => a - b);
  const { mean, sd } = spread(scores);
  const ratings: Record<string, number> = {};
  const losses = new Map<string, LossRow>();
  let survived = 0;
  for (const r of results) {
    if (r.rating) ratings[r.rating] = (ratings[r.rating] ?? 0) + 1;
    if (!r.lost) {
      survived++;
      continue;
    }
    let row = losses.get(r.reason);
    if (!row) {
      const rule = scenario.outcomes.lose.find((x) => x.id === r.reason);
      row = {
        reason: r.reason,
        title: rule?.title ?? r.reason,
        count: 0,
        byRule: 0,
        byEffect: 0,
        turns: Array(scenario.calendar.turns).fill(0),
        medianTurn: 0,
      };
      losses.set(r.reason, row);
    }
    row.count++;
    if (r.facts?.lostBy === 'effect') row.byEffect++;
    else row.byRule++;
    const t = Math.max(0, Math.min(scenario.calendar.turns - 1, r.facts?.endTurn ?? r.turns - 1));
    row.turns[t] = (row.turns[t] ?? 0) + 1;
  }
  for (const row of losses.values()) {
    let seen = 0;
    row.medianTurn = row.turns.findIndex((n) => {
      seen += n;
      return seen * 2 >= row.count;
    });
  }
  const runs = results.length;
  return {
    policy,
    runs,
    survived,
    survivalRate: runs ? round1((survived / runs) * 100) : 0,
    mean,
    sd,
    min: scores[0] ?? 0,
    p10: quantile(scores, 0.1),
    median: quantile(scores, 0.5),
    p90: quantile(scores, 0.9),
    max: scores[scores.length - 1] ?? 0,
    ratings,
    losses: [...losses.values()].sort((a, b) => b.count - a.count),
  };
}

/**
 * The report. `main` holds the games of each policy compared; `spam`, for each action
 * id, the games of the policy that takes it every turn it can.
 */
export function labReport(
  scenario: Scenario,
  main: ReadonlyMap<string, readonly GameResult[]>,
  spam: ReadonlyMap<string, readonly GameResult[]> = new Map(),
): LabReport {
  const games = (m: ReadonlyMap<string, readonly GameResult[]>) => new Map([...m].map(([k, r]) => [k, gamesOf(scenario, r)]));
  return labReportOf(scenario, games(main), games(spam));
}

/** The report from games whose facts are counted already (a balance run's, counted by its workers). */
export function labReportOf(scenario: Scenario, main: ReadonlyMap<string, PolicyGames>, spam: ReadonlyMap<string, PolicyGames> = new Map()): LabReport {
  const policies = [...main.entries()].map(([p, games]) => policyRow(scenario, p, games.results));
  const firedAnywhere = new Set<number>();
  const takenByMain = new Set<number>();
  const events: EventRow[] = scenario.events.map((e) => ({ id: e.id, title: e.title, fired: {}, choices: {} }));
  const actions: ActionRow[] = scenario.actions.map((a) => ({ id: a.id, label: a.label, perGame: {} }));
  // Counted in rows of numbers (labFacts.ts FactTally), then written into the rows'
  // records: a 10,000-game run has ~1.5 million facts, and counting them record by record
  // (a keyed lookup each) cost ~0.6 s after the games.
  const choiceAt = choiceStarts(scenario);
  for (const [policy, { results, tally }] of main) {
    const { fired, uses, taken, chosen, firstMade } = tally;
    for (let k = 0; k < firstMade.length; k += 2) {
      const e = firstMade[k] as number;
      const j = firstMade[k + 1] as number;
      const row = events[e] as EventRow;
      const id = (scenario.events[e] as ScenarioEvent).choices[j]?.id as string;
      const byPolicy = row.choices[policy] ?? {};
      byPolicy[id] = (byPolicy[id] ?? 0) + (chosen[(choiceAt[e] as number) + j] as number);
      row.choices[policy] = byPolicy;
    }
    const n = results.length || 1;
    events.forEach((e, i) => {
      if ((fired[i] as number) > 0) firedAnywhere.add(i);
      e.fired[policy] = round1(((fired[i] as number) / n) * 100);
    });
    actions.forEach((a, i) => {
      if (taken[i] === 1) takenByMain.add(i);
      a.perGame[policy] = round1((uses[i] as number) / n);
    });
  }

  const spamRows: SpamRow[] = [];
  const takenAnywhere = new Set(takenByMain);
  for (const [actionId, { results, tally }] of spam) {
    const index = scenario.actions.findIndex((a) => a.id === actionId);
    const row = policyRow(scenario, `spam:${actionId}`, results);
    spamRows.push({
      action: actionId,
      label: scenario.actions[index]?.label ?? actionId,
      runs: row.runs,
      survivalRate: row.survivalRate,
      mean: row.mean,
      sd: row.sd,
    });
    for (let i = 0; i < tally.fired.length; i++) if ((tally.fired[i] as number) > 0) firedAnywhere.add(i);
    for (let i = 0; i < tally.taken.length; i++) if (tally.taken[i] === 1) takenAnywhere.add(i);
  }
  spamRows.sort((a, b) => b.mean - a.mean);

  const best = [...policies].sort((a, b) => b.mean - a.mean)[0];
  const dominant = best
    ? spamRows
        .filter((r) => r.mean >= best.mean - DOMINANCE_MARGIN && r.survivalRate >= best.survivalRate)
        .map((r) => ({ action: r.action, mean: r.mean, survivalRate: r.survivalRate, against: best.policy, againstMean: best.mean }))
    : [];

  return {
    scenario: scenario.id,
    title: scenario.title,
    turns: scenario.calendar.turns,
    policies,
    spam: spamRows,
    events,
    actions,
    flags: {
      dominant,
      neverFired: scenario.events.filter((_, i) => !firedAnywhere.has(i)).map((e) => e.id),
      neverTaken: scenario.actions.filter((_, i) => !takenByMain.has(i)).map((a) => a.id),
      unusable: spam.size > 0 ? scenario.actions.filter((_, i) => !takenAnywhere.has(i)).map((a) => a.id) : [],
    },
  };
}
