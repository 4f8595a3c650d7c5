/** Routes: every state a route crosses must be one the game knows. */
import { POWER_IDS } from '../../core/vocabulary.ts';
import { suggest } from '../suggest.ts';
import type { LintContext } from './context.ts';

/** States a route may cross besides the powers (the map and the guide know them). */
export const KNOWN_STATES = [
  'georgia',
  'armenia',
  'turkey',
  'iran',
  'russia',
  'ukraine',
  'kazakhstan',
  'turkmenistan',
  'bulgaria',
  'romania',
  'hungary',
  'austria',
  'greece',
  'italy',
  'europe',
] as const;

export const ENERGY_RULES = {
  'unknown-transit': 'a route crosses a state that is neither a power nor a known state',
} as const;

export function lintEnergy(ctx: LintContext): void {
  const known = new Set<string>([...POWER_IDS, ...KNOWN_STATES]);
  ctx.s.energy.routes.forEach((r, i) => {
    r.transit.forEach((t, j) => {
      if (!known.has(t))
        ctx.warn(
          'unknown-transit',
          ['energy', 'routes', i, 'transit', j],
          `route "${r.id}" crosses "${t}", which is neither a power (${POWER_IDS.join(', ')}) nor a known state${suggest(t, known)}`,
          `${r.id}.${t}`,
          'error',
        );
    });
  });
}
