/**
 * Safe handling of JSON text from strangers, before and around JSON.parse: a size
 * limit, a nesting limit checked by a scan that builds nothing, a UTF-8 byte-order mark
 * accepted, parse errors located by line and column, forbidden keys rejected, and a map
 * from JSON paths to line numbers so later findings can point into the file.
 */
import { FORBIDDEN_KEYS } from '../core/vocabulary.ts';
import { appendPath, type Finding, formatPath, type PathPart } from './findings.ts';

export const MAX_BYTES = 5 * 1024 * 1024;
export const MAX_NESTING = 64;
/** JSON values in any one file (a save of 100,000 commands holds about 300,000): a 5 MB
 *  file of `1,1,1…` is refused by the first scan, before anything is built from it.
 *  Scenario files have a lower limit of their own (limits.ts). */
export const MAX_VALUES = 500_000;
/** Files with more values than this get findings without line numbers: the map of every
 *  value's line would cost more than the rest of the check (limits.ts refuses such a
 *  scenario anyway). */
const LINES_UP_TO = 100_000;

export type ParsedJson = { ok: true; value: unknown; lines: Map<string, number> } | { ok: false; findings: Finding[] };

export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

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

/** A map from JSON paths to line numbers, filled the first time it is read. */
class LazyLines extends Map<string, number> {
  #fill: (() => Map<string, number>) | null;
  constructor(fill: () => Map<string, number>) {
    super();
    this.#fill = fill;
  }
  #ready(): void {
    const fill = this.#fill;
    if (!fill) return;
    this.#fill = null;
    for (const [k, v] of fill()) super.set(k, v);
  }
  override get(key: string): number | undefined {
    this.#ready();
    return super.get(key);
  }
  override has(key: string): boolean {
    this.#ready();
    return super.has(key);
  }
  override get size(): number {
    this.#ready();
    return super.size;
  }
  override forEach(fn: (value: number, key: string, map: Map<string, number>) => void, thisArg?: unknown): void {
    this.#ready();
    super.forEach(fn, thisArg);
  }
  override entries(): MapIterator<[string, number]> {
    this.#ready();
    return super.entries();
  }
  override keys(): MapIterator<string> {
    this.#ready();
    return super.keys();
  }
  override values(): MapIterator<number> {
    this.#ready();
    return super.values();
  }
  override [Symbol.iterator](): MapIterator<[string, number]> {
    return this.entries();
  }
}

export type DecodedText = { ok: true; text: string } | { ok: false; findings: Finding[] };

/**
 * UTF-8 bytes to text, refusing invalid bytes instead of turning them into U+FFFD (which
 * would change a file's meaning without a word). The finding names the byte's line,
 * column and JSON path.
 */
export function decodeUtf8(bytes: Uint8Array, file: string): DecodedText {
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, bad));
    const { line, column } = lineCol(before, before.length);
    const at = pathAt(before, before.length);
    const byte = (bytes[bad] ?? 0).toString(16).toUpperCase().padStart(2, '0');
    return {
      ok: false,
      findings: [
        {
          severity: 'error',
          file,
          path: at,
          line,
          column,
          message: `the file is not valid UTF-8: byte 0x${byte} cannot start or continue a character here; save the file as UTF-8`,
        },
      ],
    };
  }
}

/** The offset of the first byte that breaks UTF-8 (RFC 3629: no overlongs, no surrogates). */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  const cont = (k: number, lo = 0x80, hi = 0xbf) => {
    const x = b[k];
    return x !== undefined && x >= lo && x <= hi;
  };
  while (i < b.length) {
    const c = b[i] as number;
    if (c < 0x80) i += 1;
    else if (c >= 0xc2 && c <= 0xdf && cont(i + 1)) i += 2;
    else if (c === 0xe0 && cont(i + 1, 0xa0) && cont(i + 2)) i += 3;
    else if (((c >= 0xe1 && c <= 0xec) || c === 0xee || c === 0xef) && cont(i + 1) && cont(i + 2)) i += 3;
    else if (c === 0xed && cont(i + 1, 0x80, 0x9f) && cont(i + 2)) i += 3;
    else if (c === 0xf0 && cont(i + 1, 0x90) && cont(i + 2) && cont(i + 3)) i += 4;
    else if (c >= 0xf1 && c <= 0xf3 && cont(i + 1) && cont(i + 2) && cont(i + 3)) i += 4;
    else if (c === 0xf4 && cont(i + 1, 0x80, 0x8f) && cont(i + 2) && cont(i + 3)) i += 4;
    else return i;
  }
  return b.length;
}

function lineCol(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let last = -1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      last = i;
    }
  }
  return { line, column: offset - last };
}

