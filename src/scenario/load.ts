/**
 * Loading a scenario never throws: it returns the scenario, or the findings that say
 * what to fix and where. Order: text limits and JSON syntax, forbidden keys, the limits
 * on counts (limits.ts), many wrong conditions (conditionCheck.ts), the schema, then cross-references.
 */
import { type Finding, hasErrors } from './findings.ts';
import { checkConditions } from './conditionCheck.ts';
import { crossCheck } from './crossref.ts';
import { parseJsonText } from './jsonText.ts';
import { checkCalendarRange, checkEventFirings, checkLimits, checkTrendEffects } from './limits.ts';
import { ScenarioSchema } from './schema.ts';
import type { Scenario } from './types.ts';
import { issuesToFindings } from './zodIssues.ts';

export interface LoadResult {
  scenario: Scenario | null;
  findings: Finding[];
}

export function loadScenarioText(text: string, file: string): LoadResult {
  const parsed = parseJsonText(text, file);
  if (!parsed.ok) return { scenario: null, findings: parsed.findings };
  return validateScenario(parsed.value, file, parsed.lines);
}

export function validateScenario(data: unknown, file: string, lines: Map<string, number> = new Map()): LoadResult {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { scenario: null, findings: [{ severity: 'error', file, path: '', message: 'a scenario file must hold one JSON object { … }' }] };
  }
  const tooMuch = checkLimits(data, file, lines);
  if (tooMuch.length > 0) return { scenario: null, findings: tooMuch };
  // Many wrong conditions: the first ones of each list and a count, instead of the schema's
  // every complaint about every form of every one of them.
  const wrongConditions = checkConditions(data, file, lines);
  if (wrongConditions.findings.length > 0) return { scenario: null, findings: wrongConditions.findings };
  const result = ScenarioSchema.safeParse(data, { reportInput: true });
  if (!result.success) return { scenario: null, findings: issuesToFindings(result.error.issues, data, file, lines, ScenarioSchema) };
  const findings = [
    ...checkCalendarRange(result.data, file, lines),
    ...checkEventFirings(result.data, file, lines),
    ...checkTrendEffects(result.data, file, lines),
    ...crossCheck(result.data, file, lines),
  ];
  return { scenario: hasErrors(findings) ? null : result.data, findings };
}
