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

export function formatPath(parts: readonly PathPart[]): string {
  let out = '';
  for (const p of parts) {
    if (typeof p === 'number') out += `[${p}]`;
    else if (IDENT.test(p)) out += out ? `.${p}` : p;
    else out += `[${JSON.stringify(p)}]`;
  }
  return out;
}

/** `file:line:col: error at events[3].id: message` — one line per finding, for terminals and CI logs. */
export function formatFinding(f: Finding): string {
  const where = f.line === undefined ? f.file : f.column === undefined ? `${f.file}:${f.line}` : `${f.file}:${f.line}:${f.column}`;
  const at = f.path ? ` at ${f.path}` : '';
  const rule = f.rule ? ` [${f.rule}]` : '';
  return `${where}: ${f.severity}${at}: ${f.message}${rule}`;
}

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}
