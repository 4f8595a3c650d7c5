/**
 * Watching a game in Chromium: from the debrief and from the saved games, step forward
 * and back, jump to a turn, and see the decision, its causes and the note at each step,
 * rebuilt by the same core (the state at each step matches the game's own).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { byTestId, OUT, openPage, skipGuideToFirstEvent, useBuiltGame } from './browser.ts';
import { playToEnd } from './play.ts';

const site = useBuiltGame();

const shot = async (page: Page, name: string) => writeFileSync(join(OUT, `replay-${name}.png`), await page.screenshot());

describe('replays', () => {
  it('steps through a finished game from the debrief: forward, back, jump to a turn', async () => {
    const { page, errors } = await openPage(site.browser);
    await page.goto(`${site.url}?play=independence-1991&seed=77`);
    await skipGuideToFirstEvent(page);
    await playToEnd(page, { 0: ['visit-ankara'] });
    await page.waitForSelector(byTestId('open-replay'));
    await page.click(byTestId('open-replay'));
    await page.waitForSelector(`${byTestId('replay')}:visible`);
    expect(await page.textContent(byTestId('replay-what'))).toBe('The game begins');
    expect(await page.isDisabled(byTestId('replay-step-back'))).toBe(true);
    // The first steps answer the first quarter's events.
    await page.click(byTestId('replay-step-forward'));
    expect(await page.textContent(byTestId('replay-what'))).toMatch(/^You answered “.+”: .+/);
    expect(await page.textContent(byTestId('replay-position'))).toMatch(/^Step 1 of \d+ · turn 1 of 13 · Oct–Dec 1991$/);
    await page.click(byTestId('replay-step-back'));
    expect(await page.textContent(byTestId('replay-what'))).toBe('The game begins');
    // Jump to turn 5: the state as that quarter opens, after the end of turn 4 and the powers' answers.
    await page.selectOption(byTestId('replay-jump'), '4');
    expect(await page.textContent(byTestId('replay-what'))).toBe('End of turn 4');
    expect(await page.textContent(byTestId('replay-position'))).toMatch(/ · turn 5 of 13 · Oct–Dec 1992$/);
    expect(await page.textContent(byTestId('replay-detail'))).toMatch(/Why: /);
    await shot(page, 'turn5');
    // Step to the end: the outcome shows.
    await page.click(byTestId('replay-end'));
    expect(await page.textContent(byTestId('replay-detail'))).toMatch(/score \d+/);
    // The meters' chart: five lines, each told apart by colour and pattern together, none in
    // a power's colour or the rise and fall colours; its years named once each.
    const lines = await page.evaluate(() => {
      const css = getComputedStyle(document.documentElement);
      const taken = ['--russia', '--turkey', '--iran', '--west', '--up', '--down'].map((v) => css.getPropertyValue(v).trim());
      const chart = document.querySelector('[data-testid="replay"] svg.chart') as SVGSVGElement;
      const paths = [...chart.querySelectorAll<SVGPathElement>('path.chart-line')].map((p) => ({
        color: p.style.stroke,
        resolved: getComputedStyle(p).stroke,
        dash: p.style.strokeDasharray,
      }));
      const probe = document.createElement('span');
      document.body.appendChild(probe);
      const rgb = taken.map((c) => {
        probe.style.color = c;
        return getComputedStyle(probe).color;
      });
      probe.remove();
      const years = [...chart.querySelectorAll('.chart-grid text')].map((t) => t.textContent ?? '').filter((t) => /^\d{4}$/.test(t));
      return { paths, rgb, years };
    });
    expect(lines.paths).toHaveLength(5);
    expect(new Set(lines.paths.map((p) => `${p.color}|${p.dash}`)).size).toBe(5);
    for (const p of lines.paths) expect(lines.rgb).not.toContain(p.resolved);
    expect(lines.years).toEqual(['1991', '1992', '1993', '1994']);
    await page.setViewportSize({ width: 1024, height: 640 });
    await shot(page, 'end-1024');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await shot(page, 'end-1920');
    expect(errors).toEqual([]);
  });

  it('watches a saved game from the saved games dialog', async () => {
    const { page, errors } = await openPage(site.browser);
    await page.goto(`${site.url}?play=independence-1991&seed=78`);
    await skipGuideToFirstEvent(page);
    await playToEnd(page);
    await page.goto(site.url);
    await page.click(byTestId('load-game'));
    await page.click(byTestId('watch-save'));
    await page.waitForSelector(`${byTestId('replay')}:visible`);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await page.textContent(byTestId('replay-position'))).toMatch(/^Step 2 of /);
    expect(errors).toEqual([]);
  });
});
