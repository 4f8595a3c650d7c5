/**
 * Every lint rule, one case each: a small change to a scenario that lints clean
 * (tests/fixtures/lint/base.json) that makes the rule speak, and changes that look
 * alike but must stay silent. A rule without a case here fails the last test.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/scenario/findings.ts';
import { LINT_RULES, lintScenario } from '../../src/scenario/lint.ts';
import { validateScenario } from '../../src/scenario/load.ts';
import { ROOT } from '../helpers.ts';

// biome-ignore lint/suspicious/noExplicitAny: fixtures are edited as raw JSON
type Json = any;
type Patch = (s: Json) => void;

const BASE = readFileSync(join(ROOT, 'tests/fixtures/lint/base.json'), 'utf8');
const SRC = [{ doc: '000_e8ef7e9fb16e62fa.txt', section: 'Test passage' }];

function lintPatched(patch: Patch): Finding[] {
  const data = JSON.parse(BASE);
  patch(data);
  const r = validateScenario(data, 'fixture.json');
  if (!r.scenario) throw new Error(`the fixture does not validate: ${r.findings.map((f) => `${f.path}: ${f.message}`).join('; ')}`);
  return lintScenario(r.scenario, 'fixture.json');
}

const event = (over: Json): Json => ({ sources: SRC, title: 'News', text: 'Something happens.', ...over });
const news = (id: string, date: string, text: string, over: Json = {}) => event({ id, date, title: `News ${id}`, text, ...over });
const treaty = event({
  id: 'treaty',
  date: '1992-08',
  title: 'The Kars Friendship Treaty',
  text: 'Ankara offers a treaty.',
  choices: [
    { id: 'sign', label: 'Sign it', hint: 'Turkey pleased', historical: true, effects: [{ op: 'flag', flag: 'treaty-signed' }] },
    { id: 'refuse', label: 'Refuse', hint: 'Turkey cooler', effects: [{ op: 'add', var: 'turkey.relation', delta: -3 }] },
  ],
});

interface Case {
  /** Makes the rule report, at this path. */
  triggers: Patch;
  at: string;
  /** Alike, but each must stay silent. */
  clean: Patch[];
  severity?: 'error' | 'warning';
  /** Part of the message, when it matters (a did-you-mean). */
  says?: string;
}

const concern = (when: Json) => (s: Json) => {
  s.powers.russia.concerns = [{ id: 'worry', label: 'A worry', delta: -1, when }];
};

