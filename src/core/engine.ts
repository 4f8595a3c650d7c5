/**
 * The engine's public operations. Each takes the scenario (immutable rules, shared by
 * reference) and a state, and returns a new state or an error code; none throws on
 * player input and none changes its input.
 *
 * A turn: the player answers pending events and takes actions (act, choose), then
 * endTurn closes it — the powers respond, ongoing trends apply, energy earns and the
 * economy moves, the meters drift, the losing conditions are checked — and opens the
 * next: the calendar advances, political capital is refilled, and the events of the new
 * turn are raised for the player.
 */
import type { Scenario, ScenarioAction } from '../scenario/types.ts';
import { unavailableReason } from './actions.ts';
import { type Cause, causeOf, causeText, joined } from './causes.ts';
import { beginDraft, finishDraft, inPlaceOn, journaled, own, ownTurnList, setEntry } from './clone.ts';
import { idRecord } from './copies.ts';
import { holds } from './conditions.ts';
import { applyEffects } from './effects.ts';
import { raiseEvents, raiseFollowUps } from './events.ts';
import { hashValue } from './hash.ts';
import { changeList } from './history.ts';
import { changedParts, type Touched } from './reads.ts';
import { checkLoss } from './outcome.ts';
import { powersAgenda } from './powers.ts';
import { fail, refuseWhileClosing } from './result.ts';

const PLAYER_WAITS = 'The powers played by people are answering; the turn closes after them.';
import { respond, seat } from './seats.ts';
import { inject, lock, prompt } from './teacher.ts';
import { closeTurn, emptyRecord } from './turn.ts';
import { type RngState, seedRng } from './rng.ts';
import { rulesOf } from './rules.ts';
import { type Command, type ErrorCode, type GameState, type NewGameOptions, type PowerState, type Result, STATE_VERSION, type TurnRecord } from './state.ts';
import { resolveChoiceText, resolveEventText } from './variants.ts';
import { change } from './vars.ts';
import { POWER_IDS, type PowerId } from './vocabulary.ts';

const fingerprints = new WeakMap<Scenario, string>();

/** A fingerprint of the scenario's content, so a save replays only against the same rules. */
export function scenarioHash(scenario: Scenario): string {
  let h = fingerprints.get(scenario);
  if (h === undefined) {
    h = hashValue(scenario);
    fingerprints.set(scenario, h);
  }
  return h;
}

/**
 * The fingerprint the build already computed for a scenario it ships (vite.config.ts), so
 * a new game does not hash 75–490 KB of rules on the way to its first turn (~25 ms on a
 * cold page). Only for an object the build itself produced from the checked file; any
 * other scenario is hashed when first asked, and one already hashed keeps its own.
 */
export function rememberScenarioHash(scenario: Scenario, hash: string): void {
  if (!fingerprints.has(scenario)) fingerprints.set(scenario, hash);
}

export function newGame(scenario: Scenario, seed: string | number, options: NewGameOptions = {}): GameState {
  const init = scenario.initial;
  const powers = {} as Record<PowerId, PowerState>;
  for (const id of POWER_IDS) {
    const p = scenario.powers[id];
    powers[id] = { relation: p.relation, influence: p.influence, stance: p.relation, cooldowns: idRecord() };
  }
  const routes: GameState['routes'] = idRecord();
  for (const r of scenario.energy.routes) routes[r.id] = { status: r.status, capacity: r.capacity, flow: 0, revenue: 0 };
  const fields: GameState['fields'] = idRecord();
  for (const f of scenario.energy.fields) fields[f.id] = { status: f.status, output: f.output };
  const seedText = String(seed);
  const s: GameState = {
    version: STATE_VERSION,
    scenarioId: scenario.id,
    scenarioHash: scenarioHash(scenario),
    seed: seedText,
    difficulty: options.difficulty ?? 'normal',
    turn: 0,
    leader: init.leader,
    meters: { ...init.meters },
    treasury: init.treasury,
    capital: init.capital,
    revenue: 0,
    powers,
    routes,
    fields,
    // Records keyed by ids have no prototype (clone.ts: idRecord).
    flags: Object.assign(idRecord(), init.flags),
    fired: idRecord(),
    chosen: idRecord(),
    uses: idRecord(),
    lastTaken: idRecord(),
    pending: [],
    scheduled: [],
    active: [],
    strings: [],
    current: emptyRecord(scenario, 0),
    history: [],
    outcome: null,
    // The scenario id is mixed into the seed so two chapters played with seed 7 do not
    // share one sequence of draws.
    rng: seedRng(`${scenario.id}:${seedText}`),
  };
  // Added after the rest, so an explained game's state keeps its shape (and its hash).
  if (options.explain === false) s.unexplained = true;
  raiseEvents(scenario, s);
  s.outcome = checkLoss(scenario, s);
  return s;
}

