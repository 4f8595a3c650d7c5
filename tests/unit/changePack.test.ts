import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packChanges, packedCount, unpackChanges } from '../../src/core/changePack.ts';
import { changeCount, changeList } from '../../src/core/history.ts';
import { recordChanges } from '../../src/core/index.ts';
import { historical } from '../../src/policies/policies.ts';
import { playGame } from '../../src/policies/run.ts';
import { loadFile } from '../helpers.ts';

const change = fc.tuple(fc.nat({ max: 2 ** 40 }), fc.integer({ min: -(2 ** 40), max: 2 ** 40 }), fc.nat({ max: 2 ** 40 }));

describe('a closed turn keeps its changes packed', () => {
  it('packing gives back every change list exactly, in JSON-safe characters', () => {
    fc.assert(
      fc.property(fc.array(change, { maxLength: 200 }), (changes) => {
        const list = changes.flat();
        const text = packChanges(list);
        expect(unpackChanges(text)).toEqual(list);
        expect(packedCount(text)).toBe(list.length);
        expect(JSON.stringify(text)).toBe(`"${text}"`);
      }),
      { numRuns: 300 },
    );
  });

  it('small numbers take one character, and the usual change four or fewer', () => {
    expect(packChanges([0, 0, 0])).toHaveLength(3);
    expect(packChanges([45, 22, 45])).toHaveLength(3);
    expect(packChanges([46, -24, 2115])).toHaveLength(6);
    expect(unpackChanges(packChanges([3, -75, 252, 29, 60, 30]))).toEqual([3, -75, 252, 29, 60, 30]);
  });

  it('the campaign keeps its closed turns as text, reads them as before, and ends under 60 KB', () => {
    const campaign = loadFile('scenarios/campaign-1991-2012.json');
    const { state } = playGame(campaign, 1, historical);
    expect(state.history).toHaveLength(85);
    for (const record of state.history) {
      expect(typeof record.changes).toBe('string');
      expect(changeCount(record) * 3).toBe(changeList(record).length);
    }
    const all = state.history.flatMap((r) => recordChanges(state, r));
    expect(all.length).toBeGreaterThan(2000);
    expect(all.every((c) => typeof c.var === 'string' && c.var.length > 0 && Number.isInteger(c.delta) && c.delta !== 0 && c.cause.length > 0)).toBe(true);
    // Issue 12's budget for the campaign's end state (70.4 KB before causes were coded and changes packed).
    expect(JSON.stringify(state).length).toBeLessThan(60_000);
  });
});
