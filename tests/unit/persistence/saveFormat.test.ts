/**
 * The save format: every version ever shipped still opens (a fixture of each, kept
 * forever), a save made under other rules says which and is not replayed, an illegal log
 * is refused naming its turn, and a newer or foreign file gets a plain message.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Command, replay, scenarioHash, stateHash } from '../../../src/core/index.ts';
import { readReplay } from '../../../src/persistence/replayFile.ts';
import { makeReplay, REPLAY_VERSION, type ReplayFile, withChecksum } from '../../../src/persistence/replayFormat.ts';
import { parseSave } from '../../../src/persistence/saves.ts';
import { verifySave } from '../../../src/persistence/verify.ts';
import { APP_VERSION } from '../../../src/persistence/version.ts';
import { historical, proRussia, random } from '../../../src/policies/policies.ts';
import { playGame } from '../../../src/policies/run.ts';
import { markLoadedFromFile } from '../../../src/scenario/origin.ts';
import type { Scenario } from '../../../src/scenario/types.ts';
import { goldenScenario, ROOT, shippedScenario } from '../../helpers.ts';

/**
 * An old save under today's game: it verifies, or — when the scenario or the core changed
 * since it was made — it is refused in words that name the rules, the turn or the result,
 * never with a crash or a silent wrong game.
 */
function expectOpensOrSaysWhy(scenario: Scenario, save: ReplayFile) {
  const v = verifySave(scenario, save);
  if (v.ok) {
    expect(stateHash(v.state)).toBe(save.stateHash);
    return;
  }
  expect(['scenario/other-rules', 'log/refused', 'hash/mismatch']).toContain(v.problem);
  expect(v.message).toMatch(
    /^This save was made with Caspian Balance \d+\.\d+\.\d+ for “.+” \(rules [0-9a-f]{8}\); this game .+ has other rules|^The rules refuse this game's log at turn \d+ \(.+\), command \d+: .+|^This save's log does not lead to the result it records/,
  );
}

const fixture = (name: string) => readFileSync(join(ROOT, 'tests/fixtures/saves', name), 'utf8');

describe('save format fixtures (one per version, kept forever)', () => {
  const golden = goldenScenario();

  it('saves name the release in package.json', () => {
    expect(APP_VERSION).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
  });

  it('version 1 files (CLI replay and browser autosave) open as version 2 with their log, seed and hash', () => {
    for (const name of ['v1-golden-balancer.json', 'v1-golden-autosave-midgame.json']) {
      const raw = JSON.parse(fixture(name));
      expect(raw.version).toBe(1);
      const read = readReplay(fixture(name), name);
      if (!read.ok) throw new Error(JSON.stringify(read.findings));
      const save = read.replay;
      expect(save.version).toBe(REPLAY_VERSION);
      expect(save.app).toBe('0.1.0');
      expect(save.commands).toEqual(raw.commands);
      expect([save.scenario, save.seed, save.difficulty, save.stateHash, save.scenarioHash]).toEqual([
        raw.scenario,
        raw.seed,
        raw.difficulty,
        raw.stateHash,
        raw.scenarioHash,
      ]);
      expect(save.journal).toEqual([]);
      expect(save.meta).toEqual(raw.meta);
      expectOpensOrSaysWhy(golden, save);
    }
    const mid = readReplay(fixture('v1-golden-autosave-midgame.json'), 'mid');
    expect(mid.ok && [mid.replay.turn, mid.replay.difficulty, mid.replay.commands.length]).toEqual([9, 'hard', 30]);
  });

  it('a version 1 file of a shipped chapter upgrades too (its rules may since have changed)', () => {
    const read = readReplay(fixture('v1-independence-historical.json'), 'v1');
    expect(read.ok && [read.replay.scenario, read.replay.turn, read.replay.meta?.policy]).toEqual(['independence-1991', 13, 'historical']);
  });

  it('version 2 files keep the journal, labels and student, and verify against their rules', () => {
    const parsed = parseSave(fixture('v2-golden-journal.json'));
    if (!parsed.ok) throw new Error(parsed.message);
    const save = parsed.save;
    expect(save.journal).toEqual([
      { at: 0, text: 'Turkey is our bridge west, but Moscow is watching.' },
      { at: 4, text: 'Keep Russia talking: <b>not</b> HTML.' },
    ]);
    expect([save.label, save.gameId, save.meta?.student, save.meta?.class, save.turn]).toEqual(['Slot 1', 'fixture-v2', 'Ayla', '10B', 6]);
    expectOpensOrSaysWhy(golden, save);
  });
});

