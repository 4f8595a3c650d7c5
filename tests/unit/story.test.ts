/**
 * The story follows the player's path: text variants, choices offered only on some
 * paths, the leader condition, news events, a quarter's events in the order of their
 * months, follow-up events raised right after the answer that makes them possible, and
 * powers' responses that stay in force for a while.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { choose, endTurn, eventView, type GameState, newGame, recordChanges, responseEntries, type TurnRecord } from '../../src/core/index.ts';
import { formatFinding } from '../../src/scenario/findings.ts';
import { loadScenarioText } from '../../src/scenario/load.ts';
import type { Scenario } from '../../src/scenario/types.ts';
import { ROOT, run } from '../helpers.ts';

type Json = Record<string, unknown> & { events: Record<string, unknown>[] };

/** The golden scenario, changed by `edit`, loaded through the real loader. */
function variantOfGolden(edit: (data: Json) => void): Scenario {
  const data = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/golden-scenario.json'), 'utf8')) as Json;
  edit(data);
  const r = loadScenarioText(JSON.stringify(data), 'story.json');
  if (!r.scenario) throw new Error(r.findings.map(formatFinding).join('\n'));
  return r.scenario;
}

function ok(r: ReturnType<typeof choose>): GameState {
  if (!r.ok) throw new Error(r.message);
  return r.state;
}

const eventOf = (data: Json, id: string) => data.events.find((e) => e.id === id) as Record<string, unknown>;

describe('text that follows the path', () => {
  const scenario = variantOfGolden((data) => {
    const cis = eventOf(data, 'cis-founded');
    cis.variants = [
      { when: { leader: 'Heydar Aliyev' }, text: 'Aliyev is willing.' },
      { when: { flag: 'no-such-flag-yet' }, title: 'Never shown' },
    ];
    const choices = cis.choices as Record<string, unknown>[];
    (choices[1] as Record<string, unknown>).when = { leader: 'Heydar Aliyev' };
    (choices[0] as Record<string, unknown>).variants = [{ when: { leader: 'Ayaz Mutalibov' }, label: 'Let the deputies have their way' }];
    data.events.push({
      id: 'no-such-flag-setter',
      conditions: { var: 'turn', op: '>', value: 99 },
      title: 'Sets the flag',
      text: 'Never fires.',
      sources: [{ doc: '000_e8ef7e9fb16e62fa.txt', section: 'test' }],
      choices: [{ id: 'ok', label: 'OK', effects: [{ op: 'flag', flag: 'no-such-flag-yet' }] }],
    });
  });

  it('shows the base text and only the choices open on this path', () => {
    const s = newGame(scenario, 1);
    const view = eventView(scenario, s, 'cis-founded');
    expect(view?.title).toBe('The Commonwealth of Independent States');
    expect(view?.text).toMatch(/^Russia leads the founding of the CIS/);
    expect(view?.choices.map((c) => [c.id, c.label])).toEqual([['parliament-refuses', 'Let the deputies have their way']]);
  });

  it('refuses a choice that is not offered', () => {
    const s = run(scenario, newGame(scenario, 1), [
      { type: 'choose', event: 'turkey-recognises', choice: 'embrace' },
      { type: 'choose', event: 'russia-refuses-treaty', choice: 'keep-courting' },
      { type: 'choose', event: 'us-iran-recognise', choice: 'lean-washington' },
    ]);
    expect(choose(scenario, s, 'cis-founded', 'join')).toMatchObject({ ok: false, error: 'choice/unavailable' });
  });

  it('switches to the variant once its condition holds', () => {
    const s = newGame(scenario, 1);
    const aliyev = { ...s, leader: 'Heydar Aliyev' };
    const view = eventView(scenario, aliyev, 'cis-founded');
    expect(view?.text).toBe('Aliyev is willing.');
    expect(view?.title).toBe('The Commonwealth of Independent States');
    expect(view?.choices.map((c) => c.id)).toEqual(['parliament-refuses', 'join']);
    expect(view?.choices[0]?.label).toBe("Let parliament's refusal stand");
  });

  it('shows the numbers of each choice and whether it ends the game', () => {
    const s = { ...newGame(scenario, 1), leader: 'Heydar Aliyev' };
    const view = eventView(scenario, s, 'cis-founded');
    expect(view?.choices[1]?.preview).toEqual([
      { var: 'russia.relation', delta: 8 },
      { var: 'russia.influence', delta: 4 },
      { var: 'stability', delta: -6 },
      { var: 'sovereignty', delta: -3 },
    ]);
    expect(view?.choices[1]?.ends).toBe('never');
    const coup = eventView(scenario, s, 'coup-1993');
    expect(coup?.choices.map((c) => [c.id, c.ends])).toEqual([
      ['call-aliyev', 'never'],
      ['fight', 'maybe'],
      ['give-in', 'always'],
    ]);
  });
});

