import { describe, expect, it } from 'vitest';
import { causeText, storedForm } from '../../src/core/causes.ts';
import { changeList } from '../../src/core/history.ts';
import { hashValue, newGame, recordChanges, stateHash } from '../../src/core/index.ts';
import { historical } from '../../src/policies/policies.ts';
import { playGame } from '../../src/policies/run.ts';
import { loadFile } from '../helpers.ts';

// Causes built from numbers ("Ties pull toward 45") are kept in the state's string table as
// short codes (`§tiesPull 45`) and read back as sentences: the state shrinks, the player
// reads the same causes and every hash stays what it was.
describe('causes kept as codes', () => {
  const campaign = loadFile('scenarios/campaign-1991-2012.json');
  const { state } = playGame(campaign, 1, historical);

  it('the string table keeps number-built causes as codes, and the records read them as sentences', () => {
    const codes = state.strings.filter((x) => x.startsWith('§'));
    expect(codes.length).toBeGreaterThan(100);
    const causes = state.history.flatMap((r) => recordChanges(state, r).map((c) => c.cause));
    expect(causes.some((c) => c.startsWith('§'))).toBe(false);
    expect(causes.some((c) => /^Ties pull toward -?\d+$/.test(c))).toBe(true);
    expect(causes.some((c) => /^Idle money above \$\d+m \(two years of income\) lost to inflation and graft$/.test(c))).toBe(true);
  });

  it('every code reads back to one sentence whose code is itself (each key names one builder)', () => {
    for (const entry of state.strings.filter((x) => x.startsWith('§'))) {
      const text = causeText(entry);
      expect(text).not.toBe(entry);
      expect(storedForm(text)).toBe(entry);
    }
  });

  it('the state hash is the hash of the state as it reads: sentences written out, changes listed', () => {
    const readable = {
      ...state,
      strings: state.strings.map(causeText),
      history: state.history.map((r) => ({ ...r, changes: changeList(r) })),
      current: { ...state.current, changes: changeList(state.current) },
    };
    expect(stateHash(state)).toBe(hashValue(readable));
    expect(hashValue(state)).not.toBe(hashValue(readable));
    // A fresh game has nothing stored compactly yet: its hash is the plain one.
    const fresh = newGame(campaign, 1);
    expect(stateHash(fresh)).toBe(hashValue(fresh));
  });

  it('a scenario text that merely looks like a code stays as written', () => {
    expect(causeText('§tiesPull 45')).toBe('Ties pull toward 45');
    expect(causeText('§tiesPull 45: Protest')).toBe('§tiesPull 45: Protest');
    expect(causeText('§nobody 45')).toBe('§nobody 45');
    expect(causeText('§tiesPull 045')).toBe('§tiesPull 045');
    expect(causeText('Ties pull toward 45')).toBe('Ties pull toward 45');
  });
});
