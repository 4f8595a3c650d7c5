/**
 * The checker the browser runs for "Load scenario…" is built without what it never shows
 * (vite.config.ts: the schema's descriptions and zod's JSON-Schema generator are left out
 * of the game build). What it tells a designer must still be exactly what the CLI's loader
 * says: about a thousand broken variants of the tutorial file (every place in it given a
 * wrong value, unknown keys, missing keys), checked in Chromium by the built chunk and in
 * Node from the sources, finding for finding (file, path, line, message, severity).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkScenarioText } from '../../src/ui/customScenario/checker.ts';
import { ROOT } from '../helpers.ts';
import { openPage, useBuiltGame } from './browser.ts';

const site = useBuiltGame();
const TUTORIAL = JSON.parse(readFileSync(join(ROOT, 'docs/examples/gas-card-2009.json'), 'utf8')) as unknown;

type Path = (string | number)[];
const WRONG: unknown[] = [null, 7, 2.5, -1e9, 'x', '', [], {}, true];

function variants(): string[] {
  const out: string[] = [];
  const at = (path: Path, change: (parent: Record<string | number, unknown>, key: string | number) => void) => {
    const copy = structuredClone(TUTORIAL) as Record<string | number, unknown>;
    let parent = copy;
    for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
    change(parent, path[path.length - 1] as string | number);
    out.push(JSON.stringify(copy, null, 2));
  };
  let i = 0;
  const walk = (value: unknown, path: Path) => {
    if (path.length > 0) {
      at(path, (p, k) => {
        p[k] = WRONG[i % WRONG.length];
      });
      i++;
    }
    if (value !== null && typeof value === 'object') {
      const keys = Object.keys(value);
      if (!Array.isArray(value)) {
        at([...path, 'colour'], (p, k) => {
          p[k] = 1;
        });
        if (keys[0] !== undefined) at([...path, keys[0]], (p, k) => delete p[k]);
      }
      for (const k of keys) walk((value as Record<string, unknown>)[k], [...path, Array.isArray(value) ? Number(k) : k]);
    }
  };
  walk(TUTORIAL, []);
  return out;
}

describe('the Load-scenario checker as the game ships it', () => {
  it('says exactly what the CLI’s loader says about broken files', async () => {
    const texts = variants();
    const chunk = readdirSync(join(ROOT, 'dist/assets')).find((f) => /^checker-.*\.js$/.test(f));
    expect(chunk).toBeDefined();
    const { page, errors } = await openPage(site.browser);
    await page.goto(site.url);
    const shipped = readdirSync(join(ROOT, 'scenarios'))
      .filter((f) => f.endsWith('.json') && f !== 'scenario.schema.json')
      .map((f) => f.slice(0, -5));
    // A string, so the test runner does not rewrite the page's own dynamic import.
    await page.evaluate(`import(${JSON.stringify(`${site.url}assets/${chunk}`)}).then((m) => { window.__checker = m; })`);
    const inBrowser = await page.evaluate(
      ({ texts, shipped }) => {
        const { checkScenarioText } = (window as unknown as { __checker: typeof import('../../src/ui/customScenario/checker.ts') }).__checker;
        return texts.map((t) => checkScenarioText(t, 'mine.json', shipped).findings);
      },
      { texts, shipped },
    );
    const inNode = texts.map((t) => checkScenarioText(t, 'mine.json', shipped).findings);
    // Every variant is broken somewhere, and the schema's messages are among what is said.
    expect(inNode.filter((f) => f.some((x) => x.severity === 'error')).length).toBeGreaterThan(texts.length * 0.9);
    expect(inNode.flat().some((f) => f.message.startsWith('unknown key "colour"'))).toBe(true);
    expect(inNode.flat().some((f) => /is required here/.test(f.message))).toBe(true);
    for (let i = 0; i < texts.length; i++) expect(inBrowser[i], texts[i]).toEqual(inNode[i]);
    expect(errors).toEqual([]);
  });
});
