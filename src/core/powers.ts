/**
 * The powers' turn. Each power, in the fixed order of POWER_IDS:
 *  1. reacts to its agenda: each concern that holds moves its relation (the "why");
 *  2. lets the relation settle a little toward its base level;
 *  3. sees its influence drift toward what its ties justify (trade, memberships, routes);
 *  4. moves its stance half the way toward its relation: the lag is why a policy's bill
 *     arrives a turn or two after the policy;
 *  5. answers, drawn from its repertoire with the game's seeded generator: a stick when
 *     its stance is below the midpoint between the scenario's stick and carrot stances,
 *     a carrot when above, more likely the further the stance is from that midpoint.
 *     Which stick or carrot depends on how strongly it feels (a response's
 *     `stanceAtMost` / `stanceAtLeast`): a wary power warns, a hostile one strikes.
 *
 * Why every power answers most quarters (issue 7 §6, "Tension"): the first model let a
 * power act only past a threshold (stance −15 or +20), so most quarters read "the
 * powers held back" and a hostile Russia could wait five turns. Now even a mildly
 * displeased power acts a fifth of the time, a hostile one most of the time, and the
 * player sees the pressure build instead of a silence that suddenly breaks.
 */
import type { PowerResponse, Scenario, ScenarioPower } from '../scenario/types.ts';
import { entryHolds, holds } from './conditions.ts';
import { type ConcernRule, type PowerAgenda, type ResponseRule, responseRule, turnAgenda } from './agenda.ts';
import { tiesNow, withWarmth } from './influence.ts';
import { openInTurn } from './rules.ts';
import { applyEffects } from './effects.ts';
import { nextInt, pickWeighted } from './rng.ts';
import { causeOf, numbered } from './causes.ts';
import { drafting, own, ownCooldowns, ownTurnList } from './clone.ts';
import { changeCount, eachChange, PEOPLE_BIT } from './history.ts';
import type { GameState } from './state.ts';
import { INFLUENCE_SLOTS, ownPowerAt, powerAt, RELATION_SLOTS, type Slot } from './slots.ts';
import { change, stringAt } from './vars.ts';
import { type Difficulty, POWER_IDS, POWER_NAMES, type PowerId } from './vocabulary.ts';

export {
  type InfluenceTarget,
  influenceTarget,
  influenceTargetNow,
  influenceTargetValue,
  influenceTies,
  influenceTiesNow,
  withWarmth,
} from './influence.ts';

/** The cause of the relation's slow return to its base level; not a reason to act. */
const SETTLE = 'Relations settle toward normal';
const SETTLING = causeOf(SETTLE);

const tiesPull = numbered('tiesPull', (target) => `Ties pull toward ${target}`);

/**
 * How hard the powers push at each difficulty, in percent: how often they use sticks,
 * how often they offer carrots, and how many points sooner (or later) a slight turns
 * them hostile. `DIFFICULTY_HELP` says the same in the player's words.
 */
export const DIFFICULTY: Record<Difficulty, { stick: number; carrot: number; touchiness: number }> = {
  easy: { stick: 70, carrot: 125, touchiness: -8 },
  normal: { stick: 100, carrot: 100, touchiness: 0 },
  hard: { stick: 135, carrot: 75, touchiness: 8 },
};

/** What each difficulty changes, for the help and the title screen. */
export const DIFFICULTY_HELP: Record<Difficulty, string> = {
  easy: 'The powers are patient: they use sticks 30% less often, offer carrots 25% more often, and turn hostile only after 8 more points of offence.',
  normal: 'The powers push as hard as they did in history.',
  hard: 'The powers are touchy: they use sticks 35% more often, offer carrots 25% less often, and turn hostile 8 points sooner.',
};

/**
 * The stance a power acts on: its stance, less the difficulty's touchiness (on hard, a
 * stance of 0 is felt as −8: sticks come sooner, and harsher ones).
 */
export function feltStance(s: GameState, id: PowerId): number {
  return s.powers[id].stance - DIFFICULTY[s.difficulty].touchiness;
}

export function powersTurn(scenario: Scenario, s: GameState): void {
  powersAgenda(scenario, s);
  powersRespond(scenario, s);
}

