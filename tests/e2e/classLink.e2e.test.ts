/**
 * Class links in Chromium: the teacher makes a link on the title screen and copies it;
 * a student opens it, sees the setup and its seed, starts, and plays that exact setup
 * (the seed, the difficulty, the class name in the saved game).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { atSizes, byTestId, openPage, OUT, useBuiltGame } from './browser.ts';

const site = useBuiltGame();

const shot = async (page: Page, name: string) => writeFileSync(join(OUT, `class-${name}.png`), await page.screenshot());

describe('class links', () => {
  it('the title screen makes and copies a link; opening it shows its seed and starts that exact setup', async () => {
    const { page, errors } = await openPage(site.browser);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(site.url).origin });
    await page.goto(site.url);
    await page.click(byTestId('new-game'));
    await page.click(byTestId('scenario-option-independence-1991'));
    await page.fill(byTestId('seed-input'), '4821');
    expect(await page.textContent(byTestId('difficulty-help'))).toBe('The powers push as hard as they did in history.');
    await page.selectOption(byTestId('difficulty'), 'hard');
    // What the difficulty changes, in the model's own numbers (src/core/powers.ts).
    expect(await page.textContent(byTestId('difficulty-help'))).toBe(
      'The powers are touchy: they use sticks 35% more often, offer carrots 25% less often, and turn hostile 8 points sooner.',
    );
    await page.fill(byTestId('class-name'), '10B');
    await page.click(byTestId('class-link'));
    const link = await page.inputValue(byTestId('class-link-url'));
    expect(link).toBe(`${site.url}?scenario=independence-1991&seed=4821&difficulty=hard&class=10B`);
    await page.click(byTestId('copy-class-link'));
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(link);
    await shot(page, 'maker');

    const student = await openPage(site.browser);
    await student.page.goto(link);
    await student.page.waitForSelector(byTestId('class-setup'));
    expect(await student.page.textContent(byTestId('class-seed'))).toBe('seed 4821');
    expect(await student.page.textContent(byTestId('class-setup'))).toContain('Class 10B');
    await atSizes(student.page, (w) => shot(student.page, `card-${w}`));
    await student.page.fill(byTestId('class-student-name'), 'Nigar');
    await student.page.click(byTestId('class-start'));
    await student.page.waitForSelector(byTestId('turn-label'));
    const game = await student.page.evaluate(() => {
      const h = (
        window as unknown as {
          __caspian: {
            store: { getState(): { game: { seed: string; difficulty: string; scenarioId: string } } };
            saving: { getState(): { student: string; className: string } };
          };
        }
      ).__caspian;
      const g = h.store.getState().game;
      const s = h.saving.getState();
      return [g.scenarioId, g.seed, g.difficulty, s.student, s.className];
    });
    expect(game).toEqual(['independence-1991', '4821', 'hard', 'Nigar', '10B']);

    // A link naming a scenario the game does not have says so in words.
    const broken = await openPage(site.browser);
    await broken.page.goto(`${site.url}?scenario=atlantis&seed=1`);
    expect(await broken.page.textContent(byTestId('title-problem'))).toContain('names a scenario this game does not have');
    expect([...errors, ...student.errors, ...broken.errors]).toEqual([]);
  });
});