/** An action's two causes, 'Spent on: <label>' for its cost and its label for its effects,
 *  each with its place in the string table kept (causes.ts Cause): a game records both at
 *  every action, and looked up by their text they missed the one-cause cache of vars.ts
 *  (`causeAt`) every time, the new quarter's cause coming between them. */
interface ActionCauses {
  spent: Cause;
  label: Cause;
}
const actionCausesOf = new WeakMap<ScenarioAction, ActionCauses>();

function actionCauses(action: ScenarioAction): ActionCauses {
  let c = actionCausesOf.get(action);
  if (c === undefined) {
    c = { spent: causeOf(joined('Spent on', action.label)), label: causeOf(action.label) };
    actionCausesOf.set(action, c);
  }
  return c;
}

export function act(scenario: Scenario, state: GameState, actionId: string): Result {
  const action = rulesOf(scenario).actionById.get(actionId);
  if (!action) return fail('action/unknown', `There is no action "${actionId}" in scenario ${scenario.id}.`);
  const refused = refuseWhileClosing(state, PLAYER_WAITS);
  if (refused) return refused;
  if (state.pending.length > 0) return fail('event/pending', 'Answer the event first.');
  const reason = unavailableReason(scenario, state, action);
  if (reason !== null) return fail('action/unavailable', reason);
  const s = beginDraft(state);
  const causes = actionCauses(action);
  change(s, 'capital', -action.cost.capital, causes.spent);
  if (action.cost.treasury > 0) change(s, 'treasury', -action.cost.treasury, causes.spent);
  setEntry(s, 'uses', action.id, (s.uses[action.id] ?? 0) + 1);
  setEntry(s, 'lastTaken', action.id, s.turn);
  ownTurnList(s, 'actions').push(action.id);
  applyEffects(scenario, s, action.effects, causes.label);
  s.outcome = checkLoss(scenario, s);
  return { ok: true, state: finishDraft(s) };
}

export function choose(scenario: Scenario, state: GameState, eventId: string, choiceId: string): Result {
  const refused = refuseWhileClosing(state, PLAYER_WAITS);
  if (refused) return refused;
  const head = state.pending[0];
  if (head !== eventId) {
    return fail('event/not-pending', head ? `The event waiting for an answer is "${head}", not "${eventId}".` : 'No event is waiting for an answer.');
  }
  const event = rulesOf(scenario).eventById.get(eventId);
  const choice = event?.choices.find((c) => c.id === choiceId);
  if (!event || !choice) return fail('choice/unknown', `Event "${eventId}" has no choice "${choiceId}".`);
  // A choice whose condition fails is not offered at all, so it cannot be taken.
  if (!holds(scenario, state, choice.when)) return fail('choice/unavailable', 'That choice is not open to you now.');
  // The words as the player read them, before the answer changes what they depend on.
  const cause = joined(resolveEventText(scenario, state, event).title, resolveChoiceText(scenario, state, choice).label);
  const s = beginDraft(state);
  own(s, 'pending').shift();
  setEntry(s, 'chosen', eventId, choiceId);
  ownTurnList(s, 'choices').push({ event: eventId, choice: choiceId });
  applyEffects(scenario, s, choice.effects, cause);
  s.outcome = checkLoss(scenario, s);
  if (!s.outcome) {
    raiseFollowUps(scenario, s);
    s.outcome = checkLoss(scenario, s);
  }
  return { ok: true, state: finishDraft(s) };
}

export function endTurn(scenario: Scenario, state: GameState): Result {
  const refused = refuseWhileClosing(state, PLAYER_WAITS);
  if (refused) return refused;
  if (state.pending.length > 0) return fail('event/pending', 'Answer the event first.');
  const s = beginDraft(state);
  powersAgenda(scenario, s);
  // People playing powers answer first, one after another (see seats.ts); the last answer closes the turn.
  if (s.humans && s.humans.length > 0) s.awaiting = [...s.humans];
  else closeTurn(scenario, s);
  return { ok: true, state: finishDraft(s) };
}

