/**
 * Issue 11, the command line: a save never names a file to open, a replay checks the
 * rules it was made under and says what it proves, results are recomputed, file errors
 * are usage errors (exit 2), odd files are never read past the limit, and no command
 * prints more than 50 findings.
 */
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, readSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.ts';
import { type ReplayFile, withChecksum } from '../../src/persistence/replayFormat.ts';
import type { Io } from '../../src/cli/output.ts';
import { ROOT } from '../helpers.ts';

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (t) => out.push(t), err: (t) => err.push(t), isTTY: false };
  const code = await run(argv, io);
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

const tmp = mkdtempSync(join(tmpdir(), 'caspian-security-'));
const write = (name: string, text: string | Buffer) => {
  const path = join(tmp, name);
  writeFileSync(path, text);
  return path;
};
const fixtureText = readFileSync(join(ROOT, 'tests/fixtures/golden-scenario.json'), 'utf8');
const SHIPPED = 'after-georgia-2008, balanced-1994, campaign-1991-2012, independence-1991';

/** A save of independence-1991, seed 5, balancer: 56 commands, completed, score 50. */
async function shippedSave(): Promise<{ path: string; data: Record<string, unknown> }> {
  const path = join(tmp, `save-${Math.random().toString(36).slice(2)}.json`);
  expect((await cli('play', '--scenario', 'independence-1991', '--seed', '5', '--policy', 'balancer', '--save', path)).code).toBe(0);
  return { path, data: JSON.parse(readFileSync(path, 'utf8')) };
}

describe('replay never opens a path taken from the save (issue 11.1)', () => {
  it('refuses a save whose scenario is a path, without reading that path', async () => {
    const secret = write('secret.json', '{"secret-key-name": "a secret value of forty characters or so"}');
    const { data } = await shippedSave();
    for (const target of ['/etc/passwd', secret, '../scenarios/independence-1991.json']) {
      const save = write('hostile.json', JSON.stringify({ ...data, scenario: target }));
      const r = await cli('replay', save);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(
        `${save}: error at scenario: the save names ${JSON.stringify(target)}, which is not a shipped scenario (${SHIPPED}); ` +
          `if it was played on a scenario file of your own, name that file: replay ${save} --scenario <file>`,
      );
    }
  });

  it('replays a game played on the user’s own file only when the user names that file', async () => {
    const own = write('own-scenario.json', fixtureText);
    const save = join(tmp, 'own-save.json');
    expect((await cli('play', '--scenario', own, '--seed', '3', '--policy', 'random', '--save', save)).code).toBe(0);
    const refused = await cli('replay', save);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('error at scenario: the save names "golden-fixture", which is not a shipped scenario');
    const ok = await cli('replay', save, '--scenario', own);
    expect(ok.code).toBe(0);
    expect(ok.stdout.split('\n')[0]).toMatch(new RegExp(`^${save.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: verified — \\d+ commands`));
  });
});

