/**
 * Safe handling of JSON text from strangers, before and around JSON.parse: a size
 * limit, a nesting and value-count limit checked by a scan that builds nothing
 * (jsonScan.ts), a UTF-8 byte-order mark accepted, parse errors located by line and
 * column (jsonSyntax.ts), forbidden keys rejected, and a map from JSON paths to line
 * numbers so later findings can point into the file. Decoding bytes strictly: utf8.ts.
 */
import { FORBIDDEN_KEYS } from '../core/vocabulary.ts';
import { appendPath, type Finding, formatPath, type PathPart } from './findings.ts';
import { LazyLines, lineCol, MAX_NESTING, MAX_VALUES, pathAt, scanStructure } from './jsonScan.ts';
import { checkJsonSyntax } from './jsonSyntax.ts';
import { utf8Length } from './utf8.ts';

export const MAX_BYTES = 5 * 1024 * 1024;
/** Files with more values than this get findings without line numbers: the map of every
 *  value's line would cost more than the rest of the check (limits.ts refuses such a
 *  scenario anyway). */
const LINES_UP_TO = 100_000;

export type ParsedJson = { ok: true; value: unknown; lines: Map<string, number> } | { ok: false; findings: Finding[] };

export function parseJsonText(raw: string, file: string): ParsedJson {
  const error = (message: string, line?: number, column?: number): ParsedJson => {
    const f: Finding = { severity: 'error', file, path: '', message };
    if (line !== undefined) {
      f.line = line;
      f.column = column ?? 1;
    }
    return { ok: false, findings: [f] };
  };
  const bytes = utf8Length(raw);
  if (bytes > MAX_BYTES) {
    return error(`the file is ${(bytes / 1048576).toFixed(1)} MB; scenario files are limited to ${MAX_BYTES / 1048576} MB`);
  }
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  // A first scan that builds nothing: nesting and the number of values, within limits.
  const scan = scanStructure(text, text.length, false);
  if (scan.tooDeep) {
    const { line, column } = lineCol(text, scan.tooDeep);
    return error(`the JSON is nested more than ${MAX_NESTING} levels deep; flatten it`, line, column);
  }
  if (scan.tooMany) {
    const { line, column } = lineCol(text, scan.tooMany);
    return error(`the file holds more than ${MAX_VALUES.toLocaleString('en-US')} JSON values; no scenario or save needs that many`, line, column);
  }
  // Our own syntax check first: JSON.parse's messages differ between engines and some
  // give no position at all; designers need the line and column.
  const syntax = checkJsonSyntax(text);
  if (syntax) {
    const { line, column } = lineCol(text, syntax.offset);
    const found = error(syntax.kind === 'syntax' ? `the file is not valid JSON: ${syntax.message}` : syntax.message, line, column);
    if (!found.ok && found.findings[0]) {
      const at = pathAt(text, syntax.offset);
      found.findings[0].path = syntax.key === undefined ? at : appendPath(at, syntax.key);
    }
    return found;
  }
  const value: unknown = JSON.parse(text);
  // Lines are looked up only to place a finding: most files have none, so the map of
  // every value's line is built on first use, and not at all for a file too big to be a
  // scenario (its findings name the path without a line).
  const lines = new LazyLines(() => (scan.values <= LINES_UP_TO ? scanStructure(text).lines : new Map()));
  const hostile: Finding[] = [];
  findForbiddenKeys(value, [], file, hostile, lines);
  if (hostile.length > 0) return { ok: false, findings: hostile };
  return { ok: true, value, lines };
}

function findForbiddenKeys(value: unknown, path: PathPart[], file: string, out: Finding[], lines: Map<string, number>): void {
  // One path, changed in place as the walk goes down and up: nothing is built per value.
  if (out.length >= 20 || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const v = value[i];
      if (v === null || typeof v !== 'object') continue;
      path.push(i);
      findForbiddenKeys(v, path, file, out, lines);
      path.pop();
    }
    return;
  }
  for (const key of Object.keys(value)) {
    path.push(key);
    if ((FORBIDDEN_KEYS as readonly string[]).includes(key)) {
      const p = formatPath(path);
      const f: Finding = {
        severity: 'error',
        file,
        path: p,
        message: `the key "${key}" is not allowed in scenario files (it can tamper with JavaScript objects); remove it`,
      };
      const line = lines.get(p);
      if (line !== undefined) f.line = line;
      out.push(f);
    } else {
      findForbiddenKeys((value as Record<string, unknown>)[key], path, file, out, lines);
    }
    path.pop();
  }
}
