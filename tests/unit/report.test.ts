/**
 * The turn report reads what the engine recorded: each power's answer and why, every
 * meter that moved with its causes, the money, and what is coming. The store answers
 * every decision with its changes, opens the report after End turn, and Undo takes back
 * an action exactly.
 */
import { describe, expect, it } from 'vitest';
import { type GameState, newGame, recordSnapshot, stateHash } from '../../src/core/index.ts';
import { createAppStore } from '../../src/store/gameStore.ts';
import { summarizeTurn } from '../../src/ui/report/summary.ts';
import { goldenScenario, run } from '../helpers.ts';

const scenario = goldenScenario();
const FIRST_TURN = [
  { type: 'choose', event: 'turkey-recognises', choice: 'embrace' },
  { type: 'choose', event: 'russia-refuses-treaty', choice: 'keep-courting' },
  { type: 'choose', event: 'us-iran-recognise', choice: 'lean-washington' },
  { type: 'choose', event: 'cis-founded', choice: 'parliament-refuses' },
  { type: 'act', action: 'visit-ankara' },
  { type: 'endTurn' },
] as const;

describe('the turn report', () => {
  const state = run(scenario, newGame(scenario, 3), [...FIRST_TURN]);
  const summary = summarizeTurn(scenario, state, 0);

  it('names the quarter, the events with the answers given, and your actions', () => {
    expect(summary?.label).toBe('Oct–Dec 1991');
    expect(summary?.events.map((e) => [e.id, e.choice])).toEqual([
      ['turkey-recognises', 'Embrace Ankara as our bridge to the West'],
      ['russia-refuses-treaty', 'Keep courting Moscow'],
      ['us-iran-recognise', 'Lean toward Washington'],
      ['cis-founded', "Let parliament's refusal stand"],
    ]);
    expect(summary?.actions).toEqual(['Visit Ankara']);
  });

  it('gives every power a line, and every moved meter its value before and after, summed by cause', () => {
    expect(summary?.powers.map((p) => p.power)).toEqual(['russia', 'turkey', 'iran', 'west']);
    const first = state.history[0] ? recordSnapshot(state.history[0]) : null;
    for (const p of summary?.powers ?? []) {
      expect(p.relation.to).toBe(first?.relation[p.power]);
      expect(p.relation.from).toBe(scenario.powers[p.power].relation);
      const sum = p.relation.causes.reduce((t, c) => t + c.delta, 0);
      expect(sum).toBe(p.relation.delta);
    }
    const sovereignty = summary?.meters.find((m) => m.var === 'sovereignty');
    expect(sovereignty?.from).toBe(38);
    expect(sovereignty?.to).toBe(first?.meters.sovereignty);
    expect(sovereignty?.causes).toContainEqual({ cause: 'Turkey recognises Azerbaijan: Embrace Ankara as our bridge to the West', delta: 2 });
  });

  it('tells what is coming only for the turn just ended', () => {
    const later = run(scenario, state, [
      ...state.pending.map((id) => ({ type: 'choose' as const, event: id, choice: scenario.events.find((e) => e.id === id)?.choices[0]?.id ?? '' })),
      { type: 'endTurn' as const },
    ]);
    expect(summarizeTurn(scenario, later, 0)?.coming).toEqual([]);
    const coming = summarizeTurn(scenario, later, 1)?.coming ?? [];
    expect(coming.length).toBeGreaterThan(0);
    expect(coming.every((c) => /chance|in force|expected|due/.test(c))).toBe(true);
  });
});

describe('the store answers every decision', () => {
  const start = () => {
    const store = createAppStore(null);
    store.getState().start(scenario, '3', 'normal');
    store.getState().setGuideStep(null);
    for (const c of FIRST_TURN.slice(0, 4)) if (c.type === 'choose') store.getState().choose(c.event, c.choice);
    return store;
  };

  it('shows what a choice changed, then opens the report after End turn', () => {
    const store = createAppStore(null);
    store.getState().start(scenario, '3', 'normal');
    store.getState().choose('turkey-recognises', 'embrace');
    expect(store.getState().lastDecision?.changes).toEqual([
      { var: 'turkey.relation', delta: 8, cause: 'Turkey recognises Azerbaijan: Embrace Ankara as our bridge to the West' },
      { var: 'turkey.influence', delta: 2, cause: 'Turkey recognises Azerbaijan: Embrace Ankara as our bridge to the West' },
      { var: 'russia.relation', delta: -2, cause: 'Turkey recognises Azerbaijan: Embrace Ankara as our bridge to the West' },
      { var: 'sovereignty', delta: 2, cause: 'Turkey recognises Azerbaijan: Embrace Ankara as our bridge to the West' },
    ]);
    expect(store.getState().report).toBeNull();
  });

  it('undo restores the exact state and command log of before the action', () => {
    const store = start();
    const before = store.getState().game;
    const commands = store.getState().commands;
    expect(store.getState().undoStack).toEqual([]);
    expect(store.getState().act('visit-ankara')).toBe(true);
    expect(store.getState().act('turkish-training')).toBe(true);
    expect(store.getState().undo()).toBe(true);
    expect(store.getState().commands.at(-1)).toEqual({ type: 'act', action: 'visit-ankara' });
    expect(store.getState().undo()).toBe(true);
    expect(stateHash(store.getState().game as GameState)).toBe(stateHash(before as GameState));
    expect(store.getState().commands).toEqual(commands);
    expect(store.getState().undo()).toBe(false);
  });

  it('cannot undo across End turn, and the report of the ended turn opens', () => {
    const store = start();
    store.getState().act('visit-ankara');
    store.getState().endTurn();
    expect(store.getState().undo()).toBe(false);
    expect(store.getState().report).toEqual({ turn: 0, fresh: true });
    store.getState().closeReport();
    expect(store.getState().report).toBeNull();
  });
});
