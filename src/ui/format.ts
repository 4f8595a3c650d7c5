/** Formatting numbers, dates and variables for people. */
import { POWER_NAMES, type PowerId, turnLabel, varLabel } from '../core/index.ts';
import type { ReadableVar } from '../core/vocabulary.ts';
import type { Scenario } from '../scenario/types.ts';

export const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '±0');

export const money = (millions: number) => {
  const neg = millions < 0;
  const m = Math.abs(millions);
  const text = m >= 1000 ? `$${(m / 1000).toFixed(m >= 10_000 ? 0 : 1)}bn` : `$${m}m`;
  return neg ? `−${text}` : text;
};

export const powerName = (id: PowerId) => POWER_NAMES[id].replace(/^the /, 'The ');

export function varName(v: string): string {
  return varLabel(v as ReadableVar).replace(/^the /, 'The ');
}

export const quarterLabel = (scenario: Scenario, turn: number) => turnLabel(scenario.calendar, turn);

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function monthName(month: string): string {
  const [y, m] = month.split('-');
  return `${MONTHS[Number(m) - 1] ?? ''} ${y}`;
}

/** Relation on a words scale, so colour is never the only cue. */
export function relationWord(relation: number): string {
  if (relation <= -50) return 'hostile';
  if (relation <= -15) return 'cold';
  if (relation < 15) return 'wary';
  if (relation < 50) return 'friendly';
  return 'close';
}

export const METER_INFO: Record<string, { label: string; help: string }> = {
  sovereignty: { label: 'Sovereignty', help: 'How freely Azerbaijan sets its own course. Lose it all and you are a client state.' },
  stability: { label: 'Stability', help: "The government's hold at home. If it collapses, so does your government." },
  economy: { label: 'Economy', help: 'Trade, jobs and budgets. Oil and gas revenue lifts it; embargoes and war drag it down.' },
  security: { label: 'Security', help: 'Military readiness and protection.' },
  karabakh: { label: 'Karabakh', help: 'Your position in the Nagorno-Karabakh conflict: territory held and leverage at the table.' },
};