interface Frame {
  kind: 'object' | 'array';
  /** The container's own path, formatted. */
  path: string;
  index: number;
  key: string | null;
}

/**
 * One pass over the text that tracks strings and brackets: it finds nesting beyond the
 * limit and counts values before JSON.parse builds anything, and (when asked) records the
 * line where each value starts, keyed by its formatted JSON path, each path built from
 * its container's in one step. On malformed text it records what it can.
 */
function scanStructure(
  text: string,
  end = text.length,
  wantLines = true,
): { tooDeep: number | 0; tooMany: number | 0; values: number; lines: Map<string, number>; open: string } {
  const lines = new Map<string, number>();
  const stack: Frame[] = [];
  let line = 1;
  let i = 0;
  let values = 0;
  let tooMany = 0;
  const n = end;
  const valuePath = (): string | null => {
    const top = stack[stack.length - 1];
    if (!top) return '';
    if (top.kind === 'array') return appendPath(top.path, top.index);
    return top.key === null ? null : appendPath(top.path, top.key);
  };
  const markValue = () => {
    if (++values > MAX_VALUES && tooMany === 0) tooMany = i;
    if (!wantLines) return;
    const key = valuePath();
    if (key !== null && !lines.has(key)) lines.set(key, line);
  };
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      line++;
      i++;
      continue;
    }
    if (c === 34) {
      // A string: a key if we are in an object awaiting a key, otherwise a value.
      let j = i + 1;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (d === 92) j += 2;
        else if (d === 34) break;
        else {
          if (d === 10) line++;
          j++;
        }
      }
      const top = stack[stack.length - 1];
      if (top && top.kind === 'object' && top.key === null) {
        if (!wantLines) top.key = '';
        else {
          try {
            top.key = JSON.parse(text.slice(i, j + 1)) as string;
          } catch {
            top.key = text.slice(i + 1, j);
          }
        }
      } else {
        markValue();
        if (tooMany) return { tooDeep: 0, tooMany, values, lines, open: '' };
      }
      i = j + 1;
      continue;
    }
    if (c === 123 || c === 91) {
      markValue();
      if (tooMany) return { tooDeep: 0, tooMany, values, lines, open: '' };
      const p = wantLines ? (valuePath() ?? '') : '';
      stack.push({ kind: c === 123 ? 'object' : 'array', path: p, index: 0, key: null });
      if (stack.length > MAX_NESTING) return { tooDeep: i, tooMany: 0, values, lines, open: '' };
      i++;
      continue;
    }
    if (c === 125 || c === 93) {
      stack.pop();
      i++;
      continue;
    }
    if (c === 44) {
      const top = stack[stack.length - 1];
      if (top) {
        if (top.kind === 'array') top.index++;
        else top.key = null;
      }
      i++;
      continue;
    }
    if (c === 32 || c === 9 || c === 13 || c === 58) {
      i++;
      continue;
    }
    // A number, true, false or null.
    markValue();
    if (tooMany) return { tooDeep: 0, tooMany, values, lines, open: '' };
    while (i < n) {
      const d = text.charCodeAt(i);
      if (d === 44 || d === 125 || d === 93 || d === 32 || d === 10 || d === 13 || d === 9) break;
      i++;
    }
  }
  const top = stack[stack.length - 1];
  const open = !top ? '' : top.kind === 'array' ? appendPath(top.path, top.index) : top.key === null ? top.path : appendPath(top.path, top.key);
  return { tooDeep: 0, tooMany, values, lines, open };
}

/** The formatted JSON path of the value (or key) being read at an offset: where a problem
 *  found by a later pass lies. Costs one scan, so it is only used once an error is certain. */
