/**
 * The class comparison page in Chromium: a teacher adds a class's result files; each is
 * replayed in the browser (an edited score counts for nothing, a damaged file is refused
 * by name); the table, the charts, the journals and a replay per student are there; no
 * request leaves the page.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { makeReplay } from '../../src/persistence/replayFormat.ts';
import { balancer, historical, random } from '../../src/policies/policies.ts';
import type { Policy } from '../../src/policies/policy.ts';
import { playGame } from '../../src/policies/run.ts';
import { analyse } from '../../src/ui/debrief/analysis.ts';
import { resultJson } from '../../src/ui/debrief/results.ts';
import { shippedScenario } from '../helpers.ts';
import { atSizes, byTestId, openPage, OUT, useBuiltGame } from './browser.ts';

const site = useBuiltGame();

const scenario = shippedScenario('independence-1991');
const shot = async (page: Page, name: string) => writeFileSync(join(OUT, `compare-${name}.png`), await page.screenshot());

function writeResult(student: string, policy: Policy, edit?: (r: Record<string, unknown>) => void): { path: string; score: number } {
  const game = playGame(scenario, 33, policy);
  const save = makeReplay(game.state, game.commands, { student, class: '9A' }, { journal: [{ at: 0, text: `${student}: Ankara first.` }] });
  const a = analyse(scenario, '33', 'normal', game.commands, save.journal);
  const score = a.outcome?.score ?? -1;
  const result = JSON.parse(JSON.stringify(resultJson(a, save, { student, className: '9A' }, '2025-01-01T00:00:00Z')));
  edit?.(result);
  const path = join(OUT, `${student}-result.json`);
  writeFileSync(path, JSON.stringify(result));
  return { path, score };
}

describe('class comparison', () => {
  it('replays each student’s result, ignores edited scores, refuses a damaged file, and shows journals and replays', async () => {
    const { page, errors } = await openPage(site.browser);
    const external: string[] = [];
    // Blob and data URLs are the page's own (sounds, downloads); anything else must be this server.
    page.on('request', (r) => {
      if (/^https?:/.test(r.url()) && !r.url().startsWith(site.url)) external.push(r.url());
    });
    const a = writeResult('Aysel', balancer);
    const b = writeResult('Babak', historical, (r) => {
      (r.outcome as { score: number }).score = 99;
    });
    const c = writeResult('Cavid', random);
    const damaged = join(OUT, 'Damla-result.json');
    writeFileSync(damaged, '{"format":"caspian-balance/result","save":{"format":"caspian-balance/replay","version":2');
    await page.goto(site.url);
    await page.click(byTestId('class-compare'));
    await page.setInputFiles(byTestId('compare-import-input'), [a.path, b.path, c.path, damaged]);
    await expect.poll(() => page.textContent(byTestId('compare-status')), { timeout: 60_000 }).toBe('3 games compared, 1 file refused.');
    expect(await page.textContent(byTestId('compare-refused'))).toContain('Damla-result.json: the file is cut short or damaged');
    const rows = await page.locator(`${byTestId('compare-table')} tbody tr:not(.journal-row)`).allTextContents();
    expect(rows).toHaveLength(3);
    const scoreOf = (name: string) =>
      page
        .locator(`${byTestId('compare-table')} tbody tr`, { hasText: name })
        .first()
        .locator('td.num')
        .first()
        .textContent();
    expect(await scoreOf('Aysel')).toBe(String(a.score));
    expect(await scoreOf('Babak')).toBe(String(b.score));
    expect(b.score).not.toBe(99);
    expect(await page.textContent(byTestId('compare-summary'))).toContain('3 students');
    expect(await page.locator(`${byTestId('class-compare')} svg.chart`).count()).toBe(2);
    expect(await page.locator(`${byTestId('compare-events')} .compare-event`).count()).toBeGreaterThan(5);
    await shot(page, '1366');
    await page.click(byTestId('compare-journal-0'));
    expect(await page.locator(`${byTestId('compare-table')} tr.journal-row:not(.hidden)`).textContent()).toContain(': Ankara first.');
    await page.click(byTestId('compare-replay-1'));
    await page.waitForSelector(`${byTestId('replay')}:visible`);
    await page.click(byTestId('replay-step-forward'));
    expect(await page.textContent(byTestId('replay-what'))).toMatch(/^You answered /);
    await page.click(byTestId('replay-close'));
    await atSizes(page, (w) => shot(page, `${w}`), [
      [1920, 1080],
      [1024, 640],
    ]);
    expect(external).toEqual([]);
    expect(errors).toEqual([]);
  });
});
