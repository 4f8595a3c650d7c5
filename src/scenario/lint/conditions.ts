/**
 * Conditions that can never hold or always hold (by range analysis of what they read),
 * and months of eras and of history that fall outside the calendar (a `since` before
 * the start is harmless; one after the end makes its condition never hold, reported as such). Events' own conditions are judged by
 * event-never-fires, actions' by action-never-available; this covers the rest.
 */
import { monthIndex, monthString } from '../../core/calendar.ts';
import type { PathPart } from '../findings.ts';
import type { Condition } from '../types.ts';
import { walkScenario } from '../walk.ts';
import type { LintContext } from './context.ts';
import { type Facts, judge } from './facts.ts';

export const CONDITION_RULES = {
  'condition-never-holds': 'a condition can never hold',
  'condition-always-holds': 'a comparison always holds, so it tests nothing',
  'date-outside-calendar': 'an action\'s era or an event\'s "happened" lies outside the calendar',
} as const;

export function lintConditions(ctx: LintContext, facts: Facts): void {
  const { s } = ctx;
  const judged: { c: Condition | undefined; path: PathPart[]; what: string; subject: string }[] = [];
  s.events.forEach((e, i) => {
    e.variants?.forEach((v, j) => {
      judged.push({ c: v.when, path: ['events', i, 'variants', j, 'when'], what: `a variant of "${e.id}"`, subject: e.id });
    });
    e.choices.forEach((c, j) => {
      judged.push({ c: c.when, path: ['events', i, 'choices', j, 'when'], what: `choice "${c.id}" of "${e.id}"`, subject: `${e.id}.${c.id}` });
    });
  });
  for (const [id, p] of Object.entries(s.powers)) {
    p.influenceSources.forEach((x, i) => {
      judged.push({ c: x.when, path: ['powers', id, 'influenceSources', i, 'when'], what: `${id}'s influence source "${x.id}"`, subject: `${id}.${x.id}` });
    });
    p.concerns.forEach((x, i) => {
      judged.push({ c: x.when, path: ['powers', id, 'concerns', i, 'when'], what: `${id}'s concern "${x.id}"`, subject: `${id}.${x.id}` });
    });
    p.responses.forEach((x, i) => {
      judged.push({ c: x.when, path: ['powers', id, 'responses', i, 'when'], what: `${id}'s response "${x.id}"`, subject: `${id}.${x.id}` });
    });
  }
  s.trends.forEach((t, i) => {
    judged.push({ c: t.when, path: ['trends', i, 'when'], what: `trend "${t.id}"`, subject: t.id });
  });
  s.features.forEach((x, i) => {
    judged.push({ c: x.when, path: ['features', i, 'when'], what: `map feature "${x.id}"`, subject: x.id });
  });
  for (const kind of ['lose', 'win', 'endings'] as const) {
    (s.outcomes[kind] ?? []).forEach((r, i) => {
      judged.push({ c: r.when, path: ['outcomes', kind, i, 'when'], what: `outcome "${r.id}"`, subject: r.id });
    });
  }
  for (const j of judged) {
    const v = judge(facts, j.c, undefined, j.path);
    if (v.kind === 'never') ctx.warn('condition-never-holds', v.path, `${j.what} can never apply: ${v.why}`, j.subject);
  }

  // A comparison that always holds, anywhere: it tests nothing and hides a typo.
  walkScenario(s, {
    condition(c, path) {
      if (!('var' in c) && !('counter' in c)) return;
      const v = judge(facts, c, undefined, path);
      if (v.kind === 'always') ctx.warn('condition-always-holds', path, `this always holds: ${v.why}`, path.join('.'));
    },
  });

  const span = `${monthString(facts.start)} to ${monthString(facts.end)}`;
  const outside = (m: string) => monthIndex(m) < facts.start || monthIndex(m) > facts.end;
  s.actions.forEach((a, i) => {
    for (const key of ['from', 'to'] as const) {
      const m = a.era?.[key];
      if (m !== undefined && outside(m)) ctx.warn('date-outside-calendar', ['actions', i, 'era', key], `${m} lies outside the calendar (${span})`, a.id);
    }
  });
  s.events.forEach((e, i) => {
    if (e.happened && outside(e.happened))
      ctx.warn('date-outside-calendar', ['events', i, 'happened'], `${e.happened} lies outside the calendar (${span}): the debrief cannot place it`, e.id);
  });
}
