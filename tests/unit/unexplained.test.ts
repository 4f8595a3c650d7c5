/**
 * A game played unexplained (NewGameOptions.explain: false, what a balance run plays) is the
 * same game as the one the player would see: every number, draw, event, answer and ending
 * the same; only the changes' causes are not recorded.
 */
import { describe, expect, it } from 'vitest';
import { advance, changeCount, type GameState, newGame, ownedCopy, recordChanges, responseEntries, seedRng, stateHash } from '../../src/core/index.ts';
import { playSeeds } from '../../src/policies/balance.ts';
import { gameFacts } from '../../src/policies/labFacts.ts';
import { policyByName } from '../../src/policies/policies.ts';
import { playGame } from '../../src/policies/run.ts';
import { shippedScenario } from '../helpers.ts';

/** The state without what only explains it: the string table, the changes, and where in
 *  them each answer came (its other numbers kept, its response by name). */
function numbersOf(s: GameState) {
  const { strings: _strings, current: _current, history, unexplained: _unexplained, ...rest } = s;
  const record = (r: GameState['current']) => ({
    turn: r.turn,
    date: r.date,
    actions: r.actions,
    choices: r.choices,
    events: r.events,
    snapshot: r.snapshot,
    responses: responseEntries(s, r).map(({ at: _at, ...answer }) => answer),
  });
  return { ...rest, current: record(s.current), history: history.map(record) };
}

describe('a game played unexplained', () => {
  const campaign = shippedScenario('campaign-1991-2012');

  for (const policy of ['historical', 'balancer', 'pro-west', 'random']) {
    it(`is the same game as the explained one, without its causes (${policy}, campaign)`, () => {
      const p = policyByName(policy);
      if (!p) throw new Error(policy);
      for (const seed of [1, 2]) {
        const shown = playGame(campaign, seed, p);
        const lean = playGame(campaign, seed, p, 'normal', { explain: false });
        expect(lean.commands).toEqual(shown.commands);
        expect(numbersOf(lean.state)).toEqual(numbersOf(shown.state));
        expect(lean.state.outcome).not.toBeNull();
        // The explained game can say why its numbers moved, every turn; the other cannot.
        expect(shown.state.unexplained).toBeUndefined();
        expect(lean.state.unexplained).toBe(true);
        expect(shown.state.history.every((r) => changeCount(r) > 0)).toBe(true);
        expect(recordChanges(shown.state, shown.state.history[0] as GameState['current']).every((c) => c.cause !== '')).toBe(true);
        expect(lean.state.history.every((r) => changeCount(r) === 0)).toBe(true);
        expect(lean.state.strings.length).toBeLessThan(shown.state.strings.length / 4);
        expect(stateHash(lean.state)).not.toBe(stateHash(shown.state));
      }
    });
  }

  it('can be a copy of an explained game, played on as the explained copy is (an expert rollout)', () => {
    const balancer = policyByName('balancer');
    if (!balancer) throw new Error('balancer');
    /** Plays `s` on in place with the balancer until `turn` opens (or the game ends). */
    const playTo = (s: GameState, turn: number) => {
      const ctx = { scenario: campaign, rng: seedRng('rollout') };
      const commands = [];
      while (!s.outcome && s.turn < turn) {
        const command = balancer.next(ctx, s);
        expect(advance(campaign, s, command).ok).toBe(true);
        commands.push(command);
      }
      return commands;
    };
    const position = newGame(campaign, 4);
    playTo(position, 20);
    const explained = ownedCopy(position);
    const lean = ownedCopy(position, { explain: false });
    expect(lean.unexplained).toBe(true);
    expect(position.unexplained).toBeUndefined();
    expect(playTo(lean, 26)).toEqual(playTo(explained, 26));
    expect(lean.turn).toBe(26);
    expect(numbersOf(lean)).toEqual(numbersOf(explained));
    // Only what was played on the copy is without its causes (turn 20 had opened, with
    // its refill, before the copy was made).
    expect(lean.history.slice(0, 21).every((r) => changeCount(r) > 0)).toBe(true);
    expect(lean.history.slice(21).every((r) => changeCount(r) === 0)).toBe(true);
    expect(explained.history.slice(21).every((r) => changeCount(r) > 0)).toBe(true);
    expect(changeCount(lean.history[20] as GameState['current'])).toBeLessThan(changeCount(explained.history[20] as GameState['current']));
  });

  it('gives a balance run the results the explained games give', () => {
    const seeds = [1, 2, 3];
    for (const policy of ['balancer', 'random']) {
      const p = policyByName(policy);
      if (!p) throw new Error(policy);
      const results = playSeeds(campaign, policy, seeds);
      expect(results.map((r) => [r.score, r.turns, r.reason, r.acted])).toEqual(
        seeds.map((seed) => {
          const { state } = playGame(campaign, seed, p);
          return [state.outcome?.score, state.history.length, state.outcome?.reason, state.history.filter((h) => h.responses.length > 0).length];
        }),
      );
      expect(results.map((r) => r.facts)).toEqual(seeds.map((seed) => gameFacts(campaign, playGame(campaign, seed, p).state)));
    }
  });
});
