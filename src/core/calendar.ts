/**
 * Calendar arithmetic on months. A month is kept as a single integer (year * 12 +
 * month - 1) so comparisons and turn arithmetic are exact.
 */

// Conditions compare dates on every evaluation; parsing "YYYY-MM" each time dominated the
// cost of long scenarios. A scenario holds a few hundred distinct months at most.
const parsed = new Map<string, number>();

export function monthIndex(month: string): number {
  let index = parsed.get(month);
  if (index === undefined) {
    index = Number(month.slice(0, 4)) * 12 + (Number(month.slice(5, 7)) - 1);
    if (parsed.size < 10_000) parsed.set(month, index);
  }
  return index;
}

export function monthString(index: number): string {
  const year = Math.floor(index / 12);
  const m = index - year * 12 + 1;
  return `${year}-${m < 10 ? '0' : ''}${m}`;
}

export interface Calendar {
  start: string;
  monthsPerTurn: number;
  turns: number;
}

let lastStart: string | null = null;
let lastStartIndex = 0;

/** First month of a turn (turn 0 starts at the calendar's start). */
export function turnStart(cal: Calendar, turn: number): number {
  // Asked for on every date condition: one game's calendar is asked again and again.
  if (cal.start !== lastStart) {
    lastStartIndex = monthIndex(cal.start);
    lastStart = cal.start;
  }
  return lastStartIndex + turn * cal.monthsPerTurn;
}

/** The turn containing a month, or -1 when the month lies outside the calendar. */
export function turnOfMonth(cal: Calendar, month: string): number {
  const offset = monthIndex(month) - monthIndex(cal.start);
  if (offset < 0) return -1;
  const turn = Math.floor(offset / cal.monthsPerTurn);
  return turn < cal.turns ? turn : -1;
}

/** Last month the calendar covers. */
export function calendarEnd(cal: Calendar): number {
  return monthIndex(cal.start) + cal.turns * cal.monthsPerTurn - 1;
}

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Oct–Dec 1991" for a quarterly turn, "Mar 1992" for a monthly one. */
export function turnLabel(cal: Calendar, turn: number): string {
  const first = turnStart(cal, turn);
  const last = first + cal.monthsPerTurn - 1;
  const name = (i: number) => MONTH_NAMES[i - Math.floor(i / 12) * 12] ?? '';
  const year = (i: number) => Math.floor(i / 12);
  if (first === last) return `${name(first)} ${year(first)}`;
  if (year(first) === year(last)) return `${name(first)}–${name(last)} ${year(first)}`;
  return `${name(first)} ${year(first)}–${name(last)} ${year(last)}`;
}
