/**
 * Findings: what validation and lint report instead of throwing. Each names the file,
 * the JSON path, and says what to fix.
 */

export type Severity = 'error' | 'warning';

export interface Finding {
  severity: Severity;
  file: string;
  /** JSON path in the file, e.g. `events[12].choices[1].effects[0].delta`; "" is the whole file. */
  path: string;
  message: string;
  /** Lint rule id, for `lint.ignore`; validation errors have none. */
  rule?: string;
  line?: number;
  column?: number;
}

export type PathPart = string | number;

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** The most characters of any one key a path repeats back: a stranger's file may hold a
 *  key of megabytes, and a finding must stay one readable line. */
export const MAX_ECHOED_KEY = 64;
/** The most characters of a path or a message a printed finding holds. */
export const MAX_ECHOED_TEXT = 600;

/** Text shortened to `max` characters, saying how much was left out. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length - max} more characters)`;
}

export function formatPath(parts: readonly PathPart[]): string {
  let out = '';
  for (const p of parts) out = appendPath(out, p);
  return out;
}

/** A formatted path with one more part: `formatPath([...parts, p])` from `formatPath(parts)`. */
export function appendPath(formatted: string, p: PathPart): string {
  if (typeof p === 'number') return `${formatted}[${p}]`;
  if (IDENT.test(p) && p.length <= MAX_ECHOED_KEY) return formatted ? `${formatted}.${p}` : p;
  return `${formatted}[${JSON.stringify(p.length > MAX_ECHOED_KEY ? `${p.slice(0, MAX_ECHOED_KEY)}…` : p)}]`;
}

/** `file:line:col: error at events[3].id: message` — one line per finding, for terminals and CI logs. */
export function formatFinding(f: Finding): string {
  const where = f.line === undefined ? f.file : f.column === undefined ? `${f.file}:${f.line}` : `${f.file}:${f.line}:${f.column}`;
  const at = f.path ? ` at ${clip(f.path, MAX_ECHOED_TEXT)}` : '';
  const rule = f.rule ? ` [${f.rule}]` : '';
  return `${where}: ${f.severity}${at}: ${clip(f.message, MAX_ECHOED_TEXT)}${rule}`;
}

/** How many findings a command prints before it only counts the rest. */
export const MAX_PRINTED_FINDINGS = 50;

/** The lines to print for a list of findings: the first 50, then "… and N more". */
export function formatFindings(findings: readonly Finding[], max = MAX_PRINTED_FINDINGS): string[] {
  const lines = findings.slice(0, max).map(formatFinding);
  if (findings.length > max) {
    const rest = findings.length - max;
    const errors = findings.slice(max).filter((f) => f.severity === 'error').length;
    lines.push(`… and ${rest} more (${errors} error${errors === 1 ? '' : 's'}, ${rest - errors} warning${rest - errors === 1 ? '' : 's'}); fix these first`);
  }
  return lines;
}

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}
