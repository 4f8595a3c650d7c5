/**
 * A game told turn by turn, for `play --trace`: the events raised and the answer given,
 * the actions taken, each power's answer and why (or why it held back), and every change
 * with its cause — the meters and relations from the turn's records, and what the records
 * do not hold (routes, fields, flags, counters, the leader, schedules) from the state
 * before and after each move. Plain data: `--json` prints it as it is.
 */
import {
  apply,
  type Command,
  type Difficulty,
  type GameState,
  newGame,
  POWER_IDS,
  POWER_NAMES,
  type PowerId,
  recordChanges,
  recordResponses,
  recordSnapshot,
  resolveChoiceText,
  resolveEventText,
  responseOdds,
  rulesOf,
  type Snapshot,
  seedRng,
  turnLabel,
  type TurnRecord,
  varLabel,
} from '../core/index.ts';
import type { ReadableVar } from '../core/vocabulary.ts';
import type { Scenario } from '../scenario/types.ts';
import type { Policy } from './policy.ts';

export interface TraceEvent {
  id: string;
  title: string;
  /** News is reported without a question. */
  news: boolean;
  choice?: { id: string; label: string; historical: boolean };
}

export interface TraceAnswer {
  power: PowerId;
  /** What it did: a stick, a carrot, or nothing. */
  kind: 'stick' | 'carrot' | 'none';
  label?: string;
  text?: string;
  why: string;
}

export interface TraceChange {
  var: string;
  label: string;
  delta: number;
  /** Its value at the end of the turn, when the record keeps it. */
  after?: number;
  causes: { cause: string; delta: number }[];
}

/** Something the turn's record does not hold: a route, a field, a flag, a counter, the leader, a schedule. */
export interface TraceOther {
  what: string;
  from: string;
  to: string;
  /** The move during which it happened. */
  during: string;
}

export interface TraceTurn {
  turn: number;
  label: string;
  leader: string;
  events: TraceEvent[];
  actions: { id: string; label: string }[];
  answers: TraceAnswer[];
  changes: TraceChange[];
  other: TraceOther[];
}

export interface Trace {
  scenario: string;
  seed: string;
  policy: string;
  difficulty: Difficulty;
  turns: TraceTurn[];
  outcome: GameState['outcome'];
  state: GameState;
  commands: Command[];
  refused?: { command: Command; message: string };
}

const MAX_COMMANDS_PER_TURN = 60;

/** Plays a game as `playGame` does, and tells it. */
export function traceGame(scenario: Scenario, seed: string | number, policy: Policy, difficulty: Difficulty = 'normal'): Trace {
  let state = newGame(scenario, seed, { difficulty });
  const ctx = { scenario, rng: seedRng(`policy:${policy.name}:${seed}`) };
  const commands: Command[] = [];
  const turns: TraceTurn[] = [];
  let open = openTurn(scenario, state);
  let inTurn = 0;
  let refused: Trace['refused'];
  // News raised at the opening of the first turn.
  noteNews(scenario, state, open);
  while (!state.outcome) {
    let command = policy.next(ctx, state);
    if (++inTurn > MAX_COMMANDS_PER_TURN && command.type === 'act') command = { type: 'endTurn' };
    const before = state;
    const r = apply(scenario, state, command);
    if (!r.ok) {
      refused = { command, message: r.message };
      break;
    }
    commands.push(command);
    state = r.state;
    if (command.type === 'act') {
      const a = rulesOf(scenario).actionById.get(command.action);
      open.actions.push({ id: command.action, label: a?.label ?? command.action });
      diffOthers(before, state, a?.label ?? command.action, open.other);
      noteNews(scenario, state, open);
    } else if (command.type === 'choose') {
      const e = rulesOf(scenario).eventById.get(command.event);
      const c = e?.choices.find((x) => x.id === command.choice);
      const entry = open.events.find((x) => x.id === command.event && !x.choice);
      const title = e ? resolveEventText(scenario, before, e).title : command.event;
      const label = c ? resolveChoiceText(scenario, before, c).label : command.choice;
      const choice = { id: command.choice, label, historical: c?.historical === true };
      if (entry) entry.choice = choice;
      else open.events.push({ id: command.event, title, news: false, choice });
      diffOthers(before, state, `${title}: ${label}`, open.other);
      noteNews(scenario, state, open);
    } else {
      inTurn = 0;
      const closed = state.history[before.turn] ?? state.history[state.history.length - 1];
      if (closed) finishTurn(scenario, before, state, closed, open);
      diffOthers(before, state, "the turn's end and the next opening", open.other);
      turns.push(open);
      if (state.outcome) break;
      open = openTurn(scenario, state);
      noteNews(scenario, state, open);
    }
  }
  // A game that ends on an action or a choice: the turn in play is told as it stands.
  if (state.outcome && turns[turns.length - 1] !== open) {
    finishTurn(scenario, state, state, state.current, open);
    turns.push(open);
  }
  const trace: Trace = {
    scenario: scenario.id,
    seed: state.seed,
    policy: policy.name,
    difficulty,
    turns,
    outcome: state.outcome,
    state,
    commands,
  };
  if (refused) trace.refused = refused;
  return trace;
}

function openTurn(scenario: Scenario, s: GameState): TraceTurn {
  return { turn: s.turn, label: turnLabel(scenario.calendar, s.turn), leader: s.leader, events: [], actions: [], answers: [], changes: [], other: [] };
}

