/**
 * "Load scenario" in Chromium: a valid custom scenario is checked, played at once (a turn
 * through), and kept for next time; a broken one shows its findings with their paths and
 * breaks nothing: a shipped scenario then starts normally. The checker (with zod) is
 * fetched only when the player opens the dialog.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.ts';
import { byTestId, OUT, openPage, skipGuideToFirstEvent, useBuiltGame } from './browser.ts';

const site = useBuiltGame();

const TUTORIAL = readFileSync(join(ROOT, 'docs/examples/gas-card-2009.json'), 'utf8');

interface Hooks {
  store: { getState(): { game: { turn: number; scenarioId: string } | null; screen: string } };
}
const game = (page: Page) =>
  page.evaluate(() => {
    const { game, screen } = (window as unknown as { __caspian: Hooks }).__caspian.store.getState();
    return { turn: game?.turn ?? -1, scenario: game?.scenarioId ?? '', screen };
  });

/** Back to the title: once the map has loaded, so leaving does not cut its chunk's download short. */
async function backToTitle(page: Page) {
  await page.waitForSelector(`${byTestId('map')} canvas`, { state: 'attached', timeout: 60_000 });
  await page.goto(site.url);
}

async function chooseFile(page: Page, name: string, text: string) {
  await page.setInputFiles(byTestId('scenario-file'), { name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

/** The first-turn guide comes before the first event: skip it, then answer every event open. */
async function answerEvents(page: Page) {
  for (let i = 0; i < 20; i++) {
    if (await page.isVisible(byTestId('guide-skip'))) await page.click(byTestId('guide-skip'));
    else if (await page.isVisible(byTestId('event-dialog')))
      await page
        .locator(`${byTestId('event-dialog')} button.choice:not([disabled])`)
        .first()
        .click();
    else if (await page.isEnabled(byTestId('end-turn'))) return;
    else await page.waitForTimeout(100);
  }
  throw new Error('the turn could not be cleared for End turn');
}

describe('Load scenario', () => {
  it('checks a valid file, plays it at once, and keeps it for next time', async () => {
    const { page, errors } = await openPage(site.browser);
    const checkerRequests: string[] = [];
    page.on('request', (r) => {
      if (/checker/.test(r.url())) checkerRequests.push(r.url());
    });
    await page.goto(site.url);
    await page.waitForSelector(byTestId('load-scenario'));
    expect(checkerRequests).toEqual([]);
    await page.click(byTestId('load-scenario'));
    await chooseFile(page, 'gas-card-2009.json', TUTORIAL);
    await page.waitForSelector(byTestId('scenario-play'));
    expect(checkerRequests.length).toBe(1);
    expect(await page.textContent(byTestId('scenario-status'))).toContain('The Gas Card (2009–2010, 5 turns) is ready to play');
    await page.screenshot({ path: join(OUT, 'scenario-loader-valid-1366.png') });
    await page.click(byTestId('scenario-play'));
    await page.waitForSelector(byTestId('end-turn'));
    expect(await game(page)).toEqual({ turn: 0, scenario: 'gas-card-2009', screen: 'game' });
    await answerEvents(page);
    await page.click(byTestId('end-turn'));
    await expect.poll(async () => (await game(page)).turn).toBe(1);
    await page.screenshot({ path: join(OUT, 'scenario-loader-playing-1366.png') });

    // Next time: it is listed under New game, and starts from there.
    await backToTitle(page);
    await page.click(byTestId('new-game'));
    await page.click(byTestId('scenario-option-gas-card-2009'));
    await page.click(byTestId('start-game'));
    await page.waitForSelector(byTestId('end-turn'));
    expect((await game(page)).scenario).toBe('gas-card-2009');
    expect(errors).toEqual([]);
  });

  it('lists a broken file’s findings with their paths, and a shipped scenario then starts normally', async () => {
    const { page, errors } = await openPage(site.browser);
    await page.goto(site.url);
    await page.click(byTestId('load-scenario'));
    const broken = JSON.parse(TUTORIAL);
    broken.id = 'broken-gas';
    broken.events[0].choices[0].effects[0] = { op: 'setflag', flag: 'x' };
    broken.energy.routes[0].status = 'operatng';
    await chooseFile(page, 'broken.json', JSON.stringify(broken, null, 2));
    await page.waitForSelector(`${byTestId('scenario-findings')} li`);
    const findings = await page.locator(`${byTestId('scenario-findings')} li`).allTextContents();
    expect(findings.some((f) => f.includes('at events[0].choices[0].effects[0].op') && f.includes('did you mean "flag"?'))).toBe(true);
    expect(findings.some((f) => f.includes('at energy.routes[0].status') && f.includes('did you mean "operating"?'))).toBe(true);
    expect(await page.isVisible(byTestId('scenario-play'))).toBe(false);
    await page.screenshot({ path: join(OUT, 'scenario-loader-broken-1366.png') });
    // Not JSON at all.
    await chooseFile(page, 'nonsense.json', '{ "id": oops');
    await expect.poll(() => page.locator(`${byTestId('scenario-findings')} li`).count()).toBe(1);
    expect(await page.textContent(byTestId('scenario-findings'))).toContain('not valid JSON');
    await page.keyboard.press('Escape');
    await page.click(byTestId('new-game'));
    await page.click(byTestId('scenario-option-independence-1991'));
    await page.click(byTestId('start-game'));
    await page.waitForSelector(byTestId('end-turn'));
    expect((await game(page)).scenario).toBe('independence-1991');
    expect(errors).toEqual([]);
  });

  it('takes a scenario file dropped on the title screen, and one dropped anywhere on the dialog', async () => {
    const { page, errors } = await openPage(site.browser);
    await page.goto(site.url);
    await page.waitForSelector('.title-screen');
    const drop = async (selector: string, name: string, text: string) => {
      const transfer = await page.evaluateHandle(
        ([n, t]) => {
          const dt = new DataTransfer();
          dt.items.add(new File([t], n, { type: 'application/json' }));
          return dt;
        },
        [name, text] as const,
      );
      await page.dispatchEvent(selector, 'dragenter', { dataTransfer: transfer });
      await page.dispatchEvent(selector, 'drop', { dataTransfer: transfer });
    };
    // On the title screen, a scenario goes to Load scenario (a save would go to the saves).
    await drop('.title-screen', 'gas-card-2009.json', TUTORIAL);
    await page.waitForSelector(byTestId('scenario-play'));
    expect(await page.textContent(byTestId('scenario-status'))).toContain('The Gas Card (2009–2010, 5 turns) is ready to play');
    expect(await page.isVisible(byTestId('saves-dialog'))).toBe(false);
    // On the dialog's heading, beside the zone: checked too, and the page stays.
    const broken = JSON.parse(TUTORIAL);
    broken.calendar.turns = 'five';
    await drop(`${byTestId('scenario-loader')} h2`, 'broken.json', JSON.stringify(broken, null, 2));
    await page.waitForSelector(`${byTestId('scenario-findings')} li`);
    expect(await page.textContent(byTestId('scenario-findings'))).toContain('broken.json at calendar.turns');
    expect(page.url()).toBe(site.url);
    expect(errors).toEqual([]);
  });

  it('a game saved under a loaded file asks for that very file when it is continued', async () => {
    const { page, errors } = await openPage(site.browser);
    await page.goto(site.url);
    await page.click(byTestId('load-scenario'));
    await chooseFile(page, 'gas-card-2009.json', TUTORIAL);
    await page.click(byTestId('scenario-play'));
    await page.waitForSelector(byTestId('end-turn'));
    await answerEvents(page);
    await page.click(byTestId('end-turn'));
    await expect.poll(async () => (await game(page)).turn).toBe(1);

    // The author edits the file and loads it again: the kept version is replaced, and said so.
    await backToTitle(page);
    await page.click(byTestId('load-scenario'));
    const edited = JSON.parse(TUTORIAL);
    edited.events[0].text = `${edited.events[0].text} Revised.`;
    await chooseFile(page, 'gas-card-2009-v2.json', JSON.stringify(edited, null, 2));
    await page.waitForSelector(byTestId('scenario-play'));
    expect(await page.textContent(byTestId('scenario-status'))).toContain(
      'in place of the version of gas-card-2009.json kept before: games saved under that version open only after that version is loaded again',
    );
    await page.keyboard.press('Escape');
    await page.click(byTestId('continue'));
    await page.waitForSelector(byTestId('title-problem'));
    expect(await page.textContent(byTestId('title-problem'))).toContain('This save was made under another version of the scenario file “The Gas Card”');

    // The version the save was made with opens it again.
    await page.click(byTestId('load-scenario'));
    await chooseFile(page, 'gas-card-2009.json', TUTORIAL);
    await page.waitForSelector(byTestId('scenario-play'));
    await page.keyboard.press('Escape');
    await page.click(byTestId('continue'));
    await page.waitForSelector(byTestId('end-turn'));
    expect(await game(page)).toEqual({ turn: 1, scenario: 'gas-card-2009', screen: 'game' });

    // Without the file, the save says to load it again.
    await backToTitle(page);
    await page.click(byTestId('load-scenario'));
    await page.click(byTestId('kept-remove-gas-card-2009'));
    await page.keyboard.press('Escape');
    await page.click(byTestId('continue'));
    await page.waitForSelector(byTestId('title-problem'));
    expect(await page.textContent(byTestId('title-problem'))).toContain(
      'If it is a scenario you loaded from a file, load that file again (Load scenario… on the title screen), then open this save.',
    );
    await page.screenshot({ path: join(OUT, 'scenario-loader-save-needs-file-1366.png') });
    expect(errors).toEqual([]);
  });

  it('shows markup in a file’s texts and findings as text, and runs none of it', async () => {
    const { page, errors } = await openPage(site.browser);
    await page.goto(site.url);
    await page.click(byTestId('load-scenario'));
    const IMG = '<img src=x onerror="window.__pwned=1">';
    // A broken file whose bad values carry markup: the findings quote them as text.
    const broken = JSON.parse(TUTORIAL);
    broken.id = 'html-broken';
    broken.energy.routes[0].status = IMG;
    broken.events[0].choices[0].effects[0] = { op: `<b onmouseover="window.__pwned=2">x</b>` };
    await chooseFile(page, `${IMG}.json`, JSON.stringify(broken, null, 2));
    await page.waitForSelector(`${byTestId('scenario-findings')} li`);
    const findings = await page.textContent(byTestId('scenario-findings'));
    expect(findings).toContain('at energy.routes[0].status');
    expect(findings).toContain('at events[0].choices[0].effects[0].op');
    expect(await page.textContent(byTestId('scenario-status'))).toContain(`${IMG}.json cannot be played yet`);
    expect(await page.locator('#app img, [role="dialog"] img, [role="dialog"] b').count()).toBe(0);

    // A valid file whose texts are markup: played, and every text reads as written.
    const valid = JSON.parse(TUTORIAL);
    valid.id = 'html-texts';
    valid.title = `${IMG}Gas`;
    valid.summary = '<script>window.__pwned=3</script>A summary';
    valid.events[0].title = '<b>Protocols</b> <svg onload="window.__pwned=4"></svg>';
    valid.events[0].text = `Signed. ${IMG}`;
    valid.events[0].choices[0].label = '<a href="javascript:window.__pwned=5">Gas card</a>';
    valid.actions[0].label = '<i onclick="window.__pwned=6">Warn</i>';
    await chooseFile(page, 'html-texts.json', JSON.stringify(valid, null, 2));
    await page.waitForSelector(byTestId('scenario-play'));
    expect(await page.textContent(byTestId('scenario-status'))).toContain(`${IMG}Gas (2009–2010, 5 turns) is ready to play`);
    expect(await page.textContent(byTestId('scenario-play'))).toBe(`Play ${IMG}Gas`);
    await page.click(byTestId('scenario-play'));
    await page.waitForSelector(byTestId('end-turn'));
    await skipGuideToFirstEvent(page);
    const dialog = await page.textContent(byTestId('event-dialog'));
    expect(dialog).toContain('<b>Protocols</b> <svg onload="window.__pwned=4"></svg>');
    expect(dialog).toContain(`Signed. ${IMG}`);
    expect(dialog).toContain('<a href="javascript:window.__pwned=5">Gas card</a>');
    expect(await page.textContent('body')).toContain('<i onclick="window.__pwned=6">Warn</i>');
    await page.screenshot({ path: join(OUT, 'scenario-loader-markup-1366.png') });
    await page.mouse.move(400, 300);
    expect(await page.locator('body img, body script:not([src]), body svg[onload], body a[href^="javascript"], body i[onclick], body b').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await backToTitle(page);
    await page.click(byTestId('new-game'));
    expect(await page.textContent(byTestId('scenario-option-html-texts'))).toContain(`Your scenario: ${IMG}Gas`);
    expect(await page.locator('body img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(errors).toEqual([]);
  });

  it('looks right at the small and the large screen sizes', async () => {
    for (const [w, h] of [
      [1024, 640],
      [1920, 1080],
    ] as const) {
      const { page, errors } = await openPage(site.browser, w, h);
      await page.goto(site.url);
      await page.click(byTestId('load-scenario'));
      const broken = JSON.parse(TUTORIAL);
      broken.id = 'x-y';
      broken.calendar.turns = 'five';
      await chooseFile(page, 'broken.json', JSON.stringify(broken));
      await page.waitForSelector(`${byTestId('scenario-findings')} li`);
      await page.screenshot({ path: join(OUT, `scenario-loader-broken-${w}.png`) });
      expect(errors).toEqual([]);
    }
  });
});
