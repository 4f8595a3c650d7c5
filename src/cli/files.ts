/**
 * Reading scenario and replay files for the CLI. Only regular files are read, and never
 * more than the size limit: a stranger's 2 GB file, /dev/zero or a /proc file that
 * claims to be empty must not be pulled into memory. Bytes must be UTF-8. Shipped
 * scenarios are found by id.
 */
import { closeSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Finding } from '../scenario/findings.ts';
import { MAX_BYTES } from '../scenario/jsonText.ts';
import { decodeUtf8 } from '../scenario/utf8.ts';
import { type LoadResult, loadScenarioText } from '../scenario/load.ts';
import { UsageError } from './args.ts';
import { loadScenarioReusing } from './scenarioCache.ts';

/** How a scenario's text becomes a scenario: validated afresh, or reused (scenarioCache.ts). */
type LoadText = (text: string, file: string) => LoadResult;

export const SCENARIO_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../scenarios');

/** A file that is missing or unreadable: a usage error (exit 2). */
export class MissingFileError extends UsageError {}

export type ReadText = { ok: true; text: string } | { ok: false; finding: Finding };

/** A plain sentence for a failed file-system call, by its error code. */
export function fileProblem(path: string, e: unknown): string {
  const code = (e as { code?: unknown })?.code;
  switch (code) {
    case 'ENOENT':
      return `cannot read ${path}: no such file`;
    case 'ELOOP':
      return `cannot read ${path}: the path is a loop of symbolic links`;
    case 'EACCES':
    case 'EPERM':
      return `cannot read ${path}: permission denied`;
    case 'ENOTDIR':
      return `cannot read ${path}: a part of the path is not a folder`;
    case 'ENAMETOOLONG':
      return `cannot read ${path.slice(0, 80)}…: the path is too long`;
    case 'EISDIR':
      return `cannot read ${path}: it is a folder, not a file`;
    default:
      return `cannot read ${path}${typeof code === 'string' ? ` (${code})` : ''}`;
  }
}

const mb = (n: number) => (n / 1048576).toFixed(1);

/** Reads a UTF-8 file, refusing before reading one larger than the limit. The size a file
 *  reports is not trusted (/proc files report 0): reading stops one byte past the limit. */
export function readTextFile(path: string, display = path): ReadText {
  let size: number;
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new MissingFileError(`cannot read ${path}: it is a folder, not a file`);
    if (!st.isFile()) throw new MissingFileError(`cannot read ${path}: it is not a regular file (a device, a pipe or a socket)`);
    size = st.size;
  } catch (e) {
    if (e instanceof MissingFileError) throw e;
    throw new MissingFileError(fileProblem(path, e));
  }
  const tooBig = (what: string): ReadText => ({
    ok: false,
    finding: { severity: 'error', file: display, path: '', message: `the file is ${what}; the limit is ${mb(MAX_BYTES)} MB` },
  });
  if (size > MAX_BYTES) return tooBig(`${mb(size)} MB`);
  let bytes: Uint8Array;
  try {
    bytes = readAtMost(path, MAX_BYTES + 1);
  } catch (e) {
    throw new MissingFileError(fileProblem(path, e));
  }
  if (bytes.length > MAX_BYTES) return tooBig(`larger than ${mb(MAX_BYTES)} MB`);
  const decoded = decodeUtf8(bytes, display);
  if (!decoded.ok) return { ok: false, finding: decoded.findings[0] as Finding };
  return { ok: true, text: decoded.text };
}

/** Up to `limit` bytes of a file, read in chunks whatever size it claims. */
function readAtMost(path: string, limit: number): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    while (total < limit) {
      const chunk = Buffer.allocUnsafe(Math.min(1 << 20, limit - total));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
      total += n;
    }
    return Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
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

/** Loads a shipped scenario by its id (exactly one of the ids `scenarios` lists). */
export function loadShippedScenario(id: string, load: LoadText = loadScenarioText): LoadResult & { file: string } {
  const ids = shippedScenarioIds();
  if (!isShippedId(id) || !ids.includes(id)) throw new MissingFileError(`no shipped scenario "${id}"; shipped: ${ids.join(', ')}`);
  const file = `scenarios/${id}.json`;
  return { ...loadScenarioFile(join(SCENARIO_DIR, basename(`${id}.json`)), file, load), file };
}

/** Loads `independence-1991` (a shipped id) or `path/to/file.json`: a command-line argument,
 *  never a name taken from a file. */
export function loadScenarioArg(idOrFile: string, load: LoadText = loadScenarioText): LoadResult & { file: string } {
  if (isShippedId(idOrFile)) return loadShippedScenario(idOrFile, load);
  return { ...loadScenarioFile(idOrFile, idOrFile, load), file: idOrFile };
}

export function loadScenarioFile(path: string, display = path, load: LoadText = loadScenarioText): LoadResult {
  const read = readTextFile(path, display);
  if (!read.ok) return { scenario: null, findings: [read.finding] };
  return load(read.text, display);
}

/** Loads a scenario argument; on findings prints them and returns null (the caller exits 1).
 *  Only its errors are shown, so the same text validated before may be reused. */
export function requireScenario(idOrFile: string, printFindings: (findings: LoadResult['findings']) => void): LoadResult['scenario'] {
  const loaded = loadScenarioArg(idOrFile, loadScenarioReusing);
  if (!loaded.scenario || loaded.findings.some((f) => f.severity === 'error')) {
    printFindings(loaded.findings);
    return null;
  }
  return loaded.scenario;
}