/** Events raised so far this turn that the trace has not listed yet (the record lists them in order). */
function noteNews(scenario: Scenario, s: GameState, open: TraceTurn): void {
  const raised = s.current.turn === open.turn ? s.current.events : [];
  for (const id of raised) {
    if (open.events.some((x) => x.id === id)) continue;
    const e = rulesOf(scenario).eventById.get(id);
    open.events.push({ id, title: e ? resolveEventText(scenario, s, e).title : id, news: (e?.choices.length ?? 0) === 0 });
  }
}

/** The changes of a closed turn, by variable with their causes, and each power's answer. */
function finishTurn(scenario: Scenario, before: GameState, after: GameState, record: TurnRecord, open: TraceTurn): void {
  const byVar = new Map<string, TraceChange>();
  for (const c of recordChanges(after, record)) {
    let entry = byVar.get(c.var);
    if (!entry) {
      entry = { var: c.var, label: varLabel(c.var as ReadableVar), delta: 0, causes: [] };
      byVar.set(c.var, entry);
    }
    entry.delta += c.delta;
    const cause = entry.causes.find((x) => x.cause === c.cause);
    if (cause) cause.delta += c.delta;
    else entry.causes.push({ cause: c.cause, delta: c.delta });
  }
  const snap = recordSnapshot(record);
  for (const entry of byVar.values()) {
    const after = snapshotValue(snap, entry.var);
    if (after !== undefined) entry.after = after;
    entry.causes = entry.causes.filter((x) => x.delta !== 0);
    if (entry.delta !== 0 || entry.causes.length > 0) open.changes.push(entry);
  }
  const answered = new Set<PowerId>();
  for (const r of recordResponses(scenario, after, record)) {
    answered.add(r.power);
    open.answers.push({ power: r.power, kind: r.kind, label: r.label, text: r.text, why: r.why });
  }
  // Why the others held back: their stance against the thresholds, as the engine rolled it.
  for (const id of POWER_IDS) {
    if (answered.has(id) || record !== after.history[record.turn]) continue;
    const stance = after.powers[id].stance;
    const odds = responseOdds(scenario, after, id);
    const sign = stance > 0 ? '+' : '';
    const why =
      odds.stick === 0 && odds.carrot === 0
        ? `${POWER_NAMES[id]}'s stance ${sign}${stance} is between ${scenario.model.stickStance} and ${scenario.model.carrotStance}: no answer due`
        : `${POWER_NAMES[id]}'s stance ${sign}${stance}: ${odds.stick > 0 ? `${odds.stick}% chance of a stick` : `${odds.carrot}% chance of a carrot`}, and the roll spared you`;
    open.answers.push({ power: id, kind: 'none', why });
  }
  void before;
}

function snapshotValue(snap: Snapshot | null, v: string): number | undefined {
  if (!snap) return undefined;
  if (v in snap.meters) return snap.meters[v as keyof typeof snap.meters];
  if (v === 'treasury') return snap.treasury;
  const dot = v.indexOf('.');
  if (dot > 0) {
    const power = v.slice(0, dot) as PowerId;
    const part = v.slice(dot + 1);
    if (part === 'relation') return snap.relation[power];
    if (part === 'influence') return snap.influence[power];
  }
  return undefined;
}

/** Routes, fields, flags, counters, the leader and schedules that a move changed. */
function diffOthers(a: GameState, b: GameState, during: string, out: TraceOther[]): void {
  const push = (what: string, from: string, to: string) => {
    if (from !== to) out.push({ what, from, to, during });
  };
  push('leader', a.leader, b.leader);
  if (a.routes !== b.routes) {
    for (const [id, r] of Object.entries(b.routes)) {
      const o = a.routes[id];
      if (!o || o === r) continue;
      push(`route ${id} status`, o.status, r.status);
      push(`route ${id} capacity`, String(o.capacity), String(r.capacity));
      push(`route ${id} price`, String(o.price ?? 'as listed'), String(r.price ?? 'as listed'));
      push(`route ${id} leverage`, String(o.leverage ?? 'as listed'), String(r.leverage ?? 'as listed'));
    }
  }
  if (a.fields !== b.fields) {
    for (const [id, f] of Object.entries(b.fields)) {
      const o = a.fields[id];
      if (!o || o === f) continue;
      push(`field ${id} status`, o.status, f.status);
      push(`field ${id} output`, String(o.output), String(f.output));
    }
  }
  if (a.flags !== b.flags) {
    const names = new Set([...Object.keys(a.flags), ...Object.keys(b.flags)]);
    for (const n of [...names].sort()) push(`flag ${n}`, flagText(a.flags[n]), flagText(b.flags[n]));
  }
  for (const id of POWER_IDS) {
    const pa = a.powers[id];
    const pb = b.powers[id];
    push(`${id} base relation`, String(pa.baseRelation ?? 'as listed'), String(pb.baseRelation ?? 'as listed'));
    push(`${id} aggression`, String(pa.aggression ?? 'as listed'), String(pb.aggression ?? 'as listed'));
  }
  if (a.scheduled !== b.scheduled) {
    const key = (x: GameState['scheduled'][number]) => `${x.event} due turn ${x.turn + 1}${x.wait ? ` (may wait ${x.wait})` : ''}`;
    const before = new Set(a.scheduled.map(key));
    const after = new Set(b.scheduled.map(key));
    for (const k of after) if (!before.has(k)) out.push({ what: 'scheduled', from: '—', to: k, during });
    for (const k of before) if (!after.has(k)) out.push({ what: 'scheduled', from: k, to: '—', during });
  }
}

function flagText(v: boolean | number | undefined): string {
  return v === undefined || v === false ? 'unset' : String(v);
}
