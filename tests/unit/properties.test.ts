import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  advance,
  apply,
  type Command,
  type GameState,
  legalActions,
  newGame,
  ownedCopy,
  POWER_IDS,
  recordSnapshot,
  replay,
  rulesOf,
  stateHash,
} from '../../src/core/index.ts';
import type { Scenario } from '../../src/scenario/types.ts';
import { deepFreeze, goldenScenario } from '../helpers.ts';

/** The moves open to a player now: the pending event's choices, or actions and end turn. */
function movesOf(scenario: Scenario, s: GameState): Command[] {
  const pending = s.pending[0];
  if (pending) {
    const event = rulesOf(scenario).eventById.get(pending);
    return (event?.choices ?? []).map((c) => ({ type: 'choose', event: pending, choice: c.id }) as Command);
  }
  return [
    { type: 'endTurn' },
    ...legalActions(scenario, s)
      .filter((a) => a.available)
      .map((a) => ({ type: 'act', action: a.id }) as Command),
  ];
}

/** Plays picks as indexes into the open moves (refused choices are simply skipped). */
function playPicks(scenario: Scenario, seed: number, picks: number[], freeze: boolean) {
  let s = newGame(scenario, seed);
  const log: Command[] = [];
  for (const pick of picks) {
    if (s.outcome) break;
    const moves = movesOf(scenario, s);
    const move = moves[pick % moves.length] as Command;
    const r = apply(scenario, freeze ? deepFreeze(s) : s, move);
    if (!r.ok) continue;
    log.push(move);
    s = r.state;
  }
  return { state: s, log };
}

function expectInRange(s: GameState): void {
  for (const v of Object.values(s.meters)) {
    expect(Number.isInteger(v)).toBe(true);
    expect(v).toBeGreaterThanOrEqual(0);
    expect(v).toBeLessThanOrEqual(100);
  }
  for (const p of POWER_IDS) {
    const { relation, influence, stance } = s.powers[p];
    expect(relation).toBeGreaterThanOrEqual(-100);
    expect(relation).toBeLessThanOrEqual(100);
    expect(influence).toBeGreaterThanOrEqual(0);
    expect(influence).toBeLessThanOrEqual(100);
    expect(Number.isInteger(stance)).toBe(true);
  }
  expect(Number.isFinite(s.treasury)).toBe(true);
  expect(Number.isInteger(s.treasury)).toBe(true);
  expect(s.capital).toBeGreaterThanOrEqual(0);
  for (const r of Object.values(s.routes)) expect(Number.isFinite(r.revenue)).toBe(true);
}

describe('random legal play (property tests)', () => {
  const scenario = goldenScenario();
  const picks = fc.array(fc.nat(40), { minLength: 1, maxLength: 120 });
  const seed = fc.integer({ min: 0, max: 1_000_000 });

  it('keeps every meter, relation and resource in range and finite', () => {
    fc.assert(
      fc.property(seed, picks, (sd, ps) => {
        const { state } = playPicks(scenario, sd, ps, false);
        expectInRange(state);
        for (const record of state.history) expect(recordSnapshot(record)?.balance).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 150 },
    );
  });

  it('never changes the state it is given', () => {
    fc.assert(
      fc.property(seed, picks, (sd, ps) => {
        // Every input is deep-frozen: a write to it would throw in strict mode.
        playPicks(scenario, sd, ps, true);
      }),
      { numRuns: 60 },
    );
  });

  it('survives a JSON round trip unchanged and replays to the same hash', () => {
    fc.assert(
      fc.property(seed, picks, (sd, ps) => {
        const { state, log } = playPicks(scenario, sd, ps, false);
        expect(JSON.parse(JSON.stringify(state))).toEqual(state);
        const again = replay(scenario, sd, {}, log);
        expect(again.failed).toBeUndefined();
        expect(stateHash(again.state)).toBe(stateHash(state));
      }),
      { numRuns: 100 },
    );
  });

  it('plays on in place from an ownedCopy of a position others hold: the same hash as copying, the position untouched', () => {
    fc.assert(
      fc.property(seed, picks, picks, (sd, first, rest) => {
        const { state: position } = playPicks(scenario, sd, first, false);
        const before = stateHash(position);
        deepFreeze(position);
        // The copying path from the position, and the in-place path from a copy of it.
        let copied = position;
        const mine = ownedCopy(position);
        for (const pick of rest) {
          if (copied.outcome) break;
          const moves = movesOf(scenario, copied);
          const move = moves[pick % moves.length] as Command;
          const r = apply(scenario, copied, move);
          const inPlace = advance(scenario, mine, move);
          expect(inPlace.ok).toBe(r.ok);
          if (r.ok) copied = r.state;
        }
        expect(stateHash(mine)).toBe(stateHash(copied));
        expect(stateHash(position)).toBe(before);
      }),
      { numRuns: 60 },
    );
  });

  it('malformed commands get an error code, never an exception', () => {
    const s = newGame(scenario, 1);
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything(),
          fc.record({ type: fc.constantFrom('act', 'choose', 'endTurn', 'x'), action: fc.anything(), event: fc.anything(), choice: fc.anything() }),
        ),
        (junk) => {
          const r = apply(scenario, s, junk as Command);
          expect(typeof r.ok).toBe('boolean');
        },
      ),
      { numRuns: 300 },
    );
  });
});
