/**
 * Hot-seat role play and teacher mode: people playing a power answer for it when the
 * turn closes; a teacher's interventions (inject, lock, unlock, prompt) are commands in
 * the log. Both replay exactly, and a save carrying them verifies.
 */
import { describe, expect, it } from 'vitest';
import {
  apply,
  closesTurn,
  type Command,
  type GameState,
  injectableEvents,
  legalActions,
  newGame,
  offeredChoices,
  openResponses,
  recordResponses,
  replay,
  rulesOf,
  stateHash,
} from '../../src/core/index.ts';
import { analyse } from '../../src/ui/debrief/analysis.ts';
import { commandProblem } from '../../src/persistence/commandShape.ts';
import { makeReplay } from '../../src/persistence/replayFormat.ts';
import { verifySave } from '../../src/persistence/verify.ts';
import type { Scenario } from '../../src/scenario/types.ts';
import { shippedScenario } from '../helpers.ts';

const scenario = shippedScenario('independence-1991');

/** Applies a command that must succeed, logging it. */
function step(sc: Scenario, s: GameState, log: Command[], c: Command): GameState {
  const r = apply(sc, s, c);
  if (!r.ok) throw new Error(`${JSON.stringify(c)} refused: ${r.message}`);
  log.push(c);
  return r.state;
}

/** Answers every waiting event with its first open choice. */
function answerEvents(sc: Scenario, s: GameState, log: Command[]): GameState {
  let state = s;
  while (state.pending.length > 0) {
    const id = state.pending[0] as string;
    const e = rulesOf(sc).eventById.get(id);
    const choice = e ? offeredChoices(sc, state, e)[0] : undefined;
    if (!choice) throw new Error(`no open choice in ${id}`);
    state = step(sc, state, log, { type: 'choose', event: id, choice: choice.id });
  }
  return state;
}

function refusal(s: GameState, c: Command, sc: Scenario = scenario): string {
  const r = apply(sc, s, c);
  return r.ok ? 'accepted' : r.error;
}

