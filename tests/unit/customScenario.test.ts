/**
 * "Load scenario" without a browser: the checker a player's file goes through (the CLI's
 * loader and lint), the list kept in the browser's storage (which anyone can edit, so it
 * is read defensively), and the development reload that replays the game in play under
 * a changed scenario file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { replay, stateHash } from '../../src/core/index.ts';
import { isLoadedFromFile } from '../../src/scenario/origin.ts';
import type { Scenario } from '../../src/scenario/types.ts';
import { createAppStore } from '../../src/store/gameStore.ts';
import { checkScenarioText } from '../../src/ui/customScenario/checker.ts';
import { applyScenarioUpdate } from '../../src/ui/customScenario/devReload.ts';
import { forgetScenario, type KeptScenario, keepScenario, keptScenarios } from '../../src/ui/customScenario/kept.ts';
import { ROOT } from '../helpers.ts';

const TEXT = readFileSync(join(ROOT, 'docs/examples/gas-card-2009.json'), 'utf8');
const SHIPPED = ['independence-1991', 'balanced-1994'];

describe('the checker of a loaded file', () => {
  it('accepts the tutorial, marks it as loaded from a file, and has nothing to say about it', () => {
    const r = checkScenarioText(TEXT, 'gas-card-2009.json', SHIPPED);
    expect(r.scenario?.id).toBe('gas-card-2009');
    expect(r.scenario && isLoadedFromFile(r.scenario)).toBe(true);
    expect(r.findings).toEqual([]);
  });

  it('refuses the id of a shipped scenario, naming the path', () => {
    const data = JSON.parse(TEXT);
    data.id = 'independence-1991';
    const r = checkScenarioText(JSON.stringify(data), 'mine.json', SHIPPED);
    expect(r.scenario).toBeNull();
    expect(r.findings).toEqual([
      {
        severity: 'error',
        file: 'mine.json',
        path: 'id',
        message: '"independence-1991" is the id of a scenario that comes with the game; give yours another id',
      },
    ]);
  });

  it('names the file, the path and the line of a problem, and adds lint’s warnings to a valid file', () => {
    const broken = JSON.parse(TEXT);
    broken.calendar.turns = 'five';
    const r = checkScenarioText(JSON.stringify(broken, null, 2), 'broken.json', SHIPPED);
    expect(r.scenario).toBeNull();
    expect(r.findings.map((f) => [f.severity, f.file, f.path])).toEqual([['error', 'broken.json', 'calendar.turns']]);
    expect(r.findings[0]?.line).toBeGreaterThan(1);

    const unread = JSON.parse(TEXT);
    unread.initial.flags = { 'never-read': true };
    const w = checkScenarioText(JSON.stringify(unread), 'w.json', SHIPPED);
    expect(w.scenario?.id).toBe('gas-card-2009');
    expect(w.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(w.findings.some((f) => f.severity === 'warning' && f.message.includes('never-read'))).toBe(true);
  });

  it('reports text that is not JSON as one finding, without throwing', () => {
    const r = checkScenarioText('{ "id": oops', 'nonsense.json', SHIPPED);
    expect(r.scenario).toBeNull();
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]?.message).toContain('not valid JSON');
  });
});

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
  };
}

const entry = (id: string, text = TEXT): KeptScenario => ({ id, title: 'The Gas Card', period: '2009–2010', summary: 's', turns: 5, file: `${id}.json`, text });

describe('the scenarios kept in the browser', () => {
  it('keeps, replaces by id and forgets', () => {
    const store = memoryStorage();
    expect(keptScenarios(store)).toEqual([]);
    expect(keepScenario(entry('a'), store)).toBe(true);
    expect(keepScenario(entry('b'), store)).toBe(true);
    expect(keepScenario(entry('a', 'new text'), store)).toBe(true);
    expect(keptScenarios(store).map((k) => [k.id, k.text])).toEqual([
      ['b', TEXT],
      ['a', 'new text'],
    ]);
    forgetScenario('b', store);
    expect(keptScenarios(store).map((k) => k.id)).toEqual(['a']);
  });

  it('skips what storage holds that is not a kept scenario, and says when storage refuses', () => {
    const KEY = 'caspian.customScenarios.v1';
    expect(keptScenarios(memoryStorage({ [KEY]: '{not json' }))).toEqual([]);
    expect(keptScenarios(memoryStorage({ [KEY]: '{"id":"x"}' }))).toEqual([]);
    const mixed = memoryStorage({ [KEY]: JSON.stringify([null, 3, { id: 'x', text: 1 }, entry('ok')]) });
    expect(keptScenarios(mixed).map((k) => k.id)).toEqual(['ok']);
    const full = {
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(keepScenario(entry('a'), full)).toBe(false);
    expect(keepScenario(entry('a'), null)).toBe(false);
  });
});

describe('reloading a scenario file in development', () => {
  const scenario = checkScenarioText(TEXT, 'gas-card-2009.json', SHIPPED).scenario as Scenario;

  /** A game of the tutorial: every event's first open choice, the gas warning on turn 1 and the sale to Gazprom on turn 2. */
  function played() {
    const store = createAppStore(null);
    store.getState().start(scenario, '7', 'normal');
    for (let turn = 0; turn < 2; turn++) {
      for (let guard = 0; guard < 10 && (store.getState().game?.pending.length ?? 0) > 0; guard++) {
        const id = store.getState().game?.pending[0] ?? '';
        const event = scenario.events.find((e) => e.id === id);
        for (const c of event?.choices ?? []) if (store.getState().choose(id, c.id)) break;
      }
      expect(store.getState().act(turn === 0 ? 'gas-price-warning' : 'sell-gas-to-gazprom')).toBe(true);
      expect(store.getState().endTurn()).toBe(true);
    }
    return store;
  }

  it('replays every move under the changed rules', () => {
    const store = played();
    const moves = store.getState().commands.length;
    const changed: Scenario = {
      ...scenario,
      actions: scenario.actions.map((a) => (a.id === 'gas-price-warning' ? { ...a, cost: { capital: 1, treasury: 50 } } : a)),
    };
    expect(applyScenarioUpdate(store, { id: 'gas-card-2009', scenario: changed })).toBe(
      `scenarios/gas-card-2009.json reloaded: your ${moves} moves replayed under the new rules`,
    );
    const { game, commands } = store.getState();
    expect(store.getState().scenario).toBe(changed);
    expect(commands).toHaveLength(moves);
    expect(game && stateHash(game)).toBe(stateHash(replay(changed, '7', { difficulty: 'normal' }, commands).state));
  });

  it('keeps the moves up to the first one the new file refuses, and says which', () => {
    const store = played();
    const commands = store.getState().commands;
    const firstWarning = commands.findIndex((c) => c.type === 'act');
    const changed: Scenario = { ...scenario, actions: scenario.actions.filter((a) => a.id !== 'gas-price-warning') };
    const said = applyScenarioUpdate(store, { id: 'gas-card-2009', scenario: changed });
    expect(said).toMatch(
      new RegExp(
        `^scenarios/gas-card-2009\\.json reloaded: ${firstWarning} of ${commands.length} moves replayed \\(move ${firstWarning + 1} is no longer allowed: .+\\)$`,
      ),
    );
    expect(store.getState().commands).toEqual(commands.slice(0, firstWarning));
    expect(store.getState().game?.turn).toBe(0);
    expect(store.getState().undoStack).toEqual([]);
    expect(store.getState().report).toBeNull();
  });

  it('changes nothing for a file that fails the check, or for another scenario', () => {
    const store = played();
    const before = store.getState().game;
    expect(applyScenarioUpdate(store, { id: 'gas-card-2009', problem: 'calendar.turns: expected a number' })).toBe(
      'scenarios/gas-card-2009.json changed but does not pass the check, so the game goes on with the old rules: calendar.turns: expected a number',
    );
    expect(applyScenarioUpdate(store, { id: 'independence-1991', scenario })).toBeNull();
    expect(store.getState().game).toBe(before);
  });
});