describe('a verified replay says what it proves; forged saves are refused (issue 11.2)', () => {
  it('refuses a save whose scenarioHash does not match the scenario, naming the rules it was made under', async () => {
    const { data } = await shippedSave();
    const fingerprint = data.scenarioHash as string;
    const zeros = write('zeros.json', JSON.stringify({ ...data, scenarioHash: '0000000000000000' }));
    const r = await cli('replay', zeros);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `${zeros}: error at scenarioHash: the save was made under the rules of "independence-1991" with fingerprint 0000000000000000, ` +
        `but scenarios/independence-1991.json has fingerprint ${fingerprint}: different rules, so the log cannot be checked against them. ` +
        `Replay it with the scenario file it was played on: replay ${zeros} --scenario <file>`,
    );
  });

  it('refuses a save replayed against an edited copy of its scenario', async () => {
    const { data } = await shippedSave();
    const shipped = JSON.parse(readFileSync(join(ROOT, 'scenarios/independence-1991.json'), 'utf8'));
    shipped.initial.treasury += 1;
    const edited = write('edited-independence.json', JSON.stringify(shipped));
    const save = write('for-edited.json', JSON.stringify(data));
    const r = await cli('replay', save, '--scenario', edited);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `error at scenarioHash: the save was made under the rules of "independence-1991" with fingerprint ${data.scenarioHash as string}, but ${edited} has fingerprint`,
    );
  });

  it('refuses a save changed after it was saved (its checksum), saying what a checksum is worth', async () => {
    const { data } = await shippedSave();
    const save = write('meta-edited.json', JSON.stringify({ ...data, meta: { policy: 'expert' } }));
    const r = await cli('replay', save);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `${save}: error at checksum: the file was changed after it was saved (its checksum does not match); a checksum catches damage, not forgery: anyone can recompute it`,
    );
  });

  it('prints what a verified replay proves and does not, with meta as unverified labels', async () => {
    const { data } = await shippedSave();
    // A forger recomputes the checksum: the labels are accepted, and called unverified.
    const save = write('meta.json', JSON.stringify(withChecksum({ ...(data as unknown as ReplayFile), meta: { policy: 'expert', student: 'Ada\u001b[31m' } })));
    const r = await cli('replay', save);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')).toEqual([
      `${save}: verified — 59 commands, turn 13, state hash ${data.stateHash as string}`,
      '  result: completed 13 turns, score 56 (Master of balance)',
      `  proves: this command log, played under these rules (the scenario fingerprint), gives this result; the result was recomputed here, not read from the file (scenario "independence-1991", fingerprint ${data.scenarioHash as string}, seed "5", normal)`,
      '  does not prove: who played it, or when: anyone can write a command log and the hash it leads to',
      // Escaped, so a label cannot drive the terminal.
      '  meta (unverified labels, copied from the file as they are): "policy": "expert", "student": "Ada\\u001b[31m"',
    ]);
  });

  it('recomputes the result from the log: --json reports the replayed score, and policy comes from nowhere but the log', async () => {
    const { path, data } = await shippedSave();
    const r = await cli('replay', path, '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({
      scenario: 'independence-1991',
      policy: 'replay',
      score: 56,
      rating: 'Master of balance',
      verified: true,
      scenarioHash: data.scenarioHash,
      stateHash: data.stateHash,
      unverifiedMeta: { policy: 'balancer' },
      doesNotProve: 'who played it, or when: anyone can write a command log and the hash it leads to',
    });
  });

  it('refuses a score, a rating or any other key a save does not have', async () => {
    const { data } = await shippedSave();
    for (const key of ['score', 'rating', 'result']) {
      const save = write(`with-${key}.json`, JSON.stringify({ ...data, [key]: 100 }));
      const r = await cli('replay', save);
      expect(r.code).toBe(1);
      expect(r.stderr).toBe(`${save}:1: error at ${key}: unknown key "${key}": remove it`);
    }
  });
});

describe('saves: whitespace is fine, duplicate keys and invalid text are not (issue 11.7)', () => {
  it('verifies a save whose spaces became carriage returns or tabs', async () => {
    const { path } = await shippedSave();
    const text = readFileSync(path, 'utf8');
    const save = write('whitespace.json', text.replaceAll(' ', '\r').replaceAll('\n', '\t\n'));
    expect((await cli('replay', save)).code).toBe(0);
  });

  it('refuses a duplicate key, naming it and its path', async () => {
    const { path } = await shippedSave();
    const text = readFileSync(path, 'utf8').replace('"seed": "5"', '"seed": "5", "seed": "6"');
    const save = write('dup.json', text);
    const r = await cli('replay', save);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^.*dup\.json:\d+:\d+: error at seed: the key "seed" appears twice in one object \(first on line \d+\); JSON readers disagree on which one counts, so keep only one$/,
    );
  });

  it('refuses invalid UTF-8 bytes and lone surrogate escapes, with their path', async () => {
    const { data } = await shippedSave();
    const text = JSON.stringify({ ...data, meta: { student: 'ZZZZ' } });
    const bytes = Buffer.from(text, 'utf8');
    const at = bytes.indexOf('ZZZZ');
    bytes[at + 1] = 0xff;
    const bad = write('bad-utf8.json', bytes);
    const r = await cli('replay', bad);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `${bad}:1:${at + 2}: error at meta.student: the file is not valid UTF-8: byte 0xFF cannot start or continue a character here; save the file as UTF-8`,
    );
    const lone = write('lone.json', text.replace('ZZZZ', 'Z\\ud800Z'));
    const l = await cli('replay', lone);
    expect(l.code).toBe(1);
    expect(l.stderr).toBe(
      `${lone}:1:${at + 2}: error at meta.student: the escape "\\ud800" is half of a UTF-16 surrogate pair without its other half, which is not valid text; remove it or write the whole character`,
    );
  });
});