describe('a news event, the order of months and follow-ups', () => {
  const scenario = variantOfGolden((data) => {
    // A news item dated December, and a decision dated November: November comes first
    // even though the news is listed first in the file.
    data.events.unshift({
      id: 'winter-news',
      date: '1991-12',
      title: 'A hard winter',
      text: 'Heating fails in Baku.',
      sources: [{ doc: '001_d280760346cc79d6.txt', section: 'test' }],
      effects: [{ op: 'add', var: 'stability', delta: -3 }],
    });
    // A follow-up that becomes possible only once the CIS question is answered.
    data.events.push({
      id: 'after-the-vote',
      window: { from: '1991-10', to: '1992-12' },
      conditions: { flag: 'cis-refused' },
      title: 'Moscow takes note',
      text: 'The refusal is noticed.',
      sources: [{ doc: '000_e8ef7e9fb16e62fa.txt', section: 'test' }],
      choices: [{ id: 'shrug', label: 'Shrug', effects: [{ op: 'add', var: 'russia.relation', delta: -1 }] }],
    });
  });

  it('raises a quarter’s events in the order of their months and reports news without asking', () => {
    const s = newGame(scenario, 1);
    expect(s.current.events).toEqual(['turkey-recognises', 'winter-news', 'russia-refuses-treaty', 'us-iran-recognise', 'cis-founded']);
    expect(s.pending).toEqual(['turkey-recognises', 'russia-refuses-treaty', 'us-iran-recognise', 'cis-founded']);
    expect(s.meters.stability).toBe(42 - 3);
    expect(recordChanges(s, s.current)).toContainEqual({ var: 'stability', delta: -3, cause: 'A hard winter' });
  });

  it('raises a follow-up as soon as the answer makes it possible, in the same quarter', () => {
    let s = run(scenario, newGame(scenario, 1), [
      { type: 'choose', event: 'turkey-recognises', choice: 'embrace' },
      { type: 'choose', event: 'russia-refuses-treaty', choice: 'keep-courting' },
      { type: 'choose', event: 'us-iran-recognise', choice: 'lean-washington' },
    ]);
    expect(s.pending).toEqual(['cis-founded']);
    s = ok(choose(scenario, s, 'cis-founded', 'parliament-refuses'));
    expect(s.pending).toEqual(['after-the-vote']);
    expect(s.turn).toBe(0);
    expect(s.fired['after-the-vote']).toBe(0);
  });
});

describe('responses that stay in force', () => {
  const scenario = variantOfGolden((data) => {
    const russia = (data.powers as Record<string, Record<string, unknown>>).russia as Record<string, unknown>;
    russia.relation = -90;
    russia.baseRelation = -90;
    russia.aggression = 300;
    russia.responses = [
      {
        id: 'embargo',
        kind: 'stick',
        label: 'Rail embargo',
        text: 'Trains stop at the border.',
        weight: 1,
        cooldown: 0,
        duration: 2,
        effects: [{ op: 'add', var: 'economy', delta: -2 }],
        endEffects: [{ op: 'add', var: 'economy', delta: 1 }],
      },
      { id: 'visit', kind: 'carrot', label: 'A visit', text: 'A minister comes.', effects: [{ op: 'add', var: 'russia.relation', delta: 1 }] },
    ];
    (data as Record<string, unknown>).trends = [
      {
        id: 'embargo-bites',
        label: 'The embargo bites',
        when: { active: { power: 'russia', response: 'embargo' } },
        effects: [{ op: 'add', var: 'stability', delta: -1 }],
      },
    ];
  });

  function playTurns(n: number): GameState[] {
    let s = newGame(scenario, 5);
    const states: GameState[] = [];
    for (let t = 0; t < n; t++) {
      while (s.pending.length > 0) {
        const e = scenario.events.find((x) => x.id === s.pending[0]);
        s = ok(choose(scenario, s, s.pending[0] as string, e?.choices[0]?.id ?? ''));
      }
      s = ok(endTurn(scenario, s));
      states.push(s);
    }
    return states;
  }

  it('an embargo holds for its duration, is not used again while in force, then ends with its end effects', () => {
    const states = playTurns(4);
    const first = states[0] as GameState;
    // (The other powers may answer too: every power acts at least a quarter of the time.)
    expect(
      responseEntries(first, first.history[0] as TurnRecord)
        .filter((r) => r.power === 'russia')
        .map((r) => r.response),
    ).toEqual(['embargo']);
    expect(first.active).toEqual([{ power: 'russia', response: 'embargo', until: 2 }]);
    // While in force it is not chosen again, and the trend that reads it applies.
    expect(responseEntries(states[1] as GameState, states[1]?.history[1] as TurnRecord).some((r) => r.response === 'embargo')).toBe(false);
    const second = states[1] as GameState;
    expect(recordChanges(second, second.history[1] as GameState['current'])).toContainEqual({ var: 'stability', delta: -1, cause: 'The embargo bites' });
    // Opening turn 3 ends it: the end effect is recorded with its cause.
    const third = states[2] as GameState;
    expect(third.active).toEqual([]);
    expect(recordChanges(third, third.current)).toContainEqual({ var: 'economy', delta: 1, cause: 'Russia: Rail embargo ends' });
  });
});

describe('the checker knows the new forms', () => {
  it('names an unknown leader and an active response without a duration', () => {
    const data = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/golden-scenario.json'), 'utf8')) as Json;
    const cis = eventOf(data, 'cis-founded');
    cis.variants = [{ when: { leader: 'Heydar Aliev' }, text: 'x' }];
    cis.conditions = { active: { power: 'russia', response: 'nope' } };
    const r = loadScenarioText(JSON.stringify(data), 'bad.json');
    const messages = r.findings.map((f) => `${f.path}: ${f.message}`);
    expect(messages).toContain(
      'events[3].variants[0].when.leader: no one called "Heydar Aliev" ever leads: name the initial leader or one a {"op": "leader"} effect installs; did you mean "Heydar Aliyev"?',
    );
    expect(messages.some((m) => m.startsWith('events[3].conditions.active.response: no response of russia with a duration has the id "nope"'))).toBe(true);
  });
});