const CASES: Record<string, Case> = {
  'event-never-fires': {
    triggers: (s) => s.events.push(news('impossible', '1992-06', 'Stability soars.', { conditions: { var: 'stability', op: '>', value: 100 } })),
    at: 'events[2]',
    clean: [
      (s) => s.events.push(news('possible', '1992-06', 'Stability soars.', { conditions: { var: 'stability', op: '>', value: 90 } })),
      (s) => {
        s.events.push(event({ id: 'follow-up', title: 'A follow-up', text: 'It follows.' }));
        s.actions[0].effects.push({ op: 'event', event: 'follow-up' });
      },
    ],
  },
  'scheduled-and-conditional': {
    triggers: (s) => {
      s.events.push(event({ id: 'follow-up', title: 'A follow-up', text: 'It follows.', conditions: { flag: 'ankara-visited' } }));
      s.actions[1].effects.push({ op: 'event', event: 'follow-up' });
    },
    at: 'events[2].conditions',
    clean: [
      (s) => {
        s.formatVersion = 2;
        s.events.push(event({ id: 'follow-up', title: 'A follow-up', text: 'It follows.', conditions: { flag: 'ankara-visited' } }));
        s.actions[1].effects.push({ op: 'event', event: 'follow-up' });
      },
    ],
  },
  'no-historical-choice': {
    triggers: (s) => {
      delete s.events[0].choices[0].historical;
    },
    at: 'events[0].choices',
    clean: [
      (s) => {
        delete s.events[0].choices[0].historical;
        s.events[0].whatIf = true;
      },
    ],
  },
  'choice-without-hint': {
    triggers: (s) => {
      delete s.events[0].choices[1].hint;
    },
    at: 'events[0].choices[1]',
    clean: [
      (s) => {
        s.events[0].choices = [s.events[0].choices[0]];
        delete s.events[0].choices[0].hint;
      },
    ],
  },
  'condition-never-holds': {
    triggers: concern({ var: 'turn', op: '>', value: 20 }),
    at: 'powers.russia.concerns[0].when',
    says: 'turn > 20, and turn is always 0 to 7',
    clean: [
      concern({ var: 'turn', op: '>', value: 5 }),
      concern({
        all: [
          { var: 'stability', op: '>', value: 40 },
          { var: 'stability', op: '<', value: 60 },
        ],
      }),
    ],
  },
  'condition-always-holds': {
    triggers: concern({ var: 'stability', op: '>=', value: 0 }),
    at: 'powers.russia.concerns[0].when',
    clean: [concern({ var: 'stability', op: '>=', value: 10 })],
  },
  'date-outside-calendar': {
    triggers: (s) => {
      s.actions[0].era = { from: '1990-01' };
    },
    at: 'actions[0].era.from',
    clean: [
      (s) => {
        s.actions[0].era = { from: '1992-06' };
      },
    ],
  },
  'flag-never-read': {
    triggers: (s) => s.actions[0].effects.push({ op: 'flag', flag: 'unread' }),
    at: 'actions[0].effects[2].flag',
    clean: [
      (s) => {
        s.actions[0].effects.push({ op: 'flag', flag: 'unread' });
        s.events[1].conditions = { any: [{ flag: 'ankara-visited' }, { flag: 'unread' }] };
      },
    ],
  },
  'flag-never-set': {
    triggers: (s) => {
      s.initial.flags = { cleared: false };
      s.events[1].conditions = { any: [{ flag: 'ankara-visited' }, { flag: 'cleared' }] };
    },
    at: 'events[1].conditions.any[1]',
    clean: [
      (s) => {
        s.initial.flags = { cleared: false };
        s.events[1].conditions = { any: [{ flag: 'ankara-visited' }, { flag: 'cleared' }] };
        s.actions[1].effects.push({ op: 'flag', flag: 'cleared' });
      },
    ],
  },
  'action-unaffordable': {
    triggers: (s) => {
      s.actions[0].cost.capital = 8;
    },
    at: 'actions[0].cost.capital',
    severity: 'error',
    clean: [
      (s) => {
        s.actions[0].cost.capital = 6;
      },
    ],
  },
  'action-never-available': {
    triggers: (s) => {
      s.actions[1].when = { var: 'year', op: '>', value: 1999 };
    },
    at: 'actions[1].when',
    clean: [
      (s) => {
        s.actions[1].when = { var: 'year', op: '>', value: 1992 };
      },
    ],
  },
  'unknown-transit': {
    triggers: (s) => {
      s.energy.routes = [{ id: 'north', name: 'North', kind: 'oil', transit: ['rusia'], status: 'operating', capacity: 5, price: 2 }];
    },
    at: 'energy.routes[0].transit[0]',
    severity: 'error',
    says: 'did you mean "russia"?',
    clean: [
      (s) => {
        s.energy.routes = [{ id: 'west', name: 'West', kind: 'oil', transit: ['georgia', 'turkey'], status: 'operating', capacity: 5, price: 2 }];
      },
    ],
  },
  'no-effect': {
    triggers: (s) => s.actions[0].effects.push({ op: 'add', var: 'economy', delta: 0 }),
    at: 'actions[0].effects[2]',
    clean: [(s) => s.actions[0].effects.push({ op: 'add', var: 'economy', delta: 1 })],
  },
  'long-text': {
    triggers: (s) => {
      s.events[1].text = 'A long story. '.repeat(60);
    },
    at: 'events[1].text',
    clean: [
      (s) => {
        s.events[1].text = 'A long story. '.repeat(45);
      },
    ],
  },
  'duplicate-text': {
    triggers: (s) => {
      s.events[1].title = s.events[0].title;
    },
    at: 'events[1].title',
    clean: [
      (s) => {
        s.events[1].title = `${s.events[0].title}, again`;
      },
    ],
  },
  'no-sources': {
    triggers: (s) => {
      s.actions[0].historical = ['1992-03'];
    },
    at: 'actions[0].historical',
    clean: [
      (s) => {
        s.actions[0].historical = ['1992-03'];
        s.actions[0].sources = SRC;
      },
    ],
  },
  'one-sided-power': {
    triggers: (s) => {
      s.powers.iran.responses = s.powers.iran.responses.filter((r: Json) => r.kind !== 'stick');
    },
    at: 'powers.iran.responses',
    clean: [(s) => s.powers.iran.responses.push({ ...s.powers.iran.responses[0], id: 'another' })],
  },
  'leader-not-gated': {
    triggers: (s) => s.events.push(news('meeting', '1993-01', 'Elchibey meets the Russian envoy.')),
    at: 'events[2].text',
    clean: [
      // gated in the event's conditions
      (s) => s.events.push(news('meeting', '1993-01', 'Elchibey meets the Russian envoy.', { conditions: { leader: 'Ebulfez Elchibey' } })),
      // gated in a variant, the plain text names no one
      (s) =>
        s.events.push(
          news('meeting', '1993-01', 'The president meets the Russian envoy.', {
            variants: [{ when: { leader: 'Ebulfez Elchibey' }, text: 'Elchibey meets the Russian envoy.' }],
          }),
        ),
      // the plain text stands for everyone but the leader a variant (on leader alone) covers
      (s) =>
        s.events.push(
          news('meeting', '1993-01', 'Mutalibov meets the Russian envoy.', {
            variants: [{ when: { leader: 'Ebulfez Elchibey' }, text: 'Elchibey meets the Russian envoy.' }],
          }),
        ),
      // about the change: after the event that installs him
      (s) => s.events.push(news('meeting', '1993-01', 'Mutalibov has fled to Moscow.', { conditions: { fired: 'popular-front' } })),
      // dated before anyone else can lead
      (s) => s.events.push(news('meeting', '1992-02', 'Mutalibov meets the Russian envoy.')),
      // the event installs the leader it names
      (s) => {
        s.events[0].choices[0].label = 'Accept Elchibey as president';
      },
      // a surname inside a longer word is not a name
      (s) => s.events.push(news('meeting', '1993-01', 'The Elchibeyist faction meets.')),
    ],
  },
  'decision-not-gated': {
    triggers: (s) => s.events.push(treaty, news('after', '1993-01', 'Since the Kars Friendship Treaty, trade has grown.')),
    at: 'events[3].text',
    clean: [
      (s) => s.events.push(treaty, news('after', '1993-01', 'Since the Kars Friendship Treaty, trade has grown.', { conditions: { fired: 'treaty' } })),
      (s) => s.events.push(treaty, news('after', '1993-01', 'Since the Kars Friendship Treaty, trade has grown.', { conditions: { flag: 'treaty-signed' } })),
      (s) =>
        s.events.push(
          treaty,
          news('after', '1993-01', 'Trade grows.', {
            variants: [{ when: { chose: { event: 'treaty', choice: 'sign' } }, text: 'Since the Kars Friendship Treaty, trade has grown.' }],
          }),
        ),
      // before the treaty can happen, the text speaks of what is coming
      (s) => s.events.push(treaty, news('after', '1992-02', 'Talk of a Kars Friendship Treaty grows.')),
      // the same words in lower case are not the treaty's name
      (s) => s.events.push(treaty, news('after', '1993-01', 'A kars friendship treaty would help.')),
    ],
  },
};

