/**
 * Issue 11 in the built game: the page carries a Content Security Policy and a whole
 * chapter played through the UI breaks none of it (items 6), and hostile URL parameters
 * give a working page, never "Loading…" for ever (item 5).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.ts';
import { byTestId, openPage, useBuiltGame, waitForMap } from './browser.ts';

const site = useBuiltGame();

const POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' blob:; media-src 'self' blob:; connect-src 'self' blob:; worker-src 'self' blob:; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'none'";

/** A page that also records every Content Security Policy violation, from the first script on. */
async function watchedPage(): Promise<{ page: Page; errors: string[]; violations: () => Promise<string[]> }> {
  const { page, errors } = await openPage(site.browser);
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });
  return { page, errors, violations: () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp) };
}

/** Skips the first-turn guide (it shows before the first event) and waits for the event. */
async function toFirstEvent(page: Page): Promise<void> {
  await page.waitForSelector(`${byTestId('guide-skip')}, ${byTestId('event-dialog')}:visible`);
  if (await page.isVisible(byTestId('guide-skip'))) await page.click(byTestId('guide-skip'));
  await page.waitForSelector(`${byTestId('event-dialog')}:visible`);
}

interface Hooks {
  store: {
    getState(): {
      game: { pending: string[]; turn: number; outcome: unknown; seed: string; difficulty: string; powers: Record<string, { stance: number }> } | null;
      commands: unknown[];
    };
  };
  saving: { getState(): { status: { kind: string } } };
}

const game = (page: Page) =>
  page.evaluate(() => {
    const h = (window as unknown as { __caspian: Hooks }).__caspian;
    const g = h.store.getState().game;
    return {
      turn: g?.turn ?? -1,
      pending: g?.pending.length ?? 0,
      over: Boolean(g?.outcome),
      seed: g?.seed ?? '',
      difficulty: g?.difficulty ?? '',
      stances: g ? Object.values(g.powers).map((p) => p.stance) : [],
      // Where the state holds NaN or Infinity, if anywhere.
      notFinite: ((): string[] => {
        const bad: string[] = [];
        const walk = (v: unknown, at: string) => {
          if (typeof v === 'number' && !Number.isFinite(v)) bad.push(at);
          else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, `${at}.${k}`);
        };
        walk(g, 'state');
        return bad;
      })(),
      saving: h.saving.getState().status.kind,
    };
  });

