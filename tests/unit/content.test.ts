/**
 * The shipped content keeps faith with its sources and with the fiction, in all four
 * scenarios: every event and action cites one of the five source documents; no text the
 * player reads talks about the sources instead of the story ("the sources do not date
 * it"); and no text copies the sources: no run of 12 words (case and punctuation aside)
 * appears in any of them. Designers' `note` fields are not shown to the player and are
 * not checked for meta-talk.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SOURCE_DOCS } from '../../src/core/vocabulary.ts';
import type { Scenario } from '../../src/scenario/types.ts';
import { fingerprint, RUN_LENGTH, RUNS_FILE, runHash, runHashes, sourcesDir, words } from '../../scripts/source-runs.ts';
import { shippedScenario } from '../helpers.ts';

const IDS = ['independence-1991', 'balanced-1994', 'after-georgia-2008', 'campaign-1991-2012'];

/** Hashes of every run of 12 words in the five sources (scripts/source-runs.ts). */
const SOURCE_RUNS = new Set(readFileSync(RUNS_FILE, 'utf8').split('\n').filter(Boolean));

/** Every text of a scenario a player can read, with where it is. */
function playerTexts(s: Scenario): { where: string; text: string }[] {
  const out: { where: string; text: string }[] = [];
  const put = (where: string, text: string | undefined) => {
    if (text) out.push({ where, text });
  };
  put('title', s.title);
  put('summary', s.summary);
  put('briefing', s.briefing);
  for (const e of s.events) {
    put(`${e.id}.title`, e.title);
    put(`${e.id}.text`, e.text);
    (e.variants ?? []).forEach((v, i) => {
      put(`${e.id}.variants[${i}].title`, v.title);
      put(`${e.id}.variants[${i}].text`, v.text);
    });
    for (const c of e.choices) {
      put(`${e.id}.${c.id}.label`, c.label);
      put(`${e.id}.${c.id}.hint`, c.hint);
      (c.variants ?? []).forEach((v, i) => {
        put(`${e.id}.${c.id}.variants[${i}].label`, v.label);
        put(`${e.id}.${c.id}.variants[${i}].hint`, v.hint);
      });
    }
  }
  for (const a of s.actions) {
    put(`${a.id}.label`, a.label);
    put(`${a.id}.text`, a.text);
    put(`${a.id}.whenText`, a.whenText);
  }
  for (const [id, p] of Object.entries(s.powers)) {
    put(`${id}.agenda`, p.agenda);
    for (const x of p.influenceSources) put(`${id}.${x.id}.label`, x.label);
    for (const x of p.concerns) put(`${id}.${x.id}.label`, x.label);
    for (const r of p.responses) {
      put(`${id}.${r.id}.label`, r.label);
      put(`${id}.${r.id}.text`, r.text);
    }
  }
  for (const t of s.trends) put(`trend ${t.id}.label`, t.label);
  return out;
}

/**
 * Phrases that speak about the documents, the designers or history's record instead of
 * telling the story. Such remarks belong in a `note`.
 */
const META = [
  /\bthe sources?\b(?! of\b)/i,
  /\bsource's\b/i,
  /\bsources'/i,
  /\bhistory's (answer|choice)\b/i,
  /\bhistory (chose|answered)\b/i,
  /\b(do|does|did) not (date|record|say|give the (month|year|date))\b/i,
  /\bnot (dated|recorded) (in|by)\b/i,
  /\bthe (documents|texts) (say|do not|don't|give)\b/i,
];

describe.each(IDS)('%s', (id) => {
  const scenario = shippedScenario(id);

  it('cites one of the five source documents on every event and every action', () => {
    const missing = [
      ...scenario.events.filter((e) => e.sources.length === 0).map((e) => `event ${e.id}`),
      ...scenario.actions.filter((a) => (a.sources ?? []).length === 0).map((a) => `action ${a.id}`),
    ];
    expect(missing).toEqual([]);
    const cited = [...scenario.events.flatMap((e) => e.sources), ...scenario.actions.flatMap((a) => a.sources ?? [])];
    expect(cited.filter((c) => !(SOURCE_DOCS as readonly string[]).includes(c.doc))).toEqual([]);
  });

  it('tells the story without talking about the sources', () => {
    const offending = playerTexts(scenario)
      .filter(({ text }) => META.some((re) => re.test(text)))
      .map(({ where, text }) => `${where}: ${text}`);
    expect(offending).toEqual([]);
  });

  it('copies no run of 12 words from any source', () => {
    const copied = playerTexts(scenario).flatMap(({ where, text }) => {
      const w = words(text);
      for (let i = 0; i + RUN_LENGTH <= w.length; i++) {
        const run = w.slice(i, i + RUN_LENGTH);
        if (SOURCE_RUNS.has(runHash(run))) return [`${where}: "${run.join(' ')}"`];
      }
      return [];
    });
    expect(copied).toEqual([]);
  });
});

describe('the checks themselves', () => {
  const dir = sourcesDir();

  it.skipIf(dir === null)('use fingerprints that match the five sources on this machine (npx tsx scripts/source-runs.ts)', () => {
    expect([...SOURCE_RUNS].sort()).toEqual(fingerprint(dir as string));
  });

  it('catch a sentence copied from a source, whatever its case and punctuation', () => {
    expect(SOURCE_RUNS.size).toBeGreaterThan(7000);
    // 000, on Russia's recognition of Azerbaijan, reworded only in case and punctuation.
    const copy = 'RUSSIA recognized the independence of Azerbaijan on 4 April 1992 -- as a result, diplomatic relations were established!';
    expect(runHashes(copy).some((h) => SOURCE_RUNS.has(h))).toBe(true);
    const own = 'Moscow recognises Azerbaijan in April 1992, and the two capitals open diplomatic relations at last.';
    expect(runHashes(own).some((h) => SOURCE_RUNS.has(h))).toBe(false);
  });

  it('catch talk about the sources, and let the story say "the source of" a river', () => {
    const flagged = (t: string) => META.some((re) => re.test(t));
    expect(flagged('The sources do not date the request.')).toBe(true);
    expect(flagged("Cooperation moves, in the source's words, into another gear.")).toBe(true);
    expect(flagged("History's answer was Heydar Aliyev.")).toBe(true);
    expect(flagged('The Samur, the source of most of Baku’s water, marks the border.')).toBe(false);
    expect(flagged('Russia and Georgia go to war.')).toBe(false);
  });
});
