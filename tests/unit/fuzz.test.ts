/**
 * Issue 11: a seeded, bounded mutation fuzz of scenario files and saves, every CI run.
 * Mutated files go through UTF-8 decoding, the loader, a played game and a replay (the
 * same code as `npm run fuzz -- --cases 100000`, which runs it at scale): nothing may
 * throw, every refusal names the file, a JSON path and a reason, no played state holds
 * NaN or Infinity, and every game replays to the state it reached.
 */
import { describe, expect, it } from 'vitest';
import { addStats, emptyStats, runFuzz } from '../../scripts/fuzz.ts';

describe('mutation fuzzing, seeded and bounded', () => {
  it('120 mutated scenarios and saves: no uncaught error, no silent refusal, no NaN, no replay mismatch', () => {
    // In two slices summed, as `--workers` splits a run (each case has its own seed).
    const stats = addStats(addStats(emptyStats(), runFuzz({ cases: 60, seed: 'ci' })), runFuzz({ cases: 60, from: 60, seed: 'ci' }));
    expect({
      uncaught: stats.uncaught,
      rejectedWithoutFinding: stats.rejectedWithoutFinding,
      notFiniteStates: stats.notFiniteStates,
      replayMismatches: stats.replayMismatches,
      changedSavesAccepted: stats.changedSavesAccepted,
      problems: stats.problems,
    }).toEqual({ uncaught: 0, rejectedWithoutFinding: 0, notFiniteStates: 0, replayMismatches: 0, changedSavesAccepted: 0, problems: [] });
    // The run reached every path it checks: refusals of both kinds and played games.
    expect(stats.cases).toBe(120);
    expect(stats.scenariosRejected).toBeGreaterThan(10);
    expect(stats.savesRejected).toBeGreaterThan(10);
    expect(stats.saveCases - stats.savesRejected).toBe(stats.savesAccepted);
    expect(stats.gamesPlayed).toBeGreaterThan(10);
  }, 120_000);
});
