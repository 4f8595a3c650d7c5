/**
 * Visits every condition and effect in a scenario with its JSON path, so checks across
 * the file (references, flags, dates) are written once.
 */
import type { Condition, Effect, Scenario } from './types.ts';
import type { PathPart } from './findings.ts';
import { POWER_IDS } from '../core/vocabulary.ts';

export interface Visitor {
  condition?(c: Condition, path: PathPart[], depth: number): void;
  effect?(e: Effect, path: PathPart[], depth: number): void;
}

export function walkScenario(s: Scenario, v: Visitor): void {
  const cond = (c: Condition | undefined, path: PathPart[]) => c && walkCondition(c, path, v, 0);
  const effs = (list: readonly Effect[], path: PathPart[]) => walkEffects(list, path, v, 0);

  for (const id of POWER_IDS) {
    const p = s.powers[id];
    const base: PathPart[] = ['powers', id];
    p.influenceSources.forEach((x, i) => {
      cond(x.when, [...base, 'influenceSources', i, 'when']);
    });
    p.concerns.forEach((x, i) => {
      cond(x.when, [...base, 'concerns', i, 'when']);
    });
    p.responses.forEach((x, i) => {
      cond(x.when, [...base, 'responses', i, 'when']);
      effs(x.effects, [...base, 'responses', i, 'effects']);
      effs(x.endEffects, [...base, 'responses', i, 'endEffects']);
    });
  }
  s.actions.forEach((a, i) => {
    cond(a.when, ['actions', i, 'when']);
    effs(a.effects, ['actions', i, 'effects']);
  });
  s.events.forEach((e, i) => {
    cond(e.conditions, ['events', i, 'conditions']);
    e.variants?.forEach((v, j) => {
      cond(v.when, ['events', i, 'variants', j, 'when']);
    });
    effs(e.effects, ['events', i, 'effects']);
    e.choices.forEach((c, j) => {
      cond(c.when, ['events', i, 'choices', j, 'when']);
      c.variants?.forEach((v, k) => {
        cond(v.when, ['events', i, 'choices', j, 'variants', k, 'when']);
      });
      effs(c.effects, ['events', i, 'choices', j, 'effects']);
    });
  });
  s.trends.forEach((t, i) => {
    cond(t.when, ['trends', i, 'when']);
    effs(t.effects, ['trends', i, 'effects']);
  });
  s.features.forEach((f, i) => {
    cond(f.when, ['features', i, 'when']);
  });
  s.outcomes.lose.forEach((r, i) => {
    cond(r.when, ['outcomes', 'lose', i, 'when']);
  });
  s.outcomes.win?.forEach((r, i) => {
    cond(r.when, ['outcomes', 'win', i, 'when']);
  });
  s.outcomes.endings?.forEach((r, i) => {
    cond(r.when, ['outcomes', 'endings', i, 'when']);
  });
}

function walkCondition(c: Condition, path: PathPart[], v: Visitor, depth: number): void {
  v.condition?.(c, path, depth);
  if ('all' in c)
    c.all.forEach((x, i) => {
      walkCondition(x, [...path, 'all', i], v, depth + 1);
    });
  else if ('any' in c)
    c.any.forEach((x, i) => {
      walkCondition(x, [...path, 'any', i], v, depth + 1);
    });
  else if ('not' in c) walkCondition(c.not, [...path, 'not'], v, depth + 1);
}

function walkEffects(list: readonly Effect[], path: PathPart[], v: Visitor, depth: number): void {
  list.forEach((e, i) => {
    const p = [...path, i];
    v.effect?.(e, p, depth);
    if (e.op === 'if') {
      walkCondition(e.when, [...p, 'when'], v, depth + 1);
      walkEffects(e.then, [...p, 'then'], v, depth + 1);
      if (e.else) walkEffects(e.else, [...p, 'else'], v, depth + 1);
    } else if (e.op === 'chance') {
      walkEffects(e.then, [...p, 'then'], v, depth + 1);
      if (e.else) walkEffects(e.else, [...p, 'else'], v, depth + 1);
    }
  });
}
