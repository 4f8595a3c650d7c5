/**
 * The turn report's content, read from what the engine recorded (no rule is computed
 * here): what each power did and why, every meter, relation and influence that moved
 * with its causes, the money, the news, and — for the turn just ended — what is coming.
 * Plain data, so the report, the turn history and the tests share one reading.
 */
import {
  type Change,
  type GameState,
  METER_IDS,
  POWER_IDS,
  type PowerId,
  recordChanges,
  recordResponses,
  recordSnapshot,
  responseOdds,
  rulesOf,
  type Snapshot,
  turnLabel,
} from '../../core/index.ts';
import { eventTitle } from './words.ts';
import type { Scenario } from '../../scenario/types.ts';

export interface Moved {
  var: string;
  from: number;
  to: number;
  delta: number;
  causes: { cause: string; delta: number }[];
}

export interface PowerLine {
  power: PowerId;
  kind: 'stick' | 'carrot' | null;
  label?: string;
  text?: string;
  why?: string;
  relation: Moved;
  influence: Moved;
}

export interface TurnSummary {
  turn: number;
  label: string;
  powers: PowerLine[];
  /** Meters that moved, in the fixed meter order. */
  meters: Moved[];
  treasury: Moved;
  revenue: number;
  /** Events of the quarter: news is reported, decisions show the answer given. */
  events: { id: string; title: string; choice?: string }[];
  actions: string[];
  /** Only for the turn just ended: what the next quarters hold. */
  coming: string[];
}

/** A summary of the completed turn `turn` (an index into `state.history`). */
export function summarizeTurn(scenario: Scenario, state: GameState, turn: number): TurnSummary | null {
  const record = state.history[turn];
  if (!record) return null;
  const previous = turn > 0 ? state.history[turn - 1] : undefined;
  const before = previous ? recordSnapshot(previous) : null;
  const after = recordSnapshot(record);
  if (!after) return null;
  const start = before ?? startSnapshot(scenario);
  const changes = recordChanges(state, record);
  const answers = recordResponses(scenario, state, record);
  const rules = rulesOf(scenario);

  const powers: PowerLine[] = POWER_IDS.map((id) => {
    const r = answers.find((x) => x.power === id);
    const line: PowerLine = {
      power: id,
      kind: r?.kind ?? null,
      relation: moved(changes, `${id}.relation`, start.relation[id], after.relation[id]),
      influence: moved(changes, `${id}.influence`, start.influence[id], after.influence[id]),
    };
    if (r) {
      line.label = r.label;
      line.text = r.text;
      line.why = r.why;
    }
    return line;
  });
  const meters = METER_IDS.map((m) => moved(changes, m, start.meters[m], after.meters[m])).filter((x) => x.delta !== 0 || x.causes.length > 0);
  const chosen = new Map(record.choices.map((c) => [c.event, c.choice]));
  const events = record.events.map((id) => {
    const e = rules.eventById.get(id);
    const item: { id: string; title: string; choice?: string } = { id, title: e ? eventTitle(scenario, state, e) : id };
    const choiceId = chosen.get(id);
    const choice = e?.choices.find((c) => c.id === choiceId);
    if (choice) item.choice = choice.label;
    return item;
  });
  const summary: TurnSummary = {
    turn,
    label: turnLabel(scenario.calendar, record.turn),
    powers,
    meters,
    treasury: moved(changes, 'treasury', start.treasury, after.treasury),
    revenue: after.revenue,
    events,
    actions: record.actions.map((id) => rules.actionById.get(id)?.label ?? id),
    coming: turn === state.history.length - 1 && !state.outcome ? coming(scenario, state) : [],
  };
  return summary;
}

/** Net change of one variable over a turn, with its causes summed by label, biggest first. */
function moved(changes: readonly Change[], v: string, from: number, to: number): Moved {
  const totals = new Map<string, number>();
  for (const c of changes) if (c.var === v) totals.set(c.cause, (totals.get(c.cause) ?? 0) + c.delta);
  const causes = [...totals.entries()]
    .filter(([, d]) => d !== 0)
    .map(([cause, delta]) => ({ cause, delta }))
    .sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta) || (a.cause < b.cause ? -1 : 1));
  return { var: v, from, to, delta: to - from, causes };
}

/** What the player can see coming: responses still in force, the powers' intent, events a decision scheduled. */
function coming(scenario: Scenario, state: GameState): string[] {
  const out: string[] = [];
  for (const a of state.active) {
    const def = scenario.powers[a.power].responses.find((r) => r.id === a.response);
    const left = a.until - state.turn + 1;
    if (def) out.push(`${def.label} stays in force ${left === 1 ? 'this quarter' : `for ${left} more quarters`}.`);
  }
  for (const id of POWER_IDS) {
    const odds = responseOdds(scenario, state, id);
    const name = scenario.powers[id].name;
    if (odds.stick > 0) out.push(`${name} is ready to punish you: a ${odds.stick}% chance it acts against you next quarter.`);
    else if (odds.carrot > 0) out.push(`${name} is well disposed: a ${odds.carrot}% chance of a gesture in your favour next quarter.`);
  }
  const rules = rulesOf(scenario);
  for (const x of state.scheduled) {
    const e = rules.eventById.get(x.event);
    if (!e) continue;
    const wait = x.turn - state.turn;
    out.push(`${eventTitle(scenario, state, e)}: ${wait <= 0 ? 'due now' : wait === 1 ? 'expected next quarter' : `expected in ${wait} quarters`}.`);
  }
  return out;
}

function startSnapshot(scenario: Scenario): Snapshot {
  const relation = {} as Record<PowerId, number>;
  const influence = {} as Record<PowerId, number>;
  for (const id of POWER_IDS) {
    relation[id] = scenario.powers[id].relation;
    influence[id] = scenario.powers[id].influence;
  }
  return { meters: { ...scenario.initial.meters }, treasury: scenario.initial.treasury, revenue: 0, balance: 0, relation, influence };
}
