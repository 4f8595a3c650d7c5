import { describe, expect, it } from 'vitest';
import {
  act,
  choose,
  endTurn,
  type GameState,
  legalActions,
  newGame,
  recordChanges,
  recordResponses,
  recordSnapshot,
  responseOdds,
  stateHash,
} from '../../src/core/index.ts';
import { historical } from '../../src/policies/policies.ts';
import { playGame } from '../../src/policies/run.ts';
import { deepFreeze, goldenScenario, run } from '../helpers.ts';

const scenario = goldenScenario();
const FIRST_TURN_ANSWERS = [
  { type: 'choose', event: 'turkey-recognises', choice: 'embrace' },
  { type: 'choose', event: 'russia-refuses-treaty', choice: 'keep-courting' },
  { type: 'choose', event: 'us-iran-recognise', choice: 'lean-washington' },
  { type: 'choose', event: 'cis-founded', choice: 'parliament-refuses' },
] as const;

function ok(r: ReturnType<typeof act>): GameState {
  if (!r.ok) throw new Error(r.message);
  return r.state;
}

describe('a new game', () => {
  it('starts at the calendar start with the scenario values and the first events waiting', () => {
    const s = newGame(scenario, 1);
    expect(s.turn).toBe(0);
    expect(s.current.date).toBe('1991-10');
    expect(s.leader).toBe('Ayaz Mutalibov');
    expect(s.meters).toEqual({ sovereignty: 38, stability: 42, economy: 36, security: 28, karabakh: 58 });
    expect(s.pending).toEqual(['turkey-recognises', 'russia-refuses-treaty', 'us-iran-recognise', 'cis-founded']);
    expect(s.outcome).toBeNull();
  });
});

describe('acting', () => {
  it('is refused while an event waits, with a code, not an exception', () => {
    const r = act(scenario, newGame(scenario, 1), 'visit-ankara');
    expect(r).toEqual({ ok: false, error: 'event/pending', message: 'Answer the event first.' });
  });

  it('names unknown actions and explains unavailable ones', () => {
    const s = run(scenario, newGame(scenario, 1), [...FIRST_TURN_ANSWERS]);
    expect(act(scenario, s, 'build-a-moon-base')).toMatchObject({ ok: false, error: 'action/unknown' });
    expect(act(scenario, s, 'offer-russian-share')).toEqual({
      ok: false,
      error: 'action/unavailable',
      message: 'There is no consortium to join yet: invite Western oil companies first.',
    });
    const poor = ok(act(scenario, ok(act(scenario, s, 'turkish-training')), 'visit-ankara'));
    expect(poor.capital).toBe(0);
    expect(act(scenario, poor, 'court-washington')).toEqual({ ok: false, error: 'action/unavailable', message: 'Needs 1 political capital; you have 0.' });
  });

  it('pays the cost, applies the effects with their cause, and leaves the input untouched', () => {
    const s = deepFreeze(run(scenario, newGame(scenario, 1), [...FIRST_TURN_ANSWERS]));
    const before = stateHash(s);
    const after = ok(act(scenario, s, 'turkish-training'));
    expect(stateHash(s)).toBe(before);
    expect(after.capital).toBe(s.capital - 2);
    expect(after.meters.security).toBe(s.meters.security + 6);
    expect(after.flags['turkish-training']).toBe(true);
    expect(recordChanges(after, after.current).slice(-4)).toEqual([
      { var: 'security', delta: 6, cause: 'Ask Turkey to train the army' },
      { var: 'turkey.relation', delta: 6, cause: 'Ask Turkey to train the army' },
      { var: 'russia.relation', delta: -3, cause: 'Ask Turkey to train the army' },
      { var: 'iran.relation', delta: -1, cause: 'Ask Turkey to train the army' },
    ]);
    expect(act(scenario, after, 'turkish-training')).toMatchObject({ ok: false, message: 'Already done this turn.' });
  });

  it('lists every action with cost, availability, reason and a preview of its effects', () => {
    const s = run(scenario, newGame(scenario, 1), [...FIRST_TURN_ANSWERS]);
    const list = legalActions(scenario, s);
    expect(list).toHaveLength(scenario.actions.length);
    const training = list.find((a) => a.id === 'turkish-training');
    expect(training).toMatchObject({ available: true, cost: { capital: 2, treasury: 0 }, domain: 'security' });
    expect(training?.preview).toEqual([
      { var: 'security', delta: 6 },
      { var: 'turkey.relation', delta: 6 },
      { var: 'russia.relation', delta: -3 },
      { var: 'iran.relation', delta: -1 },
    ]);
    const mediation = list.find((a) => a.id === 'turkish-mediation');
    expect(mediation?.preview).toContainEqual({ var: 'karabakh', delta: 3, chance: 30 });
    expect(list.find((a) => a.id === 'offer-russian-share')).toMatchObject({ available: false, reason: expect.stringContaining('invite Western oil') });
  });
});

