/**
 * Scans of JSON text that build nothing: nesting and the number of values within
 * limits before JSON.parse builds anything, a map from JSON paths to line numbers so
 * findings can point into the file (built lazily: most files have no finding), and the
 * line, column and JSON path of an offset where a problem lies.
 */
import { appendPath } from './findings.ts';

export const MAX_NESTING = 64;
/** JSON values in any one file (a save of 100,000 commands holds about 300,000): a 5 MB
 *  file of `1,1,1…` is refused by the first scan, before anything is built from it.
 *  Scenario files have a lower limit of their own (limits.ts). */
export const MAX_VALUES = 500_000;

/** A map from JSON paths to line numbers, filled the first time it is read. */
export class LazyLines extends Map<string, number> {
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

/** The line and column (both from 1) of an offset in the text. */
export function lineCol(text: string, offset: number): { line: number; column: number } {
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
export function scanStructure(
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
