/**
 * The effect interpreter. Effects are declarative JSON; this is the only code that
 * turns them into changes, each recorded with its cause. Chance effects draw from the
 * game's own generator, so they replay identically.
 */
import type { Effect, Scenario } from '../scenario/types.ts';
import { holds, MAX_DEPTH, MAX_STEPS } from './conditions.ts';
import { nextInt } from './rng.ts';
import { own, ownField, ownRoute, setEntry } from './clone.ts';
import type { GameState } from './state.ts';
import { change, setVar } from './vars.ts';

export interface EffectContext {
  scenario: Scenario;
  s: GameState;
  cause: string;
  steps: number;
}

export function applyEffects(scenario: Scenario, s: GameState, effects: readonly Effect[], cause: string): void {
  run({ scenario, s, cause, steps: 0 }, effects, 0);
}

function run(ctx: EffectContext, effects: readonly Effect[], depth: number): void {
  if (depth > MAX_DEPTH) return;
  for (const e of effects) {
    ctx.steps++;
    if (ctx.steps > MAX_STEPS || ctx.s.outcome) return;
    applyOne(ctx, e, depth);
  }
}

function applyOne(ctx: EffectContext, e: Effect, depth: number): void {
  const { s, scenario } = ctx;
  switch (e.op) {
    case 'add':
      change(s, e.var, e.delta, ctx.cause);
      return;
    case 'set':
      setVar(s, e.var, e.value, ctx.cause);
      return;
    case 'flag': {
      const value = e.value ?? true;
      setEntry(s, 'flags', e.flag, value === false || value === 0 ? undefined : value);
      return;
    }
    case 'route': {
      const r = ownRoute(s, e.route);
      if (!r) return;
      if (e.status !== undefined) r.status = e.status;
      if (e.capacity !== undefined) r.capacity = e.capacity;
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
      own(s, 'scheduled').push({ turn: s.turn + (e.delay ?? 1), event: e.event });
      return;
    case 'leader':
      s.leader = e.name;
      return;
    case 'lose':
      setEntry(s, 'flags', `lost-${e.outcome}`, true);
      return;
  }
}
