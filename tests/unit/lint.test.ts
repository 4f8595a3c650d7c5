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
}

const CASES: Record<string, Case> = {
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
        expect(found.every((f) => f.severity === 'warning')).toBe(true);
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

  for (const rule of Object.keys(LINT_RULES).filter((r) => !(r in CASES))) it.todo(`${rule} has a triggering and a clean fixture`);
});
