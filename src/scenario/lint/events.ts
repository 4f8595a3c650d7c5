/** Events: ones that can never fire, confusing ways to raise them, and their choices. */
import type { Effect } from '../types.ts';
import type { LintContext } from './context.ts';
import type { Facts } from './facts.ts';
import { forEachEffect } from './gates.ts';

export const EVENT_RULES = {
  'event-never-fires': 'an event can never be raised',
  'scheduled-and-conditional': 'in format version 1, an event with conditions that an effect schedules is also raised on its own',
  'no-historical-choice': 'a dated event marks no choice as the one history took',
  'choice-without-hint': 'an event with several choices gives one no hint of its consequences',
} as const;

export function lintEvents(ctx: LintContext, facts: Facts): void {
  const { s } = ctx;
  const scheduled = new Set<string>();
  const scan = (list: readonly Effect[]) =>
    forEachEffect(list, (x) => {
      if (x.op === 'event') scheduled.add(x.event);
    });
  for (const a of s.actions) scan(a.effects);
  for (const e of s.events) {
    scan(e.effects);
    for (const c of e.choices) scan(c.effects);
  }
  for (const t of s.trends) scan(t.effects);
  for (const p of Object.values(s.powers)) for (const r of p.responses) scan([...r.effects, ...r.endEffects]);

  s.events.forEach((e, i) => {
    const why = facts.neverFires.get(e.id);
    if (why) ctx.warn('event-never-fires', ['events', i], `event "${e.id}" can never be raised: ${why}`, e.id);
    if (s.formatVersion < 2 && !e.date && !e.window && e.conditions && scheduled.has(e.id))
      ctx.warn(
        'scheduled-and-conditional',
        ['events', i, 'conditions'],
        `event "${e.id}" is scheduled by an effect but also raised on its own whenever its conditions hold (format version 1); set "formatVersion": 2 to have it come only when scheduled`,
        e.id,
      );
    if ((e.date || e.window) && !e.whatIf && e.choices.length > 0 && !e.choices.some((c) => c.historical)) {
      ctx.warn(
        'no-historical-choice',
        ['events', i, 'choices'],
        `event "${e.id}" is dated but marks no choice "historical": true, so the debrief cannot compare; if history recorded no such decision, mark the event "whatIf": true`,
        e.id,
      );
    }
    e.choices.forEach((c, j) => {
      if (e.choices.length > 1 && !c.hint)
        ctx.warn('choice-without-hint', ['events', i, 'choices', j], `choice "${c.id}" of "${e.id}" has no hint`, `${e.id}.${c.id}`);
    });
  });
}
