/**
 * The eras of a long scenario: headings for the debrief's summary and charts, and the
 * save points at each era's start (1994, 2003, 2008 in the campaign). A scenario may
 * list its own eras; the campaign's are given here until the format carries them.
 */
import { monthIndex } from '../../core/index.ts';
import type { Scenario } from '../../scenario/types.ts';

export interface Era {
  /** First month, "YYYY-MM". */
  from: string;
  title: string;
}

/** The campaign's eras: independence and war; the balanced policy (from the Contract of the
 *  Century and the ceasefire of 1994); Ilham Aliyev's presidency (October 2003); after the
 *  war in Georgia (August 2008). Sources: 000 and 001 in ../shared/sources. */
const KNOWN: Record<string, Era[]> = {
  'campaign-1991-2012': [
    { from: '1991-10', title: 'Independence and war, 1991–94' },
    { from: '1994-10', title: 'The balanced policy, 1994–2003' },
    { from: '2003-10', title: 'A new president, 2003–08' },
    { from: '2008-07', title: 'After Georgia, 2008–12' },
  ],
};

type Calendar = Scenario['calendar'];

export function erasOf(scenarioId: string, scenario?: { eras?: unknown }): Era[] {
  const own = scenario?.eras;
  if (Array.isArray(own) && own.every((e) => typeof e?.from === 'string' && typeof e?.title === 'string')) return own as Era[];
  return KNOWN[scenarioId] ?? [];
}

/** The turn (0-based) an era opens on. */
export function eraStartTurn(cal: Pick<Calendar, 'start' | 'monthsPerTurn'>, era: Era): number {
  return Math.max(0, Math.floor((monthIndex(era.from) - monthIndex(cal.start)) / cal.monthsPerTurn));
}

/** The eras with their first and last turns, clipped to the calendar. */
export function eraSpans(cal: Calendar, eras: Era[]): { era: Era; first: number; last: number }[] {
  return eras.map((era, i) => {
    const next = eras[i + 1];
    const first = eraStartTurn(cal, era);
    const last = next ? eraStartTurn(cal, next) - 1 : cal.turns - 1;
    return { era, first, last: Math.min(last, cal.turns - 1) };
  });
}
