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
  METER_IDS,
  type MeterId,
  monthIndex,
  newGame,
  type Outcome,
  POWER_IDS,
  type PowerId,
  rawScore,
  recordChanges,
  recordResponses,
  recordSnapshot,
  resolveChoiceText,
  responseEntries,
  resolveEventText,
  rulesOf,
  turnLabel,
} from '../../core/index.ts';
import type { JournalEntry } from '../../persistence/replayFormat.ts';
import { historical } from '../../policies/policies.ts';
import { playGame } from '../../policies/run.ts';
import type { Scenario, Source } from '../../scenario/types.ts';
import { type Era, eraSpans, erasOf } from '../classroom/eras.ts';

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

export type HistoryMark =
  /** The player did what Azerbaijan did; `sameTime` when also in the same quarter. */
  | { kind: 'same'; when: string | null; sameTime: boolean }
  /** History answered this event otherwise. */
  | { kind: 'other'; what: string; when: string | null }
  /** An action history took, but at other dates: the timing is the player's. */
  | { kind: 'elsewhen'; when: string[] }
  /** An action history never took: the player's own move. */
  | { kind: 'own' }
  /** An event the sources do not record (a what-if). */
  | { kind: 'what-if' }
  /** An event whose answer the sources do not record. */
  | { kind: 'unrecorded' };

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

/** Something Azerbaijan did in history, in the span played, that the player did not. */
export interface Missed {
  month: string;
  title: string;
  what: string;
  sources: readonly Source[];
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
}

const monthLabel = (m: string) => {
  const names = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return `${names[Number(m.slice(5, 7)) - 1] ?? ''} ${m.slice(0, 4)}`;
};
export { monthLabel };

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

const TRACKED = [...METER_IDS, 'treasury', ...POWER_IDS.map((p) => `${p}.relation`), ...POWER_IDS.map((p) => `${p}.influence`)];

function readTracked(s: GameState, v: string): number {
  if (v === 'treasury') return s.treasury;
  const [p, k] = v.split('.') as [PowerId, 'relation' | 'influence' | undefined];
  if (k) return s.powers[p][k];
  return s.meters[v as MeterId];
}

function diff(before: GameState, after: GameState): Change[] {
  const out: Change[] = [];
  for (const v of TRACKED) {
    const d = readTracked(after, v) - readTracked(before, v);
    if (d !== 0) out.push({ var: v, delta: d });
  }
  return out;
}

/** The quarter's months [first, last] as month indexes. */
function turnMonths(scenario: Scenario, turn: number): [number, number] {
  const first = monthIndex(scenario.calendar.start) + turn * scenario.calendar.monthsPerTurn;
  return [first, first + scenario.calendar.monthsPerTurn - 1];
}

function historyOfChoice(scenario: Scenario, eventId: string, choiceId: string, turn: number): HistoryMark {
  const event = rulesOf(scenario).eventById.get(eventId);
  if (!event) return { kind: 'unrecorded' };
  if (event.whatIf) return { kind: 'what-if' };
  const theirs = event.choices.find((c) => c.historical);
  if (!theirs) return { kind: 'unrecorded' };
  const when = event.happened ?? event.date ?? null;
  if (theirs.id !== choiceId) return { kind: 'other', what: theirs.label, when };
  const [a, b] = turnMonths(scenario, turn);
  return { kind: 'same', when, sameTime: when !== null && monthIndex(when) >= a && monthIndex(when) <= b };
}

function historyOfAction(scenario: Scenario, actionId: string, turn: number): HistoryMark {
  const months = rulesOf(scenario).actionById.get(actionId)?.historical ?? [];
  if (months.length === 0) return { kind: 'own' };
  const [a, b] = turnMonths(scenario, turn);
  const now = months.find((m) => monthIndex(m) >= a && monthIndex(m) <= b);
  return now ? { kind: 'same', when: now, sameTime: true } : { kind: 'elsewhen', when: [...months] };
}