// Playing through the UI takes minutes when the two-core machine is loaded.
describe('the Content Security Policy', { timeout: 400_000 }, () => {
  it('is in the built page, which has one inline script, allowed by its hash, and no inline style', () => {
    const html = readFileSync(join(ROOT, 'dist/index.html'), 'utf8');
    const meta = html.match(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/);
    // The ?play preloader, inline so that the parser need not fetch it (vite.config.ts).
    const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? '');
    expect(inline).toHaveLength(1);
    expect(inline[0]).toContain('modulepreload');
    const hash = createHash('sha256')
      .update(inline[0] ?? '')
      .digest('base64');
    expect(meta?.[1]).toBe(POLICY.replace("script-src 'self';", `script-src 'self' 'sha256-${hash}';`));
    for (const tag of html.match(/<script\b[^>]*>/g) ?? []) if (tag !== '<script>') expect(tag).toMatch(/\ssrc="/);
    expect(html).not.toMatch(/<style\b|\sstyle="|\son[a-z]+=/);
  });

  it('is never violated while a whole chapter is played through the UI', async () => {
    const { page, errors, violations } = await watchedPage();
    await page.goto(site.url);
    await page.click(byTestId('new-game'));
    await page.click(byTestId('sound-toggle'));
    await page.click(byTestId('sound-toggle'));
    await page.click(byTestId('scenario-option-independence-1991'));
    await page.fill(byTestId('seed-input'), '8');
    await page.click(byTestId('start-game'));
    await toFirstEvent(page);
    await waitForMap(page);
    let steps = 0;
    while (!(await game(page)).over) {
      expect(++steps).toBeLessThan(200);
      // The guide and a fresh turn report sit in front of the event: close them first.
      if (await page.isVisible(byTestId('guide-skip'))) await page.click(byTestId('guide-skip'));
      if (await page.isVisible(byTestId('turn-report-close'))) await page.click(byTestId('turn-report-close'));
      const g = await game(page);
      if (g.pending > 0) {
        await page
          .locator(`${byTestId('event-dialog')} button.choice:not([disabled])`)
          .first()
          .click();
        continue;
      }
      // Take what is on offer now and then, hover the map and a meter for their tooltips.
      const offered = page.locator('[data-testid^="action-"]:not([disabled])');
      if (g.turn % 3 === 1 && (await offered.count()) > 0) await offered.first().click();
      await page.hover(byTestId('map'));
      await page.hover('[data-testid^="meter-"]');
      await page.click(byTestId('end-turn'));
    }
    await page.waitForSelector(`${byTestId('debrief')}:visible`);
    expect((await game(page)).notFinite).toEqual([]);
    expect(await violations()).toEqual([]);
    expect(errors).toEqual([]);
  });
});

describe('hostile URL parameters give a working page', { timeout: 300_000 }, () => {
  it.each(['__proto__', 'valueOf', 'hasOwnProperty', 'constructor', 'toString'])(
    '?play=%s shows the title screen with a notice, and a game can start',
    async (name) => {
      const { page, errors, violations } = await watchedPage();
      await page.goto(`${site.url}?play=${name}`);
      await page.waitForSelector(byTestId('new-game'));
      expect(await page.textContent(byTestId('title-problem'))).toBe(
        `The link asks for the scenario "${name}", which this game does not have; choose one below.`,
      );
      await page.click(byTestId('new-game'));
      await page.click(byTestId('start-game'));
      await toFirstEvent(page);
      expect((await game(page)).turn).toBe(0);
      expect(await violations()).toEqual([]);
      expect(errors).toEqual([]);
    },
  );

  it.each(['__proto__', 'valueOf', 'constructor'])('a class link to the scenario %s shows the title screen with a notice, and no class setup', async (name) => {
    const { page, errors, violations } = await watchedPage();
    await page.goto(`${site.url}?scenario=${name}&seed=1&class=%3Cimg%20src%3Dx%3E`);
    await page.waitForSelector(byTestId('new-game'));
    expect(await page.textContent(byTestId('title-problem'))).toBe(
      `This class link names a scenario this game does not have ("${name}"). Ask your teacher for a new link.`,
    );
    expect(await page.locator('img').count()).toBe(0);
    expect(await violations()).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('a class link’s class name is shown as text, never as markup', async () => {
    const { page, errors, violations } = await watchedPage();
    const name = '<img src=x onerror=alert(1)>';
    await page.goto(`${site.url}?scenario=independence-1991&seed=7&class=${encodeURIComponent(name)}`);
    await page.waitForSelector(byTestId('class-setup'));
    expect(await page.textContent(`${byTestId('class-setup')} h2`)).toBe(`Class ${name}`);
    expect(await page.locator(`${byTestId('class-setup')} img`).count()).toBe(0);
    expect(await violations()).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('?difficulty=bogus plays on normal: the powers act, nothing is NaN, the autosave works', async () => {
    const { page, errors } = await watchedPage();
    await page.goto(`${site.url}?play=independence-1991&seed=3&difficulty=bogus`);
    await toFirstEvent(page);
    expect(await page.textContent('div.status[role="status"]')).toBe('The link’s difficulty "bogus" is not easy, normal or hard; normal is used instead.');
    for (let turn = 0; turn < 3; turn++) {
      if (await page.isVisible(byTestId('turn-report-close'))) await page.click(byTestId('turn-report-close'));
      while ((await game(page)).pending > 0) await page.keyboard.press('1');
      await page.click(byTestId('end-turn'));
      await expect.poll(async () => (await game(page)).turn).toBe(turn + 1);
    }
    const g = await game(page);
    expect(g.difficulty).toBe('normal');
    expect(g.notFinite).toEqual([]);
    expect(g.stances.every(Number.isInteger)).toBe(true);
    expect(g.saving).toBe('ok');
    expect(errors).toEqual([]);
  });

  it('a 200-character seed plays as seed 1 with a notice, and the autosave works', async () => {
    const { page, errors } = await watchedPage();
    await page.goto(`${site.url}?play=independence-1991&seed=${'9'.repeat(200)}`);
    await toFirstEvent(page);
    expect(await page.textContent('div.status[role="status"]')).toBe(
      `The link’s seed "${'9'.repeat(32)}…" is not 1 to 40 letters, digits, spaces, - _ or .; seed 1 is used instead.`,
    );
    while ((await game(page)).pending > 0) await page.keyboard.press('1');
    await page.click(byTestId('end-turn'));
    await expect.poll(async () => (await game(page)).turn).toBe(1);
    const g = await game(page);
    expect(g.seed).toBe('1');
    expect(g.saving).toBe('ok');
    expect(errors).toEqual([]);
  });
});