/** Steps 1–4 for every power. */
export function powersAgenda(scenario: Scenario, s: GameState): void {
  const agendas = turnAgenda(scenario, s.turn).powers;
  for (let i = 0; i < POWER_IDS.length; i++) agendaTurn(scenario, s, agendas[i] as PowerAgenda);
}

/**
 * Step 5 for the powers the computer plays. Responses come after every power has
 * updated, so no power's answer depends on whether it happens to be listed before
 * another. A power played by people (hot-seat) has answered already and draws nothing.
 */
export function powersRespond(scenario: Scenario, s: GameState): void {
  const agendas = turnAgenda(scenario, s.turn).powers;
  for (let i = 0; i < POWER_IDS.length; i++) {
    const agenda = agendas[i] as PowerAgenda;
    if (!s.humans?.includes(agenda.id)) respond(scenario, s, agenda);
  }
}

function agendaTurn(scenario: Scenario, s: GameState, agenda: PowerAgenda): void {
  const at = agenda.index;
  const relation = RELATION_SLOTS[at] as Slot;
  const concerns = agenda.concernRules;
  for (let i = 0; i < concerns.length; i++) {
    const concern = concerns[i] as ConcernRule;
    if (entryHolds(scenario, s, concern.flag, concern.test)) change(s, relation, concern.delta, concern.cause);
  }
  const before = powerAt(s.powers, at);
  change(s, relation, (((before.baseRelation ?? agenda.def.baseRelation) - before.relation) * 10) / 100, SETTLING);

  // influenceTargetValue of the turn's ties: the same sum in the same order.
  const target = withWarmth(tiesNow(scenario, s, agenda), powerAt(s.powers, at).relation);
  const gap = target - powerAt(s.powers, at).influence;
  let step = Math.round(gap / 4);
  if (step === 0 && gap !== 0) step = gap > 0 ? 1 : -1;
  if (step > 3) step = 3;
  if (step < -3) step = -3;
  change(s, INFLUENCE_SLOTS[at] as Slot, step, tiesPull(target));

  // Read afresh: a change above may have replaced the power's record with the draft's copy.
  const power = powerAt(s.powers, at);
  const stanceStep = Math.round((power.relation - power.stance) / 2);
  if (stanceStep !== 0) ownPowerAt(s, at).stance += stanceStep;
}

/**
 * Percent chance this turn that a power uses a stick / offers a carrot. A power whose
 * stance is below the midpoint of the scenario's stick and carrot stances leans to
 * sticks, one above it to carrots; every power acts at least a third of the time, so a
 * quarter in which nothing happens is the exception.
 *
 * Sticks: 35%, plus 2 points per point of stance below the midpoint scaled by the power's
 * aggression (70% at the stick stance of a chapter with stances −15/+20 for an aggression
 * of 100, 90% from −30), then scaled by the difficulty; at most 95%. A wary power warns; a
 * hostile one strikes (which stick depends on its `stanceAtMost`).
 *
 * Carrots: 35% up to 5 points below the carrot stance (small gestures: the bigger carrots
 * ask a higher `stanceAtLeast`), then 2 points more per point of stance (45% at the carrot
 * stance, 75% from 20 points above it), scaled by the difficulty. Neglect is punished
 * sooner and harder than friendship is rewarded: that asymmetry makes tending every
 * relation the skill.
 */
export function responseOdds(scenario: Scenario, s: GameState, id: PowerId): { stick: number; carrot: number } {
  const p = s.powers[id];
  return oddsAtStance(scenario, id, s.difficulty, p.stance, p.aggression);
}

/** responseOdds for a given stance (before the difficulty's touchiness), without a state;
 *  `aggression` overrides the scenario's when an effect has changed it. */
export function oddsAtStance(
  scenario: Scenario,
  id: PowerId,
  difficulty: Difficulty,
  rawStance: number,
  aggression?: number,
): { stick: number; carrot: number } {
  return oddsFor(scenario, scenario.powers[id], difficulty, rawStance, aggression);
}

