/**
 * Reading scenario and replay files for the CLI: existence and size are checked before
 * anything is read, and shipped scenarios are found by id.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Finding } from '../scenario/findings.ts';
import { MAX_BYTES } from '../scenario/jsonText.ts';
import { type LoadResult, loadScenarioText } from '../scenario/load.ts';
import { UsageError } from './args.ts';

export const SCENARIO_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../scenarios');

/** A file that is missing or unreadable: a usage error (exit 2). */
export class MissingFileError extends UsageError {}

export type ReadText = { ok: true; text: string } | { ok: false; finding: Finding };

/** Reads a UTF-8 file, refusing before reading one larger than the limit: a stranger's
 *  2 GB file must not be pulled into memory. */
export function readTextFile(path: string, display = path): ReadText {
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) throw new MissingFileError(`${path} is not a file`);
    size = st.size;
  } catch (e) {
    if (e instanceof MissingFileError) throw e;
    throw new MissingFileError(`cannot read ${path}: no such file`);
  }
  if (size > MAX_BYTES) {
    const mb = (n: number) => (n / 1048576).toFixed(1);
    return {
      ok: false,
      finding: { severity: 'error', file: display, path: '', message: `the file is ${mb(size)} MB; the limit is ${mb(MAX_BYTES)} MB` },
    };
  }
  try {
    return { ok: true, text: readFileSync(path, 'utf8') };
  } catch {
    throw new MissingFileError(`cannot read ${path}`);
  }
}

export function shippedScenarioIds(): string[] {
  return readdirSync(SCENARIO_DIR)
    .filter((f) => f.endsWith('.json') && f !== 'scenario.schema.json')
    .map((f) => f.slice(0, -5))
    .sort();
}

export function isShippedId(arg: string): boolean {
  return /^[a-z0-9]+(-[a-z0-9]+)*$/.test(arg) && !arg.endsWith('.json');
}

/** Loads `independence-1991` (a shipped id) or `path/to/file.json`. */
export function loadScenarioArg(idOrFile: string): LoadResult & { file: string } {
  if (isShippedId(idOrFile)) {
    if (!shippedScenarioIds().includes(idOrFile)) {
      throw new MissingFileError(`no shipped scenario "${idOrFile}"; shipped: ${shippedScenarioIds().join(', ')}`);
    }
    const file = `scenarios/${idOrFile}.json`;
    return { ...loadScenarioFile(join(SCENARIO_DIR, basename(`${idOrFile}.json`)), file), file };
  }
  return { ...loadScenarioFile(idOrFile), file: idOrFile };
}

export function loadScenarioFile(path: string, display = path): LoadResult {
  const read = readTextFile(path, display);
  if (!read.ok) return { scenario: null, findings: [read.finding] };
  return loadScenarioText(read.text, display);
}

/** Loads a scenario argument; on findings prints them and returns null (the caller exits 1). */
export function requireScenario(idOrFile: string, printFindings: (findings: LoadResult['findings']) => void): LoadResult['scenario'] {
  const loaded = loadScenarioArg(idOrFile);
  if (!loaded.scenario || loaded.findings.some((f) => f.severity === 'error')) {
    printFindings(loaded.findings);
    return null;
  }
  return loaded.scenario;
}
