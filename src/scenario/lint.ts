/**
 * Lint: warnings about a scenario that validates but is probably not what its author
 * meant. Each finding has a rule id; a scenario silences a known one with
 * `"lint": { "ignore": ["rule"] }` or `["rule:subject"]` (the subject is the id named
 * in brackets at the end of the message).
 */
import { calendarEnd, monthIndex } from '../core/calendar.ts';
import { POWER_IDS } from '../core/vocabulary.ts';
import type { Finding, PathPart } from './findings.ts';
import type { Scenario } from './types.ts';
import { lintContext } from './lint/context.ts';
import { lintStory, STORY_RULES } from './lint/story.ts';
import { walkScenario } from './walk.ts';

export const LINT_RULES = {
  'no-historical-choice': 'a dated event marks no choice as the one history took',
  'unused-flag': 'a flag is set but no condition ever reads it',
  'action-never-available': 'an action is limited to dates outside the calendar',
  'no-effects': 'a choice or action changes nothing',
  'one-sided-power': 'a power has no sticks, or no carrots, in its repertoire',
  'unreachable-event': 'an event is never raised: not dated, not windowed, not conditional, and no effect schedules it',
  'duplicate-title': 'two events share a title',
  'long-text': 'a text is long enough to crowd the event dialog',
  'choice-without-hint': 'an event with several choices gives one no hint of its consequences',
  ...STORY_RULES,
} as const;

export type LintRule = keyof typeof LINT_RULES;

export function lintScenario(s: Scenario, file: string, lines: Map<string, number> = new Map()): Finding[] {
  const out: Finding[] = [];
  const ctx = lintContext(s, file, lines, out);
  const warn = (rule: LintRule, path: PathPart[], message: string, subject?: string) => ctx.warn(rule, path, message, subject);
  lintStory(ctx);

  s.events.forEach((e, i) => {
    if ((e.date || e.window) && !e.whatIf && e.choices.length > 0 && !e.choices.some((c) => c.historical)) {
      warn(
        'no-historical-choice',
        ['events', i, 'choices'],
        `event "${e.id}" is dated but marks no choice "historical": true, so the debrief cannot compare; if history recorded no such decision, mark the event "whatIf": true`,
        e.id,
      );
    }
    if (e.text.length > 900) warn('long-text', ['events', i, 'text'], `${e.text.length} characters; keep event texts under 900 so they fit the dialog`, e.id);
    e.choices.forEach((c, j) => {
      if (c.effects.length === 0)
        warn('no-effects', ['events', i, 'choices', j, 'effects'], `choice "${c.id}" of "${e.id}" changes nothing`, `${e.id}.${c.id}`);
      if (e.choices.length > 1 && !c.hint)
        warn('choice-without-hint', ['events', i, 'choices', j], `choice "${c.id}" of "${e.id}" has no hint`, `${e.id}.${c.id}`);
    });
  });

  const titles = new Map<string, number>();
  s.events.forEach((e, i) => {
    const prev = titles.get(e.title);
    if (prev !== undefined) warn('duplicate-title', ['events', i, 'title'], `same title as events[${prev}]: "${e.title}"`, e.id);
    else titles.set(e.title, i);
  });

  // Flags read vs. set, and events scheduled by effects.
  const read = new Set<string>();
  const set = new Map<string, PathPart[]>();
  const scheduled = new Set<string>();
  walkScenario(s, {
    condition(c) {
      if ('flag' in c) read.add(c.flag);
    },
    effect(e, path) {
      if (e.op === 'flag' && !set.has(e.flag)) set.set(e.flag, path);
      if (e.op === 'event') scheduled.add(e.event);
    },
  });
  for (const [flag, path] of set) {
    if (!read.has(flag)) warn('unused-flag', [...path, 'flag'], `the flag "${flag}" is set but never read by any condition`, flag);
  }

  s.events.forEach((e, i) => {
    if (!e.date && !e.window && !e.conditions && !scheduled.has(e.id)) {
      warn('unreachable-event', ['events', i], `event "${e.id}" has no date, window or conditions and nothing schedules it`, e.id);
    }
  });

  const start = monthIndex(s.calendar.start);
  const end = calendarEnd(s.calendar);
  s.actions.forEach((a, i) => {
    if (a.effects.length === 0) warn('no-effects', ['actions', i, 'effects'], `action "${a.id}" changes nothing`, a.id);
    const when = a.when;
    const parts = when ? ('all' in when ? when.all : [when]) : [];
    for (const c of parts) {
      if ('since' in c && monthIndex(c.since) > end)
        warn('action-never-available', ['actions', i, 'when'], `action "${a.id}" starts after the calendar ends`, a.id);
      if ('until' in c && monthIndex(c.until) < start)
        warn('action-never-available', ['actions', i, 'when'], `action "${a.id}" ends before the calendar starts`, a.id);
    }
  });

  for (const id of POWER_IDS) {
    const kinds = new Set(s.powers[id].responses.map((r) => r.kind));
    for (const kind of ['stick', 'carrot'] as const) {
      if (!kinds.has(kind))
        warn(
          'one-sided-power',
          ['powers', id, 'responses'],
          `${s.powers[id].name} has no ${kind}s: it can only ${kind === 'stick' ? 'reward' : 'punish'}`,
          `${id}.${kind}`,
        );
    }
  }
  return out;
}
