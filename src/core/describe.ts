/**
 * Plain-English renderings of conditions, used as the fallback reason an action or a
 * choice is unavailable when the scenario gives none of its own.
 */
import type { Condition, Happening, Scenario } from '../scenario/types.ts';
import { monthIndex } from './calendar.ts';
import { POWER_NAMES, varLabel } from './vocabulary.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function monthName(month: string): string {
  const i = monthIndex(month);
  return `${MONTHS[i % 12]} ${Math.floor(i / 12)}`;
}

const OP_WORDS: Record<string, string> = { '<': 'below', '<=': 'at most', '>': 'above', '>=': 'at least', '==': 'exactly', '!=': 'not' };

export function describeCondition(scenario: Scenario, c: Condition, depth = 0): string {
  if (depth > 6) return '…';
  if ('all' in c) return c.all.map((x) => describeCondition(scenario, x, depth + 1)).join(' and ');
  if ('any' in c) return `either ${c.any.map((x) => describeCondition(scenario, x, depth + 1)).join(' or ')}`;
  if ('not' in c) return `not (${describeCondition(scenario, c.not, depth + 1)})`;
  if ('var' in c) return `${varLabel(c.var)} ${OP_WORDS[c.op]} ${c.value}`;
  if ('counter' in c) return `${c.counter.replaceAll('-', ' ')} ${OP_WORDS[c.op]} ${c.value}`;
  if ('turnsSince' in c) return `${OP_WORDS[c.op]} ${c.value} turns after ${happening(scenario, c.turnsSince)}`;
  if ('before' in c) return `${happening(scenario, c.before[0])} before ${happening(scenario, c.before[1])}`;
  if ('leader' in c) return `${typeof c.leader === 'string' ? c.leader : c.leader.join(' or ')} in office`;
  if ('active' in c) {
    const r = scenario.powers[c.active.power].responses.find((x) => x.id === c.active.response);
    return `${POWER_NAMES[c.active.power]}: ${r?.label ?? c.active.response} in force`;
  }
  if ('flag' in c) {
    const name = c.flag.replaceAll('-', ' ');
    return c.is === false ? `not ${name}` : c.is === undefined || c.is === true ? name : `${name} = ${c.is}`;
  }
  if ('since' in c) return `from ${monthName(c.since)}`;
  if ('until' in c) return `until ${monthName(c.until)}`;
  if ('route' in c) {
    const name = scenario.energy.routes.find((r) => r.id === c.route)?.name ?? c.route;
    return `${name} ${Array.isArray(c.status) ? c.status.join(' or ') : c.status}`;
  }
  if ('field' in c) {
    const name = scenario.energy.fields.find((f) => f.id === c.field)?.name ?? c.field;
    return `${name} ${Array.isArray(c.status) ? c.status.join(' or ') : c.status}`;
  }
  if ('fired' in c) return `after “${scenario.events.find((e) => e.id === c.fired)?.title ?? c.fired}”`;
  if ('chose' in c) {
    const event = scenario.events.find((e) => e.id === c.chose.event);
    const choice = event?.choices.find((x) => x.id === c.chose.choice);
    return `having chosen “${choice?.label ?? c.chose.choice}”`;
  }
  if ('took' in c) return `after “${scenario.actions.find((a) => a.id === c.took)?.label ?? c.took}”`;
  return '';
}

function happening(scenario: Scenario, h: Happening): string {
  if ('event' in h) return `“${scenario.events.find((e) => e.id === h.event)?.title ?? h.event}”`;
  return `“${scenario.actions.find((a) => a.id === h.action)?.label ?? h.action}”`;
}
