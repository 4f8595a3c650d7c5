/** A game rebuilt step by step for the replay viewer: the same states the game reached, and what each step did. */
import { describe, expect, it } from 'vitest';
import { stateHash } from '../../src/core/index.ts';
import { balancer } from '../../src/policies/policies.ts';
import { playGame } from '../../src/policies/run.ts';
import { buildSteps, stepOfTurn } from '../../src/ui/replay/steps.ts';
import { shippedScenario } from '../helpers.ts';

describe('replay steps', () => {
  const scenario = shippedScenario('independence-1991');
  const game = playGame(scenario, 19, balancer);
  const firstAct = game.commands.findIndex((c) => c.type === 'act');
  const steps = buildSteps(scenario, '19', 'normal', game.commands, [{ at: firstAct, text: 'Test the water.' }]);

  it('has one step per command after the start, ending in the game’s own final state', () => {
    expect(steps).toHaveLength(game.commands.length + 1);
    expect(stateHash((steps.at(-1) as (typeof steps)[number]).state)).toBe(stateHash(game.state));
    expect(steps[0]?.what).toBe('The game begins');
  });

  it('says what each step did, with its changes, the powers’ answers and the note', () => {
    const act = steps[firstAct + 1];
    expect(act?.what).toMatch(/^You took: /);
    expect(act?.note).toBe('Test the water.');
    expect(act?.changes.length).toBeGreaterThan(0);
    const ends = steps.filter((s) => s.command?.type === 'endTurn');
    expect(ends).toHaveLength(13);
    expect(ends[0]?.what).toBe('End of turn 1');
    expect(ends.some((s) => s.responses.length > 0)).toBe(true);
    const answer = steps.find((s) => s.command?.type === 'choose');
    expect(answer?.what).toMatch(/^You answered “.+”: .+/);
  });

  it('jumps to the first step of a turn', () => {
    const i = stepOfTurn(steps, 4);
    expect(steps[i]?.state.turn).toBe(4);
    expect(steps[i]?.command?.type).toBe('endTurn');
    expect(steps[i - 1]?.state.turn).toBe(3);
    expect(stepOfTurn(steps, 0)).toBe(0);
  });
});
