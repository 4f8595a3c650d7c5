/**
 * Turning zod's issues into findings a designer can act on. The one hard case is a
 * union (a condition can take twelve forms): zod reports every form's complaints, so we
 * report only the form the designer evidently meant — the one whose keys they used.
 */
import type { z } from 'zod';
import { type Finding, formatPath, type PathPart } from './findings.ts';

type Issue = z.core.$ZodIssue;

export function issuesToFindings(issues: readonly Issue[], input: unknown, file: string, lines: Map<string, number>): Finding[] {
  const out: Finding[] = [];
  for (const issue of issues) collect(issue, [], input, file, lines, out);
  // One finding per path and message: unions can repeat themselves.
  const seen = new Set<string>();
  return out.filter((f) => {
    const key = `${f.path}\u0000${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
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

function collect(issue: Issue, base: readonly PathPart[], input: unknown, file: string, lines: Map<string, number>, out: Finding[]): void {
  const path = [...base, ...(issue.path as PathPart[])];
  const push = (message: string, at: readonly PathPart[] = path) => {
    const p = formatPath(at);
    const f: Finding = { severity: 'error', file, path: p, message };
    const line = lines.get(p) ?? nearestLine(lines, at);
    if (line !== undefined) f.line = line;
    out.push(f);
  };
  const value = valueAt(input, path);
  switch (issue.code) {
    case 'invalid_union': {
      const branches = (issue as { errors?: Issue[][] }).errors ?? [];
      if (value === null || typeof value !== 'object' || Array.isArray(value) || branches.length === 0) {
        push(`expected an object here, found ${describeValue(value)}`);
        return;
      }
      const best = pickBranch(branches, path, input);
      for (const sub of best) collect(sub, path, input, file, lines, out);
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
      for (const key of issue.keys) push(`unknown key "${key}": remove it or check its spelling`, [...path, key]);
      return;
    }
    case 'invalid_value':
      push(
        issue.message.startsWith('Invalid')
          ? `${describeValue(value)} is not allowed here: ${issue.message}`
          : `${issue.message}; found ${describeValue(value)}`,
      );
      return;
    default:
      push(issue.message.startsWith('Invalid') ? `${issue.message} (found ${describeValue(value)})` : `${issue.message}; found ${describeValue(value)}`);
  }
}

/**
 * The branch the author meant: fewest keys it does not recognise, then fewest missing
 * required keys, then fewest complaints overall.
 */
function pickBranch(branches: Issue[][], path: readonly PathPart[], input: unknown): Issue[] {
  let best: Issue[] = branches[0] ?? [];
  let bestScore = Number.POSITIVE_INFINITY;
  for (const branch of branches) {
    let score = branch.length;
    for (const issue of branch) {
      if (issue.code === 'unrecognized_keys' && issue.path.length === 0) score += 100 * issue.keys.length;
      if (issue.code === 'invalid_type' && issue.path.length === 1 && valueAt(input, [...path, ...(issue.path as PathPart[])]) === undefined) score += 50;
    }
    if (score < bestScore) {
      bestScore = score;
      best = branch;
    }
  }
  return best;
}

function nearestLine(lines: Map<string, number>, at: readonly PathPart[]): number | undefined {
  for (let n = at.length - 1; n >= 0; n--) {
    const line = lines.get(formatPath(at.slice(0, n)));
    if (line !== undefined) return line;
  }
  return undefined;
}
