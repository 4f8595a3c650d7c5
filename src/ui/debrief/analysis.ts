/**
 * What the debrief, the results files and the class comparison show, computed from the
 * command log alone by replaying it with the same core: the turn-by-turn trajectory, each
 * decision with its immediate effect and how it stands against history, what history did
 * that the player did not, the turning points that moved the score most, a summary per
 * era — and the same for the historical line on the same seed. No DOM here.
 */
import {
  apply,
  type Command,
  type Difficulty,
  type GameState,
  type MeterId,
  newGame,
  type Outcome,
  POWER_IDS,
  type PowerId,
  rawScore,
  recordResponses,
  recordSnapshot,
  resolveChoiceText,
  resolveEventText,
  rulesOf,
  turnLabel,
} from '../../core/index.ts';
import type { JournalEntry } from '../../persistence/replayFormat.ts';
import { historical } from '../../policies/historical.ts';
import { playGame } from '../../policies/run.ts';
import type { Scenario, Source } from '../../scenario/types.ts';
import type { Era } from '../classroom/eras.ts';
import { quarterLabel } from '../format.ts';
import { commandWords } from '../replay/commandWords.ts';
import { diff, eraSummaries, turningPoints } from './arcs.ts';
import { type HistoryMark, historyOfAction, historyOfChoice, type Missed, missedHistory } from './historyMarks.ts';

/** The state at the end of one turn, as the charts and the CSV read it. */
export interface TurnPoint {
  turn: number;
  label: string;
  score: number;
  meters: Record<MeterId, number>;
  relation: Record<PowerId, number>;
  influence: Record<PowerId, number>;
  treasury: number;
  revenue: number;
  balance: number;
}

export interface Change {
  var: string;
  delta: number;
}

export interface Decision {
  /** Index of the command in the log. */
  index: number;
  /** 0-based turn. */
  turn: number;
  kind: 'act' | 'choose';
  /** The action's label, or the event's title as the player saw it. */
  title: string;
  /** The action's label, or the choice's label. */
  label: string;
  /** What the decision changed at once (meters, treasury, relations, influence). */
  changes: Change[];
  history: HistoryMark;
  sources: readonly Source[];
  /** The powers' answers at the end of that turn. */
  followed: string[];
  note?: string;
}

export interface TurningPoint {
  turn: number;
  label: string;
  /** Score change over the turn. */
  delta: number;
  scoreAfter: number;
  /** The causes that moved the meters and relations most, biggest first. */
  causes: { cause: string; changes: Change[] }[];
  decisions: string[];
}

export interface EraSummary {
  era: Era;
  from: string;
  to: string;
  firstTurn: number;
  lastTurn: number;
  scoreStart: number;
  scoreEnd: number;
  historyScoreEnd: number | null;
  events: string[];
  decisions: number;
  diverged: number;
  sticks: number;
  carrots: number;
}

export interface Analysis {
  scenario: { id: string; title: string };
  seed: string;
  difficulty: Difficulty;
  state: GameState;
  outcome: Outcome | null;
  /** The score at the start (before any turn), then after each turn. */
  startScore: number;
  turns: TurnPoint[];
  /** The titles of the events of each turn, as the player read them. */
  turnEvents: string[][];
  /** The powers' answers of each turn, "Power: label". */
  turnResponses: string[][];
  history: { outcome: Outcome | null; turns: TurnPoint[]; state: GameState };
  decisions: Decision[];
  missed: Missed[];
  turningPoints: TurningPoint[];
  eras: EraSummary[];
  /** A class's teams and the teacher's moves (seats, locks, raised events, prompts), each at
   *  its quarter, worded against the game as it stood; empty for a game played alone. */
  interventions: Intervention[];
}

export interface Intervention {
  when: string;
  what: string;
}

const CLASS_COMMANDS = new Set<Command['type']>(['seat', 'inject', 'lock', 'unlock', 'prompt']);

function pointOf(scenario: Scenario, s: GameState, turn: number): TurnPoint {
  const record = s.history[turn];
  const snap = record ? recordSnapshot(record) : null;
  const relation = {} as Record<PowerId, number>;
  const influence = {} as Record<PowerId, number>;
  for (const p of POWER_IDS) {
    relation[p] = snap ? snap.relation[p] : s.powers[p].relation;
    influence[p] = snap ? snap.influence[p] : s.powers[p].influence;
  }
  return {
    turn,
    label: turnLabel(scenario.calendar, turn),
    score: rawScore(scenario, s),
    meters: snap ? { ...snap.meters } : { ...s.meters },
    relation,
    influence,
    treasury: snap ? snap.treasury : s.treasury,
    revenue: snap ? snap.revenue : s.revenue,
    balance: snap ? snap.balance : 0,
  };
}

