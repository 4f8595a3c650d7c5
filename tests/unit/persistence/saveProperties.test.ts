/**
 * Saves never lose a game: any reachable state saved and loaded gives the identical state
 * hash; a game saved at any point and continued ends where playing on would; every byte
 * flip and every truncation of a real save is detected, and the earlier save still loads.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apply, type Command, type GameState, legalActions, newGame, rulesOf, stateHash } from '../../../src/core/index.ts';
import { makeReplay } from '../../../src/persistence/replayFormat.ts';
import { autosaveKey, MemoryStore, parseSave, readSaveAt, slotKey, writeSaveAt } from '../../../src/persistence/saves.ts';
import { verifySave } from '../../../src/persistence/verify.ts';
import { balancer, random } from '../../../src/policies/policies.ts';
import { playGame } from '../../../src/policies/run.ts';
import type { Scenario } from '../../../src/scenario/types.ts';
import { goldenScenario, shippedScenario } from '../../helpers.ts';

function movesOf(scenario: Scenario, s: GameState): Command[] {
  const pending = s.pending[0];
  if (pending) return (rulesOf(scenario).eventById.get(pending)?.choices ?? []).map((c) => ({ type: 'choose', event: pending, choice: c.id }) as Command);
  return [{ type: 'endTurn' }, ...legalActions(scenario, s).flatMap((a) => (a.available ? [{ type: 'act', action: a.id } as Command] : []))];
}

function playPicks(scenario: Scenario, seed: number, picks: number[]) {
  let s = newGame(scenario, seed, { difficulty: (['easy', 'normal', 'hard'] as const)[seed % 3] });
  const log: Command[] = [];
  for (const pick of picks) {
    if (s.outcome) break;
    const moves = movesOf(scenario, s);
    const move = moves[pick % moves.length] as Command;
    const r = apply(scenario, s, move);
    if (!r.ok) continue;
    log.push(move);
    s = r.state;
  }
  return { state: s, log };
}

/** Through text, as storage and files carry it. */
const roundTrip = (scenario: Scenario, state: GameState, log: Command[]) => {
  const parsed = parseSave(JSON.stringify(makeReplay(state, log, undefined, { journal: log.length ? [{ at: 0, text: 'why ✓' }] : [] })));
  if (!parsed.ok) throw new Error(parsed.message);
  return verifySave(scenario, parsed.save);
};

describe('save and load (property tests)', () => {
  const golden = goldenScenario();

  it('any reachable state saved and loaded gives the identical state and hash', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.array(fc.nat(40), { maxLength: 160 }), (seed, picks) => {
        const { state, log } = playPicks(golden, seed, picks);
        const v = roundTrip(golden, state, log);
        if (!v.ok) throw new Error(v.message);
        expect(stateHash(v.state)).toBe(stateHash(state));
        expect(v.state).toEqual(state);
      }),
      { numRuns: 120 },
    );
  });

  it('a game saved at any command and continued ends with the same hash as playing on', () => {
    const scenario = shippedScenario('independence-1991');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), fc.double({ min: 0, max: 1, noNaN: true }), (seed, where) => {
        const full = playGame(scenario, seed, seed % 2 ? balancer : random);
        const cut = Math.floor(where * full.commands.length);
        const prefix = full.commands.slice(0, cut);
        let s = newGame(scenario, seed);
        for (const c of prefix) s = (apply(scenario, s, c) as { state: GameState }).state;
        const loaded = roundTrip(scenario, s, prefix);
        if (!loaded.ok) throw new Error(loaded.message);
        let continued = loaded.state;
        for (const c of full.commands.slice(cut)) {
          const r = apply(scenario, continued, c);
          if (!r.ok) throw new Error(r.message);
          continued = r.state;
        }
        expect(stateHash(continued)).toBe(stateHash(full.state));
      }),
      { numRuns: 25 },
    );
  });
});