describe('hot-seat: powers played by people', () => {
  it('waits at End turn for the people’s powers, in the powers’ order, and closes the turn after the last answer', () => {
    const log: Command[] = [];
    let s = newGame(scenario, 11);
    // Seated in the opposite order: they still answer Russia first, then the West.
    s = step(scenario, s, log, { type: 'seat', power: 'west', player: 'people' });
    s = step(scenario, s, log, { type: 'seat', power: 'russia', player: 'people' });
    expect(s.humans).toEqual(['russia', 'west']);
    s = answerEvents(scenario, s, log);
    s = step(scenario, s, log, { type: 'endTurn' });
    expect(s.awaiting).toEqual(['russia', 'west']);
    expect(s.turn).toBe(0);
    expect(s.history).toHaveLength(0);

    // Nothing else moves while the people answer.
    expect(refusal(s, { type: 'endTurn' })).toBe('powers/awaiting');
    expect(refusal(s, { type: 'act', action: scenario.actions[0]?.id ?? '' })).toBe('powers/awaiting');
    expect(refusal(s, { type: 'seat', power: 'iran', player: 'people' })).toBe('powers/awaiting');
    expect(refusal(s, { type: 'lock', action: scenario.actions[0]?.id ?? '' })).toBe('powers/awaiting');
    expect(refusal(s, { type: 'respond', power: 'west' })).toBe('power/not-awaited');
    expect(refusal(s, { type: 'respond', power: 'russia', response: 'no-such-answer' })).toBe('response/unavailable');
    expect(refusal(s, { type: 'respond', power: 'atlantis' as 'iran' })).toBe('power/unknown');

    const open = openResponses(scenario, s, 'russia');
    expect(open.length).toBeGreaterThan(0);
    const pick = open[0];
    if (!pick) throw new Error('no open response');
    s = step(scenario, s, log, { type: 'respond', power: 'russia', response: pick.id });
    expect(s.awaiting).toEqual(['west']);
    expect(s.history).toHaveLength(0);
    s = step(scenario, s, log, { type: 'respond', power: 'west' });
    expect(s.awaiting).toBeUndefined();
    expect(s.turn).toBe(1);
    expect(s.history).toHaveLength(1);

    const closed = s.history[0];
    if (!closed) throw new Error('no closed turn');
    const answers = recordResponses(scenario, s, closed);
    // Russia's team's answer is on the record; the West held back; the computer's Turkey and Iran drew as usual.
    expect(answers.filter((a) => a.power === 'russia').map((a) => [a.response, a.why, a.byPeople])).toEqual([[pick.id, "Russia's team chose it", true]]);
    expect(answers.filter((a) => a.power !== 'russia').every((a) => a.byPeople === undefined)).toBe(true);
    expect(answers.filter((a) => a.power === 'west')).toEqual([]);
    // Used in turn 0: open again from turn 1 + its cooldown.
    expect(s.powers.russia.cooldowns[pick.id]).toBe(1 + pick.cooldown);

    // The log replays to the same state, and counts its closed turns right.
    const again = replay(scenario, 11, {}, log);
    expect(again.failed).toBeUndefined();
    expect(stateHash(again.state)).toBe(stateHash(s));
    expect(log.filter((_, i) => closesTurn(log, i))).toHaveLength(1);
    expect(log.filter((c) => c.type === 'endTurn')).toHaveLength(1);
  });

  it('gives the same game whatever a people’s power is seated and unseated to, once it is the computer’s again', () => {
    const plain: Command[] = [];
    let a = newGame(scenario, 5);
    a = answerEvents(scenario, a, plain);
    const seatedLog: Command[] = [];
    let b = newGame(scenario, 5);
    b = step(scenario, b, seatedLog, { type: 'seat', power: 'iran', player: 'people' });
    b = step(scenario, b, seatedLog, { type: 'seat', power: 'iran', player: 'computer' });
    b = answerEvents(scenario, b, seatedLog);
    expect(b.humans).toBeUndefined();
    a = step(scenario, a, plain, { type: 'endTurn' });
    b = step(scenario, b, seatedLog, { type: 'endTurn' });
    // Seating changed nothing the rules read: the same turn, the same hash.
    expect(stateHash(b)).toBe(stateHash(a));
    expect(refusal(b, { type: 'seat', power: 'iran', player: 'computer' })).toBe('command/invalid');
  });

  it('lists only answers the power’s attitude allows', () => {
    let s = newGame(scenario, 3);
    const log: Command[] = [];
    s = step(scenario, s, log, { type: 'seat', power: 'russia', player: 'people' });
    s = answerEvents(scenario, s, log);
    s = step(scenario, s, log, { type: 'endTurn' });
    const stance = s.powers.russia.stance;
    for (const r of openResponses(scenario, s, 'russia')) {
      if (r.stanceAtMost !== undefined) expect(stance).toBeLessThanOrEqual(r.stanceAtMost);
      if (r.stanceAtLeast !== undefined) expect(stance).toBeGreaterThanOrEqual(r.stanceAtLeast);
    }
    const closedOff = scenario.powers.russia.responses.filter(
      (r) => (r.stanceAtMost !== undefined && stance > r.stanceAtMost) || (r.stanceAtLeast !== undefined && stance < r.stanceAtLeast),
    );
    for (const r of closedOff) expect(refusal(s, { type: 'respond', power: 'russia', response: r.id })).toBe('response/unavailable');
  });
});

describe('teacher mode', () => {
  it('locks an action for the class and unlocks it, in the log', () => {
    const log: Command[] = [];
    let s = answerEvents(scenario, newGame(scenario, 8), log);
    const action = legalActions(scenario, s).find((a) => a.available);
    if (!action) throw new Error('no open action');
    s = step(scenario, s, log, { type: 'lock', action: action.id });
    const locked = legalActions(scenario, s).find((a) => a.id === action.id);
    expect(locked?.available).toBe(false);
    expect(locked?.reason).toBe('Locked by your teacher for this exercise.');
    expect(refusal(s, { type: 'act', action: action.id })).toBe('action/unavailable');
    expect(refusal(s, { type: 'lock', action: action.id })).toBe('command/invalid');
    expect(refusal(s, { type: 'lock', action: 'no-such-action' })).toBe('action/unknown');
    s = step(scenario, s, log, { type: 'unlock', action: action.id });
    expect(s.locked).toBeUndefined();
    s = step(scenario, s, log, { type: 'act', action: action.id });
    expect(s.current.actions).toEqual([action.id]);
    expect(stateHash(replay(scenario, 8, {}, log).state)).toBe(stateHash(s));
  });

  it('raises an event the game could raise now, and refuses one it could not', () => {
    const log: Command[] = [];
    let s = answerEvents(scenario, newGame(scenario, 8), log);
    const candidates = injectableEvents(scenario, s);
    expect(candidates.length).toBeGreaterThan(0);
    const e = candidates[0];
    if (!e) throw new Error('nothing to inject');
    s = step(scenario, s, log, { type: 'inject', event: e.id });
    expect(s.current.events).toContain(e.id);
    expect(s.fired[e.id]).toBe(0);
    if (e.choices.length > 0) expect(s.pending).toEqual([e.id]);
    // Raised once: not again while it waits or after, unless it repeats.
    if (e.repeat === undefined) expect(refusal(s, { type: 'inject', event: e.id })).toBe('event/unavailable');
    expect(refusal(s, { type: 'inject', event: 'no-such-event' })).toBe('event/unknown');
    // An event already played this game cannot be injected again.
    const played = newGame(scenario, 8).pending[0];
    if (played) expect(refusal(s, { type: 'inject', event: played })).toBe('event/unavailable');
    expect(stateHash(replay(scenario, 8, {}, log).state)).toBe(stateHash(s));
  });

  it('records a discussion prompt without changing the game', () => {
    const s = newGame(scenario, 8);
    const r = apply(scenario, s, { type: 'prompt', text: 'Why did Baku refuse the CIS?' });
    expect(r.ok && stateHash(r.state)).toBe(stateHash(s));
    expect(refusal(s, { type: 'prompt', text: '   ' })).toBe('prompt/invalid');
    expect(refusal(s, { type: 'prompt', text: 'x'.repeat(301) })).toBe('prompt/invalid');
  });
});

