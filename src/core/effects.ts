/**
 * The effect interpreter. Effects are declarative JSON; this is the only code that
 * turns them into changes, each recorded with its cause. Chance effects draw from the
 * game's own generator, so they replay identically.
 */
import type { Amount, Effect, Scenario } from '../scenario/types.ts';

type RouteDefinition = Scenario['energy']['routes'][number];
import type { Cause } from './causes.ts';
import { holds, MAX_DEPTH, MAX_STEPS } from './conditions.ts';
import { COUNTER_LIMIT, counterValue } from './counters.ts';
import { nextInt } from './rng.ts';
import { own, ownField, ownRoute, setEntry } from './clone.ts';
import type { GameState, RouteState } from './state.ts';
import { slotOf } from './slots.ts';
import { change, setVar } from './vars.ts';

export interface EffectContext {
  scenario: Scenario;
  s: GameState;
  cause: string | Cause;
  steps: number;
}

export function applyEffects(scenario: Scenario, s: GameState, effects: readonly Effect[], cause: string | Cause): void {
  run({ scenario, s, cause, steps: 0 }, effects, 0);
}

function run(ctx: EffectContext, effects: readonly Effect[], depth: number): void {
  if (depth > MAX_DEPTH) return;
  const steps = stepsOf(effects);
  for (let i = 0; i < steps.length; i++) {
    ctx.steps++;
    if (ctx.steps > MAX_STEPS || ctx.s.outcome) return;
    (steps[i] as Step)(ctx, depth);
  }
}

/** One effect, ready to apply: what `applyOne` does for it, with what it reads from the
 *  effect looked up once. */
type Step = (ctx: EffectContext, depth: number) => void;

const compiled = new WeakMap<readonly Effect[], Step[]>();

/**
 * The steps of an effect list, made once per list (a scenario's lists never change). The
 * effects of a list differ in shape (`add`, `flag`, `if`…), and reading their fields on
 * every application is V8's slow generic path; the commonest, adding to or setting a
 * variable, become a step that holds the variable's slot.
 */
function stepsOf(effects: readonly Effect[]): Step[] {
  let steps = compiled.get(effects);
  if (steps === undefined) {
    steps = effects.map(stepOf);
    compiled.set(effects, steps);
  }
  return steps;
}

function stepOf(e: Effect): Step {
  if (e.op === 'add') {
    const target = slotOf(e.var) ?? e.var;
    const delta = e.delta;
    // A range draws from the generator even when the variable is unknown, as applyOne does.
    if (typeof delta === 'number') return (ctx) => change(ctx.s, target, delta, ctx.cause, ctx.scenario);
    return (ctx) => change(ctx.s, target, draw(ctx.s, delta), ctx.cause, ctx.scenario);
  }
  if (e.op === 'set') {
    const { var: v, value } = e;
    return (ctx) => setVar(ctx.s, v, value, ctx.cause, ctx.scenario);
  }
  return (ctx, depth) => applyOne(ctx, e, depth);
}

function applyOne(ctx: EffectContext, e: Effect, depth: number): void {
  const { s, scenario } = ctx;
  switch (e.op) {
    case 'add':
      change(s, e.var, draw(s, e.delta), ctx.cause, scenario);
      return;
    case 'set':
      setVar(s, e.var, e.value, ctx.cause, scenario);
      return;
    case 'flag': {
      const value = e.value ?? true;
      setEntry(s, 'flags', e.flag, value === false || value === 0 ? undefined : value);
      return;
    }
    case 'inc':
    case 'dec': {
      const next = counterAfter(s, e);
      setEntry(s, 'flags', e.counter, next === 0 ? undefined : next);
      return;
    }
    case 'route': {
      const def = scenario.energy.routes.find((x) => x.id === e.route);
      const r = ownRoute(s, e.route);
      if (r && def) writeRoute(s, r, def, e);
      return;
    }
    case 'field': {
      const f = ownField(s, e.field);
      if (!f) return;
      if (e.status !== undefined) f.status = e.status;
      if (e.output !== undefined) f.output = e.output;
      return;
    }
    case 'if':
      run(ctx, holds(scenario, s, e.when) ? e.then : (e.else ?? []), depth + 1);
      return;
    case 'chance':
      run(ctx, nextInt(s.rng, 100) < e.percent ? e.then : (e.else ?? []), depth + 1);
      return;
    case 'event':
      own(s, 'scheduled').push(
        e.wait === undefined ? { turn: s.turn + (e.delay ?? 1), event: e.event } : { turn: s.turn + (e.delay ?? 1), event: e.event, wait: e.wait },
      );
      return;
    case 'cancel':
      if (s.scheduled.some((x) => x.event === e.event)) s.scheduled = s.scheduled.filter((x) => x.event !== e.event);
      return;
    case 'leader':
      s.leader = e.name;
      return;
    case 'lose':
      setEntry(s, 'flags', `lost-${e.outcome}`, true);
      return;
    case 'win':
      if (s.won === undefined) s.won = e.outcome;
      return;
  }
}

/**
 * A counter's value after an `inc` or `dec` effect, clamped as every counter is. The
 * engine and a policy's quick look (policies/quickLook.ts) each write it their own way.
 */
export function counterAfter(s: GameState, e: Extract<Effect, { op: 'inc' | 'dec' }>): number {
  const by = e.by === undefined ? 1 : draw(s, e.by);
  return clamp(counterValue(s.flags[e.counter]) + (e.op === 'inc' ? by : -by), -COUNTER_LIMIT, COUNTER_LIMIT);
}

/** What a `route` effect writes into route `r`, which the caller owns (the engine's copy, or a quick look's draft). */
export function writeRoute(s: GameState, r: RouteState, def: RouteDefinition, e: Extract<Effect, { op: 'route' }>): void {
  if (e.status !== undefined) r.status = e.status;
  if (e.capacity !== undefined) r.capacity = e.capacity;
  if (e.price !== undefined) r.price = e.price;
  if (e.leverage !== undefined) r.leverage = e.leverage;
  if (e.add) {
    if (e.add.capacity !== undefined) r.capacity = clamp(r.capacity + draw(s, e.add.capacity), 0, 1000);
    // Prices are money per unit: kept to cents so sums stay exact in every engine.
    if (e.add.price !== undefined) r.price = clamp(Math.round(((r.price ?? def.price) + e.add.price) * 100) / 100, 0, 1000);
    if (e.add.leverage !== undefined) r.leverage = clamp((r.leverage ?? def.leverage) + e.add.leverage, 0, 50);
  }
}

/** A fixed amount, or a whole number from min to max drawn from the game's generator. */
export function draw(s: GameState, a: Amount): number {
  if (typeof a === 'number') return a;
  return a.min + nextInt(s.rng, a.max - a.min + 1);
}

function clamp(v: number, min: number, max: number): number {
  return v < min ? min : Math.min(v, max);
}
