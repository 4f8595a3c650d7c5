/** Powers whose repertoire can only punish or only reward. */
import { POWER_IDS } from '../../core/vocabulary.ts';
import type { LintContext } from './context.ts';

export const POWER_RULES = {
  'one-sided-power': 'a power has no sticks, or no carrots, in its repertoire',
} as const;

export function lintPowers(ctx: LintContext): void {
  for (const id of POWER_IDS) {
    const p = ctx.s.powers[id];
    const kinds = new Set(p.responses.map((r) => r.kind));
    for (const kind of ['stick', 'carrot'] as const) {
      if (!kinds.has(kind))
        ctx.warn(
          'one-sided-power',
          ['powers', id, 'responses'],
          `${p.name} has no ${kind}s: it can only ${kind === 'stick' ? 'reward' : 'punish'}`,
          `${id}.${kind}`,
        );
    }
  }
}
