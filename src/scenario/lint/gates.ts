/**
 * Reading a condition for what it guarantees, without running the game: the conditions
 * that must all hold (the top-level `all`, flattened), and the leaders who can be in
 * office while it holds. Lint uses these to tell whether a text is shown only on the
 * paths it describes.
 */
import type { Condition, Effect, Scenario } from '../types.ts';

/** The parts of a condition that must each hold: nested `all`s flattened. */
export function conjuncts(c: Condition | undefined, out: Condition[] = []): Condition[] {
  if (c === undefined) return out;
  if ('all' in c) for (const x of c.all) conjuncts(x, out);
  else out.push(c);
  return out;
}

/** Everyone who can lead Azerbaijan in this scenario: the initial leader and every name a `leader` effect installs. */
export function leaderUniverse(s: Scenario): string[] {
  const names = [s.initial.leader];
  forEachEffectInScenario(s, (e) => {
    if (e.op === 'leader' && !names.includes(e.name)) names.push(e.name);
  });
  return names;
}

/** The leaders who can be in office while `c` holds (an over-estimate: only `leader` tests narrow it). */
export function possibleLeaders(c: Condition | undefined, universe: readonly string[]): Set<string> {
  if (c === undefined) return new Set(universe);
  if ('leader' in c) {
    const named = typeof c.leader === 'string' ? [c.leader] : c.leader;
    return new Set(universe.filter((u) => named.includes(u)));
  }
  if ('all' in c) {
    let set = new Set(universe);
    for (const x of c.all) {
      const inner = possibleLeaders(x, universe);
      set = new Set([...set].filter((u) => inner.has(u)));
    }
    return set;
  }
  if ('any' in c) {
    const set = new Set<string>();
    for (const x of c.any) for (const u of possibleLeaders(x, universe)) set.add(u);
    return set;
  }
  if ('not' in c && isLeaderOnly(c.not)) {
    const inner = possibleLeaders(c.not, universe);
    return new Set(universe.filter((u) => !inner.has(u)));
  }
  return new Set(universe);
}

/** A condition that tests nothing but who leads: `{leader}`, or an `any` of those. */
export function isLeaderOnly(c: Condition): boolean {
  if ('leader' in c) return true;
  if ('any' in c) return c.any.every(isLeaderOnly);
  return false;
}

/** Every effect in a list, nested branches included. */
export function forEachEffect(list: readonly Effect[], visit: (e: Effect) => void, depth = 0): void {
  if (depth > 32) return;
  for (const e of list) {
    visit(e);
    if (e.op === 'if' || e.op === 'chance') {
      forEachEffect(e.then, visit, depth + 1);
      if (e.else) forEachEffect(e.else, visit, depth + 1);
    }
  }
}

function forEachEffectInScenario(s: Scenario, visit: (e: Effect) => void): void {
  for (const a of s.actions) forEachEffect(a.effects, visit);
  for (const e of s.events) {
    forEachEffect(e.effects, visit);
    for (const c of e.choices) forEachEffect(c.effects, visit);
  }
  for (const t of s.trends) forEachEffect(t.effects, visit);
  for (const p of Object.values(s.powers)) {
    for (const r of p.responses) {
      forEachEffect(r.effects, visit);
      forEachEffect(r.endEffects, visit);
    }
  }
}