describe('corrupt saves', () => {
  const scenario = shippedScenario('independence-1991');
  const game = playGame(scenario, 5, balancer);
  const save = makeReplay(
    game.state,
    game.commands,
    { student: 'Leyla' },
    { journal: [{ at: 0, text: 'Ankara first — then Moscow.' }], savedAt: '2025-01-01T10:00:00.000Z', gameId: 'g1' },
  );
  const text = JSON.stringify(save);
  const bytes = new TextEncoder().encode(text);
  const decode = (b: Uint8Array) => new TextDecoder().decode(b);
  /** A file passes only if it reads, and verifies against the scenario. */
  const accepted = (t: string) => {
    const p = parseSave(t);
    return p.ok && verifySave(scenario, p.save).ok;
  };

  it('the real save itself is accepted', () => {
    expect(accepted(text)).toBe(true);
  });

  it('every single-byte flip anywhere in a real save is detected', () => {
    let seed = 12345;
    const undetected: number[] = [];
    for (let i = 0; i < bytes.length; i++) {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      const flipped = bytes.slice();
      flipped[i] = (flipped[i] as number) ^ (1 + (seed % 255));
      if (accepted(decode(flipped))) undetected.push(i);
    }
    expect(bytes.length).toBeGreaterThan(2000);
    expect(undetected).toEqual([]);
  });

  it('every truncation of a real save is detected', () => {
    const undetected: number[] = [];
    for (let n = 0; n < bytes.length; n++) if (accepted(decode(bytes.slice(0, n)))) undetected.push(n);
    expect(undetected).toEqual([]);
  });

  it('random multi-byte damage is detected (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(bytes.length - 1), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 8 }), (flips) => {
        const damaged = bytes.slice();
        for (const [i, x] of flips) damaged[i] = (damaged[i] as number) ^ x;
        if (damaged.every((b, i) => b === bytes[i])) return; // flips that cancel out leave the file intact
        expect(accepted(decode(damaged))).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('a damaged save never harms the earlier save: the slot still loads, and a damaged autosave falls back to its previous version', () => {
    const storage = new MemoryStore();
    const earlier = makeReplay(newGame(scenario, 5), [], undefined, { gameId: 'g1' });
    expect(writeSaveAt(storage, slotKey(1), save).ok).toBe(true);
    expect(writeSaveAt(storage, autosaveKey('g1'), earlier).ok).toBe(true);
    expect(writeSaveAt(storage, autosaveKey('g1'), save).ok).toBe(true);
    // The autosave is damaged on disk (a crash mid-write, a meddling extension).
    storage.setItem(autosaveKey('g1'), text.slice(0, 900));
    const auto = readSaveAt(storage, autosaveKey('g1'));
    expect(auto.ok && auto.fromBackup && auto.save.stateHash).toBe(earlier.stateHash);
    const slot = readSaveAt(storage, slotKey(1));
    expect(slot.ok && slot.save.stateHash).toBe(save.stateHash);
    // Writing a bad save is refused and leaves the good one in place.
    const bad = writeSaveAt(storage, slotKey(1), { ...save, seed: '' });
    expect(bad).toEqual({ ok: false, reason: 'invalid', message: 'seed: seed must be text of 1 to 100 characters' });
    expect(readSaveAt(storage, slotKey(1)).ok).toBe(true);
  });

  it('a full storage is reported, not thrown, and keeps what it had', () => {
    const storage = new MemoryStore(text.length + 100);
    expect(writeSaveAt(storage, slotKey(1), save).ok).toBe(true);
    const r = writeSaveAt(storage, slotKey(2), save);
    expect(r).toEqual({ ok: false, reason: 'quota', message: 'the browser’s storage for this site is full' });
    const slot = readSaveAt(storage, slotKey(1));
    expect(slot.ok && slot.save.checksum).toBe(save.checksum);
  });

  it('a storage that refuses every call is reported as unavailable', () => {
    const refusing = {
      length: 0,
      key: () => null,
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('SecurityError');
      },
      removeItem: () => {},
    };
    expect(writeSaveAt(refusing, slotKey(1), save)).toEqual({
      ok: false,
      reason: 'unavailable',
      message: 'the browser does not let this page use its storage',
    });
    expect(readSaveAt(refusing, slotKey(1))).toEqual({ ok: false, reason: 'unreadable', message: 'the browser does not allow this page to read its storage' });
  });
});
