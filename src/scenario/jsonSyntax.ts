/**
 * A strict JSON syntax check with messages a person can act on: the first error's
 * line and column, duplicate keys and lone surrogates refused.
 */
import { lineCol } from './jsonScan.ts';

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