describe('file problems are usage errors with a plain message (issues 11.8 and 11.9)', () => {
  it('play --save to a folder or into a missing folder exits 2 before playing', async () => {
    const folder = await cli('play', '--scenario', 'independence-1991', '--seed', '1', '--save', tmp);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toBe(
      `caspian: --save ${tmp}: it is a folder; give a file name such as game.json in a folder that exists\nrun \`npm run caspian -- help\` for usage`,
    );
    const missing = await cli('play', '--scenario', 'independence-1991', '--seed', '1', '--save', '/nonexistent/dir/x.json');
    expect(missing.code).toBe(2);
    expect(missing.stderr.split('\n')[0]).toBe(
      'caspian: --save /nonexistent/dir/x.json: the folder /nonexistent/dir does not exist; give a file name such as game.json in a folder that exists',
    );
    expect(missing.stdout).toBe('');
  });

  it('an internal error exits 1 (never an undocumented code), without a stack trace', async () => {
    const err: string[] = [];
    const io: Io = {
      out: () => {
        throw new Error('stdout closed');
      },
      err: (t) => err.push(t),
      isTTY: false,
    };
    expect(await run(['scenarios'], io)).toBe(1);
    expect(err).toEqual(['caspian: internal error: stdout closed', 'please report this with the command you ran']);
  });

  it('reports a symbolic link loop as a loop, a folder as a folder, a pipe without reading it', async () => {
    const a = join(tmp, 'loop-a.json');
    const b = join(tmp, 'loop-b.json');
    symlinkSync(b, a);
    symlinkSync(a, b);
    const loop = await cli('validate', a);
    expect(loop.code).toBe(2);
    expect(loop.stderr.split('\n')[0]).toBe(`caspian: cannot read ${a}: the path is a loop of symbolic links`);
    const dir = join(tmp, 'a-folder.json');
    mkdirSync(dir);
    expect((await cli('validate', dir)).stderr.split('\n')[0]).toBe(`caspian: cannot read ${dir}: it is a folder, not a file`);
    const fifo = join(tmp, 'pipe.json');
    execFileSync('mkfifo', [fifo]);
    // Reading a pipe with no writer would hang this test: it must be refused unread.
    const pipe = await cli('validate', fifo);
    expect(pipe.code).toBe(2);
    expect(pipe.stderr.split('\n')[0]).toBe(`caspian: cannot read ${fifo}: it is not a regular file (a device, a pipe or a socket)`);
    expect((await cli('validate', '/dev/zero')).code).toBe(2);
  });

  it.runIf(existsSync('/proc/kallsyms'))('never reads a /proc file that reports size 0 past the limit', async () => {
    // What the file really holds, read the same bounded way: 5 MB and one byte at most.
    const fd = openSync('/proc/kallsyms', 'r');
    const probe = Buffer.alloc(5 * 1048576 + 1);
    let n = 0;
    for (let k = readSync(fd, probe, 0, probe.length, null); k > 0 && n < probe.length; k = readSync(fd, probe, n, probe.length - n, null)) n += k;
    closeSync(fd);
    const r = await cli('validate', '/proc/kallsyms');
    expect(r.code).toBe(1);
    if (n > 5 * 1048576) expect(r.stderr.split('\n')[0]).toBe('/proc/kallsyms: error: the file is larger than 5.0 MB; the limit is 5.0 MB');
    else expect(r.stderr.split('\n')[0]).toMatch(/^\/proc\/kallsyms:1:\d+: error.*: the file is not valid JSON: /);
  });
});

describe('findings printed are capped (issue 11.3)', () => {
  it('prints the first 50 findings, then how many more', async () => {
    const data = JSON.parse(fixtureText);
    const event = data.events[0];
    data.events = Array.from({ length: 120 }, (_, i) => ({ ...event, id: `e-${i}`, title: 7 }));
    const path = write('many-errors.json', JSON.stringify(data, null, 1));
    const r = await cli('validate', path);
    expect(r.code).toBe(1);
    const lines = r.stderr.split('\n');
    expect(lines).toHaveLength(52);
    expect(lines[0]).toMatch(/error at events\[0\]\.title: expected text in quotes, found the number 7$/);
    expect(lines[49]).toMatch(/error at events\[49\]\.title: /);
    expect(lines[50]).toBe('… and 70 more (70 errors, 0 warnings); fix these first');
    expect(lines[51]).toBe(`${path}: invalid (120 errors)`);
  });

  it('never echoes a huge key or value in full', async () => {
    const data = JSON.parse(fixtureText);
    data.actions[0]['k'.repeat(1_000_000)] = 'v'.repeat(1_000_000);
    const path = write('huge-key.json', JSON.stringify(data));
    const r = await cli('validate', path);
    expect(r.code).toBe(1);
    expect(r.stderr.length).toBeLessThan(1000);
    expect(r.stderr).toContain(`error at actions[0]["${'k'.repeat(64)}…"]: a key of 1,000,000 characters; keys and ids are at most 64`);
  });
});
