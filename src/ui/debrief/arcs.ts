/**
 * Where the score moved: what each decision changed at once, the three turns that moved
 * the score most (with their causes), and a summary per era. No DOM here.
 */
import { type GameState, METER_IDS, type MeterId, POWER_IDS, type PowerId, recordChanges, responseEntries, rulesOf, turnLabel } from '../../core/index.ts';
import type { Scenario } from '../../scenario/types.ts';
import { eraSpans, erasOf } from '../classroom/eras.ts';
import type { Change, Decision, EraSummary, TurningPoint, TurnPoint } from './analysis.ts';
import { diverged } from './historyMarks.ts';

const TRACKED = [...METER_IDS, 'treasury', ...POWER_IDS.map((p) => `${p}.relation`), ...POWER_IDS.map((p) => `${p}.influence`)];

function readTracked(s: GameState, v: string): number {
  if (v === 'treasury') return s.treasury;
  const [p, k] = v.split('.') as [PowerId, 'relation' | 'influence' | undefined];
  if (k) return s.powers[p][k];
  return s.meters[v as MeterId];
}

export function diff(before: GameState, after: GameState): Change[] {
  const out: Change[] = [];
  for (const v of TRACKED) {
    const d = readTracked(after, v) - readTracked(before, v);
    if (d !== 0) out.push({ var: v, delta: d });
  }
  return out;
}

export function turningPoints(scenario: Scenario, s: GameState, startScore: number, turns: TurnPoint[], decisions: Decision[]): TurningPoint[] {
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

export function eraSummaries(
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
