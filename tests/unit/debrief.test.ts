/**
 * The debrief's reading of a game, recomputed from its log: history is only what
 * Azerbaijan did and when; the historical line on the same seed; turning points; eras;
 * and the results files, whose numbers count for nothing when read back.
 */
import { describe, expect, it } from 'vitest';
import { type Command, newGame, rulesOf } from '../../src/core/index.ts';
import { upgradeSave } from '../../src/persistence/migrate.ts';
import { makeReplay } from '../../src/persistence/replayFormat.ts';
import { verifySave } from '../../src/persistence/verify.ts';
import { historical, random } from '../../src/policies/policies.ts';
import { playGame } from '../../src/policies/run.ts';
import { analyse } from '../../src/ui/debrief/analysis.ts';
import { csvCell, historyText, resultCsv, resultJson } from '../../src/ui/debrief/results.ts';
import { run, shippedScenario } from '../helpers.ts';

const scenario = shippedScenario('independence-1991');

/** History's answers to every event, and the given actions on their turns. */
function playWith(actions: Record<number, string[]>, seed = '42'): Command[] {
  let s = newGame(scenario, seed);
  const log: Command[] = [];
  const push = (c: Command) => {
    s = run(scenario, s, [c]);
    log.push(c);
  };
  while (!s.outcome) {
    const pending = s.pending[0];
    if (pending) {
      const next = historical.next({ scenario, rng: { c: 1, s0: 0.1, s1: 0.2, s2: 0.3 } }, s);
      push(next.type === 'choose' ? next : { type: 'choose', event: pending, choice: rulesOf(scenario).eventById.get(pending)?.choices[0]?.id ?? '' });
      continue;
    }
    for (const a of actions[s.turn] ?? []) push({ type: 'act', action: a });
    push({ type: 'endTurn' });
  }
  return log;
}

describe('the debrief', () => {
  const log = playWith({ 1: ['invite-western-oil', 'offer-russian-share'] });
  const a = analyse(scenario, '42', 'normal', log, [{ at: log.findIndex((c) => c.type === 'act'), text: 'Money first.' }]);

  it('marks history only where Azerbaijan did it, and when', () => {
    // A contract of the player's own: the share history gave Lukoil came in 1994, in an event.
    const share = a.decisions.find((d) => d.label === 'Offer a Russian company a share');
    expect(share?.history).toEqual({ kind: 'own' });
    expect(historyText(share?.history ?? { kind: 'own' })).toBe('Your own move: Azerbaijan never did this');
    const oil = a.decisions.find((d) => d.label === 'Invite Western oil companies');
    expect(oil?.history).toEqual({ kind: 'elsewhen', when: ['1992-07'] });
    expect(oil?.note).toBe('Money first.');
    const treaty = a.decisions.find((d) => d.title === 'A treaty for Moscow');
    expect(treaty?.history).toEqual({ kind: 'same', when: '1991-10', sameTime: true });
    // The sources record Turkey's recognition, not how warmly Baku answered.
    const recognised = a.decisions.find((d) => d.title === 'Turkey recognises Azerbaijan');
    expect(historyText(recognised?.history ?? { kind: 'own' })).toBe('A what-if: the sources record no such decision');
  });

  it('names what history did that the player did not', () => {
    expect(a.missed.find((m) => m.title === 'Visit Moscow')?.what).toBe('Azerbaijan did this (Jul 1993); you did not.');
  });

  it('sets the historical line of the same seed beside the player', () => {
    const line = playGame(scenario, '42', historical).state;
    expect(a.history.outcome?.score).toBe(line.outcome?.score);
    expect(a.history.turns).toHaveLength(13);
    expect(a.turns).toHaveLength(13);
    expect(a.turns[12]?.score).toBe(a.outcome?.score);
  });

  it('finds the three turns that moved the score most, with their causes', () => {
    expect(a.turningPoints).toHaveLength(3);
    const sizes = a.turningPoints.map((p) => Math.abs(p.delta));
    expect([...sizes].sort((x, y) => y - x)).toEqual(sizes);
    const all = a.turns.map((p, t) => Math.abs(p.score - (t === 0 ? a.startScore : (a.turns[t - 1]?.score ?? 0))));
    expect(sizes[0]).toBe(Math.max(...all));
    for (const p of a.turningPoints) expect(p.causes.length).toBeGreaterThan(0);
  });

  it('sums up the campaign era by era', () => {
    const campaign = shippedScenario('campaign-1991-2012');
    const game = playGame(campaign, 3, random);
    const c = analyse(campaign, '3', 'normal', game.commands);
    expect(c.eras[0]?.era.title).toBe('Independence and war, 1991–94');
    expect(c.eras[0]?.from).toBe('Oct–Dec 1991');
    expect(c.eras[0]?.to).toBe('Jul–Sep 1994');
    if (game.state.outcome?.status === 'completed') expect(c.eras.map((e) => e.from)).toEqual(['Oct–Dec 1991', 'Oct–Dec 1994', 'Oct–Dec 2003', 'Jul–Sep 2008']);
  });
});

describe('results files', () => {
  const log = playWith({ 2: ['visit-ankara'] }, '7');
  const a = analyse(scenario, '7', 'normal', log, [{ at: 0, text: '=HYPERLINK("http://x","click")' }]);
  const save = makeReplay(a.state, log, { student: 'Ayla' }, { journal: [{ at: 0, text: '=HYPERLINK("http://x","click")' }] });

  it('CSV has one row per turn, and a note is never a spreadsheet formula', () => {
    const rows = resultCsv(a).trim().split('\r\n');
    expect(rows).toHaveLength(14);
    expect(rows[1]).toContain('=HYPERLINK');
    expect(rows[1]).not.toMatch(/(^|,)"?[=+@]/);
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('plain, with comma')).toBe('"plain, with comma"');
    expect(csvCell(-4)).toBe('-4');
  });

  it('a result read back is recomputed from its save: an edited score, meter or hash changes nothing', () => {
    const result = resultJson(a, save, { student: 'Ayla', className: '10B' }, '2025-01-01T00:00:00Z');
    const edited = JSON.parse(JSON.stringify(result));
    edited.outcome.score = 99;
    edited.outcome.rating = 'Master of balance';
    edited.turns[12].meters.sovereignty = 100;
    const read = upgradeSave(edited);
    if (!read.ok) throw new Error(read.reason);
    const v = verifySave(scenario, read.replay);
    if (!v.ok) throw new Error(v.message);
    expect(analyse(scenario, read.replay.seed, read.replay.difficulty, read.replay.commands).outcome?.score).toBe(a.outcome?.score);
    // An edited state hash inside the save is caught by the replay.
    edited.save.stateHash = '0000000000000000';
    const again = upgradeSave(edited);
    expect(again.ok && verifySave(scenario, again.replay).ok).toBe(false);
  });
});
