/**
 * The expert's quick rollout player and valuation. A rollout plays a few turns ahead
 * thousands of times per game, so this player must cost little: it never simulates a
 * move to judge it. It reads each action's preview (the changes the effects list, read
 * without drawing) and weighs them with the same priorities a careful player has —
 * meters near a losing line first, then relations with powers about to turn hostile,
 * then influence that would tip the balance — and takes the best action while one is
 * worth its political capital.
 */
import {
  availableActions,
  balanceOf,
  choose,
  type Command,
  type GameState,
  METER_IDS,
  offeredChoices,
  POWER_IDS,
  type PowerId,
  type PreviewItem,
  previewEffects,
  rawScore,
  rulesOf,
} from '../core/index.ts';
import type { Scenario } from '../scenario/types.ts';

const END_TURN: Command = { type: 'endTurn' };

/**
 * What the position promises beyond its score now: hostile powers will strike, warm ones
 * will help, meters near a losing line may cross it. In score points.
 */
export function quickValue(scenario: Scenario, s: GameState): number {
  const { stickStance, carrotStance } = scenario.model;
  let v = 0;
  for (const id of POWER_IDS) {
    const p = s.powers[id];
    // The stance is where the power's answers come from; the relation is where the
    // stance is heading.
    const mood = (p.stance + p.relation) / 2;
    if (mood < stickStance) v -= (stickStance - mood) * 0.08;
    else if (mood > carrotStance) v += Math.min(20, mood - carrotStance) * 0.03;
  }
  for (const m of ['sovereignty', 'stability'] as const) {
    const x = s.meters[m];
    if (x < 25) v -= (25 - x) * 0.6;
  }
  if (s.meters.economy < 15) v -= (15 - s.meters.economy) * 0.4;
  return v;
}

/** The marginal worth, in rough score points, of one previewed change. */
function itemWorth(scenario: Scenario, s: GameState, item: PreviewItem, top: PowerId): number {
  const chance = (item.chance ?? 100) / 100;
  const w = scenario.outcomes.score;
  const total = w.sovereignty + w.stability + w.economy + w.security + w.karabakh + w.balance + w.relations || 1;
  const v = item.var;
  let worth = 0;
  if ((METER_IDS as readonly string[]).includes(v)) {
    const meter = v as (typeof METER_IDS)[number];
    const now = s.meters[meter];
    const danger = now < 25 ? 2.5 : now < 35 ? 1.5 : 1;
    worth = (item.delta * w[meter] * danger) / total;
  } else if (v === 'treasury') {
    worth = item.delta / 400;
  } else if (v === 'capital') {
    worth = item.delta * 0.5;
  } else {
    const dot = v.indexOf('.');
    const id = v.slice(0, dot) as PowerId;
    const p = s.powers[id];
    if (v.endsWith('.relation')) {
      const { stickStance, carrotStance } = scenario.model;
      const mood = Math.min(p.relation, p.stance);
      // A point of relation matters most for a power near or past hostility, little for one
      // already warm.
      const scale = mood < stickStance ? 0.5 : mood < carrotStance ? 0.3 : p.relation > 50 ? 0.03 : 0.1;
      worth = item.delta * scale;
    } else {
      worth = (id === top ? -1 : 1) * item.delta * 0.15;
    }
  }
  return worth * chance;
}

function previewWorth(scenario: Scenario, s: GameState, items: readonly PreviewItem[]): number {
  let top: PowerId = 'russia';
  for (const id of POWER_IDS) if (s.powers[id].influence > s.powers[top].influence) top = id;
  let total = 0;
  for (const item of items) total += itemWorth(scenario, s, item, top);
  return total;
}

/** The rollout player's next command. */
export function rolloutMove(scenario: Scenario, s: GameState): Command {
  const eventId = s.pending[0];
  if (eventId !== undefined) {
    const event = rulesOf(scenario).eventById.get(eventId);
    if (!event) return END_TURN;
    let best: Command | null = null;
    let bestValue = Number.NEGATIVE_INFINITY;
    for (const c of offeredChoices(scenario, s, event)) {
      const r = choose(scenario, s, event.id, c.id);
      if (!r.ok) continue;
      const after = r.state;
      const v = after.outcome
        ? after.outcome.status === 'lost'
          ? -1000
          : after.outcome.score
        : rawScore(scenario, after) + quickValue(scenario, after) + balanceOf(after) * 0;
      if (v > bestValue) {
        bestValue = v;
        best = { type: 'choose', event: event.id, choice: c.id };
      }
    }
    return best ?? { type: 'choose', event: event.id, choice: event.choices[0]?.id ?? '' };
  }
  let best: Command = END_TURN;
  let bestGain = 0;
  for (const a of availableActions(scenario, s)) {
    const gain =
      previewWorth(scenario, s, previewEffects(scenario, s, a.effects)) -
      0.6 * a.cost.capital -
      a.cost.treasury / 400;
    if (gain > bestGain) {
      bestGain = gain;
      best = { type: 'act', action: a.id };
    }
  }
  return best;
}
