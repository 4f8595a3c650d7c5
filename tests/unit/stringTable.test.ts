import { describe, expect, it } from 'vitest';
import { causeText } from '../../src/core/causes.ts';
import { internString } from '../../src/core/clone.ts';
import { act, choose, endTurn, type GameState, newGame, type Result } from '../../src/core/index.ts';
import { eachChange } from '../../src/core/history.ts';
import { goldenScenario } from '../helpers.ts';

const expectOk = (r: Result): GameState => {
  if (!r.ok) throw new Error(`${r.error}: ${r.message}`);
  return r.state;
};

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

// engine.ts act records an action's cost under 'Spent on: <label>' and its effects under
// its label, and turn.ts the refill under 'A new quarter': Causes that keep their place in
// the last table they were recorded in. A second game's table is another table, so the
// places kept from the first must not be used there.
describe('the causes an action and a new quarter record', () => {
  const scenario = goldenScenario();

  const causesOf = (s: GameState) => {
    const out: string[] = [];
    eachChange(s, s.current, (v, delta, cause) => out.push(`${v} ${delta} ${cause}`));
    return out;
  };

  it('are the same words, in the same places, game after game', () => {
    const answered = (state: GameState) => {
      let s = state;
      while (s.pending.length > 0) {
        const id = s.pending[0] as string;
        const event = scenario.events.find((e) => e.id === id);
        s = expectOk(choose(scenario, s, id, event?.choices[0]?.id ?? ''));
      }
      return s;
    };
    const capital = (s: GameState) => causesOf(s).filter((c) => c.startsWith('capital '));
    const added: string[][] = [];
    for (const seed of [1, 2]) {
      let s = answered(newGame(scenario, seed));
      // The second game meets a string the first did not before the action's causes.
      if (seed === 2) internString(s, 'something else first');
      const before = s.strings.length;
      const changesBefore = causesOf(s).length;
      s = expectOk(act(scenario, s, 'visit-moscow'));
      s = expectOk(act(scenario, s, 'visit-ankara'));
      const changes = causesOf(s).slice(changesBefore);
      expect(changes.filter((c) => c.startsWith('capital '))).toEqual(['capital -1 Spent on: Visit Moscow', 'capital -1 Spent on: Visit Ankara']);
      const effectCauses = changes.filter((c) => !c.startsWith('capital ')).map((c) => c.slice(c.indexOf(' ', c.indexOf(' ') + 1) + 1));
      expect(effectCauses).toEqual([...Array(3).fill('Visit Moscow'), ...Array(3).fill('Visit Ankara')]);
      added.push(s.strings.slice(before).filter((x) => x.includes('Visit')));
      s = expectOk(endTurn(scenario, s));
      expect(capital(s)).toEqual(['capital 3 A new quarter']);
      // Three turns on (the visit's wait), the same causes again, where the first turn put them.
      s = answered(expectOk(endTurn(scenario, answered(s))));
      s = answered(expectOk(endTurn(scenario, s)));
      const length = s.strings.length;
      const at = s.strings.indexOf('Spent on: Visit Moscow');
      s = expectOk(act(scenario, s, 'visit-moscow'));
      expect(capital(s)).toEqual(['capital -1 Spent on: Visit Moscow']);
      expect(s.strings.length).toBe(length);
      expect(s.current.changes.slice(0, 6)).toContain(at);
    }
    // Each action's two causes once in each table, in the order first recorded.
    expect(added).toEqual([
      ['Spent on: Visit Moscow', 'Visit Moscow', 'Spent on: Visit Ankara', 'Visit Ankara'],
      ['Spent on: Visit Moscow', 'Visit Moscow', 'Spent on: Visit Ankara', 'Visit Ankara'],
    ]);
  });
});
