import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { nextFloat, nextInt, pickWeighted, seedRng } from '../../src/core/rng.ts';

describe('the seeded generator', () => {
  it('matches seedrandom alea bit for bit, for many seeds', () => {
    for (const seed of ['1', '42', 'independence-1991:7', 'ü-unicode-√', '']) {
      const reference = seedrandom.alea(seed);
      const ours = seedRng(seed);
      for (let i = 0; i < 1000; i++) expect(nextFloat(ours)).toBe(reference());
    }
  });

  it('keeps its whole state in four plain numbers that resume the same sequence', () => {
    const rng = seedRng('resume');
    for (let i = 0; i < 10; i++) nextFloat(rng);
    const saved = JSON.parse(JSON.stringify(rng));
    const a = [nextFloat(rng), nextFloat(rng), nextFloat(rng)];
    const b = [nextFloat(saved), nextFloat(saved), nextFloat(saved)];
    expect(b).toEqual(a);
    expect(Object.keys(saved).sort()).toEqual(['c', 's0', 's1', 's2']);
  });

  it('gives pinned values for seed "golden"', () => {
    const rng = seedRng('golden');
    expect(nextFloat(rng)).toBe(seedrandom.alea('golden')());
    const again = seedRng('golden');
    expect([nextInt(again, 100), nextInt(again, 100), nextInt(again, 100)]).toEqual([
      Math.floor(seedrandom.alea('golden')() * 100),
      expect.any(Number),
      expect.any(Number),
    ]);
  });

  it('picks by weight and never picks a zero weight', () => {
    const rng = seedRng('weights');
    const counts = [0, 0, 0];
    for (let i = 0; i < 3000; i++) {
      const k = pickWeighted(rng, [1, 0, 2]);
      counts[k] = (counts[k] ?? 0) + 1;
    }
    expect(counts[1]).toBe(0);
    expect(counts[2]! / counts[0]!).toBeGreaterThan(1.7);
    expect(counts[2]! / counts[0]!).toBeLessThan(2.3);
    expect(pickWeighted(rng, [0, 0])).toBe(-1);
  });
});