describe('events', () => {
  it('must be answered in order, and only with their own choices', () => {
    const s = newGame(scenario, 1);
    expect(choose(scenario, s, 'cis-founded', 'join')).toMatchObject({ ok: false, error: 'event/not-pending' });
    expect(choose(scenario, s, 'turkey-recognises', 'nonsense')).toMatchObject({ ok: false, error: 'choice/unknown' });
    const after = ok(choose(scenario, s, 'turkey-recognises', 'embrace'));
    expect(after.pending[0]).toBe('russia-refuses-treaty');
    expect(after.chosen).toEqual({ 'turkey-recognises': 'embrace' });
    expect(after.powers.turkey.relation).toBe(43);
  });

  it('refuses a choice whose condition does not hold', () => {
    // Sign with Lukoil needs a Russian share; reach the contract without one.
    let s = newGame(scenario, 3);
    s = { ...s, pending: ['contract-of-the-century'], flags: { ...s.flags, 'western-contracts': true } };
    expect(choose(scenario, s, 'contract-of-the-century', 'sign-with-lukoil')).toMatchObject({ ok: false, error: 'choice/unavailable' });
    expect(choose(scenario, s, 'contract-of-the-century', 'sign-without-russia').ok).toBe(true);
  });

  it('a choice can end the game', () => {
    let s = newGame(scenario, 3);
    s = { ...s, pending: ['coup-1993'] };
    const r = ok(choose(scenario, s, 'coup-1993', 'give-in'));
    expect(r.outcome).toMatchObject({ status: 'lost', reason: 'coup', title: 'The government is overthrown', rating: 'Fallen' });
    expect(act(scenario, r, 'visit-ankara')).toMatchObject({ ok: false, error: 'game/over' });
    expect(endTurn(scenario, r)).toMatchObject({ ok: false, error: 'game/over' });
  });
});

describe('ending a turn', () => {
  it('records every change with its cause, so the player can ask why', () => {
    const s = run(scenario, newGame(scenario, 'golden'), [
      ...FIRST_TURN_ANSWERS,
      { type: 'act', action: 'visit-ankara' },
      { type: 'act', action: 'propose-friendship-treaty' },
      { type: 'endTurn' },
    ]);
    expect(s.turn).toBe(1);
    expect(s.current.date).toBe('1992-01');
    expect(s.powers.russia.relation).toBe(-6);
    const first = s.history[0];
    const causes = first && recordChanges(s, first).filter((c) => c.var === 'russia.relation');
    expect(causes).toEqual([
      { var: 'russia.relation', delta: -2, cause: 'Turkey recognises Azerbaijan: Embrace Ankara as our bridge to the West' },
      { var: 'russia.relation', delta: 4, cause: 'Moscow keeps Baku waiting: Keep courting Moscow' },
      { var: 'russia.relation', delta: -5, cause: "The Commonwealth of Independent States: Let parliament's refusal stand" },
      { var: 'russia.relation', delta: -1, cause: 'Visit Ankara' },
      { var: 'russia.relation', delta: 4, cause: 'Propose a friendship treaty to Moscow' },
      { var: 'russia.relation', delta: -2, cause: 'Staying outside the CIS' },
      { var: 'russia.relation', delta: 1, cause: 'Relations settle toward normal' },
    ]);
    const sum = (causes ?? []).reduce((t, c) => t + c.delta, 0);
    expect(-5 + sum).toBe(s.powers.russia.relation);
    expect(first && recordSnapshot(first)?.relation.russia).toBe(-6);
    expect(s.pending).toEqual(['khodzhaly']);
  });

  it('is refused while an event waits', () => {
    expect(endTurn(scenario, newGame(scenario, 1))).toMatchObject({ ok: false, error: 'event/pending' });
  });

  it('a hostile power answers with a stick and says why', () => {
    let s = run(scenario, newGame(scenario, 4), [...FIRST_TURN_ANSWERS]);
    const russia = { ...s.powers.russia, relation: -70, stance: -70 };
    s = { ...s, powers: { ...s.powers, russia } };
    // 35% + 2 × 72.5 points below the midpoint × Russia's aggression of 110%: capped at 90%.
    expect(responseOdds(scenario, s, 'russia')).toEqual({ stick: 90, carrot: 0 });
    const after = ok(endTurn(scenario, s));
    const record = after.history[0];
    const answer = record && recordResponses(scenario, after, record).find((r) => r.power === 'russia');
    expect(answer?.kind).toBe('stick');
    expect(answer?.why).toMatch(/^Russia has turned against you \(-\d+\)/);
  });

  it('completes the scenario after its last turn with a score and a rating', () => {
    const { state } = playGame(scenario, 2, historical);
    expect(state.history).toHaveLength(state.outcome?.status === 'completed' ? 13 : state.history.length);
    expect(state.outcome?.score).toBeGreaterThan(0);
    expect(['Master of balance', 'Steady hand', 'Survivor', 'Precarious', 'Fallen']).toContain(state.outcome?.rating);
  });
});
