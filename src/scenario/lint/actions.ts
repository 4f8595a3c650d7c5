/** Actions that can never be afforded or are never on offer. */
import { monthString } from '../../core/calendar.ts';
import type { LintContext } from './context.ts';
import { actionSpan, type Facts, judge } from './facts.ts';

export const ACTION_RULES = {
  'action-unaffordable': 'an action costs more political capital than can ever be held',
  'action-never-available': 'an action is never on offer: its era lies outside the calendar or its condition can never hold',
} as const;

export function lintActions(ctx: LintContext, facts: Facts): void {
  const { s } = ctx;
  const max = s.model.capitalMax;
  s.actions.forEach((a, i) => {
    if (a.cost.capital > max)
      ctx.warn(
        'action-unaffordable',
        ['actions', i, 'cost', 'capital'],
        `action "${a.id}" costs ${a.cost.capital} political capital, but no more than ${max} (model.capitalMax) can ever be held`,
        a.id,
        'error',
      );
    const span = actionSpan(facts, a);
    if (span.from > span.to) {
      ctx.warn(
        'action-never-available',
        ['actions', i, 'era'],
        `action "${a.id}" belongs to ${a.era?.from ?? '…'} to ${a.era?.to ?? '…'}, outside the calendar (${monthString(facts.start)} to ${monthString(facts.end)})`,
        a.id,
      );
      return;
    }
    const v = judge(facts, a.when, span, ['actions', i, 'when']);
    if (v.kind === 'never') ctx.warn('action-never-available', v.path, `action "${a.id}" is never on offer: ${v.why}`, a.id);
  });
}