/** Replays the log and reads the game from it. */
export function analyse(
  scenario: Scenario,
  seed: string,
  difficulty: Difficulty,
  commands: readonly Command[],
  journal: readonly JournalEntry[] = [],
): Analysis {
  const notes = new Map(journal.map((j) => [j.at, j.text]));
  let s = newGame(scenario, seed, { difficulty });
  const startScore = rawScore(scenario, s);
  const decisions: Decision[] = [];
  const scores: number[] = [];
  const interventions: Intervention[] = [];
  for (let i = 0; i < commands.length; i++) {
    const c = commands[i] as Command;
    if (CLASS_COMMANDS.has(c.type)) interventions.push({ when: quarterLabel(scenario, s.turn), what: commandWords(scenario, s, c) });
    const r = apply(scenario, s, c);
    if (!r.ok) break; // a verified log never stops here; an unverified one stops where it fails
    const turn = s.turn;
    if (c.type === 'act') {
      const a = rulesOf(scenario).actionById.get(c.action);
      decisions.push({
        index: i,
        turn,
        kind: 'act',
        title: a?.label ?? c.action,
        label: a?.label ?? c.action,
        changes: diff(s, r.state),
        history: historyOfAction(scenario, c.action, turn),
        sources: a?.sources ?? [],
        followed: [],
      });
    } else if (c.type === 'choose') {
      const e = rulesOf(scenario).eventById.get(c.event);
      const choice = e?.choices.find((x) => x.id === c.choice);
      decisions.push({
        index: i,
        turn,
        kind: 'choose',
        title: e ? resolveEventText(scenario, s, e).title : c.event,
        label: choice ? resolveChoiceText(scenario, s, choice).label : c.choice,
        changes: diff(s, r.state),
        history: historyOfChoice(scenario, c.event, c.choice, turn),
        sources: e?.sources ?? [],
        followed: [],
      });
    }
    const last = decisions[decisions.length - 1];
    if (last && last.index === i && notes.has(i)) last.note = notes.get(i);
    const closed = r.state.history.length > s.history.length;
    s = r.state;
    if (closed) scores.push(rawScore(scenario, s));
  }
  const state = s;
  const turnResponses = state.history.map((r) => recordResponses(scenario, state, r).map((x) => `${powerLabel(x.power)}: ${x.label}`));
  for (const d of decisions) d.followed = turnResponses[d.turn] ?? [];

  const turns = state.history.map((_, t) => ({ ...pointOf(scenario, state, t), score: scores[t] ?? rawScore(scenario, state) }));
  const { line, turns: historyTurns } = historyLineOf(scenario, seed, difficulty);

  return {
    scenario: { id: scenario.id, title: scenario.title },
    seed,
    difficulty,
    state,
    outcome: state.outcome,
    startScore,
    turns,
    turnEvents: state.history.map((r) => r.events.map((id) => rulesOf(scenario).eventById.get(id)?.title ?? id)),
    turnResponses,
    history: { outcome: line.outcome, turns: historyTurns, state: line },
    decisions,
    missed: missedHistory(scenario, state),
    turningPoints: turningPoints(scenario, state, startScore, turns, decisions),
    eras: eraSummaries(scenario, state, startScore, turns, historyTurns, decisions),
    interventions,
  };
}

const lines = new WeakMap<Scenario, Map<string, { line: GameState; turns: TurnPoint[] }>>();

/** The historical policy on the same seed and difficulty, with its score after each turn
 *  (cached: a class shares one setup, so its results share one historical line). */
function historyLineOf(scenario: Scenario, seed: string, difficulty: Difficulty): { line: GameState; turns: TurnPoint[] } {
  const byKey = lines.get(scenario) ?? new Map<string, { line: GameState; turns: TurnPoint[] }>();
  lines.set(scenario, byKey);
  const key = `${difficulty}:${seed}`;
  const cached = byKey.get(key);
  if (cached) return cached;
  const computed = computeHistoryLine(scenario, seed, difficulty);
  byKey.set(key, computed);
  return computed;
}

function computeHistoryLine(scenario: Scenario, seed: string, difficulty: Difficulty): { line: GameState; turns: TurnPoint[] } {
  const played = playGame(scenario, seed, historical, difficulty);
  let s = newGame(scenario, seed, { difficulty });
  const scores: number[] = [];
  for (const c of played.commands) {
    const r = apply(scenario, s, c);
    if (!r.ok) break;
    const closed = r.state.history.length > s.history.length;
    s = r.state;
    if (closed) scores.push(rawScore(scenario, s));
  }
  const line = s;
  return { line, turns: line.history.map((_, t) => ({ ...pointOf(scenario, line, t), score: scores[t] ?? 0 })) };
}

export const powerLabel = (p: PowerId) => ({ russia: 'Russia', turkey: 'Turkey', iran: 'Iran', west: 'The West' })[p];
