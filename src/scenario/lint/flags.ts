/** Flags and counters: set but never read, read but never truly set. */
import { formatPath, type PathPart } from '../findings.ts';
import type { LintContext } from './context.ts';
import { walkScenario } from '../walk.ts';

export const FLAG_RULES = {
  'flag-never-read': 'a flag or counter is set (or given at the start) but no condition reads it',
  'flag-never-set': 'a flag is read but only ever cleared (clearing is not setting)',
} as const;

export function lintFlags(ctx: LintContext): void {
  const { s } = ctx;
  const read = new Set<string>();
  const set = new Map<string, PathPart[]>();
  const cleared = new Map<string, PathPart[]>();
  const readAt = new Map<string, PathPart[]>();
  for (const [name, v] of Object.entries(s.initial.flags)) {
    if (v === false || v === 0) cleared.set(name, ['initial', 'flags', name]);
    else set.set(name, ['initial', 'flags', name]);
  }
  walkScenario(s, {
    condition(c, path) {
      const name = 'flag' in c ? c.flag : 'counter' in c ? c.counter : undefined;
      if (name === undefined) return;
      read.add(name);
      if (!readAt.has(name)) readAt.set(name, path);
    },
    effect(e, path) {
      if (e.op === 'flag') {
        const target = e.value === false || e.value === 0 ? cleared : set;
        if (!target.has(e.flag)) target.set(e.flag, [...path, 'flag']);
      } else if ((e.op === 'inc' || e.op === 'dec') && !set.has(e.counter)) set.set(e.counter, [...path, 'counter']);
    },
  });
  for (const [flag, path] of set) {
    if (!read.has(flag)) ctx.warn('flag-never-read', path, `"${flag}" is set but no condition ever reads it`, flag);
  }
  for (const [flag, path] of readAt) {
    if (!set.has(flag) && cleared.has(flag))
      ctx.warn(
        'flag-never-set',
        path,
        `"${flag}" is read, but it is only ever cleared (at ${formatPath(cleared.get(flag) ?? [])}): clearing is not setting`,
        flag,
      );
  }
}
