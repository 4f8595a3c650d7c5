/** Effects that cannot change anything, and choices and actions that change nothing. */
import type { Effect } from '../types.ts';
import { walkScenario } from '../walk.ts';
import type { LintContext } from './context.ts';
import type { Facts } from './facts.ts';
import { forEachEffect } from './gates.ts';

export const EFFECT_RULES = {
  'no-effect': 'an effect that cannot change anything, or a choice or action with no effects',
} as const;

export function lintEffects(ctx: LintContext, facts: Facts): void {
  const { s } = ctx;
  const scheduled = new Set<string>();
  walkScenario(s, {
    effect(e) {
      if (e.op === 'event') scheduled.add(e.event);
    },
  });
  walkScenario(s, {
    effect(e, path) {
      const why = idle(e, facts, scheduled);
      if (why) ctx.warn('no-effect', path, `this effect cannot change anything: ${why}`, pathSubject(path));
    },
  });
  s.events.forEach((e, i) => {
    e.choices.forEach((c, j) => {
      if (c.effects.length === 0)
        ctx.warn('no-effect', ['events', i, 'choices', j, 'effects'], `choice "${c.id}" of "${e.id}" changes nothing`, `${e.id}.${c.id}`);
    });
  });
  s.actions.forEach((a, i) => {
    if (a.effects.length === 0) ctx.warn('no-effect', ['actions', i, 'effects'], `action "${a.id}" changes nothing`, a.id);
  });
}

function idle(e: Effect, facts: Facts, scheduled: Set<string>): string | null {
  switch (e.op) {
    case 'add':
      return (typeof e.delta === 'number' ? e.delta === 0 : e.delta.min === 0 && e.delta.max === 0) ? 'it adds 0' : null;
    case 'route': {
      const adds = e.add ? Object.values(e.add).filter((v) => v !== undefined && v !== 0 && !(typeof v === 'object' && v.min === 0 && v.max === 0)) : [];
      if (e.status === undefined && e.capacity === undefined && e.price === undefined && e.leverage === undefined && adds.length === 0)
        return 'it names the route but sets nothing';
      const statuses = facts.routeStatuses.get(e.route);
      if (e.status !== undefined && statuses?.size === 1 && e.capacity === undefined && e.price === undefined && e.leverage === undefined && adds.length === 0)
        return `the route "${e.route}" is always ${e.status}`;
      return null;
    }
    case 'field':
      return e.status === undefined && e.output === undefined ? 'it names the field but sets nothing' : null;
    case 'if':
    case 'chance': {
      let inner = 0;
      forEachEffect([...e.then, ...(e.else ?? [])], () => {
        inner++;
      });
      return inner === 0 ? 'both branches are empty' : null;
    }
    case 'flag':
      return (e.value === false || e.value === 0) && !facts.canSet.has(e.flag) ? `it clears "${e.flag}", which nothing ever sets` : null;
    case 'cancel':
      return scheduled.has(e.event) ? null : `nothing ever schedules "${e.event}"`;
    default:
      return null;
  }
}

/** `events.3.choices.1.effects.0`: a subject for lint.ignore that names the place. */
function pathSubject(path: readonly (string | number)[]): string {
  return path.join('.');
}
