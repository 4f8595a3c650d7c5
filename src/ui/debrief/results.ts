/**
 * Exported results for a teacher: JSON with everything (the save itself, so anyone can
 * replay and check it, and what was computed from it for people to read) and CSV with
 * one row per turn. Named after the student and the scenario. Whoever reads a result
 * file back (the class comparison) recomputes everything from `save`; the rest is for
 * people and spreadsheets.
 */
import { METER_IDS, POWER_IDS } from '../../core/index.ts';
import { RESULT_FORMAT, type ReplayFile } from '../../persistence/replayFormat.ts';
import type { Analysis } from './analysis.ts';
import { diverged, type HistoryMark, monthLabel } from './historyMarks.ts';

export const RESULT_VERSION = 1;

export function historyText(h: HistoryMark): string {
  switch (h.kind) {
    case 'same':
      return h.sameTime || !h.when ? `As Azerbaijan did${h.when ? ` (${monthLabel(h.when)})` : ''}` : `As Azerbaijan did, but in ${monthLabel(h.when)}`;
    case 'other':
      return `History: ${h.what}${h.when ? ` (${monthLabel(h.when)})` : ''}`;
    case 'elsewhen':
      return `Your timing: Azerbaijan did this in ${h.when.map(monthLabel).join(', ')}`;
    case 'own':
      return 'Your own move: Azerbaijan never did this';
    case 'what-if':
      return 'A what-if: the sources record no such decision';
    case 'unrecorded':
      return 'The sources do not record Azerbaijan’s answer';
  }
}

export function resultJson(a: Analysis, save: ReplayFile, who: { student: string; className: string }, exportedAt: string) {
  return {
    format: RESULT_FORMAT,
    version: RESULT_VERSION,
    note: 'Everything below "save" was computed from it for people to read; a class comparison recomputes it from the save and ignores the rest.',
    student: who.student || null,
    class: who.className || null,
    exportedAt,
    scenario: a.scenario,
    seed: a.seed,
    difficulty: a.difficulty,
    outcome: a.outcome,
    historyOutcome: a.history.outcome,
    turningPoints: a.turningPoints,
    eras: a.eras.map((e) => ({ ...e, era: e.era.title })),
    decisions: a.decisions.map((d) => ({
      turn: d.turn + 1,
      quarter: a.turns[d.turn]?.label ?? null,
      kind: d.kind,
      title: d.title,
      choice: d.label,
      history: historyText(d.history),
      diverged: diverged(d.history),
      changes: d.changes,
      followed: d.followed,
      why: d.note ?? null,
    })),
    missedHistory: a.missed.map((m) => ({ month: m.month, title: m.title, what: m.what })),
    turns: a.turns,
    historyTurns: a.history.turns,
    save,
  };
}

/** One CSV cell: quoted when needed, and never read as a formula by a spreadsheet. */
export function csvCell(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return String(v);
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function resultCsv(a: Analysis): string {
  const header = [
    'turn',
    'quarter',
    'score',
    'history_score',
    ...METER_IDS,
    'treasury_musd',
    'revenue_musd',
    'balance',
    ...POWER_IDS.map((p) => `${p}_relation`),
    ...POWER_IDS.map((p) => `${p}_influence`),
    'events',
    'decisions',
    'left_history',
    'powers',
    'why',
  ];
  const rows = a.turns.map((p, t) => {
    const mine = a.decisions.filter((d) => d.turn === t);
    return [
      t + 1,
      p.label,
      p.score,
      a.history.turns[t]?.score ?? null,
      ...METER_IDS.map((m) => p.meters[m]),
      p.treasury,
      p.revenue,
      p.balance,
      ...POWER_IDS.map((x) => p.relation[x]),
      ...POWER_IDS.map((x) => p.influence[x]),
      (a.turnEvents[t] ?? []).join('; '),
      mine.map((d) => (d.kind === 'act' ? d.label : `${d.title}: ${d.label}`)).join('; '),
      mine.filter((d) => diverged(d.history)).length,
      (a.turnResponses[t] ?? []).join('; '),
      mine
        .filter((d) => d.note)
        .map((d) => `${d.label}: ${d.note}`)
        .join('; '),
    ];
  });
  return `${[header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** "Ayla-independence-1991-seed-42-results.json". */
export function resultFileName(a: Analysis, student: string, ext: 'json' | 'csv'): string {
  return `${student ? `${student}-` : ''}${a.scenario.id}-seed-${a.seed}-results.${ext}`.replace(/[^\p{L}\p{N}._-]+/gu, '-');
}
