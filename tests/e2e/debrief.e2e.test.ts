/**
 * The debrief in Chromium: finish a chapter and see the debrief with its charts and the
 * historical line; a counterfactual route is labelled as the player's; close it to see
 * the map and the whole turn history; export the results (JSON, CSV); print to PDF; the
 * campaign's debrief reads the whole arc (eras, era markers on wide charts).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { atSizes, byTestId, openPage, OUT, skipGuideToFirstEvent, useBuiltGame } from './browser.ts';
import { playToEnd } from './play.ts';

const site = useBuiltGame();

const shot = async (page: Page, name: string) => writeFileSync(join(OUT, `debrief-${name}.png`), await page.screenshot());

describe('the debrief', () => {
  it('shows charts with the historical line, labels a counterfactual contract as the player’s, closes to the map and the turn history, exports results and prints', async () => {
    const { page, errors } = await openPage(site.browser);
    await page.goto(`${site.url}?play=independence-1991&seed=42`);
    await skipGuideToFirstEvent(page);
    await playToEnd(page, { 1: ['invite-western-oil', 'offer-russian-share'] });
    await page.waitForSelector(`${byTestId('debrief-charts')} svg.chart`);
    // 1 score chart, 5 meters, 4 relations, 4 influence: each with a solid line (you) and a dashed one (history).
    expect(await page.locator(`${byTestId('debrief-charts')} svg.chart`).count()).toBe(14);
    expect(await page.locator(`${byTestId('debrief-charts')} svg.chart path.chart-line.dashed`).count()).toBe(14);
    expect(await page.locator(`${byTestId('debrief-charts')} svg.chart path.chart-line:not(.dashed)`).count()).toBe(14);
    expect(await page.textContent(byTestId('history-score'))).toMatch(/^\d+$/);
    expect(await page.locator(`${byTestId('turning-points')} li.turning`).count()).toBe(3);
    await shot(page, '1366');

    // History is only what Azerbaijan did, when it did it.
    const timeline = page.locator(byTestId('timeline'));
    const share = timeline.locator('li.timeline-item', { hasText: 'Offer a Russian company a share' });
    expect(await share.locator('.timeline-history').textContent()).toMatch(/^HistoryYour own move: Azerbaijan never did this( Source: .*)?$/);
    const oil = timeline.locator('li.timeline-item', { hasText: 'Invite Western oil companies' });
    expect(await oil.locator('.timeline-history').textContent()).toContain('Your timing: Azerbaijan did this in Jul 1992');
    expect(await timeline.textContent()).not.toContain('As Azerbaijan did — Offer a Russian company a share');

    // Close it: the map, and the whole turn history.
    await page.click(byTestId('debrief-close'));
    expect(await page.isVisible(byTestId('debrief'))).toBe(false);
    expect(await page.isVisible(`${byTestId('map')} canvas`)).toBe(true);
    await shot(page, 'closed');
    await page.click(byTestId('open-turn-history-bar'));
    await page.waitForSelector(`${byTestId('turn-history')}:visible`);
    expect(await page.locator(`${byTestId('turn-history')} details.history-turn`).count()).toBe(13);
    await shot(page, 'turn-history');
    await page.click(byTestId('turn-history-close'));
    await page.click(byTestId('debrief-open'));
    expect(await page.isVisible(byTestId('debrief'))).toBe(true);

    // Results named after the student and the scenario.
    await page.fill(byTestId('results-name'), 'Ayla Mammadova');
    await page.dispatchEvent(byTestId('results-name'), 'change');
    const [json] = await Promise.all([page.waitForEvent('download'), page.click(byTestId('export-results'))]);
    expect(json.suggestedFilename()).toBe('Ayla-Mammadova-independence-1991-seed-42-results.json');
    const result = JSON.parse(readFileSync(await json.path(), 'utf8'));
    expect([result.format, result.student, result.scenario.id, result.turns.length, result.save.format]).toEqual([
      'caspian-balance/result',
      'Ayla Mammadova',
      'independence-1991',
      13,
      'caspian-balance/replay',
    ]);
    expect(result.decisions.find((d: { title: string }) => d.title === 'Offer a Russian company a share').history).toBe(
      'Your own move: Azerbaijan never did this',
    );
    const [csv] = await Promise.all([page.waitForEvent('download'), page.click(byTestId('export-results-csv'))]);
    expect(csv.suggestedFilename()).toBe('Ayla-Mammadova-independence-1991-seed-42-results.csv');
    const rows = readFileSync(await csv.path(), 'utf8')
      .trim()
      .split('\r\n');
    expect(rows).toHaveLength(14);
    expect(rows[0]).toMatch(/^turn,quarter,score,history_score,sovereignty,stability,economy,security,karabakh,treasury_musd/);
    expect(rows[1]).toMatch(/^1,Oct–Dec 1991,\d+,\d+,/);

    // Print: a PDF from headless Chromium, and the print layout shows only the debrief.
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(30_000);
    writeFileSync(join(OUT, 'debrief.pdf'), pdf);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator(byTestId('end-turn')).evaluate((n) => getComputedStyle(n).visibility)).toBe('hidden');
    expect(await page.isVisible(byTestId('debrief-charts'))).toBe(true);
    writeFileSync(join(OUT, 'debrief-print.png'), await page.screenshot({ fullPage: true }));
    await page.emulateMedia({ media: 'screen' });

    await atSizes(page, (w) => shot(page, `${w}`), [
      [1920, 1080],
      [1024, 640],
    ]);
    // On a phone the timeline's filter is big enough for a finger: its label, which toggles
    // the box, is 24px tall at least.
    await page.setViewportSize({ width: 390, height: 844 });
    expect((await page.locator('label.check', { has: page.locator(byTestId('only-diverged')) }).boundingBox())?.height).toBeGreaterThanOrEqual(24);
    expect(errors).toEqual([]);
  });

  it('reads the whole arc of the campaign: a summary per era and era markers on wide charts', async () => {
    const { page, errors } = await openPage(site.browser, 1366, 768);
    await page.goto(`${site.url}?play=campaign-1991-2012&seed=8`);
    await skipGuideToFirstEvent(page);
    await playToEnd(page);
    await page.waitForSelector(`${byTestId('debrief-charts')} svg.chart`);
    const eras = await page.locator(`${byTestId('debrief-eras')} .era-summary h4`).allTextContents();
    expect(eras.length).toBeGreaterThanOrEqual(1);
    expect(eras[0]).toBe('Independence and war, 1991–94');
    const status = await page.evaluate(
      () =>
        (window as unknown as { __caspian: { store: { getState(): { game: { outcome: { status: string } } } } } }).__caspian.store.getState().game.outcome
          .status,
    );
    if (status === 'completed') expect(eras).toHaveLength(4);
    // Era markers on the score chart: 1994, 2003, 2008.
    const labels = await page.locator(`${byTestId('debrief-charts')} svg.chart >> nth=0 >> text.chart-era-label`).allTextContents();
    expect(labels).toEqual(['1994', '2003', '2008']);
    await page.locator(byTestId('debrief-charts')).scrollIntoViewIfNeeded();
    await shot(page, 'campaign');
    await page.locator(byTestId('debrief-eras')).scrollIntoViewIfNeeded();
    await shot(page, 'campaign-eras');
    expect(errors).toEqual([]);
  });
});
