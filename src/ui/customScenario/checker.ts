/**
 * The checker a stranger's scenario goes through in the browser: the very loader the CLI
 * uses (JSON text safety, limits, the zod schema, cross-references) and lint's static
 * rules. It is imported lazily, in a chunk of its own, only when the player opens "Load
 * scenario" or starts a kept scenario, so the game itself never loads zod.
 */
import type { Finding } from '../../scenario/findings.ts';
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
