import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.ts';
import { withChecksum } from '../../src/persistence/replayFormat.ts';
import type { Io } from '../../src/cli/output.ts';
import { scenarioJsonSchema } from '../../src/scenario/jsonSchema.ts';
import { ROOT } from '../helpers.ts';

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (t) => out.push(t), err: (t) => err.push(t), isTTY: false };
  const code = await run(argv, io);
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

const tmp = mkdtempSync(join(tmpdir(), 'caspian-cli-'));
const write = (name: string, text: string) => {
  const path = join(tmp, name);
  writeFileSync(path, text);
  return path;
};
const fixture = readFileSync(join(ROOT, 'tests/fixtures/golden-scenario.json'), 'utf8');

describe('caspian CLI', () => {
  it('play --json prints one object with the documented fields', async () => {
    const r = await cli('play', '--scenario', 'independence-1991', '--seed', '7', '--policy', 'historical', '--json');
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(Object.keys(result)).toEqual(
      expect.arrayContaining(['scenario', 'seed', 'policy', 'turnsPlayed', 'outcome', 'score', 'rating', 'stateHash', 'meters', 'relations']),
    );
    expect(result).toMatchObject({ scenario: 'independence-1991', seed: '7', policy: 'historical' });
    expect(['completed', 'lost']).toContain(result.outcome.status);
    expect(result.stateHash).toMatch(/^[0-9a-f]{16}$/);
    expect(Object.keys(result.meters)).toEqual(['sovereignty', 'stability', 'economy', 'security', 'karabakh']);
    expect(Object.keys(result.relations)).toEqual(['russia', 'turkey', 'iran', 'west']);
  });

  it('play gives the same hash for the same seed and different hashes for different seeds', async () => {
    const hash = async (seed: string) =>
      JSON.parse((await cli('play', '--scenario', 'independence-1991', '--seed', seed, '--policy', 'random', '--json')).stdout).stateHash;
    const [a, b, c] = [await hash('11'), await hash('11'), await hash('12')];
    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });

  it('play accepts a scenario file path and every shipped policy', async () => {
    const path = write('fixture.json', fixture);
    for (const policy of ['historical', 'balancer', 'pro-russia', 'pro-west', 'random', 'spam:visit-moscow']) {
      const r = await cli('play', '--scenario', path, '--seed', '3', '--policy', policy, '--json');
      expect(r.code, `${policy}: ${r.stderr}`).toBe(0);
      expect(JSON.parse(r.stdout).policy).toBe(policy);
    }
  });

  it('usage mistakes exit 2 with a message and no stack trace', async () => {
    for (const argv of [
      [],
      ['frobnicate'],
      ['play', '--scenario', 'independence-1991', '--policy', 'historical'],
      ['play', '--scenario', 'independence-1991', '--seed', '1', '--policy', 'nonsense'],
      ['play', '--scenario', 'no-such-scenario', '--seed', '1'],
      ['play', '--bogus'],
      ['validate'],
      ['validate', join(tmp, 'missing.json')],
      ['balance', '--scenario', 'independence-1991', '--runs', 'many'],
    ]) {
      const r = await cli(...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr).not.toMatch(/\bat .*\(.*:\d+:\d+\)/);
    }
    expect((await cli('validate', join(tmp, 'missing.json'))).stderr).toContain('no such file');
  });

  it('validate exits 0 for shipped scenarios and 1 with findings for a broken file', async () => {
    expect((await cli('validate', 'independence-1991')).code).toBe(0);
    const broken = write('broken.json', fixture.replace('"monthsPerTurn": 3', '"monthsPerTurn": "three"'));
    const r = await cli('validate', broken);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`${broken}:9: error at calendar.monthsPerTurn: expected a number, found the text "three"\n${broken}: invalid (1 error)`);
  });

  it.each([
    ['malformed JSON', '{ "id": ', 'the file is not valid JSON'],
    ['a hostile key', fixture.replace('"leader":', '"__proto__": {}, "leader":'), 'at initial.__proto__: the key "__proto__" is not allowed'],
    ['an over-deep file', `${'['.repeat(100)}${']'.repeat(100)}`, 'nested more than 64 levels deep'],
    [
      'a wrong type deep in the tree',
      fixture.replace('"delta": -6 }, { "op": "add", "var": "security"', '"delta": [] }, { "op": "add", "var": "security"'),
      'at powers.russia.responses[0].effects[0].delta',
    ],
  ])('validate reports %s with exit 1, naming the file', async (_, text, expected) => {
    const path = write('bad.json', text);
    const r = await cli('validate', path);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(path);
    expect(r.stderr).toContain(expected);
  });

  it('validate refuses an oversized file without reading it', async () => {
    const path = join(tmp, 'huge.json');
    writeFileSync(path, Buffer.alloc(6 * 1024 * 1024, 32));
    const r = await cli('validate', path);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`${path}: error: the file is 6.0 MB; the limit is 5.0 MB\n${path}: invalid (1 error)`);
  });

  it('schema prints the committed JSON Schema (draft-07)', async () => {
    const r = await cli('schema');
    expect(r.code).toBe(0);
    const printed = JSON.parse(r.stdout);
    expect(printed.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(printed).toEqual(scenarioJsonSchema());
    expect(JSON.parse(readFileSync(join(ROOT, 'scenarios/scenario.schema.json'), 'utf8'))).toEqual(printed);
  });

  it('scenarios lists the shipped ids', async () => {
    const r = await cli('scenarios', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).map((s: { id: string }) => s.id)).toContain('independence-1991');
  });

  it('lint runs static rules and a playtest, and exits 0 on a clean scenario', async () => {
    const r = await cli('lint', 'independence-1991');
    expect(r.stdout).toMatch(/scenarios\/independence-1991\.json: (clean|\d+ warnings?)/);
    expect(r.code).toBe(0);
    const data = JSON.parse(fixture);
    delete data.events[0].choices[0].historical;
    const noisy = write('noisy.json', JSON.stringify(data, null, 2));
    const l = await cli('lint', noisy, '--strict', '--no-playtest');
    expect(l.code).toBe(1);
    expect(l.stderr).toContain(
      'warning at events[0].choices: event "turkey-recognises" is dated but marks no choice "historical": true, so the debrief cannot compare; if history recorded no such decision, mark the event "whatIf": true [turkey-recognises] [no-historical-choice]',
    );
  });

  it('replay verifies a saved game and rejects a tampered one', async () => {
    const save = join(tmp, 'game.json');
    expect((await cli('play', '--scenario', 'independence-1991', '--seed', '5', '--policy', 'balancer', '--save', save)).code).toBe(0);
    const ok = await cli('replay', save);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('verified');
    const replay = JSON.parse(readFileSync(save, 'utf8'));
    replay.commands = replay.commands.slice(0, -1);
    // A tamperer who knows the format recomputes the checksum: the state hash still catches it.
    const tampered = write('tampered.json', JSON.stringify(withChecksum(replay)));
    const bad = await cli('replay', tampered);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('error at stateHash');
    const junk = write('junk.json', JSON.stringify({ ...replay, commands: [{ type: 'launch-missiles' }] }));
    const j = await cli('replay', junk);
    expect(j.code).toBe(1);
    expect(j.stderr).toContain('error at commands[0].type');
  });

  it('the real command exits with the documented codes and never prints a stack trace', () => {
    const node = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), ...args], { encoding: 'utf8', cwd: ROOT });
    const good = node(['play', '--scenario', 'independence-1991', '--seed', '1', '--policy', 'historical', '--json']);
    expect(good.status).toBe(0);
    expect(JSON.parse(good.stdout).turnsPlayed).toBeGreaterThan(0);
    const bad = node(['validate', write('x.json', '{"__proto__": 1}')]);
    expect(bad.status).toBe(1);
    const usage = node(['play']);
    expect(usage.status).toBe(2);
    for (const r of [bad, usage]) expect(r.stderr).not.toMatch(/\n\s+at /);
  }, 120_000); // starting tsx three times takes tens of seconds on a loaded machine

  it('npm run caspian runs the built command line, which answers as the sources do', async () => {
    // scripts/caspian.mjs builds (or reuses) node_modules/.cache/caspian-cli/<checkout>; the balance
    // run goes through the built worker script too.
    const built = (args: string[]) => spawnSync(process.execPath, [join(ROOT, 'scripts/caspian.mjs'), ...args], { encoding: 'utf8', cwd: tmp });
    const play = ['play', '--scenario', 'independence-1991', '--seed', '3', '--policy', 'balancer', '--json'];
    const good = built(play);
    expect(good.status).toBe(0);
    expect(JSON.parse(good.stdout)).toEqual(JSON.parse((await cli(...play)).stdout));
    const balance = ['balance', '--scenario', 'independence-1991', '--runs', '3', '--policies', 'balancer,random', '--no-sweep', '--json'];
    const lab = built(balance);
    expect(lab.status).toBe(0);
    const { seconds: _a, ...fromBuilt } = JSON.parse(lab.stdout);
    const { seconds: _b, ...fromSources } = JSON.parse((await cli(...balance)).stdout);
    expect(fromBuilt).toEqual(fromSources);
    expect(built(['validate', write('y.json', '{"__proto__": 1}')]).status).toBe(1);
    expect(built(['play']).status).toBe(2);
  }, 120_000);
});
