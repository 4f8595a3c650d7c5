/**
 * The title screen tells the player what a difficulty changes (DIFFICULTY_HELP, shown
 * beside the chooser): its numbers must be the model's (DIFFICULTY), and the default
 * speaks of the world, not of the game's documents.
 */
import { describe, expect, it } from 'vitest';
import { DIFFICULTY, DIFFICULTY_HELP } from '../../src/core/index.ts';

/** The percentages and the points a help text states, in the order it states them. */
const figures = (text: string) => [...text.matchAll(/(\d+)(%| more points| points)/g)].map((m) => Number(m[1]));

describe('difficulty help', () => {
  it('states the model’s own changes on easy and hard', () => {
    expect(DIFFICULTY.easy).toEqual({ stick: 70, carrot: 125, touchiness: -8 });
    expect(figures(DIFFICULTY_HELP.easy)).toEqual([100 - DIFFICULTY.easy.stick, DIFFICULTY.easy.carrot - 100, -DIFFICULTY.easy.touchiness]);
    expect(DIFFICULTY_HELP.easy).toContain('30% less often');
    expect(figures(DIFFICULTY_HELP.hard)).toEqual([DIFFICULTY.hard.stick - 100, 100 - DIFFICULTY.hard.carrot, DIFFICULTY.hard.touchiness]);
    expect(DIFFICULTY_HELP.hard).toContain('35% more often');
  });

  it('describes normal as history’s own balance, with no change to the model', () => {
    expect(DIFFICULTY.normal).toEqual({ stick: 100, carrot: 100, touchiness: 0 });
    expect(DIFFICULTY_HELP.normal).toBe('The powers push as hard as they did in history.');
    expect(DIFFICULTY_HELP.normal).not.toMatch(/source/i);
  });
});
