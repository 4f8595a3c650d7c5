/**
 * Turning zod's issues into findings a designer can act on. Two things make it more
 * than a translation:
 *  - unions: a condition can take seventeen forms and an amount two; zod reports every
 *    form's complaints, so we report only the form the author evidently meant — the
 *    one named by the key they used (a condition) or by `op` (an effect);
 *  - "did you mean": an unknown key, op or value is matched against what the schema
 *    accepts at that very place, which we find by walking the schema along the path.
 */
import type { z } from 'zod';
import { type Finding, formatPath, type PathPart } from './findings.ts';
import { closest, suggest } from './suggest.ts';

type Issue = z.core.$ZodIssue;
// zod's internal definitions, read only to find what a place in the file accepts.
type Def = { type: string; [key: string]: unknown };
type AnySchema = { _zod: { def: Def } };

export function issuesToFindings(issues: readonly Issue[], input: unknown, file: string, lines: Map<string, number>, root?: unknown): Finding[] {
  const out: Finding[] = [];
  const ctx: Ctx = { input, file, lines, out, root: root as AnySchema | undefined };
  for (const issue of issues) collect(ctx, issue, []);
  // One finding per path and message: unions can repeat themselves.
  const seen = new Set<string>();
  return out.filter((f) => {
    const key = `${f.path}\u0000${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

interface Ctx {
  input: unknown;
  file: string;
  lines: Map<string, number>;
  out: Finding[];
  root: AnySchema | undefined;
}

function valueAt(root: unknown, path: readonly PathPart[]): unknown {
  let v: unknown = root;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[p];
  }
  return v;
}

function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return `the text ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}`;
  return `${typeof v === 'number' ? 'the number' : 'the value'} ${String(v)}`;
}

const TYPE_NAMES: Record<string, string> = {
  number: 'a number',
  string: 'text in quotes',
  boolean: 'true or false',
  object: 'an object { … }',
  array: 'a list [ … ]',
  int: 'a whole number',
  literal: 'a fixed value',
};

function collect(ctx: Ctx, issue: Issue, base: readonly PathPart[]): void {
  const path = [...base, ...(issue.path as PathPart[])];
  const push = (message: string, at: readonly PathPart[] = path) => {
    const p = formatPath(at);
    const f: Finding = { severity: 'error', file: ctx.file, path: p, message };
    const line = ctx.lines.get(p) ?? nearestLine(ctx.lines, at);
    if (line !== undefined) f.line = line;
    ctx.out.push(f);
  };
  const value = valueAt(ctx.input, path);
  switch (issue.code) {
    case 'invalid_union': {
      const u = issue as Issue & { errors?: Issue[][]; note?: string; discriminator?: string; options?: unknown[] };
      if (u.note === 'No matching discriminator') {
        const key = u.discriminator ?? 'op';
        const options = (u.options ?? []).map(String);
        if (value === undefined) push(`"${key}" is required here: one of ${options.join(', ')}`);
        else push(`unknown ${key} ${JSON.stringify(value)}: the ${key}s are ${options.join(', ')}${suggest(String(value), options)}`);
        return;
      }
      const branches = u.errors ?? [];
      const options = unionOptions(schemaAt(ctx.root, path, ctx.input, 'union'));
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
        const i = pickBranch(branches, options, value as Record<string, unknown>);
        if (i === null) {
          push(noFormMessage(options, value as Record<string, unknown>));
          return;
        }
        for (const sub of branches[i] ?? []) collect(ctx, sub, path);
        return;
      }
      // A number, text or list where the union wants something else: say what it accepts,
      // unless one form takes this kind of value, whose complaint is then the real one.
      const same = options.findIndex((o) => kindOf(o) === valueKind(value));
      if (same >= 0 && branches[same]) {
        for (const sub of branches[same]) collect(ctx, sub, path);
        return;
      }
      const wanted = [...new Set(options.map(describeSchema))].filter(Boolean);
      push(`expected ${wanted.length > 0 ? wanted.join(' or ') : 'something else'}, found ${describeValue(value)}`);
      return;
    }
    case 'invalid_type': {
      if (value === undefined) {
        const key = path[path.length - 1];
        push(`"${String(key)}" is required here${issue.expected ? `: add ${TYPE_NAMES[issue.expected] ?? issue.expected}` : ''}`);
      } else if (issue.message && !issue.message.startsWith('Invalid input')) {
        push(`${issue.message}; found ${describeValue(value)}`);
      } else {
        push(`expected ${TYPE_NAMES[issue.expected] ?? issue.expected}, found ${describeValue(value)}`);
      }
      return;
    }
    case 'unrecognized_keys': {
      const known = objectKeys(schemaAt(ctx.root, path, ctx.input)).filter((k) => !(k in ((value as object) ?? {})));
      for (const key of issue.keys) push(`unknown key "${key}": remove it or check its spelling${suggest(key, known)}`, [...path, key]);
      return;
    }
    case 'invalid_value': {
      const values = ((issue as { values?: unknown[] }).values ?? []).filter((v) => v !== undefined);
      const hint =
        typeof value === 'string'
          ? suggest(
              value,
              values.filter((v): v is string => typeof v === 'string'),
            )
          : '';
      if (!issue.message.startsWith('Invalid')) {
        push(`${issue.message}; found ${describeValue(value)}${hint}`);
      } else if (values.length === 1) {
        const optional = isOptional(schemaAt(ctx.root, path, ctx.input, 'as-written'));
        push(`must be ${JSON.stringify(values[0])}${optional ? ' or left out' : ''}; found ${describeValue(value)}`);
      } else {
        push(`${describeValue(value)} is not allowed here: it must be one of ${values.map((v) => JSON.stringify(v)).join(', ')}${hint}`);
      }
      return;
    }
    case 'too_big':
    case 'too_small': {
      // zod's own words ("Too big: expected number to be <=180") read unlike every other
      // finding; a schema's own message ("must be at least 1") is kept as written.
      const message = /^Too (big|small)\b/.test(issue.message) ? boundMessage(issue) : issue.message;
      push(`${message}; found ${describeValue(value)}`);
      return;
    }
    default:
      push(issue.message.startsWith('Invalid') ? `${issue.message} (found ${describeValue(value)})` : `${issue.message}; found ${describeValue(value)}`);
  }
}

/** A bound in the findings' words: "must be at most 180", "must have at least 1 item". */
function boundMessage(issue: Extract<Issue, { code: 'too_big' | 'too_small' }>): string {
  const big = issue.code === 'too_big';
  const n = Number(big ? issue.maximum : issue.minimum);
  const word = issue.exact ? 'exactly' : big ? (issue.inclusive === false ? 'less than' : 'at most') : issue.inclusive === false ? 'more than' : 'at least';
  const unit = (one: string) => ` ${one}${n === 1 ? '' : 's'}`;
  if (issue.origin === 'array' || issue.origin === 'set') return `must have ${word} ${n}${unit('item')}`;
  if (issue.origin === 'string') return `must be ${word} ${n}${unit('character')} long`;
  return `must be ${word} ${n}`;
}

/**
 * The branch the author meant: the form that knows the most of the keys they wrote
 * (a condition's keys name its form), then the one with fewest complaints. Null when no
 * form knows any of them.
 */
function pickBranch(branches: Issue[][], options: readonly AnySchema[], value: Record<string, unknown>): number | null {
  const keys = Object.keys(value);
  let best: number | null = null;
  let bestKnown = 0;
  let bestIssues = Number.POSITIVE_INFINITY;
  branches.forEach((branch, i) => {
    const shape = objectKeys(options[i]);
    const known = options[i] ? keys.filter((k) => shape.includes(k)).length : keys.length - unknownCount(branch);
    if (known > bestKnown || (known === bestKnown && known > 0 && branch.length < bestIssues)) {
      best = i;
      bestKnown = known;
      bestIssues = branch.length;
    }
  });
  return best;
}

function unknownCount(branch: Issue[]): number {
  let n = 0;
  for (const issue of branch) if (issue.code === 'unrecognized_keys' && issue.path.length === 0) n += issue.keys.length;
  return n;
}

/** "expected one of the forms …" for an object no form recognises, with a suggestion. */
function noFormMessage(options: readonly AnySchema[], value: Record<string, unknown>): string {
  const firstKeys = options.map((o) => objectKeys(o)[0]).filter((k): k is string => k !== undefined);
  const written = Object.keys(value);
  const guess = written.map((k) => closest(k, firstKeys)).find((k) => k !== null);
  const found = written.length === 0 ? 'an empty object' : `the key${written.length > 1 ? 's' : ''} ${written.map((k) => `"${k}"`).join(', ')}`;
  return `expected an object with one of the keys ${firstKeys.map((k) => `"${k}"`).join(', ')}; found ${found}${guess ? `; did you mean "${guess}"?` : ''}`;
}

// ---------------------------------------------------------------- reading the schema

function unwrap(s: AnySchema | undefined, keepOptional = false): AnySchema | undefined {
  let cur = s;
  for (let i = 0; cur && i < 20; i++) {
    const def = cur._zod.def;
    if (def.type === 'lazy') cur = (def.getter as () => AnySchema)();
    else if (['default', 'prefault', 'nullable', 'readonly', 'catch', 'nonoptional'].includes(def.type)) cur = def.innerType as AnySchema;
    else if (def.type === 'optional' && !keepOptional) cur = def.innerType as AnySchema;
    else if (def.type === 'pipe') cur = def.in as AnySchema;
    else return cur;
  }
  return cur;
}

/**
 * The schema at a path of the input, choosing each union's form by the input there. At
 * the end: "form" picks the union's form too, "union" keeps the union, "as-written"
 * keeps even an `optional` wrapper (to tell whether the key may be left out).
 */
function schemaAt(
  root: AnySchema | undefined,
  path: readonly PathPart[],
  input: unknown,
  end: 'form' | 'union' | 'as-written' = 'form',
): AnySchema | undefined {
  let s = root;
  let v: unknown = input;
  for (let i = 0; i < path.length && s; i++) {
    const def = pickForm(unwrap(s), v)?._zod.def;
    const p = path[i] as PathPart;
    if (def?.type === 'object') s = (def.shape as Record<string, AnySchema>)[String(p)];
    else if (def?.type === 'array') s = def.element as AnySchema;
    else if (def?.type === 'tuple') s = (def.items as AnySchema[])[Number(p)];
    else if (def?.type === 'record') s = def.valueType as AnySchema;
    else s = undefined;
    v = v !== null && typeof v === 'object' ? (v as Record<string | number, unknown>)[p] : undefined;
  }
  if (end === 'as-written') return s;
  return end === 'union' ? unwrap(s) : pickForm(unwrap(s), v);
}

/** For a union, the form the value is meant as (by `op`, or by the keys it uses). */
function pickForm(s: AnySchema | undefined, v: unknown): AnySchema | undefined {
  if (s?._zod.def.type !== 'union') return s;
  const options = unionOptions(s);
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return options.find((o) => kindOf(o) === valueKind(v)) ?? s;
  const keys = Object.keys(v as object);
  const disc = s._zod.def.discriminator as string | undefined;
  if (disc) {
    const want = (v as Record<string, unknown>)[disc];
    return options.find((o) => literalOf((o._zod.def.shape as Record<string, AnySchema>)?.[disc]) === want) ?? s;
  }
  let best: AnySchema | undefined;
  let bestKnown = 0;
  for (const o of options) {
    const known = keys.filter((k) => objectKeys(o).includes(k)).length;
    if (known > bestKnown) {
      best = o;
      bestKnown = known;
    }
  }
  return best ?? s;
}

function unionOptions(s: AnySchema | undefined): AnySchema[] {
  const u = unwrap(s);
  if (u?._zod.def.type !== 'union') return [];
  return (u._zod.def.options as AnySchema[]).map((o) => unwrap(o) ?? o);
}

function objectKeys(s: AnySchema | undefined): string[] {
  const u = unwrap(s);
  return u && u._zod.def.type === 'object' ? Object.keys(u._zod.def.shape as object) : [];
}

function literalOf(s: AnySchema | undefined): unknown {
  const u = unwrap(s);
  return u && u._zod.def.type === 'literal' ? (u._zod.def.values as unknown[])[0] : undefined;
}

function isOptional(s: AnySchema | undefined): boolean {
  return s !== undefined && s._zod.def.type === 'optional';
}

function kindOf(s: AnySchema): string {
  const t = s._zod.def.type;
  if (t === 'enum' || t === 'literal' || t === 'string') return 'string';
  if (t === 'tuple') return 'array';
  return t;
}

function valueKind(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (v === null) return 'null';
  return typeof v;
}

function describeSchema(s: AnySchema): string {
  const t = kindOf(s);
  if (t === 'object') {
    const keys = objectKeys(s);
    return keys.length > 0 && keys.length <= 3 ? `an object { ${keys.map((k) => `"${k}": …`).join(', ')} }` : 'an object { … }';
  }
  return TYPE_NAMES[t] ?? t;
}

function nearestLine(lines: Map<string, number>, at: readonly PathPart[]): number | undefined {
  for (let n = at.length - 1; n >= 0; n--) {
    const line = lines.get(formatPath(at.slice(0, n)));
    if (line !== undefined) return line;
  }
  return undefined;
}
