/**
 * Lint: findings about a scenario that validates but is probably not what its author
 * meant. Each rule lives in src/scenario/lint/ with the rules of its kind; this is the
 * entry. Each finding has a severity (most are warnings; a few are errors: the file
 * cannot be right), a JSON path and a rule id. A scenario silences a known finding with
 * `"lint": { "ignore": ["rule"] }` or `["rule:subject"]` (the subject is the id in
 * brackets at the end of the message).
 */
import type { Finding } from './findings.ts';
import { ACTION_RULES, lintActions } from './lint/actions.ts';
import { CONDITION_RULES, lintConditions } from './lint/conditions.ts';
import { lintContext } from './lint/context.ts';
import { EFFECT_RULES, lintEffects } from './lint/effects.ts';
import { ENERGY_RULES, lintEnergy } from './lint/energy.ts';
import { EVENT_RULES, lintEvents } from './lint/events.ts';
import { buildFacts } from './lint/facts.ts';
import { FLAG_RULES, lintFlags } from './lint/flags.ts';
import { lintPowers, POWER_RULES } from './lint/powers.ts';
import { lintStory, STORY_RULES } from './lint/story.ts';
import { lintText, TEXT_RULES } from './lint/text.ts';
import type { Scenario } from './types.ts';

export const LINT_RULES = {
  ...EVENT_RULES,
  ...CONDITION_RULES,
  ...FLAG_RULES,
  ...ACTION_RULES,
  ...ENERGY_RULES,
  ...EFFECT_RULES,
  ...TEXT_RULES,
  ...POWER_RULES,
  ...STORY_RULES,
} as const;

export type LintRule = keyof typeof LINT_RULES;

/** Rule ids of earlier versions, still honoured in `lint.ignore`. */
export const RENAMED_RULES: Record<string, LintRule> = {
  'unused-flag': 'flag-never-read',
  'no-effects': 'no-effect',
  'unreachable-event': 'event-never-fires',
  'duplicate-title': 'duplicate-text',
};

export function lintScenario(s: Scenario, file: string, lines: Map<string, number> = new Map()): Finding[] {
  const out: Finding[] = [];
  const ctx = lintContext(s, file, lines, out, RENAMED_RULES);
  const facts = buildFacts(s);
  lintEvents(ctx, facts);
  lintConditions(ctx, facts);
  lintFlags(ctx);
  lintActions(ctx, facts);
  lintEnergy(ctx);
  lintEffects(ctx, facts);
  lintText(ctx);
  lintPowers(ctx);
  lintStory(ctx);
  return out;
}
