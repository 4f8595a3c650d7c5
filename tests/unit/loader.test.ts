import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/scenario/findings.ts';
import { MAX_BYTES } from '../../src/scenario/jsonText.ts';
import { loadScenarioText } from '../../src/scenario/load.ts';
import { ROOT } from '../helpers.ts';

const FILE = 'my-scenario.json';
const baseText = readFileSync(join(ROOT, 'tests/fixtures/golden-scenario.json'), 'utf8');
const base = () => JSON.parse(baseText);
const load = (data: unknown) => loadScenarioText(typeof data === 'string' ? data : JSON.stringify(data, null, 2), FILE);
const errors = (findings: Finding[]) => findings.filter((f) => f.severity === 'error').map((f) => ({ path: f.path, message: f.message }));

describe('loading a scenario', () => {
  it('accepts the valid fixture, with or without a UTF-8 byte-order mark', () => {
    expect(load(baseText).scenario?.id).toBe('golden-fixture');
    expect(load(`\uFEFF${baseText}`).scenario?.id).toBe('golden-fixture');
  });

  it('reports malformed JSON with the file, line and column, and no scenario', () => {
    const r = load('{\n  "id": "x",\n  "title": oops\n}');
    expect(r.scenario).toBeNull();
    expect(r.findings).toHaveLength(1);
    expect(r.findings).toEqual([
      {
        severity: 'error',
        file: FILE,
        path: 'title',
        line: 3,
        column: 12,
        message: 'the file is not valid JSON: expected a value (an object, a list, text in double quotes, a number, true, false or null), found "o"',
      },
    ]);
    expect(load('{"a": 1,}').findings[0]?.message).toBe('the file is not valid JSON: a comma before "}" is not allowed in JSON; remove it');
    expect(load('{"a": "line\nbreak"}').findings[0]?.message).toBe(
      'the file is not valid JSON: a line break or control character inside text; write it as an escape such as \\n',
    );
    expect(load('{"a": "open').findings[0]?.message).toBe('the file is not valid JSON: text is not closed: a double quote is missing');
  });

  it('names the JSON path and the fix for a wrong type deep in the tree', () => {
    const s = base();
    s.events[12].choices[1].effects[0].delta = 'five';
    expect(errors(load(s).findings)).toEqual([
      { path: 'events[12].choices[1].effects[0].delta', message: 'expected a number or an object { "min": …, "max": … }, found the text "five"' },
    ]);
  });

  it('names the ops that exist, with a did-you-mean, for an unknown or missing op', () => {
    const s = base();
    s.events[12].choices[1].effects[0] = { op: 'setflag', flag: 'x' };
    s.events[12].choices[1].effects[1] = { var: 'stability', delta: 2 };
    expect(errors(load(s).findings)).toEqual([
      {
        path: 'events[12].choices[1].effects[0].op',
        message: 'unknown op "setflag": the ops are add, set, flag, inc, dec, route, field, if, chance, event, cancel, leader, lose, win; did you mean "flag"?',
      },
      {
        path: 'events[12].choices[1].effects[1].op',
        message: '"op" is required here: one of add, set, flag, inc, dec, route, field, if, chance, event, cancel, leader, lose, win',
      },
    ]);
  });

  it('accepts "historical": false, and says plainly that "whatIf" is true or left out', () => {
    const s = base();
    s.events[0].choices[1].historical = false;
    expect(errors(load(s).findings)).toEqual([]);
    s.events[0].whatIf = false;
    expect(errors(load(s).findings)).toEqual([{ path: 'events[0].whatIf', message: 'must be true or left out; found the value false' }]);
  });

  it('suggests the key, condition form or value meant', () => {
    const s = base();
    s.events[0].condtions = { flag: 'war-active' };
    s.events[6].conditions = { flg: 'war-active' };
    s.energy.routes[0].status = 'operatng';
    const found = errors(load(s).findings);
    expect(found).toContainEqual({
      path: 'events[0].condtions',
      message: 'unknown key "condtions": remove it or check its spelling; did you mean "conditions"?',
    });
    expect(found).toContainEqual({
      path: 'events[6].conditions',
      message:
        'expected an object with one of the keys "all", "any", "not", "var", "counter", "flag", "since", "until", "route", "field", "fired", "chose", "took", "turnsSince", "before", "leader", "active"; found the key "flg"; did you mean "flag"?',
    });
    expect(found).toContainEqual({
      path: 'energy.routes[0].status',
      message:
        'the text "operatng" is not allowed here: it must be one of "planned", "building", "operating", "disrupted", "closed"; did you mean "operating"?',
    });
  });

  it('reports the error of the condition form the author meant', () => {
    const s = base();
    s.events[6].conditions.any[0].var = 'stabilty';
    const found = errors(load(s).findings);
    expect(found).toHaveLength(1);
    expect(found[0]?.path).toBe('events[6].conditions.any[0].var');
    expect(found[0]?.message).toMatch(/^var must be one of: sovereignty, stability, /);
  });

  it('rejects unknown keys, naming them', () => {
    const s = base();
    s.actions[0].costs = 3;
    expect(errors(load(s).findings)).toEqual([{ path: 'actions[0].costs', message: 'unknown key "costs": remove it or check its spelling' }]);
  });

  it("says a number out of range in the words of every other finding, not zod's", () => {
    const s = base();
    s.energy.fields[0].at = [200, -91];
    expect(errors(load(s).findings)).toEqual([
      { path: 'energy.fields[0].at[0]', message: 'must be at most 180; found the number 200' },
      { path: 'energy.fields[0].at[1]', message: 'must be at least -90; found the number -91' },
    ]);
  });

  it('reports numbers that are not finite', () => {
    const text = baseText.replace('"treasury": 120', '"treasury": 1e999');
    const found = errors(load(text).findings);
    expect(found[0]?.path).toBe('initial.treasury');
    expect(found[0]?.message).toContain('Infinity');
  });

  it('reports references to things that do not exist, with a suggestion', () => {
    const s = base();
    s.actions[14].effects[0].route = 'baku-supsaa';
    s.events[9].conditions.all[0].var = 'russia.stance';
    s.powers.russia.responses[4].effects[0].event = 'coup-1994';
    expect(errors(load(s).findings)).toEqual([
      { path: 'powers.russia.responses[4].effects[0].event', message: 'no event has the id "coup-1994"; did you mean "coup-1993"?' },
      { path: 'actions[14].effects[0].route', message: 'no route has the id "baku-supsaa"; did you mean "baku-supsa"?' },
    ]);
  });

  it('reports flags that are read but never set', () => {
    const s = base();
    s.events[7].conditions = { flag: 'anti-russian-lines' };
    expect(errors(load(s).findings)).toEqual([
      {
        path: 'events[7].conditions.flag',
        message: 'the flag "anti-russian-lines" is never set: set it in initial.flags or with a {"op": "flag"} effect; did you mean "anti-russian-line"?',
      },
    ]);
  });

  it('reports duplicate ids, pointing at the first use', () => {
    const s = base();
    s.events[3].id = 'khodzhaly';
    expect(errors(load(s).findings)).toContainEqual({
      path: 'events[4].id',
      message: 'duplicate event id "khodzhaly" (first used at events[3]); ids must be unique',
    });
  });

  it('reports dates outside the calendar and events with both a date and a window', () => {
    const s = base();
    s.events[0].date = '1999-01';
    s.events[1].window = { from: '1991-10', to: '1991-12' };
    const found = errors(load(s).findings);
    expect(found).toContainEqual({ path: 'events[0].date', message: `1999-01 is outside the scenario's calendar (1991-10 to 1994-12)` });
    expect(found).toContainEqual({ path: 'events[1]', message: 'an event has either a date or a window, not both' });
    s.events[2].date = '1994-13';
    expect(errors(load(s).findings)).toContainEqual({
      path: 'events[2].date',
      message: 'a month is written "YYYY-MM" with a year from 1000 to 9999, e.g. "1994-09"; found the text "1994-13"',
    });
  });

  it('requires sources from the five documents on every event', () => {
    const s = base();
    s.events[0].sources = [];
    s.events[1].sources[0].doc = 'wikipedia.txt';
    const found = errors(load(s).findings);
    expect(found).toContainEqual({ path: 'events[0].sources', message: 'cite at least one of the five source documents; found a list' });
    expect(found.find((f) => f.path === 'events[1].sources[0].doc')?.message).toMatch(/^doc must be one of the five source files: 000_e8ef7e9fb16e62fa.txt/);
  });

  it.each(['__proto__', 'constructor', 'prototype'])('rejects the hostile key %s before anything else', (key) => {
    const text = baseText.replace('"leader": "Ayaz Mutalibov",', `"leader": "Ayaz Mutalibov", "${key}": { "polluted": true },`);
    const r = load(text);
    expect(r.scenario).toBeNull();
    expect(r.findings).toEqual([
      {
        severity: 'error',
        file: FILE,
        path: `initial.${key}`,
        line: 11,
        message: `the key "${key}" is not allowed in scenario files (it can tamper with JavaScript objects); remove it`,
      },
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('rejects an oversized file before parsing it', () => {
    const huge = `{"pad": "${'x'.repeat(MAX_BYTES)}"}`;
    const r = load(huge);
    expect(r.scenario).toBeNull();
    expect(r.findings).toEqual([{ severity: 'error', file: FILE, path: '', message: 'the file is 5.0 MB; scenario files are limited to 5 MB' }]);
  });

  it('rejects nesting deeper than the limit before parsing it', () => {
    const deep = `${'['.repeat(200)}${']'.repeat(200)}`;
    const r = load(deep);
    expect(r.findings).toEqual([
      { severity: 'error', file: FILE, path: '', line: 1, column: 65, message: 'the JSON is nested more than 64 levels deep; flatten it' },
    ]);
  });

  it('points findings at the line of the value in the file', () => {
    const text = baseText.replace('"monthsPerTurn": 3', '"monthsPerTurn": 0');
    const f = load(text).findings[0];
    expect(f).toMatchObject({ path: 'calendar.monthsPerTurn', line: 9, message: 'must be at least 1; found the number 0' });
  });

  it('never throws, whatever the text', () => {
    for (const junk of ['', 'null', '[]', '42', '"text"', '{', '{"formatVersion": 2}', '\u0000', '{"a":'.repeat(10)]) {
      const r = load(junk);
      expect(r.scenario).toBeNull();
      expect(r.findings.length).toBeGreaterThan(0);
    }
  });
});
