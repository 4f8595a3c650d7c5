/**
 * The expert policy: a search that must be deterministic for a seed and must not peek at
 * the game's own generator (it simulates on copies that draw from its own).
 */
import { describe, expect, it } from 'vitest';
import { choose, type GameState, newGame, seedRng, stateHash } from '../../src/core/index.ts';
import { expert, expertByName } from '../../src/policies/expert.ts';
import { policyByName } from '../../src/policies/policies.ts';
import { playGame } from '../../src/policies/run.ts';
import { shippedScenario } from '../helpers.ts';

const scenario = shippedScenario('independence-1991');
const cheap = expertByName('expert:2x2k3');

// Three whole games with a search at every decision: seconds alone, a minute on a busy machine.
describe('the expert policy', { timeout: 180_000 }, () => {
  it('is registered by name, with its budget in the name', () => {
    expect(policyByName('expert')).toBe(expert);
    expect(policyByName('expert:2x2k3')?.name).toBe('expert:2x2k3');
    expect(policyByName('expert:0x2')).toBeNull();
    expect(policyByName('expert:lots')).toBeNull();
  });

  it('plays the same game for the same seed, and another for another seed', () => {
    if (!cheap) throw new Error('expert:2x2k3 should parse');
    const a = playGame(scenario, 11, cheap);
    const b = playGame(scenario, 11, cheap);
    const c = playGame(scenario, 12, cheap);
    expect(a.refused).toBeUndefined();
    expect(a.state.outcome?.status).toBe('completed');
    expect(stateHash(b.state)).toBe(stateHash(a.state));
    expect(b.commands).toEqual(a.commands);
    expect(stateHash(c.state)).not.toBe(stateHash(a.state));
  });

  it('does not peek: the game generator’s state does not change its choice', () => {
    if (!cheap) throw new Error('expert:2x2k3 should parse');
    const ctx = () => ({ scenario, rng: seedRng('the policy’s own generator') });
    // An event to answer, then an action to choose: same visible state, two game generators.
    let s = newGame(scenario, 4);
    for (const state of [s, answerAll(s)]) {
      const other: GameState = { ...state, rng: seedRng('another game generator') };
      expect(cheap.next(ctx(), other)).toEqual(cheap.next(ctx(), state));
    }
    s = answerAll(s);
    expect(s.pending).toEqual([]);
  });
});

/** Answers every pending event with its first offered choice. */
function answerAll(state: GameState): GameState {
  let s = state;
  while (s.pending.length > 0) {
    const event = scenario.events.find((e) => e.id === s.pending[0]);
    const r = choose(scenario, s, s.pending[0] as string, event?.choices[0]?.id ?? '');
    if (!r.ok) throw new Error(r.message);
    s = r.state;
  }
  return s;
}
