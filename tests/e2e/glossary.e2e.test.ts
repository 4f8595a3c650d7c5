/**
 * The glossary and the teachers' page in Chromium: from the title screen (with a filter), from the help, and
 * from a term underlined in an event's text — opening it there answers nothing, and the
 * event is still waiting when the glossary closes.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { atSizes, byTestId, openPage, OUT, skipGuideToFirstEvent, useBuiltGame } from './browser.ts';

const site = useBuiltGame();

const shot = async (page: Page, name: string) => writeFileSync(join(OUT, `glossary-${name}.png`), await page.screenshot());
const visibleEntries = (page: Page) =>
  page.$$eval('[data-testid="glossary-list"] .glossary-entry', (xs) => xs.filter((x) => (x as HTMLElement).offsetParent !== null).map((x) => x.id));
const pending = (page: Page) =>
  page.evaluate(
    () => (window as unknown as { __caspian: { store: { getState(): { game: { pending: string[] } } } } }).__caspian.store.getState().game.pending.length,
  );

describe('the glossary', () => {
  it('opens from the title screen, filters, and cites its sources', async () => {
    const { page, errors } = await openPage(site.browser);
    await page.goto(site.url);
    await page.click(byTestId('open-glossary'));
    await page.waitForSelector(`${byTestId('glossary')}:visible`);
    expect(await page.textContent(byTestId('glossary-guam'))).toContain('Georgia, Ukraine, Azerbaijan and Moldova');
    expect(await page.textContent(byTestId('glossary-guam'))).toContain('GlobalSecurity.org');
    await atSizes(page, (w) => shot(page, `title-${w}`));
    await page.fill(byTestId('glossary-search'), 'pipeline');
    expect(await visibleEntries(page)).toEqual([
      'glossary-security',
      'glossary-ilham-aliyev',
      'glossary-gazprom',
      'glossary-btc',
      'glossary-nabucco',
      'glossary-odessa-brody',
    ]);
    await page.fill(byTestId('glossary-search'), 'zzz');
    expect(await page.isVisible(byTestId('glossary-empty'))).toBe(true);
    await page.keyboard.press('Escape');
    expect(await page.isVisible(byTestId('glossary'))).toBe(false);
    expect(errors).toEqual([]);
  });

  it('opens at a term underlined in an event, a power’s panel and from the help, without answering the event', async () => {
    const { page, errors } = await openPage(site.browser);
    await page.goto(`${site.url}?play=independence-1991&seed=3`);
    await skipGuideToFirstEvent(page);
    const link = page.locator(`${byTestId('event-dialog')} .term-link`).first();
    const id = ((await link.getAttribute('data-testid')) ?? '').replace(/^term-/, '');
    expect(id).not.toBe('');
    expect(await link.getAttribute('title')).toMatch(/\(click for the glossary\)$/);
    const before = await pending(page);
    await link.click();
    await page.waitForSelector(`${byTestId('glossary')}:visible`);
    expect(await page.getAttribute(`${byTestId('glossary')} .glossary-entry.focused`, 'id')).toBe(`glossary-${id}`);
    await expect.poll(() => page.evaluate((i) => document.activeElement?.id === `glossary-${i}`, id)).toBe(true);
    await shot(page, 'from-event');
    // Keys typed in the glossary stay there: "1" does not answer the event.
    await page.keyboard.press('1');
    await page.keyboard.press('Escape');
    expect(await page.isVisible(byTestId('glossary'))).toBe(false);
    expect(await pending(page)).toBe(before);
    expect(await page.isVisible(byTestId('event-dialog'))).toBe(true);
    await shot(page, 'event-links');

    await page.keyboard.press('1');
    await expect.poll(() => pending(page)).toBe(before - 1);
    // Answer the rest of the quarter's events, then open the help.
    for (let left = before - 1; left > 0; left--) {
      await page.waitForSelector(`${byTestId('event-dialog')}:visible`);
      await page.keyboard.press('1');
      await expect.poll(() => pending(page)).toBe(left - 1);
    }
    // The map's panel for a power links its terms too.
    await page.click(byTestId('relation-turkey'));
    await page.waitForSelector(`${byTestId('country-panel')}:visible`);
    await page.click(`${byTestId('country-panel')} ${byTestId('term-karabakh')}`);
    expect(await page.getAttribute(`${byTestId('glossary')} .glossary-entry.focused`, 'id')).toBe('glossary-karabakh');
    await page.keyboard.press('Escape');
    await page.click(`button${byTestId('help')}`);
    // The help's paragraphs follow each other as text does: no gap taller than a line.
    const gaps = await page.$$eval(`${byTestId('help')} .simple-body > p + p`, (ps) =>
      ps.map((p) => Math.round(p.getBoundingClientRect().top - (p.previousElementSibling as HTMLElement).getBoundingClientRect().bottom)),
    );
    const line = await page.$eval(`${byTestId('help')} .simple-body > p`, (p) => Number.parseFloat(getComputedStyle(p).lineHeight));
    expect(gaps.length).toBeGreaterThan(2);
    for (const gap of gaps) expect(gap).toBeLessThan(line);
    await page.click(`${byTestId('help')} ${byTestId('open-glossary')}`);
    await page.waitForSelector(`${byTestId('glossary')}:visible`);
    expect(await page.textContent(byTestId('glossary-stance'))).toContain('follows the relation a few quarters late');
    await shot(page, 'from-help');
    expect(errors).toEqual([]);
  });

  it('shows the teachers’ page (docs/teaching.md) from the title screen, drawn from its Markdown', async () => {
    const { page, errors } = await openPage(site.browser);
    await page.goto(site.url);
    await page.click(byTestId('open-teaching'));
    await page.waitForSelector(byTestId('teaching-text'));
    const text = (await page.textContent(byTestId('teaching-text'))) ?? '';
    expect(await page.$$eval(`${byTestId('teaching-text')} h3`, (hs) => hs.map((h) => h.textContent))).toContain(
      'What the results prove, and what they do not',
    );
    expect(await page.$$eval(`${byTestId('teaching-text')} table tbody tr`, (rs) => rs.length)).toBe(4);
    expect(text).toContain('It does not prove authorship.');
    // No Markdown syntax is left over: it was all drawn.
    expect(text).not.toMatch(/\*\*|\| ---|\]\(|^#/m);
    await atSizes(page, (w) => shot(page, `teaching-${w}`));
    expect(errors).toEqual([]);
  });
});
