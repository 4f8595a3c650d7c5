/**
 * The decision journal in Chromium: after a decision the player writes a "why"; typing
 * in it never answers an event; the note is saved with the game (it survives Continue)
 * and appears in the debrief and the exported results.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { atSizes, byTestId, openPage, OUT, skipGuideToFirstEvent, useBuiltGame } from './browser.ts';
import { playToEnd } from './play.ts';

const site = useBuiltGame();

const shot = async (page: Page, name: string) => writeFileSync(join(OUT, `journal-${name}.png`), await page.screenshot());
const pendingCount = (page: Page) =>
  page.evaluate(
    () => (window as unknown as { __caspian: { store: { getState(): { game: { pending: string[] } } } } }).__caspian.store.getState().game.pending.length,
  );

describe('the decision journal', () => {
  it('keeps a why for a decision, in the save, the debrief and the results', async () => {
    const { page, errors } = await openPage(site.browser);
    await page.goto(`${site.url}?play=independence-1991&seed=21`);
    await skipGuideToFirstEvent(page);
    const before = await pendingCount(page);
    await page.keyboard.press('1');
    await page.waitForSelector(`${byTestId('journal-input')}:visible`);
    expect(await page.textContent('.journal-label')).toMatch(/^Why: .+: .+\?$/);
    // Typing digits in the journal must not answer the next event.
    await page.fill(byTestId('journal-input'), '');
    await page.type(byTestId('journal-input'), 'Option 1 keeps 2 doors open');
    expect(await pendingCount(page)).toBe(before - 1);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.textContent('.journal-saved')).toBe('✓ kept in your journal');
    await shot(page, 'strip');
    // The prompt stands over the left column's foot: the room the column gives its panels
    // (the measures in force come last, and grow as the game goes on) ends above the prompt
    // rather than under it, at every wide size.
    const clearance = () =>
      page.evaluate(() => {
        const column = document.querySelector('.left-column');
        const prompt = document.querySelector('[data-testid="journal"]')?.getBoundingClientRect();
        if (!column || !prompt) return null;
        const room = column.getBoundingClientRect().bottom - Number.parseFloat(getComputedStyle(column).paddingBottom);
        return Math.round(prompt.top - room);
      });
    const clear: Record<number, number | null> = {};
    await atSizes(
      page,
      async (w) => {
        clear[w] = await clearance();
        await shot(page, `strip-${w}`);
      },
      [
        [1024, 640],
        [1366, 768],
        [1920, 1080],
      ],
    );
    for (const w of [1024, 1366, 1920]) expect(clear[w], `at ${w} px wide`).toBeGreaterThanOrEqual(0);

    // Saved with the game: a reload and Continue bring it back.
    await page.goto(site.url);
    await page.click(byTestId('continue'));
    await page.waitForSelector(byTestId('turn-label'));
    const journal = await page.evaluate(
      () => (window as unknown as { __caspian: { saving: { getState(): { journal: unknown } } } }).__caspian.saving.getState().journal,
    );
    expect(journal).toEqual([{ at: 0, text: 'Option 1 keeps 2 doors open' }]);

    await playToEnd(page);
    await page.waitForSelector(`${byTestId('timeline')} .timeline-note`);
    expect(await page.textContent(`${byTestId('timeline')} .timeline-note`)).toBe('WhyOption 1 keeps 2 doors open');
    const [json] = await Promise.all([page.waitForEvent('download'), page.click(byTestId('export-results'))]);
    const result = JSON.parse(readFileSync(await json.path(), 'utf8'));
    expect(result.decisions[0].why).toBe('Option 1 keeps 2 doors open');
    expect(result.save.journal).toEqual([{ at: 0, text: 'Option 1 keeps 2 doors open' }]);
    const [csv] = await Promise.all([page.waitForEvent('download'), page.click(byTestId('export-results-csv'))]);
    expect(readFileSync(await csv.path(), 'utf8').split('\r\n')[1]).toContain('Option 1 keeps 2 doors open');
    expect(errors).toEqual([]);
  });
});
