/**
 * The autosave is written after the move's frame (when the browser is idle), never lost:
 * a pending save is written when the scheduled moment comes, before anything reads the
 * saves, before another game starts, when the game screen closes, and on flush (the page
 * being hidden or left).
 */
import { describe, expect, it } from 'vitest';
import { stateHash } from '../../../src/core/index.ts';
import { autosaveKey, latestAutosave, type SaveStore } from '../../../src/persistence/saves.ts';
import { createAppStore } from '../../../src/store/gameStore.ts';
import { createSaving } from '../../../src/store/saving.ts';
import { goldenScenario } from '../../helpers.ts';

function memoryStorage(): SaveStore & { data: Map<string, string>; writes: number } {
  const data = new Map<string, string>();
  return {
    data,
    writes: 0,
    getItem: (k) => data.get(k) ?? null,
    setItem(k, v) {
      this.writes++;
      data.set(k, v);
    },
    removeItem: (k) => void data.delete(k),
    key: (i) => [...data.keys()][i] ?? null,
    get length() {
      return data.size;
    },
  };
}

function setUp() {
  const app = createAppStore(null);
  const storage = memoryStorage();
  const queued: (() => void)[] = [];
  let ids = 0;
  const saving = createSaving(app, storage, { now: () => '2026-12-02T05:00:00.000Z', newId: () => `game${++ids}`, later: (run) => queued.push(run) });
  const runQueued = () => {
    for (const run of queued.splice(0)) run();
  };
  const scenario = goldenScenario();
  saving.beginNew('Ada');
  app.getState().start(scenario, '7', 'normal');
  /** Answers the pending events with their first choice, then ends the turn. */
  const playTurn = () => {
    const st = () => app.getState();
    for (let guard = 0; (st().game?.pending.length ?? 0) > 0 && guard < 20; guard++) {
      const id = st().game?.pending[0] ?? '';
      const event = scenario.events.find((e) => e.id === id);
      st().choose(id, event?.choices[0]?.id ?? '');
    }
    expect(st().endTurn()).toBe(true);
  };
  const saved = (gameId = 'game1') => {
    const text = storage.data.get(autosaveKey(gameId));
    return text ? (JSON.parse(text) as { stateHash: string; turn: number }) : null;
  };
  return { app, storage, saving, queued, runQueued, playTurn, saved };
}

describe('the deferred autosave', () => {
  it('is not written inside the move, and is written when the scheduled moment comes', () => {
    const t = setUp();
    t.playTurn();
    expect(t.saved()).toBeNull();
    expect(t.queued).toHaveLength(1);
    t.runQueued();
    const game = t.app.getState().game;
    expect(t.saved()?.stateHash).toBe(game ? stateHash(game) : '');
    expect(t.saved()?.turn).toBe(1);
    expect(t.saving.state.getState().status).toEqual({ kind: 'ok', savedAt: '2026-12-02T05:00:00.000Z' });
  });

  it('makes one write of the latest game for several moves before the browser is idle', () => {
    const t = setUp();
    t.playTurn();
    t.playTurn();
    expect(t.queued).toHaveLength(1);
    t.runQueued();
    expect(t.saved()?.turn).toBe(2);
    expect(t.storage.writes).toBe(1);
  });

  it('is written on flush (the page hidden or left) and not again when the scheduled moment comes', () => {
    const t = setUp();
    t.playTurn();
    t.saving.flush();
    expect(t.saved()?.turn).toBe(1);
    const writes = t.storage.writes;
    t.runQueued();
    expect(t.storage.writes).toBe(writes);
  });

  it('is written before anything reads the saves, so Continue finds the latest move', () => {
    const t = setUp();
    t.playTurn();
    const latest = t.saving.storage ? latestAutosave(t.saving.storage) : null;
    expect(latest?.save.turn).toBe(1);
    expect(latest?.key).toBe(autosaveKey('game1'));
  });

  it('is written under its own game before a new game starts, and when the game screen closes', () => {
    const t = setUp();
    t.playTurn();
    t.saving.beginNew();
    expect(t.saved('game1')?.turn).toBe(1);
    t.app.getState().start(goldenScenario(), '8', 'normal');
    t.playTurn();
    t.app.getState().toTitle();
    expect(t.saved('game2')?.turn).toBe(1);
  });
});
