/**
 * Fingerprints of the five source documents for the copying check: every run of 12
 * consecutive words (lower case, letters and digits only), hashed, so the repository
 * can test that no game text copies a source without holding the sources' text.
 *
 * `npx tsx scripts/source-runs.ts [sources-dir]` rewrites tests/fixtures/source-runs.txt
 * (the directory defaults to ../shared/sources beside the checkout, or /work/shared/sources).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SOURCE_DOCS } from '../src/core/vocabulary.ts';

export const RUN_LENGTH = 12;
export const RUNS_FILE = join(import.meta.dirname, '..', 'tests', 'fixtures', 'source-runs.txt');

/** Lower case, letters and digits only: case and punctuation do not hide a copy. */
export function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
}

export function runHash(run: readonly string[]): string {
  return createHash('sha256').update(run.join(' ')).digest('hex').slice(0, 12);
}

/** Every run of 12 words in a text, hashed. */
export function runHashes(text: string): string[] {
  const w = words(text);
  const out: string[] = [];
  for (let i = 0; i + RUN_LENGTH <= w.length; i++) out.push(runHash(w.slice(i, i + RUN_LENGTH)));
  return out;
}

/** The directory holding the five source documents, if this machine has it. */
export function sourcesDir(): string | null {
  const candidates = [process.env.CASPIAN_SOURCES, join(import.meta.dirname, '..', '..', 'shared', 'sources'), '/work/shared/sources'];
  for (const dir of candidates) if (dir && SOURCE_DOCS.every((d) => existsSync(join(dir, d)))) return dir;
  return null;
}

/** The fingerprint file's lines for the documents in `dir`: sorted, unique. */
export function fingerprint(dir: string): string[] {
  const set = new Set<string>();
  for (const doc of readdirSync(dir).filter((f) => (SOURCE_DOCS as readonly string[]).includes(f))) {
    for (const h of runHashes(readFileSync(join(dir, doc), 'utf8'))) set.add(h);
  }
  return [...set].sort();
}

if (process.argv[1] === import.meta.filename) {
  const dir = process.argv[2] ?? sourcesDir();
  if (!dir) {
    process.stderr.write('source-runs: no sources directory found; pass it as the first argument\n');
    process.exit(2);
  }
  const lines = fingerprint(dir);
  writeFileSync(RUNS_FILE, `${lines.join('\n')}\n`);
  process.stderr.write(`wrote ${RUNS_FILE}: ${lines.length} runs of ${RUN_LENGTH} words\n`);
}