describe('saves with teams and a teacher', () => {
  it('verifies a save whose log seats a power, answers for it, locks an action and prompts', () => {
    const log: Command[] = [];
    let s = newGame(scenario, 21);
    s = step(scenario, s, log, { type: 'seat', power: 'turkey', player: 'people' });
    s = step(scenario, s, log, { type: 'prompt', text: 'What does Ankara want?' });
    s = answerEvents(scenario, s, log);
    const action = legalActions(scenario, s).find((a) => a.available);
    if (action) s = step(scenario, s, log, { type: 'lock', action: action.id });
    for (let turn = 0; turn < 3; turn++) {
      s = answerEvents(scenario, s, log);
      s = step(scenario, s, log, { type: 'endTurn' });
      s = step(scenario, s, log, { type: 'respond', power: 'turkey', response: openResponses(scenario, s, 'turkey')[0]?.id });
    }
    expect(s.history).toHaveLength(3);
    for (const c of log) expect(commandProblem(c)).toBeNull();
    const save = makeReplay(s, log);
    expect(save.turn).toBe(3);
    const verified = verifySave(scenario, save);
    expect(verified.ok).toBe(true);
    // A log that skips the team's answer is refused at the turn where it fails.
    const broken = [...log];
    const at = broken.findIndex((c) => c.type === 'respond');
    broken.splice(at, 1);
    const refused = verifySave(scenario, makeReplay(s, broken));
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.problem).toBe('log/refused');
      expect(refused.error).toBe('powers/awaiting');
      // The log goes on to the second quarter's event without the team's answer: it fails there.
      expect(refused.turn).toBe(2);
    }
  });

  it('lists the teams and the teacher’s interventions by quarter for the debrief', () => {
    const log: Command[] = [];
    let s = newGame(scenario, 21);
    s = step(scenario, s, log, { type: 'seat', power: 'turkey', player: 'people' });
    s = step(scenario, s, log, { type: 'prompt', text: 'What does Ankara want?' });
    s = answerEvents(scenario, s, log);
    s = step(scenario, s, log, { type: 'endTurn' });
    s = step(scenario, s, log, { type: 'respond', power: 'turkey' });
    // The new quarter's events wait; a lock does not need to.
    const action = legalActions(scenario, s)[0];
    if (!action) throw new Error('no action in this period');
    s = step(scenario, s, log, { type: 'lock', action: action.id });
    expect(analyse(scenario, '21', 'normal', log).interventions.map((x) => `${x.when}: ${x.what}`)).toEqual([
      'Oct–Dec 1991: Turkey is now played by people on this screen',
      'Oct–Dec 1991: Discussion: What does Ankara want?',
      `Jan–Mar 1992: Your teacher locked: ${action.label}`,
    ]);
    expect(
      analyse(
        scenario,
        '21',
        'normal',
        log.filter((c) => c.type === 'choose'),
      ).interventions,
    ).toEqual([]);
  });

  it('checks the shape of the new commands before the engine sees them', () => {
    expect(commandProblem({ type: 'seat', power: 'russia', player: 'people' })).toBeNull();
    expect(commandProblem({ type: 'seat', power: 'russia', player: 'robots' })).toEqual({ at: '.player', reason: 'player must be "people" or "computer"' });
    expect(commandProblem({ type: 'respond', power: 'iran' })).toBeNull();
    expect(commandProblem({ type: 'respond', power: 'iran', response: 7 })).toEqual({ at: '.response', reason: 'response, when given, must be an id' });
    expect(commandProblem({ type: 'prompt', text: '' })).toEqual({ at: '.text', reason: 'text must be a text of 1 to 300 characters' });
    expect(commandProblem({ type: 'inject', event: 'x', extra: 1 })).toEqual({ at: '.extra', reason: 'unknown key "extra" in a inject command' });
  });
});