describe('what a save proves and refuses', () => {
  const scenario = shippedScenario('independence-1991');
  const played = playGame(scenario, 31, historical);
  const save = makeReplay(played.state, played.commands, { student: 'Kamal' }, { scenarioTitle: scenario.title });

  it('a save verifies by replaying its log to the same state', () => {
    const v = verifySave(scenario, save);
    expect(v.ok).toBe(true);
    expect(v.ok && stateHash(v.state)).toBe(stateHash(played.state));
  });

  it('a save made under other rules says which and is not replayed', () => {
    const changed = { ...scenario, events: scenario.events.map((e, i) => (i === 0 ? { ...e, text: `${e.text} (revised)` } : e)) };
    const v = verifySave(changed, save);
    expect(v.ok).toBe(false);
    if (v.ok) return;
    expect(v.problem).toBe('scenario/other-rules');
    expect(v.message).toContain(`made with Caspian Balance ${APP_VERSION} for “Independence” (rules ${save.scenarioHash.slice(0, 8)})`);
    expect(v.message).toContain('not replayed against the wrong rules');
  });

  it('a save made under another version of a scenario loaded from a file asks for that version', () => {
    const edited = markLoadedFromFile({ ...scenario, events: scenario.events.map((e, i) => (i === 0 ? { ...e, text: `${e.text} (revised)` } : e)) });
    const v = verifySave(edited, save);
    expect(!v.ok && v.problem).toBe('scenario/other-rules');
    expect(!v.ok && v.message).toBe(
      `This save was made under another version of the scenario file “Independence” (rules ${save.scenarioHash.slice(0, 8)}) than the one loaded in this browser (rules ${scenarioHash(edited).slice(0, 8)}): the file was changed since. Load the version the save was made with (Load scenario… on the title screen), then open this save again.`,
    );
    // The very file the save was made under opens it.
    expect(verifySave(markLoadedFromFile({ ...scenario }), save).ok).toBe(true);
  });

  it('a save for a scenario the game lacks is named', () => {
    const v = verifySave(null, { ...save, scenario: 'caucasus-2030', scenarioTitle: 'Caucasus 2030' });
    expect(!v.ok && v.message).toBe(
      'This save is for the scenario “Caucasus 2030”, which this game does not have. If it is a scenario you loaded from a file, load that file again (Load scenario… on the title screen), then open this save.',
    );
  });

  it('an illegal log is refused, naming the turn where it fails, even with a correct checksum', () => {
    const commands = [...played.commands];
    // Right after the second End turn (so on turn 3), an action the scenario does not have.
    const at = commands.findIndex((c, i) => c.type === 'endTurn' && commands.slice(0, i).filter((x) => x.type === 'endTurn').length === 1) + 1;
    commands.splice(at, 0, { type: 'act', action: 'no-such-action' });
    const forged = withChecksum({ ...save, commands });
    const v = verifySave(scenario, forged);
    expect(v.ok).toBe(false);
    if (v.ok) return;
    expect(v.problem).toBe('log/refused');
    expect(v.turn).toBe(3);
    expect(v.message).toBe(
      `The rules refuse this game's log at turn 3 (Apr–Jun 1992), command ${at + 1}: There is no action "no-such-action" in scenario independence-1991.`,
    );
  });

  it('an edited hash is caught by the replay; an edited byte anywhere by the checksum', () => {
    const v = verifySave(scenario, withChecksum({ ...save, stateHash: '0123456789abcdef' }));
    expect(!v.ok && v.problem).toBe('hash/mismatch');
    const w = verifySave(scenario, { ...save, journal: [{ at: 0, text: 'edited' }] });
    expect(!w.ok && w.problem).toBe('file/changed');
  });

  it('a finished game records the turn it ended in, which lists show; a game in progress does not', () => {
    // Pro-Russia on seed 1 loses its sovereignty as turn 8 closes: 8 turns played, and a
    // list reading `turn` + 1 said "turn 9". Random on seed 4 falls to a coup chosen in
    // turn 7, with 6 turns played. The historical line completes turn 13 of 13.
    const lostAtEnd = playGame(scenario, 1, proRussia);
    expect(lostAtEnd.state.outcome?.reason).toBe('sovereignty-lost');
    const a = makeReplay(lostAtEnd.state, lostAtEnd.commands);
    expect([a.turn, a.endedIn]).toEqual([8, 8]);
    const lostByChoice = playGame(scenario, 4, random);
    expect(lostByChoice.state.outcome?.reason).toBe('coup');
    const b = makeReplay(lostByChoice.state, lostByChoice.commands);
    expect([b.turn, b.endedIn]).toEqual([6, 7]);
    expect([save.turn, save.endedIn]).toEqual([13, 13]);
    const early = saveMidGame(scenario, played.commands, 5);
    expect([early.turn, early.endedIn]).toEqual([4, undefined]);
    expect(parseSave(JSON.stringify(withChecksum({ ...save, endedIn: 0 })))).toEqual({
      ok: false,
      message: 'endedIn: endedIn is the turn the game ended in, from 1',
    });
  });

  it('a newer format, a foreign JSON file and a result file are told apart', () => {
    expect(parseSave(JSON.stringify({ ...save, version: 9 }))).toEqual({
      ok: false,
      message: 'version: this save was written by a newer release of the game (save format 9); open it there',
    });
    expect(parseSave('{"name":"caspian-balance","version":"0.1.0"}')).toEqual({
      ok: false,
      message: 'format: this is not a Caspian Balance save (it has no "format": "caspian-balance/replay")',
    });
    expect(parseSave('')).toEqual({ ok: false, message: 'the file is empty' });
    const result = parseSave(JSON.stringify({ format: 'caspian-balance/result', version: 1, score: 99, save }));
    expect(result.ok && result.save.stateHash).toBe(save.stateHash);
  });
});

/** The save of the same game after its first `turns` end-turns less one (still in turn `turns`). */
function saveMidGame(scenario: Scenario, commands: readonly Command[], turns: number): ReplayFile {
  const cut = commands.findIndex((_, i) => commands.slice(0, i + 1).filter((c) => c.type === 'endTurn').length === turns);
  const r = replay(scenario, '31', {}, commands.slice(0, cut));
  if (r.failed) throw new Error(r.failed.message);
  return makeReplay(r.state, commands.slice(0, cut));
}
