/**
 * Scenarios validated before, by the same build of the command line. `balance` and `play`
 * validated the campaign's 490 KB on every run (~0.27 s of CPU, 0.75 s at load) while
 * the balance workers, started first, waited for it. The built command line
 * (scripts/caspian.mjs) names a folder and its build: a text that passed validation is
 * kept there as the validated scenario (structured-clone bytes, the form the workers
 * receive it in anyway), found again by a hash of the build and the exact text. A text
 * with errors is never kept, so its findings are always reported; run from the sources
 * (tsx, the tests) nothing is kept and every text is validated.
 *
 * The scenario's fingerprint (core scenarioHash) is kept beside it: hashing the campaign's
 * rules took each balance worker ~45 ms before its first game, and `play` as long; a kept
 * scenario comes back with its fingerprint remembered, which the pool hands its workers.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { rememberScenarioHash, scenarioHash } from '../core/index.ts';
import { hasErrors } from '../scenario/findings.ts';
import { type LoadResult, loadScenarioText } from '../scenario/load.ts';
import type { Scenario } from '../scenario/types.ts';

let store: { dir: string; build: string } | undefined;

/** Keep validated scenarios in `dir`, for the command line built as `build` (which must
 *  change whenever the validator's code does). */
export function useScenarioCache(dir: string, build: string): void {
  store = { dir, build };
}

/** What a kept file holds: the scenario as validated and its fingerprint. */
interface Kept {
  scenario: Scenario;
  fingerprint: string;
}

/** loadScenarioText, or the scenario this build validated from the same text before (its
 *  warnings not repeated: only a caller that shows errors alone may use it), its
 *  fingerprint remembered (core rememberScenarioHash). */
export function loadScenarioReusing(text: string, file: string): LoadResult {
  if (!store) return loadScenarioText(text, file);
  const key = createHash('sha256').update(store.build).update('\0').update(text).digest('hex');
  const path = join(store.dir, `${key}.bin`);
  try {
    const kept = deserialize(readFileSync(path)) as Kept;
    rememberScenarioHash(kept.scenario, kept.fingerprint);
    return { scenario: kept.scenario, findings: [] };
  } catch {
    // Not kept yet (or unreadable): validate.
  }
  const loaded = loadScenarioText(text, file);
  if (loaded.scenario && !hasErrors(loaded.findings)) {
    try {
      mkdirSync(store.dir, { recursive: true });
      // Whole or not at all: two runs at once never read half a file.
      const tmp = `${path}.${process.pid}.tmp`;
      const kept: Kept = { scenario: loaded.scenario, fingerprint: scenarioHash(loaded.scenario) };
      writeFileSync(tmp, serialize(kept));
      renameSync(tmp, path);
    } catch {
      // A folder we cannot write: the next run validates again.
    }
  }
  return loaded;
}