/** Applies one command: the fold step of replay. */
export function apply(scenario: Scenario, state: GameState, command: Command): Result {
  // Commands can come from a save file: check their shape before trusting any field.
  const c = (typeof command === 'object' && command !== null ? command : {}) as Record<string, unknown>;
  switch (c.type) {
    case 'act':
      if (typeof c.action === 'string') return act(scenario, state, c.action);
      break;
    case 'choose':
      if (typeof c.event === 'string' && typeof c.choice === 'string') return choose(scenario, state, c.event, c.choice);
      break;
    case 'endTurn':
      return endTurn(scenario, state);
    case 'seat':
      if (typeof c.power === 'string' && (c.player === 'people' || c.player === 'computer')) return seat(state, c.power, c.player);
      break;
    case 'respond':
      if (typeof c.power === 'string' && (c.response === undefined || typeof c.response === 'string')) return respond(scenario, state, c.power, c.response);
      break;
    case 'inject':
      if (typeof c.event === 'string') return inject(scenario, state, c.event);
      break;
    case 'lock':
    case 'unlock':
      if (typeof c.action === 'string') return lock(scenario, state, c.action, c.type === 'lock');
      break;
    case 'prompt':
      if (typeof c.text === 'string') return prompt(state, c.text);
      break;
  }
  return fail(
    'command/invalid',
    'A command is {type:"act",action}, {type:"choose",event,choice}, {type:"endTurn"}, {type:"seat",power,player}, {type:"respond",power,response?}, {type:"inject",event}, {type:"lock",action}, {type:"unlock",action} or {type:"prompt",text}.',
  );
}

export interface ReplayResult {
  state: GameState;
  /** Index of the first command that failed, with its error, if any. */
  failed?: { index: number; error: ErrorCode; message: string };
}

/**
 * Applies one command to a state the caller owns outright — one from `newGame`, or a copy
 * nobody else holds — changing it in place instead of copying: the headless runners'
 * path, where no earlier state is ever looked at again. The result is the same state a
 * copying `apply` would give. A refused command changes nothing.
 */
export function advance(scenario: Scenario, state: GameState, command: Command): Result {
  return inPlaceOn(state, () => apply(scenario, state, command));
}

/**
 * What a command would lead to, for a policy weighing its moves: applies it to `state`
 * with the policy's own generator `rng` (so a chance effect is sampled, not revealed) and
 * returns what `look` makes of the result, or undefined when the command is refused.
 * Neither `state` nor `rng` changes. The state `look` receives is valid only while
 * `look` runs (it shares records with `state` until the look is undone); looks may nest.
 * `look` also receives what the command wrote (`touches(written, readsOf(condition))`
 * says whether a condition can read differently after it than before).
 */
export function whatIf<T>(
  scenario: Scenario,
  state: GameState,
  command: Command,
  rng: RngState,
  look: (after: GameState, written: Touched) => T,
): T | undefined {
  return journaled((written) => {
    const r = apply(scenario, { ...state, rng: { c: rng.c, s0: rng.s0, s1: rng.s1, s2: rng.s2 } }, command);
    if (!r.ok) return undefined;
    written.bits |= changedParts(state, r.state);
    return look(r.state, written);
  });
}

export interface ReplayResult {
  state: GameState;
  /** Index of the first command that failed, with its error, if any. */
  failed?: { index: number; error: ErrorCode; message: string };
}

/** Replay is a fold of the command log over the initial state, stopping at the first error. */
export function replay(scenario: Scenario, seed: string | number, options: NewGameOptions, commands: readonly Command[]): ReplayResult {
  const state = newGame(scenario, seed, options);
  for (let i = 0; i < commands.length; i++) {
    const r = advance(scenario, state, commands[i] as Command);
    if (!r.ok) return { state, failed: { index: i, error: r.error, message: r.message } };
  }
  return { state };
}

/**
 * The hash of a state as it reads, not as it is stored: a cause the string table keeps as a
 * code (causes.ts) is hashed as its sentence, and a closed turn's packed changes
 * (changePack.ts) as their list of numbers. So the compact storage changes no hash and no save.
 */
export function stateHash(state: GameState): string {
  return hashValue(readableState(state));
}

function readableState(state: GameState): GameState {
  const strings = state.strings;
  let read: string[] | null = null;
  for (let i = 0; i < strings.length; i++) {
    const entry = strings[i] as string;
    const text = causeText(entry);
    if (text !== entry) {
      read ??= strings.slice();
      read[i] = text;
    }
  }
  const listed = (r: TurnRecord): TurnRecord => (typeof r.changes === 'string' ? { ...r, changes: changeList(r) } : r);
  return { ...state, strings: read ?? strings, history: state.history.map(listed), current: listed(state.current) };
}