describe('lint rules', () => {
  it('the base fixture lints clean', () => {
    expect(lintPatched(() => {})).toEqual([]);
  });

  for (const [rule, c] of Object.entries(CASES)) {
    describe(rule, () => {
      it(`reports at ${c.at}`, () => {
        const found = lintPatched(c.triggers).filter((f) => f.rule === rule);
        expect(found.map((f) => f.path)).toContain(c.at);
        expect(found.every((f) => f.severity === (c.severity ?? 'warning'))).toBe(true);
        if (c.says) expect(found.map((f) => f.message).join('\n')).toContain(c.says);
      });
      c.clean.forEach((patch, i) => {
        it(`stays silent on look-alike ${i + 1}`, () => {
          expect(lintPatched(patch).filter((f) => f.rule === rule)).toEqual([]);
        });
      });
      it('is silenced by lint.ignore with its subject', () => {
        const first = lintPatched(c.triggers).find((f) => f.rule === rule);
        const subject = first?.message.match(/\[([^\]]+)\]$/)?.[1];
        expect(subject).toBeDefined();
        const silenced = lintPatched((s) => {
          c.triggers(s);
          s.lint = { ignore: [`${rule}:${subject}`] };
        });
        expect(silenced.filter((f) => f.rule === rule)).toEqual([]);
      });
    });
  }

  it('the leader rule names who else can lead and what gate to add', () => {
    const [f] = lintPatched(CASES['leader-not-gated']?.triggers ?? (() => {})).filter((x) => x.rule === 'leader-not-gated');
    expect(f?.message).toBe(
      'names "Elchibey" but can be shown while Ayaz Mutalibov leads; gate it with {"leader": "Ebulfez Elchibey"} in the event\'s "conditions" or a variant\'s "when" (a text about a change of leader: require {"fired": …} of the event that makes it) [meeting]',
    );
  });

  it('every rule has a case here', () => {
    expect(Object.keys(LINT_RULES).filter((r) => !(r in CASES))).toEqual([]);
  });

  it('an old rule id in lint.ignore still silences the renamed rule', () => {
    const found = lintPatched((s) => {
      s.actions[0].effects.push({ op: 'flag', flag: 'unread' });
      s.lint = { ignore: ['unused-flag:unread'] };
    });
    expect(found).toEqual([]);
  });
});