export function pathAt(text: string, offset: number): string {
  return scanStructure(text, Math.min(offset, text.length)).open;
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

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPES = '"\\/bfnrtu';

/** What checkJsonSyntax found: a syntax error, a duplicate key (`key` names it), or text
 *  that is not valid Unicode. Only syntax errors read "the file is not valid JSON". */
export interface SyntaxProblem {
  offset: number;
  message: string;
  kind: 'syntax' | 'duplicate-key' | 'text';
  key?: string;
}

const hex4 = (text: string, at: number): number => (/^[0-9a-fA-F]{4}$/.test(text.slice(at, at + 4)) ? Number.parseInt(text.slice(at, at + 4), 16) : -1);
const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
const LONE_SURROGATE = 'is half of a UTF-16 surrogate pair without its other half, which is not valid text; remove it or write the whole character';

/**
 * A strict JSON syntax check that builds nothing and reports the first error's offset
 * with a message a person can act on. Beyond the grammar it refuses what JSON.parse
 * silently accepts: a key twice in one object (readers disagree on which one counts, so
 * a file could mean two things) and lone surrogate escapes such as "\ud800" (not text in
 * any encoding). Nesting was already limited by scanStructure, so the recursion here is
 * bounded.
 */
export function checkJsonSyntax(text: string): SyntaxProblem | null {
  let i = 0;
  const n = text.length;
  class SyntaxFault {
    constructor(readonly problem: SyntaxProblem) {}
  }
  const fail = (message: string, at = i): never => {
    throw new SyntaxFault({ offset: at, message, kind: 'syntax' });
  };
  const badText = (message: string, at: number): never => {
    throw new SyntaxFault({ offset: at, message, kind: 'text' });
  };
  const ws = () => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13) i++;
      else break;
    }
  };
  const found = () => (i >= n ? 'the end of the file' : `"${text[i]}"`);
  /** Reads a string; returns whether it held an escape (so a key must be decoded). */
  const string = (): boolean => {
    i++;
    let escaped = false;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        return escaped;
      }
      if (c < 0x20) fail('a line break or control character inside text; write it as an escape such as \\n');
      if (c === 92) {
        escaped = true;
        const e = text[i + 1] ?? '';
        if (!ESCAPES.includes(e) || e === '') fail(`"\\${e}" is not a valid escape in text`);
        if (e !== 'u') {
          i += 2;
          continue;
        }
        const code = hex4(text, i + 2);
        if (code < 0) fail('\\u must be followed by four hexadecimal digits');
        if (isLow(code)) badText(`the escape "\\u${text.slice(i + 2, i + 6)}" ${LONE_SURROGATE}`, i);
        if (isHigh(code)) {
          const next = text.startsWith('\\u', i + 6) ? hex4(text, i + 8) : -1;
          if (!isLow(next)) badText(`the escape "\\u${text.slice(i + 2, i + 6)}" ${LONE_SURROGATE}`, i);
          i += 12;
          continue;
        }
        i += 6;
        continue;
      }
      // Raw surrogates only reach here from a JavaScript string, never from decoded UTF-8.
      if (isHigh(c)) {
        if (!isLow(text.charCodeAt(i + 1))) badText(`the character U+${c.toString(16).toUpperCase()} ${LONE_SURROGATE}`, i);
        i += 2;
        continue;
      }
      if (isLow(c)) badText(`the character U+${c.toString(16).toUpperCase()} ${LONE_SURROGATE}`, i);
      i++;
    }
    return fail('text is not closed: a double quote is missing');
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      const keys = new Map<string, number>();
      for (;;) {
        ws();
        if (text[i] !== '"') fail(`expected a property name in double quotes, found ${found()}`);
        const at = i;
        const raw = string() ? (JSON.parse(text.slice(at, i)) as string) : text.slice(at + 1, i - 1);
        const first = keys.get(raw);
        if (first !== undefined) {
          throw new SyntaxFault({
            offset: at,
            kind: 'duplicate-key',
            key: raw,
            message: `the key ${JSON.stringify(raw.length > 64 ? `${raw.slice(0, 64)}…` : raw)} appears twice in one object (first on line ${lineCol(text, first).line}); JSON readers disagree on which one counts, so keep only one`,
          });
        }
        keys.set(raw, at);
        ws();
        if (text[i] !== ':') fail(`expected ":" after the property name, found ${found()}`);
        i++;
        value();
        ws();
        if (text[i] === ',') {
          i++;
          ws();
          if (text[i] === '}') fail('a comma before "}" is not allowed in JSON; remove it');
          continue;
        }
        if (text[i] === '}') {
          i++;
          return;
        }
        fail(`expected "," or "}" after a property, found ${found()}`);
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value();
        ws();
        if (text[i] === ',') {
          i++;
          ws();
          if (text[i] === ']') fail('a comma before "]" is not allowed in JSON; remove it');
          continue;
        }
        if (text[i] === ']') {
          i++;
          return;
        }
        fail(`expected "," or "]" in a list, found ${found()}`);
      }
    }
    if (c === '"') {
      string();
      return;
    }
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return;
      }
    }
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(text);
    if (m && m[0].length > 0 && m[0] !== '-') {
      i += m[0].length;
      return;
    }
    fail(`expected a value (an object, a list, text in double quotes, a number, true, false or null), found ${found()}`);
  };
  try {
    value();
    ws();
    if (i < n) fail(`unexpected ${found()} after the end of the JSON value`);
    return null;
  } catch (e) {
    if (e instanceof SyntaxFault) return e.problem;
    throw e;
  }
}
