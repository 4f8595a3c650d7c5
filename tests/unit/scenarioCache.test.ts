/**
 * Validated scenarios kept by the built command line (src/cli/scenarioCache.ts): a text
 * validated once is given back as the same scenario, found by the exact text and the
 * build; a text with errors is never kept, so its findings come every time.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { loadScenarioReusing, useScenarioCache } from '../../src/cli/scenarioCache.ts';
import { newGame, scenarioHash, stateHash } from '../../src/core/index.ts';
import { loadScenarioText } from '../../src/scenario/load.ts';
import { ROOT } from '../helpers.ts';

describe('validated scenarios kept between runs', () => {
  const text = readFileSync(join(ROOT, 'scenarios/independence-1991.json'), 'utf8');
  const fresh = loadScenarioText(text, 'x.json').scenario;

  it('gives back the scenario validation gave, and plays the same game from it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'caspian-scenarios-'));
    useScenarioCache(dir, 'build-1');
    const first = loadScenarioReusing(text, 'x.json');
    expect(first.scenario).toEqual(fresh);
    expect(readdirSync(dir)).toHaveLength(1);
    const kept = loadScenarioReusing(text, 'x.json');
    expect(kept.scenario).not.toBe(first.scenario); // read back from the folder
    expect(kept.scenario).toEqual(fresh);
    expect(stateHash(newGame(kept.scenario!, 9))).toBe(stateHash(newGame(fresh!, 9)));
    // Another build, or another text, is validated again.
    useScenarioCache(dir, 'build-2');
    loadScenarioReusing(text, 'x.json');
    loadScenarioReusing(`${text} `, 'x.json');
    expect(readdirSync(dir)).toHaveLength(3);
  });

  it('keeps the fingerprint with the scenario and gives it back remembered, not hashed again', () => {
    const dir = mkdtempSync(join(tmpdir(), 'caspian-scenarios-'));
    useScenarioCache(dir, 'build-1');
    loadScenarioReusing(text, 'x.json');
    const file = join(dir, readdirSync(dir)[0] as string);
    const kept = deserialize(readFileSync(file)) as { scenario: unknown; fingerprint: string };
    expect(kept.fingerprint).toBe(scenarioHash(fresh!));
    // A fingerprint that is not the rules' own shows that the kept one is taken as it is.
    writeFileSync(file, serialize({ ...kept, fingerprint: 'kept-fingerprint' }));
    const again = loadScenarioReusing(text, 'x.json');
    expect(scenarioHash(again.scenario!)).toBe('kept-fingerprint');
    expect(newGame(again.scenario!, 1).scenarioHash).toBe('kept-fingerprint');
  });

  it('never keeps a text with errors: its findings are reported every time', () => {
    const dir = mkdtempSync(join(tmpdir(), 'caspian-scenarios-'));
    useScenarioCache(dir, 'build-1');
    const broken = text.replace('"id"', '"idd"');
    for (let i = 0; i < 2; i++) {
      const r = loadScenarioReusing(broken, 'x.json');
      expect(r.scenario).toBeNull();
      expect(r.findings.some((f) => f.severity === 'error')).toBe(true);
    }
    expect(readdirSync(dir)).toHaveLength(0);
  });
});
