/**
 * The glossary: every entry rests on the five sources (or is a word of the game), names
 * are unambiguous, and the matcher links the first appearance of each term, as a whole
 * word, longest name first — in the shipped scenarios' own texts too.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TERMS } from '../../../src/ui/glossary/entries.ts';
import { findTerms } from '../../../src/ui/glossary/match.ts';
import { SOURCE_TITLES } from '../../../src/ui/glossary/sources.ts';
import { ROOT } from '../../helpers.ts';

const linked = (text: string) => findTerms(text).map((h) => [text.slice(h.start, h.end), h.id]);

describe('the glossary entries', () => {
  it('has the terms a student meets: the meters, the relation words, the organisations, routes and agreements', () => {
    const ids = TERMS.map((t) => t.id);
    for (const id of ['sovereignty', 'stability', 'economy', 'security', 'relation', 'stance', 'influence', 'balance', 'political-capital', 'treasury'])
      expect(ids).toContain(id);
    for (const id of ['psa', 'btc', 'cis', 'csto', 'guam', 'minsk-group', 'gabala', 'nabucco', 'contract-of-the-century', 'karabakh'])
      expect(ids).toContain(id);
    expect(TERMS.find((t) => t.id === 'relation')?.aliases).toEqual(['hostile', 'cold', 'wary', 'friendly', 'close']);
  });

  it('gives every historical entry a citation of the five sources, and keeps entries short', () => {
    for (const t of TERMS) {
      expect(t.text.length, t.id).toBeGreaterThan(40);
      expect(t.text.length, t.id).toBeLessThan(520);
      for (const s of t.sources) {
        expect(Object.keys(SOURCE_TITLES), t.id).toContain(s.doc);
        expect(s.section.length, t.id).toBeGreaterThan(3);
      }
      if (t.kind !== 'game') expect(t.sources.length, t.id).toBeGreaterThan(0);
    }
  });

  it('uses each id and each name once', () => {
    expect(new Set(TERMS.map((t) => t.id)).size).toBe(TERMS.length);
    const names = TERMS.filter((t) => t.link !== false).flatMap((t) => [t.term, ...t.aliases]);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('finding terms in a text', () => {
  it('links the first appearance of each term only, in reading order', () => {
    expect(linked('Baku joins the CIS but not the CSTO; GUAM meets, and the CIS asks again.')).toEqual([
      ['CIS', 'cis'],
      ['CSTO', 'csto'],
      ['GUAM', 'guam'],
    ]);
  });

  it('matches whole words, case and all: "decisions" is not the CIS, "Gabalan" is not Gabala', () => {
    expect(linked('Hard decisions in Gabalan hills; cis and guam in lower case.')).toEqual([]);
  });

  it('prefers the longest name: Nagorno-Karabakh, the Gabala radar, the Baku–Tbilisi–Ceyhan pipeline', () => {
    expect(linked('Nagorno-Karabakh and the Gabala radar; then Karabakh again.')).toEqual([
      ['Nagorno-Karabakh', 'karabakh'],
      ['Gabala radar', 'gabala'],
    ]);
    expect(linked('The Baku–Tbilisi–Ceyhan pipeline opens; BTC flows.')).toEqual([['Baku–Tbilisi–Ceyhan pipeline', 'btc']]);
  });

  it('leaves the words of the game (stability, friendly…) unlinked in prose: the panels explain them', () => {
    expect(linked('Stability falls; Russia is friendly and its influence grows.')).toEqual([]);
  });

  it('finds every linkable term in the shipped scenarios’ texts', () => {
    const texts: string[] = [];
    const walk = (v: unknown): void => {
      if (typeof v === 'string') texts.push(v);
      else if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') Object.values(v).forEach(walk);
    };
    for (const f of ['independence-1991', 'balanced-1994', 'after-georgia-2008', 'campaign/bridge-2004-2008']) {
      const sc = JSON.parse(readFileSync(join(ROOT, 'scenarios', `${f}.json`), 'utf8')) as Record<string, unknown>;
      walk([sc.events, sc.actions, sc.powers]);
    }
    const found = new Set(texts.flatMap((t) => findTerms(t).map((h) => h.id)));
    const missing = TERMS.filter((t) => t.link !== false && !found.has(t.id)).map((t) => t.id);
    expect(missing).toEqual([]);
  });
});
