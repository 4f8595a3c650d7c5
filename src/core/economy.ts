/**
 * Energy and the economy, once a turn. Producing fields fill the operating routes of
 * their kind in the order the scenario lists them; what a route carries earns its
 * price. Revenue, and the wider economy scaled by the economy meter, go to the
 * treasury, and the economy meter drifts toward what the revenue can sustain.
 *
 * Money is for spending: reserves beyond two years of income lose a tenth of the excess
 * each turn to inflation and graft. Without this rule the 2008 chapter's treasury grew
 * from $2.0bn to $5.3bn with nothing to show for it (issue 7 §6); with it, a player who
 * sits on oil money watches it melt, and one who spends it (on the army, at home, in
 * Georgia) turns it into the meters and friendships the score counts. (A stability cost
 * for hoarding was tried and dropped: it toppled the historical line, whose scripted
 * player takes only the actions history records and so never spends.)
 */
import type { Scenario } from '../scenario/types.ts';
import { production } from './derived.ts';
import { causeOf, keyed, numbered } from './causes.ts';
import { ownRoute } from './clone.ts';
import type { GameState } from './state.ts';
import { change } from './vars.ts';

// The causes, built once (causes.ts).
const exports = keyed((route: Scenario['energy']['routes'][number]) => `${route.kind === 'oil' ? 'Oil' : 'Gas'} exports via ${route.name}`);
const idle = numbered('idle', (limit) => `Idle money above $${limit}m (two years of income) lost to inflation and graft`);
const withoutExports = numbered('withoutExports', (target) => `Without export revenue the economy tends to ${target}`);
const WIDER = causeOf('The wider economy');
const sustained = numbered('sustained', (revenue, target) => `Energy revenue of $${revenue}m sustains an economy of ${target}`);

export function energyAndEconomy(scenario: Scenario, s: GameState): void {
  const fields = scenario.energy.fields;
  // What is left to carry of each kind (two names, not a record read by a varying key).
  let oil = production(s, 'oil', fields);
  let gas = production(s, 'gas', fields);
  let revenue = 0;
  for (const route of scenario.energy.routes) {
    const current = s.routes[route.id];
    if (!current) continue;
    const carries = current.status === 'operating' && route.kind !== 'rail';
    if (!carries && current.flow === 0 && current.revenue === 0) continue;
    const rs = ownRoute(s, route.id) as typeof current;
    rs.flow = 0;
    rs.revenue = 0;
    if (!carries) continue;
    const flow = Math.min(rs.capacity, route.kind === 'oil' ? oil : gas);
    if (route.kind === 'oil') oil -= flow;
    else gas -= flow;
    rs.flow = flow;
    rs.revenue = Math.round(flow * (rs.price ?? route.price));
    revenue += rs.revenue;
    change(s, 'treasury', rs.revenue, exports(route));
  }
  s.revenue = revenue;

  const { baseIncome, economyBase, revenuePerEconomyPoint } = scenario.model;
  const wider = Math.round((baseIncome * s.meters.economy) / 50);
  change(s, 'treasury', wider, WIDER);
  idleReserves(s, revenue + wider);

  const fromRevenue = Math.min(50, Math.floor(revenue / revenuePerEconomyPoint));
  const target = Math.min(100, economyBase + fromRevenue);
  change(s, 'economy', stepToward(s.meters.economy, target, 4, 3), fromRevenue > 0 ? sustained(revenue, target) : withoutExports(target));
}

/** Quarters of income the state may hold before idle money starts to melt away. */
export const RESERVE_TURNS = 8;

/** The treasury above which money melts: two years of this turn's income, at least $100m. */
export function reserveLimit(income: number): number {
  return Math.max(100, RESERVE_TURNS * income);
}

function idleReserves(s: GameState, income: number): void {
  const limit = reserveLimit(income);
  if (s.treasury <= limit) return;
  const loss = Math.round((s.treasury - limit) / 10);
  if (loss > 0) change(s, 'treasury', -loss, idle(limit));
}

/** A step of 1/divisor of the gap, at least 1 and at most `max`, toward a target. */
export function stepToward(value: number, target: number, divisor: number, max: number): number {
  const gap = target - value;
  if (gap === 0) return 0;
  let step = Math.round(gap / divisor);
  if (step === 0) step = gap > 0 ? 1 : -1;
  if (step > max) step = max;
  if (step < -max) step = -max;
  return step;
}