export const diverged = (h: HistoryMark) => h.kind === 'other' || h.kind === 'elsewhen' || h.kind === 'own';

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
  for (let i = 0; i < commands.length; i++) {
    const c = commands[i] as Command;
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

function missedHistory(scenario: Scenario, s: GameState): Missed[] {
  const played = s.history.length;
  if (played === 0) return [];
  const [, lastMonth] = turnMonths(scenario, played - 1);
  const out: Missed[] = [];
  for (const a of scenario.actions) {
    const due = (a.historical ?? []).filter((m) => monthIndex(m) <= lastMonth);
    const taken = s.uses[a.id] ?? 0;
    for (const m of due.slice(taken))
      out.push({ month: m, title: a.label, what: `Azerbaijan did this (${monthLabel(m)}); you did not.`, sources: a.sources ?? [] });
  }
  for (const e of scenario.events) {
    const when = e.happened ?? e.date;
    if (!when || e.whatIf || monthIndex(when) > lastMonth || s.fired[e.id] !== undefined) continue;
    const theirs = e.choices.find((c) => c.historical);
    out.push({
      month: when,
      title: e.title,
      what: theirs
        ? `It happened in ${monthLabel(when)}, and Azerbaijan chose: ${theirs.label}. In your game it never came.`
        : `It happened in ${monthLabel(when)}; in your game it never came.`,
      sources: e.sources,
    });
  }
  return out.sort((x, y) => monthIndex(x.month) - monthIndex(y.month));
}

function turningPoints(scenario: Scenario, s: GameState, startScore: number, turns: TurnPoint[], decisions: Decision[]): TurningPoint[] {
  const points = turns.map((p, t) => ({ t, delta: p.score - (t === 0 ? startScore : (turns[t - 1]?.score ?? startScore)) }));
  return points
    .filter((p) => p.delta !== 0)
    .sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta) || a.t - b.t)
    .slice(0, 3)
    .map(({ t, delta }) => {
      const record = s.history[t];
      const byCause = new Map<string, Change[]>();
      for (const ch of record ? recordChanges(s, record) : []) {
        if (!TRACKED.includes(ch.var) || ch.var === 'treasury' || ch.delta === 0) continue;
        const list = byCause.get(ch.cause) ?? [];
        const same = list.find((x) => x.var === ch.var);
        if (same) same.delta += ch.delta;
        else list.push({ var: ch.var, delta: ch.delta });
        byCause.set(ch.cause, list);
      }
      const weight = (cs: Change[]) => cs.reduce((n, c) => n + Math.abs(c.delta) * (c.var.includes('.') ? 0.5 : 1), 0);
      const causes = [...byCause.entries()]
        .map(([cause, changes]) => ({ cause, changes: changes.filter((c) => c.delta !== 0) }))
        .filter((c) => c.changes.length > 0)
        .sort((a, b) => weight(b.changes) - weight(a.changes))
        .slice(0, 4);
      return {
        turn: t,
        label: turnLabel(scenario.calendar, t),
        delta,
        scoreAfter: turns[t]?.score ?? 0,
        causes,
        decisions: decisions.filter((d) => d.turn === t).map((d) => (d.kind === 'act' ? d.label : `${d.title}: ${d.label}`)),
      };
    });
}

function eraSummaries(
  scenario: Scenario,
  s: GameState,
  startScore: number,
  turns: TurnPoint[],
  historyTurns: TurnPoint[],
  decisions: Decision[],
): EraSummary[] {
  const eras = erasOf(scenario.id, scenario as { eras?: unknown });
  if (eras.length === 0) return [];
  const rules = rulesOf(scenario);
  return eraSpans(scenario.calendar, eras)
    .filter((span) => span.first < Math.max(1, turns.length))
    .map(({ era, first, last }) => {
      const end = Math.min(last, turns.length - 1);
      const records = s.history.slice(first, end + 1);
      const mine = decisions.filter((d) => d.turn >= first && d.turn <= end);
      return {
        era,
        from: turnLabel(scenario.calendar, first),
        to: turnLabel(scenario.calendar, end),
        firstTurn: first,
        lastTurn: end,
        scoreStart: first === 0 ? startScore : (turns[first - 1]?.score ?? startScore),
        scoreEnd: turns[end]?.score ?? startScore,
        historyScoreEnd: historyTurns[end]?.score ?? null,
        events: records.flatMap((r) => r.events.map((id) => rules.eventById.get(id)?.title ?? id)),
        decisions: mine.length,
        diverged: mine.filter((d) => diverged(d.history)).length,
        sticks: records.reduce((n, r) => n + responseEntries(s, r).filter((x) => x.kind === 'stick').length, 0),
        carrots: records.reduce((n, r) => n + responseEntries(s, r).filter((x) => x.kind === 'carrot').length, 0),
      };
    });
}
