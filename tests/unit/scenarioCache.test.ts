/**
 * Validated scenarios kept by the built command line (src/cli/scenarioCache.ts): a text
 * validated once is given back as the same scenario, found by the exact text and the
 * build; a text with errors is never kept, so its findings come every time.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioReusing, useScenarioCache } from '../../src/cli/scenarioCache.ts';
import { newGame, stateHash } from '../../src/core/index.ts';
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
