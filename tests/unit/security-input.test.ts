/**
 * Issue 11 for scenario files: limits on counts with findings that name the JSON path
 * (item 3), duplicate keys and invalid text refused (item 7), calendars that round-trip
 * (item 9), and names every object has refused as ids (item 4, the schema's half).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { monthIndex, turnDate } from '../../src/core/index.ts';
import { decodeUtf8 } from '../../src/scenario/utf8.ts';
import { checkCalendarRange, checkLimits, LIMITS } from '../../src/scenario/limits.ts';
import { loadScenarioText } from '../../src/scenario/load.ts';
import { CONDITION_KEYS } from '../../src/scenario/schema.ts';
import { decodeFile, readFile } from '../../src/ui/classroom/files.ts';
import { checkScenarioBytes } from '../../src/ui/customScenario/checker.ts';
import type { Scenario } from '../../src/scenario/types.ts';
import { ROOT } from '../helpers.ts';

const FILE = 'my.json';
const fixtureText = readFileSync(join(ROOT, 'tests/fixtures/golden-scenario.json'), 'utf8');
const fixture = () => JSON.parse(fixtureText);
const load = (data: unknown) => loadScenarioText(typeof data === 'string' ? data : JSON.stringify(data, null, 2), FILE);
const errors = (data: unknown) =>
  load(data)
    .findings.filter((f) => f.severity === 'error')
    .map((f) => ({ path: f.path, message: f.message }));

describe('duplicate keys and invalid text are errors with their path (issue 11.7)', () => {
  it('refuses "turns": 4, "turns": 13 instead of letting the last one win', () => {
    const text = fixtureText.replace('"turns": 13', '"turns": 4, "turns": 13');
    const r = load(text);
    expect(r.scenario).toBeNull();
    expect(r.findings).toEqual([
      {
        severity: 'error',
        file: FILE,
        path: 'calendar.turns',
        line: 9,
        column: expect.any(Number),
        message: 'the key "turns" appears twice in one object (first on line 9); JSON readers disagree on which one counts, so keep only one',
      },
    ]);
  });

  it('tells a key written with an escape from the same key written plainly', () => {
    const text = fixtureText.replace('"turns": 13', '"turns": 13, "tu\\u0072ns": 4');
    expect(errors(text)).toEqual([
      {
        path: 'calendar.turns',
        message: 'the key "turns" appears twice in one object (first on line 9); JSON readers disagree on which one counts, so keep only one',
      },
    ]);
  });

  it('refuses lone surrogate escapes, and accepts a correct pair', () => {
    const title = (t: string) => fixtureText.replace('"title": "Turkey recognises Azerbaijan"', `"title": "${t}"`);
    for (const [bad, reported] of [
      ['\\ud800', 'ud800'],
      ['\\udfff', 'udfff'],
      ['a\\ud800b', 'ud800'],
      ['\\ud800\\u0041', 'ud800'],
      ['\\udc00\\ud800', 'udc00'],
    ])
      expect(errors(title(bad as string))).toEqual([
        {
          path: 'events[0].title',
          message: `the escape "\\${reported}" is half of a UTF-16 surrogate pair without its other half, which is not valid text; remove it or write the whole character`,
        },
      ]);
    expect(load(title('flag \\ud83c\\udde6\\ud83c\\uddff')).scenario?.events[0]?.title).toBe('flag 🇦🇿');
  });

  it('refuses invalid UTF-8 bytes instead of turning them into U+FFFD', () => {
    const bytes = Buffer.from(fixtureText.replace('"title": "Turkey recognises Azerbaijan"', '"title": "Turkey ##"'), 'utf8');
    const at = bytes.indexOf('##');
    for (const bad of [[0xff], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xe2, 0x82]]) {
      const b = Buffer.concat([bytes.subarray(0, at), Buffer.from(bad), bytes.subarray(at + 2)]);
      const r = decodeUtf8(b, FILE);
      expect(r.ok).toBe(false);
      if (!r.ok)
        expect(r.findings[0]).toMatchObject({
          path: 'events[0].title',
          message: `the file is not valid UTF-8: byte 0x${(bad[0] as number).toString(16).toUpperCase()} cannot start or continue a character here; save the file as UTF-8`,
        });
    }
    expect(decodeUtf8(Buffer.from('{"a": "Bakı ✓ 🇦🇿"}'), FILE)).toEqual({ ok: true, text: '{"a": "Bakı ✓ 🇦🇿"}' });
  });
});

describe('the browser’s Load scenario reads a file’s bytes as strictly as the CLI (issue 11.7)', () => {
  it('refuses invalid UTF-8 with its line, column and path, instead of reading U+FFFD', () => {
    const at = fixtureText.indexOf('"title": "') + '"title": "'.length;
    const bytes = Buffer.concat([Buffer.from(fixtureText.slice(0, at)), Buffer.from([0xff]), Buffer.from(fixtureText.slice(at))]);
    const line = fixtureText.slice(0, at).split('\n').length;
    expect(checkScenarioBytes(bytes, FILE, [])).toEqual({
      scenario: null,
      text: null,
      findings: [
        {
          severity: 'error',
          file: FILE,
          path: 'title',
          line,
          column: expect.any(Number),
          message: 'the file is not valid UTF-8: byte 0xFF cannot start or continue a character here; save the file as UTF-8',
        },
      ],
    });
    const ok = checkScenarioBytes(Buffer.from(fixtureText), FILE, []);
    expect([ok.scenario?.id, ok.text]).toEqual([fixture().id, fixtureText]);
  });
});

describe('the classroom’s save and result import reads bytes as strictly as the scenario loader (issue 11.7)', () => {
  const save = '{"format":"caspian-balance/replay","seed":"42",\n"meta":{"player":"Aysel"}}';
  const withBadByte = () => {
    const bytes = Buffer.from(save);
    bytes[bytes.indexOf('Aysel') + 2] = 0xff;
    return new Uint8Array(bytes);
  };

  it('refuses invalid UTF-8 with the byte, its line, column and path, instead of reading U+FFFD', async () => {
    const expected = {
      ok: false,
      name: 'class-7b.json',
      message: 'the file is not valid UTF-8: byte 0xFF at line 2, column 21 (in meta.player) is not text; the file is damaged, or was not written by the game',
    };
    expect(decodeFile(withBadByte(), 'class-7b.json')).toEqual(expected);
    // readFile, as the saves dialog and the class comparison call it, on a real File.
    expect(await readFile(new File([withBadByte()], 'class-7b.json'))).toEqual(expected);
  });

  it('reads valid UTF-8, a byte-order mark dropped, as the same text', async () => {
    const text = save.replace('Aysel', 'Aysel Məmmədova');
    expect(decodeFile(new Uint8Array(Buffer.from(text)), 'a.json')).toEqual({ ok: true, name: 'a.json', text });
    expect(await readFile(new File([Buffer.from(`\ufeff${text}`)], 'a.json'))).toEqual({ ok: true, name: 'a.json', text });
  });
});

describe('limits on counts, checked before the schema (issue 11.3)', () => {
  it('refuses 200,000 conditions in one `all` with one finding, naming the list', () => {
    const s = fixture();
    s.events[0].conditions = { all: Array.from({ length: 200_000 }, () => ({ flag: 'a' })) };
    expect(errors(JSON.stringify(s))).toEqual([{ path: 'events[0].conditions.all', message: 'a list of 200,000 items; the limit is 1,000 in any one list' }]);
  });

  it('names the condition node where the scenario runs past 3,000', () => {
    const all = (n: number) => ({ all: Array.from({ length: n }, () => ({ flag: 'a' })) });
    const doc = { events: [{ conditions: all(999) }, { conditions: all(999) }, { conditions: all(999) }, { conditions: { not: { flag: 'a' } } }] };
    // 1,000 nodes per event (the `all` and its 999 tests), then the `not` is the 3,001st.
    expect(checkLimits(doc, FILE).map((f) => [f.path, f.message])).toEqual([
      ['events[3].conditions', 'the scenario has more than 3,000 condition nodes; this is where the count ran over — simplify the conditions'],
    ]);
    expect(checkLimits({ events: [{ conditions: all(999) }, { conditions: all(999) }, { conditions: all(999) }] }, FILE)).toEqual([]);
  });

  it('names the effect where the scenario runs past 3,000, nested effects included', () => {
    const add = { op: 'add', var: 'economy', delta: 1 };
    // Parsed from text, as a file would be: a literal `then` key trips the linter's promise check.
    const nested = JSON.parse(
      `{"op": "if", "when": {"flag": "a"}, "then": ${JSON.stringify(Array.from({ length: 63 }, () => add))}, "else": [${JSON.stringify(add)}]}`,
    );
    const doc = { actions: Array.from({ length: 46 }, () => ({ effects: [nested, add] })) };
    // Each action: the `if`, its 63 + 1 branch effects, and one more: 66; the 46th action's
    // nested effects take the count from 2,970 past 3,000 at its then[29].
    expect(checkLimits(doc, FILE).map((f) => [f.path, f.message])).toEqual([
      [
        'actions[45].effects[0].then[29]',
        'the scenario has more than 3,000 effects (nested ones included); this is where the count ran over — simplify the effects',
      ],
    ]);
    const endEffects = {
      powers: { russia: { responses: Array.from({ length: 4 }, () => ({ effects: [], endEffects: Array.from({ length: 751 }, () => add) })) } },
    };
    expect(checkLimits(endEffects, FILE).map((f) => f.path)).toEqual(['powers.russia.responses[3].endEffects[747]']);
  });

  it('refuses more than 100,000 values, a text over 4,000 characters and a key over 64', () => {
    expect(checkLimits({ x: Array.from({ length: 400 }, () => Array.from({ length: 400 }, () => 0)) }, FILE).map((f) => [f.path, f.message])).toEqual([
      [
        'x[249][148]',
        'the file holds more than 100,000 JSON values (objects, lists, texts, numbers); the limit keeps validation and play fast — split the scenario',
      ],
    ]);
    const s = fixture();
    s.summary = 'x'.repeat(5000);
    s.actions[0][`k${'e'.repeat(99)}`] = 1;
    expect(errors(s)).toEqual([
      { path: 'summary', message: 'a text of 5,000 characters; the limit is 4,000' },
      { path: `actions[0]["k${'e'.repeat(63)}…"]`, message: 'a key of 100 characters; keys and ids are at most 64' },
    ]);
  });

  it('refuses events that could fire more than 600 times in a game', () => {
    const s = fixture();
    s.calendar = { start: '1991-10', monthsPerTurn: 1, turns: 200 };
    // The fixture's events fire once each; each of these every turn: 200 firings.
    const base = s.events.length;
    for (let i = 0; i < 10; i++) s.events.push({ ...s.events[0], id: `every-turn-${i}`, date: undefined, conditions: { flag: 'russian-troops' }, repeat: 1 });
    const over = Math.ceil((LIMITS.eventFirings - (base - 1)) / 200);
    expect(errors(s)).toEqual([
      {
        path: `events[${base + over - 1}].repeat`,
        message:
          'events could fire more than 600 times in one game (each once, a repeating one every "repeat" turns for 200 turns); this is where the count ran over — repeat less often, or fewer events',
      },
    ]);
  });

  it('refuses trends that could apply more than 50,000 effects in a game, nested effects included', () => {
    const s = fixture();
    s.calendar = { start: '1991-10', monthsPerTurn: 1, turns: 200 };
    const add = { op: 'add', var: 'economy', delta: 1 };
    // 62 effects and an `if` holding one more: 64 a trend, 12,800 a game each.
    const effects = [...Array.from({ length: 62 }, () => add), JSON.parse(`{"op": "if", "when": {"flag": "war-active"}, "then": [${JSON.stringify(add)}]}`)];
    s.trends = Array.from({ length: 4 }, (_, i) => ({ id: `t-${i}`, label: 'x', when: { flag: 'war-active' }, effects }));
    expect(errors(s)).toEqual([
      {
        path: 'trends[3].effects',
        message:
          "trends could apply more than 50,000 effects in one game (each trend's effects every turn, for 200 turns); this is where the count ran over — fewer trends or fewer effects",
      },
    ]);
    s.trends.pop();
    expect(errors(s)).toEqual([]);
  });

  it('refuses more than 200 actions, 300 events, 64 effects in one list and 200 turns, naming each', () => {
    const actions = fixture();
    for (let i = 0; i < 201; i++) actions.actions.push({ ...actions.actions[0], id: `extra-${i}` });
    expect(errors(actions)).toEqual([{ path: 'actions', message: 'at most 200 actions (see docs/security.md); found a list' }]);
    const events = fixture();
    for (let i = 0; i < 301; i++) events.events.push({ ...events.events[0], id: `extra-${i}` });
    expect(errors(events)).toEqual([{ path: 'events', message: 'at most 300 events (see docs/security.md); found a list' }]);
    const effects = fixture();
    effects.actions[0].effects = Array.from({ length: 65 }, () => ({ op: 'add', var: 'economy', delta: 1 }));
    expect(errors(effects)).toEqual([{ path: 'actions[0].effects', message: 'at most 64 effects in one list; found a list' }]);
    effects.actions[0].effects.pop();
    expect(errors(effects)).toEqual([]);
    const turns = fixture();
    turns.calendar = { start: '1991-10', monthsPerTurn: 1, turns: 201 };
    expect(errors(turns)).toEqual([{ path: 'calendar.turns', message: 'must be at most 200; found the number 201' }]);
  });

  it('refuses a file of more than 500,000 values in its first scan, before anything is built', () => {
    expect(errors(`{"x": [${'0,'.repeat(500_000)}0]}`)).toEqual([
      { path: '', message: 'the file holds more than 500,000 JSON values; no scenario or save needs that many' },
    ]);
    // 500,000 values (the object, the list and 499,998 numbers) are parsed, then refused by the scenario's own limits.
    expect(errors(`{"x": [${'0,'.repeat(499_997)}0]}`)[0]).toEqual({ path: 'x', message: 'a list of 499,998 items; the limit is 1,000 in any one list' });
  });

  it('keeps the shipped scenarios well inside every limit', () => {
    for (const id of ['independence-1991', 'balanced-1994', 'after-georgia-2008', 'campaign-1991-2012']) {
      const text = readFileSync(join(ROOT, `scenarios/${id}.json`), 'utf8');
      expect(checkLimits(JSON.parse(text), id), id).toEqual([]);
      expect(loadScenarioText(text, id).scenario?.id).toBe(id);
    }
  });
});

describe('many wrong conditions: the first of each list, then a count (issue 11.3)', () => {
  const wrongConditions = (inFirstList: number) => {
    const s = fixture();
    s.events[0].conditions = { all: Array.from({ length: inFirstList }, (_, i) => ({ flag: `Bad ${i}` })) };
    s.events[1].conditions = { any: [{ vr: 'turn' }, 7, { flag: 'ok', fired: 'x' }] };
    s.events[2].conditions = { not: { flg: 'a' } };
    s.events[3].title = 5;
    return s;
  };
  const flagMessage = (i: number) => `a flag name must be lowercase words joined by hyphens, e.g. "contract-of-the-century"; found the text "Bad ${i}"`;
  const noForm = (key: string, guess: string) =>
    `expected an object with one of the keys ${CONDITION_KEYS.map((k) => `"${k}"`).join(', ')}; found the key "${key}"; did you mean "${guess}"?`;

  it('reports 64 wrong conditions as the first five of each list and a count, each finding with its file, path and line', () => {
    const r = load(wrongConditions(60));
    expect(r.scenario).toBeNull();
    expect(r.findings.every((f) => f.file === FILE && f.line !== undefined)).toBe(true);
    expect(r.findings.map((f) => ({ path: f.path, message: f.message }))).toEqual([
      {
        path: '',
        message:
          '64 conditions are wrong: the first 5 of each list follow (50 at most), then how many more; the rest of the file is checked once at most 50 are wrong',
      },
      ...[0, 1, 2, 3, 4].map((i) => ({ path: `events[0].conditions.all[${i}].flag`, message: flagMessage(i) })),
      { path: 'events[0].conditions.all', message: '…and 55 more wrong conditions in this list (60 in all); fix these first' },
      { path: 'events[1].conditions.any[0]', message: noForm('vr', 'var') },
      { path: 'events[1].conditions.any[1]', message: expect.stringMatching(/^expected an object \{ "all": … \} or .*, found the number 7$/) },
      { path: 'events[1].conditions.any[2].fired', message: 'unknown key "fired": remove it or check its spelling' },
      { path: 'events[2].conditions.not', message: noForm('flg', 'flag') },
    ]);
  });

  it('counts the lists past the first 50 wrong conditions in one finding that names the first of them', () => {
    const s = fixture();
    for (let e = 0; e < 15; e++) s.events[e].conditions = { any: Array.from({ length: 4 }, () => ({ took: 'Nope' })) };
    const r = load(s);
    // 15 lists of 4: twelve in full (48), two of the 13th, then counts.
    expect(r.findings).toHaveLength(1 + 50 + 2);
    expect(r.findings[50]?.path).toBe('events[12].conditions.any[1].took');
    expect(r.findings.slice(-2).map((f) => ({ path: f.path, message: f.message }))).toEqual([
      { path: 'events[12].conditions.any', message: '…and 2 more wrong conditions in this list (4 in all); fix these first' },
      { path: 'events[13].conditions.any', message: '…and 8 more wrong conditions in 2 more places, the first here; fix these first' },
    ]);
    s.events[15].conditions = { flag: 'Bad' };
    expect(
      load(s)
        .findings.slice(-1)
        .map((f) => ({ path: f.path, message: f.message })),
    ).toEqual([{ path: 'events[13].conditions.any', message: '…and 9 more wrong conditions in 3 more places, the first here; fix these first' }]);
  });

  it('leaves 50 wrong conditions to the schema, which reports every one and the rest of the file', () => {
    const r = load(wrongConditions(46));
    expect(r.findings.map((f) => f.path)).toEqual([
      ...Array.from({ length: 46 }, (_, i) => `events[0].conditions.all[${i}].flag`),
      'events[1].conditions.any[0]',
      'events[1].conditions.any[1]',
      'events[1].conditions.any[2].fired',
      'events[2].conditions.not',
      'events[3].title',
    ]);
  });
});

describe('calendars write and read back every month (issue 11.9)', () => {
  it('refuses years before 1000 and calendars that run past 9999', () => {
    const early = fixture();
    early.calendar.start = '0999-10';
    expect(errors(early)).toContainEqual({
      path: 'calendar.start',
      message: 'a month is written "YYYY-MM" with a year from 1000 to 9999, e.g. "1994-09"; found the text "0999-10"',
    });
    const late = fixture();
    late.calendar = { start: '9990-01', monthsPerTurn: 12, turns: 20 };
    expect(errors(late)).toContainEqual({
      path: 'calendar.turns',
      message: 'the calendar runs past the year 9999 (20 turns of 12 months from 9990-01); shorten it',
    });
  });

  it('round-trips every turn’s month at both ends of the calendar', () => {
    for (const [start, monthsPerTurn, turns] of [
      ['1000-01', 12, 200],
      ['9800-01', 12, 200],
      ['1991-10', 1, 200],
    ] as const) {
      const sc = { calendar: { start, monthsPerTurn, turns } } as Scenario;
      expect(checkCalendarRange(sc, FILE, new Map())).toEqual([]);
      for (let t = 0; t < turns; t++) expect(monthIndex(turnDate(sc, t))).toBe(monthIndex(start) + t * monthsPerTurn);
    }
    expect(turnDate({ calendar: { start: '9800-01', monthsPerTurn: 12, turns: 200 } } as Scenario, 199)).toBe('9999-01');
  });
});

describe('names every object has are refused as ids (issue 11.4)', () => {
  it('refuses constructor as an event, action, flag, route and choice id', () => {
    const s = fixture();
    s.events[1].id = 'constructor';
    s.actions[0].id = 'constructor';
    s.events[0].choices[0].id = 'constructor';
    s.events[0].choices[0].effects.push({ op: 'flag', flag: 'constructor' });
    const found = errors(s);
    const message = (what: string) =>
      `${what} must not be a name every JavaScript object already has (such as "constructor"); choose another; found the text "constructor"`;
    expect(found).toContainEqual({ path: 'events[1].id', message: message('an event id') });
    expect(found).toContainEqual({ path: 'actions[0].id', message: message('an action id') });
    expect(found).toContainEqual({ path: 'events[0].choices[0].id', message: message('a choice id') });
    expect(found).toContainEqual({ path: `events[0].choices[0].effects[${s.events[0].choices[0].effects.length - 1}].flag`, message: message('a flag name') });
  });
});