function oddsFor(
  scenario: Scenario,
  def: ScenarioPower,
  difficulty: Difficulty,
  rawStance: number,
  aggression: number | undefined,
): { stick: number; carrot: number } {
  const scale = DIFFICULTY[difficulty];
  const stance = rawStance - scale.touchiness;
  const { stickStance, carrotStance } = scenario.model;
  const mid = (stickStance + carrotStance) / 2;
  let stick = 0;
  let carrot = 0;
  if (stance < mid) {
    stick = Math.min(90, 35 + (2 * (mid - stance) * (aggression ?? def.aggression)) / 100);
    stick = Math.round((stick * scale.stick) / 100);
  } else {
    carrot = Math.min(75, 35 + 2 * Math.max(0, stance - carrotStance + 5));
    carrot = Math.round((carrot * scale.carrot) / 100);
  }
  return { stick: Math.min(stick, 95), carrot: Math.min(carrot, 95) };
}

const ELIGIBLE: ResponseRule[] = [];
const WEIGHTS: number[] = [];

function respond(scenario: Scenario, s: GameState, agenda: PowerAgenda): void {
  const id = agenda.id;
  const power = powerAt(s.powers, agenda.index);
  const odds = oddsFor(scenario, agenda.def, s.difficulty, power.stance, power.aggression);
  // One draw per power per turn whatever happens, so the sequence of draws does not
  // depend on which branch an earlier power took.
  const roll = nextInt(s.rng, 100);
  const kind: 'stick' | 'carrot' | null = roll < odds.stick ? 'stick' : roll < odds.stick + odds.carrot ? 'carrot' : null;
  if (!kind) return;
  // Gathered into two lists kept between calls: this runs for every power every turn, in
  // every game a policy plays or imagines. They are emptied by popping (compiled inline,
  // the store kept), not by setting their length (a call into V8's runtime each) nor as
  // new arrays (two arrays and their stores a call). Nothing here runs inside itself.
  const eligible = ELIGIBLE;
  const weights = WEIGHTS;
  while (eligible.length > 0) eligible.pop();
  while (weights.length > 0) weights.pop();
  // This turn's responses of that kind, in list order (agenda.ts).
  const rules = kind === 'stick' ? agenda.stickRules : agenda.carrotRules;
  // The stance as the difficulty makes it felt (hard: harsher answers sooner).
  const felt = power.stance - DIFFICULTY[s.difficulty].touchiness;
  const cooldowns = power.cooldowns;
  for (let i = 0; i < rules.length; i++) {
    const r = rules[i] as ResponseRule;
    // The cheap tests first (each is pure: the order changes no answer).
    if (felt <= r.atMost && felt >= r.atLeast && (cooldowns[r.id] ?? 0) <= s.turn && !isActive(s, id, r.id) && r.test(scenario, s)) {
      eligible.push(r);
      weights.push(r.weight);
    }
  }
  const chosen = eligible[pickWeighted(s.rng, weights)];
  if (chosen) answer(scenario, s, id, agenda.index, chosen, false);
}

/** isOpen without the response's conditions, for a stance felt as `felt`. */
function isOpenAt(s: GameState, id: PowerId, r: PowerResponse, felt: number): boolean {
  // The cheap tests first (each is pure: the order changes no answer).
  return (
    (r.stanceAtMost === undefined || felt <= r.stanceAtMost) &&
    (r.stanceAtLeast === undefined || felt >= r.stanceAtLeast) &&
    (s.powers[id].cooldowns[r.id] ?? 0) <= s.turn &&
    !isActive(s, id, r.id)
  );
}

/** Whether a power can use a response now: off cooldown, within its stance gates, not in
 *  force already, its conditions holding. */
function isOpen(scenario: Scenario, s: GameState, id: PowerId, r: PowerResponse): boolean {
  // The stance as the difficulty makes it felt (hard: harsher answers sooner).
  return isOpenAt(s, id, r, feltStance(s, id)) && holds(scenario, s, r.when);
}

/**
 * The responses a power played by people may choose this turn: every stick and carrot of
 * its repertoire open now. Its stance decides which are open (a warm power cannot strike
 * hard, a hostile one cannot offer its best carrot), not whether it acts: the people
 * decide that.
 */
