/**
 * The years under the charts (debrief, replay, class comparison; src/ui/debrief/charts.ts
 * `axisTicks`): each year named once, at its first quarter, about six of them, never so
 * close that two run into each other.
 */
import { describe, expect, it } from 'vitest';
import { quarterLabel } from '../../src/ui/format.ts';
import { axisTicks } from '../../src/ui/debrief/charts.ts';
import { shippedScenario } from '../helpers.ts';

/** The charts' x: 34 px of axis labels on the left, 14 on the right. */
const along = (width: number, turns: number) => (t: number) => 34 + ((width - 48) * t) / Math.max(1, turns - 1);

function ticks(id: string, width: number) {
  const scenario = shippedScenario(id);
  const turns = scenario.calendar.turns;
  return axisTicks(turns, (t) => quarterLabel(scenario, t).slice(-4), along(width, turns));
}

describe('the charts’ years', () => {
  it('name the first chapter’s years once each (the replay, 640 px wide): not 1991 1992 1993 1994 1994', () => {
    expect(ticks('independence-1991', 640)).toEqual([
      { turn: 0, label: '1991' },
      { turn: 1, label: '1992' },
      { turn: 5, label: '1993' },
      { turn: 9, label: '1994' },
    ]);
  });

  it('leave out a year that would run into the one before (the debrief, 420 px wide)', () => {
    expect(ticks('independence-1991', 420).map((t) => t.label)).toEqual(['1991', '1993', '1994']);
  });

  it('step through the campaign’s 22 years four at a time', () => {
    expect(ticks('campaign-1991-2012', 900).map((t) => t.label)).toEqual(['1991', '1995', '1999', '2003', '2007', '2011']);
  });

  it.each(['independence-1991', 'balanced-1994', 'after-georgia-2008', 'campaign-1991-2012'])('never repeat a year or crowd two together in %s', (id) => {
    for (const width of [420, 440, 640, 900]) {
      const shown = ticks(id, width);
      const scenario = shippedScenario(id);
      const x = along(width, scenario.calendar.turns);
      expect(new Set(shown.map((t) => t.label)).size).toBe(shown.length);
      for (let i = 1; i < shown.length; i++)
        expect(x((shown[i] as { turn: number }).turn) - x((shown[i - 1] as { turn: number }).turn)).toBeGreaterThanOrEqual(34);
      expect(shown.length).toBeGreaterThanOrEqual(2);
      expect(shown.length).toBeLessThanOrEqual(7);
    }
  });
});
