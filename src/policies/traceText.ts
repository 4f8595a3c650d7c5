/** The trace as text for a terminal: one block per turn, readable top to bottom. */
import { POWER_NAMES } from '../core/index.ts';
import type { Trace, TraceTurn } from './trace.ts';

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

export function formatTrace(t: Trace): string {
  const lines: string[] = [];
  for (const turn of t.turns) lines.push(...formatTurn(turn), '');
  const o = t.outcome;
  if (o) lines.push(`End: ${o.title} — ${o.status}${o.reason !== 'completed' ? ` (${o.reason})` : ''}, score ${o.score}, ${o.rating}`);
  if (t.refused) lines.push(`The policy's move was refused: ${t.refused.message}`);
  return lines.join('\n');
}

function formatTurn(turn: TraceTurn): string[] {
  const out = [`Turn ${turn.turn + 1} · ${turn.label} · ${turn.leader}`];
  if (turn.events.length > 0) {
    out.push('  Events');
    for (const e of turn.events) {
      const answer = e.news ? 'news' : e.choice ? `→ ${e.choice.label}${e.choice.historical ? ' (history’s choice)' : ''}` : 'unanswered';
      out.push(`    ${e.title} [${e.id}]: ${answer}`);
    }
  }
  if (turn.actions.length > 0) {
    out.push('  Actions');
    for (const a of turn.actions) out.push(`    ${a.label} [${a.id}]`);
  }
  if (turn.answers.length > 0) {
    out.push('  Powers');
    for (const a of turn.answers) {
      if (a.kind === 'none') out.push(`    ${POWER_NAMES[a.power]}: held back. ${a.why}`);
      else out.push(`    ${POWER_NAMES[a.power]}: ${a.kind}, ${a.label}. Why: ${a.why}`);
    }
  }
  if (turn.changes.length > 0) {
    out.push('  Changes');
    for (const c of turn.changes) {
      const head = `${c.label} ${signed(c.delta)}${c.after !== undefined ? ` → ${c.after}` : ''}`;
      out.push(`    ${head}: ${c.causes.map((x) => `${x.cause} ${signed(x.delta)}`).join('; ')}`);
    }
  }
  if (turn.other.length > 0) {
    out.push('  Also');
    for (const o of turn.other) out.push(`    ${o.what}: ${o.from} → ${o.to} (${o.during})`);
  }
  return out;
}