export function openResponses(scenario: Scenario, s: GameState, id: PowerId): PowerResponse[] {
  return openInTurn(scenario, s.turn, scenario.powers[id].responses).filter((r) => isOpen(scenario, s, id, r));
}

/** A power uses a response: its cooldown starts, the answer is recorded, its effects apply. */
export function applyResponse(scenario: Scenario, s: GameState, id: PowerId, chosen: PowerResponse, byPeople = false): void {
  answer(scenario, s, id, POWER_IDS.indexOf(id), responseRule(id, chosen), byPeople);
}

function answer(scenario: Scenario, s: GameState, id: PowerId, at: number, chosen: ResponseRule, byPeople: boolean): void {
  (drafting(s) ? ownCooldowns(s, id) : powerAt(s.powers, at).cooldowns)[chosen.id] = s.turn + 1 + chosen.cooldown;
  // The reason is derived when shown (recordResponses), from the changes recorded so far.
  // Packed (see TurnRecord.responses): who and what kind (and whether people chose it),
  // which answer, the stance, and the changes before it.
  const response = stringAt(s, chosen.idEntry);
  const code = at * 2 + (chosen.kind === 'carrot' ? 1 : 0) + (byPeople ? PEOPLE_BIT : 0);
  ownTurnList(s, 'responses').push(code, response, powerAt(s.powers, at).stance, changeCount(s.current));
  applyEffects(scenario, s, chosen.effects, chosen.cause);
  if (chosen.duration > 0) own(s, 'active').push({ power: id, response: chosen.id, until: s.turn + chosen.duration });
}

function isActive(s: GameState, power: PowerId, response: string): boolean {
  for (const a of s.active) if (a.power === power && a.response === response) return true;
  return false;
}

/**
 * At the opening of a turn, responses whose time is up end: they leave the list of
 * what is in force, and their `endEffects` undo what needs undoing (a route reopens).
 */
export function endResponses(scenario: Scenario, s: GameState): void {
  if (s.active.length === 0) return;
  const ending = s.active.filter((a) => a.until < s.turn);
  if (ending.length === 0) return;
  s.active = s.active.filter((a) => a.until >= s.turn);
  for (const a of ending) {
    const def = scenario.powers[a.power].responses.find((r) => r.id === a.response);
    if (def && def.endEffects.length > 0) applyEffects(scenario, s, def.endEffects, `${POWER_NAMES[a.power]}: ${def.label} ends`);
  }
}

/**
 * "Russia has turned against you (−34) after: tolerated Chechen fighters (−9), oil deals
 * without a Russian share (−6)":
 * the biggest causes that moved the power's relation over the last four turns, in the
 * direction of its answer.
 */
export function explainStance(s: GameState, id: PowerId, kind: 'stick' | 'carrot'): string {
  const relationVar = `${id}.relation`;
  const sign = kind === 'stick' ? -1 : 1;
  const totals = new Map<string, number>();
  const from = Math.max(0, s.history.length - 3);
  for (let r = from; r <= s.history.length; r++) {
    const record = r === s.history.length ? s.current : s.history[r];
    if (!record) continue;
    eachChange(s, record, (v, delta, cause) => {
      if (v === relationVar && cause !== SETTLE) totals.set(cause, (totals.get(cause) ?? 0) + delta);
    });
  }
  const top: [string, number][] = [];
  for (const entry of totals) if (entry[1] * sign > 0) top.push(entry);
  top.sort((a, b) => b[1] * sign - a[1] * sign || (a[0] < b[0] ? -1 : 1));
  let why = '';
  for (let i = 0; i < top.length && i < 2; i++) {
    const [cause, d] = top[i] as [string, number];
    why += `${i ? ', ' : ''}${cause} (${d > 0 ? '+' : ''}${d})`;
  }
  const stance = s.powers[id].stance;
  // Said as a mood rather than a "stance" number, which players found unexplained.
  const mood = kind === 'stick' ? 'has turned against you' : 'has warmed to you';
  return `${POWER_NAMES[id]} ${mood} (${stance > 0 ? '+' : ''}${stance})${why ? ` after: ${why}` : ''}`;
}
