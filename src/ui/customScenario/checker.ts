/**
 * The checker a stranger's scenario goes through in the browser: the very loader the CLI
 * uses (JSON text safety, limits, the zod schema, cross-references) and lint's static
 * rules. It is imported lazily, in a chunk of its own, only when the player opens "Load
 * scenario" or starts a kept scenario, so the game itself never loads zod.
 */
import type { Finding } from '../../scenario/findings.ts';
import { decodeUtf8 } from '../../scenario/utf8.ts';
import { lintScenario } from '../../scenario/lint.ts';
import { loadScenarioText } from '../../scenario/load.ts';
import { markLoadedFromFile } from '../../scenario/origin.ts';
import type { Scenario } from '../../scenario/types.ts';

export interface Checked {
  scenario: Scenario | null;
  /** Errors and warnings from validation, then lint's warnings (only for a valid file). */
  findings: Finding[];
}

export function checkScenarioText(text: string, file: string, shippedIds: readonly string[]): Checked {
  try {
    const r = loadScenarioText(text, file);
    if (!r.scenario) return { scenario: null, findings: r.findings };
    if (shippedIds.includes(r.scenario.id)) {
      return {
        scenario: null,
        findings: [
          { severity: 'error', file, path: 'id', message: `"${r.scenario.id}" is the id of a scenario that comes with the game; give yours another id` },
        ],
      };
    }
    return { scenario: markLoadedFromFile(r.scenario), findings: [...r.findings, ...lintScenario(r.scenario, file)] };
  } catch (e) {
    // The loader never throws on input; if it ever did, the game must not break with it.
    return {
      scenario: null,
      findings: [{ severity: 'error', file, path: '', message: `the file could not be checked (${e instanceof Error ? e.message : String(e)})` }],
    };
  }
}

/** A file's bytes, checked: text that is not UTF-8 is a finding with its line and path,
 *  never silently replaced by U+FFFD as `File.text()` would (issue 11.7). `text` is the
 *  decoded file, or null when it could not be decoded. */
export function checkScenarioBytes(bytes: Uint8Array, file: string, shippedIds: readonly string[]): Checked & { text: string | null } {
  const decoded = decodeUtf8(bytes, file);
  if (!decoded.ok) return { scenario: null, findings: decoded.findings, text: null };
  return { ...checkScenarioText(decoded.text, file, shippedIds), text: decoded.text };
}
