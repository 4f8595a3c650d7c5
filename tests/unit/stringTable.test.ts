import { describe, expect, it } from 'vitest';
import { causeText } from '../../src/core/causes.ts';
import { internString } from '../../src/core/clone.ts';
import { newGame } from '../../src/core/index.ts';
import { goldenScenario } from '../helpers.ts';

// The string table (core/strings.ts) finds a string's place through a number per string
// kept for the whole process and an array per table. These check the places it hands out
// against the table itself, including after the numbering starts afresh (past 200,000
// strings) and for a table read back from JSON that holds a cause as its code.
describe('the string table', () => {
  const scenario = goldenScenario();

  it('gives each string one place, the first, in every table, across a fresh numbering', () => {
    const a = newGame(scenario, 1);
    const words = ['Relations settle toward normal', 'russia.relation', 'A new quarter', 'treasury'];
    const places = words.map((w) => internString(a, w));
    expect(places).toEqual([0, 1, 2, 3]);
    expect(a.strings).toEqual(words);
    // Enough other strings in another game to start the numbering afresh.
    const b = newGame(scenario, 2);
    for (let i = 0; i < 200_050; i++) internString(b, `s${i}`);
    expect(b.strings.length).toBe(200_050);
    expect(internString(b, 's7')).toBe(7);
    expect(internString(b, 's200049')).toBe(200_049);
    // The first table's places survive the fresh numbering, and nothing is added twice.
    expect(words.map((w) => internString(a, w))).toEqual(places);
    expect(internString(a, 'new')).toBe(4);
    expect(a.strings.length).toBe(5);
    // And the big table's, numbered again from the table itself.
    expect(internString(b, 's123456')).toBe(123_456);
    expect(internString(b, 'Relations settle toward normal')).toBe(200_050);
    expect(b.strings.length).toBe(200_051);
  });

  it('finds a cause kept as its code in a table read from JSON by its sentence', () => {
    const s = newGame(scenario, 3);
    s.strings = JSON.parse(JSON.stringify(['treasury', '§tiesPull 45']));
    const at = internString(s, causeText('§tiesPull 45'));
    expect(at).toBe(1);
    expect(s.strings.length).toBe(2);
  });
});
