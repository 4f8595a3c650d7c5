/**
 * Safe handling of JSON text from strangers, before and around JSON.parse: a size
 * limit, a nesting limit checked by a scan that builds nothing, a UTF-8 byte-order mark
 * accepted, parse errors located by line and column, forbidden keys rejected, and a map
 * from JSON paths to line numbers so later findings can point into the file.
 */
import { FORBIDDEN_KEYS } from '../core/vocabulary.ts';
import { type Finding, formatPath, type PathPart } from './findings.ts';

export const MAX_BYTES = 5 * 1024 * 1024;
export const MAX_NESTING = 64;

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
  const scan = scanStructure(text);
  if (scan.tooDeep) {
    const { line, column } = lineCol(text, scan.tooDeep);
    return error(`the JSON is nested more than ${MAX_NESTING} levels deep; flatten it`, line, column);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const pos = /position (\d+)/.exec(message);
    const at = pos ? lineCol(text, Number(pos[1])) : undefined;
    const reason = message
      .replace(/^JSON\.parse: /, '')
      .replace(/ in JSON at position \d+.*$/, '')
      .replace(/\s*\(line \d+ column \d+\)/, '');
    return error(`the file is not valid JSON: ${reason}`, at?.line, at?.column);
  }
  const hostile: Finding[] = [];
  findForbiddenKeys(value, [], file, hostile, scan.lines);
  if (hostile.length > 0) return { ok: false, findings: hostile };
  return { ok: true, value, lines: scan.lines };
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
  path: PathPart[];
  index: number;
  key: string | null;
}

/**
 * One pass over the text that tracks strings and brackets: it finds nesting beyond the
 * limit before JSON.parse builds anything, and records the line where each value starts,
 * keyed by its JSON path. On malformed text it records what it can; JSON.parse reports
 * the error.
 */
function scanStructure(text: string): { tooDeep: number | 0; lines: Map<string, number> } {
  const lines = new Map<string, number>();
  const stack: Frame[] = [];
  let line = 1;
  let i = 0;
  const n = text.length;
  const valuePath = (): PathPart[] | null => {
    const top = stack[stack.length - 1];
    if (!top) return [];
    if (top.kind === 'array') return [...top.path, top.index];
    return top.key === null ? null : [...top.path, top.key];
  };
  const markValue = () => {
    const p = valuePath();
    if (p) {
      const key = formatPath(p);
      if (!lines.has(key)) lines.set(key, line);
    }
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
        try {
          top.key = JSON.parse(text.slice(i, j + 1)) as string;
        } catch {
          top.key = text.slice(i + 1, j);
        }
      } else {
        markValue();
      }
      i = j + 1;
      continue;
    }
    if (c === 123 || c === 91) {
      markValue();
      const p = valuePath() ?? [];
      stack.push({ kind: c === 123 ? 'object' : 'array', path: p, index: 0, key: null });
      if (stack.length > MAX_NESTING) return { tooDeep: i, lines };
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
    while (i < n) {
      const d = text.charCodeAt(i);
      if (d === 44 || d === 125 || d === 93 || d === 32 || d === 10 || d === 13 || d === 9) break;
      i++;
    }
  }
  return { tooDeep: 0, lines };
}

function findForbiddenKeys(value: unknown, path: PathPart[], file: string, out: Finding[], lines: Map<string, number>): void {
  if (out.length >= 20 || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    value.forEach((v, i) => {
      findForbiddenKeys(v, [...path, i], file, out, lines);
    });
    return;
  }
  for (const key of Object.keys(value)) {
    const p = [...path, key];
    if ((FORBIDDEN_KEYS as readonly string[]).includes(key)) {
      const f: Finding = {
        severity: 'error',
        file,
        path: formatPath(p),
        message: `the key "${key}" is not allowed in scenario files (it can tamper with JavaScript objects); remove it`,
      };
      const line = lines.get(formatPath(p));
      if (line !== undefined) f.line = line;
      out.push(f);
      continue;
    }
    findForbiddenKeys((value as Record<string, unknown>)[key], p, file, out, lines);
  }
}
