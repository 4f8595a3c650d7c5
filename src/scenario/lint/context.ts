/**
 * What every lint rule shares: the scenario, where findings go, and the file's own
 * silencing list (`"lint": { "ignore": ["rule", "rule:subject"] }`). A rule module
 * exports its rules' descriptions and one function that reports through `warn`.
 */
import { type Finding, formatPath, type PathPart, type Severity } from '../findings.ts';
import type { Scenario } from '../types.ts';

export interface LintContext {
  s: Scenario;
  /** Reports a finding unless the scenario silences the rule or this subject of it. */
  warn(rule: string, path: PathPart[], message: string, subject?: string, severity?: Severity): void;
}

export function lintContext(s: Scenario, file: string, lines: Map<string, number>, out: Finding[], renamed: Record<string, string> = {}): LintContext {
  // An old rule id in the file still silences the rule under its new name.
  const ignore = new Set(
    (s.lint?.ignore ?? []).map((entry) => {
      const colon = entry.indexOf(':');
      const rule = colon < 0 ? entry : entry.slice(0, colon);
      const now = renamed[rule];
      return now === undefined ? entry : `${now}${colon < 0 ? '' : entry.slice(colon)}`;
    }),
  );
  return {
    s,
    warn(rule, path, message, subject, severity = 'warning') {
      if (ignore.has(rule) || (subject !== undefined && ignore.has(`${rule}:${subject}`))) return;
      const p = formatPath(path);
      const f: Finding = { severity, file, path: p, rule, message: subject ? `${message} [${subject}]` : message };
      const line = lines.get(p);
      if (line !== undefined) f.line = line;
      out.push(f);
    },
  };
}
