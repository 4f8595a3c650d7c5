/**
 * The shipped scenarios: each validates and lints clean, every event cites the sources,
 * the campaign is exactly what the chapters build, and the historical policy meets the
 * key events on the turns history dates them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { turnOfMonth } from '../../src/core/index.ts';
import { historical } from '../../src/policies/policies.ts';
import { playtestFindings } from '../../src/policies/playtest.ts';
import { playGame } from '../../src/policies/run.ts';
import { SOURCE_DOCS } from '../../src/core/vocabulary.ts';
import { lintScenario } from '../../src/scenario/lint.ts';
import { CAMPAIGN_FILE, campaignFromDisk } from '../../scripts/campaign-sources.ts';
import { ROOT, shippedScenario } from '../helpers.ts';

const IDS = readdirSync(join(ROOT, 'scenarios'))
  .filter((f) => f.endsWith('.json') && f !== 'scenario.schema.json')
  .map((f) => f.slice(0, -5));

describe('shipped scenarios', () => {
  it('are the four the other code relies on', () => {
    expect(IDS.sort()).toEqual(['after-georgia-2008', 'balanced-1994', 'campaign-1991-2012', 'independence-1991']);
  });

  it.each(IDS)('%s validates and lints clean, playtest included', (id) => {
    const scenario = shippedScenario(id);
    expect(lintScenario(scenario, id)).toEqual([]);
    expect(playtestFindings(scenario, id)).toEqual([]);
  });

  it.each(IDS)('%s cites one of the five source files on every event', (id) => {
    const scenario = shippedScenario(id);
    for (const e of scenario.events) {
      expect(e.sources.length, e.id).toBeGreaterThan(0);
      for (const s of e.sources) expect(SOURCE_DOCS).toContain(s.doc);
    }
  });

  it('the committed campaign is exactly what the chapters and the bridge build (npm run campaign)', () => {
    const committed = JSON.parse(readFileSync(join(ROOT, CAMPAIGN_FILE), 'utf8'));
    expect(committed).toEqual(campaignFromDisk());
  });
});

/** Event id → the month history dates it to. */
const KEY_EVENTS: Record<string, Record<string, string>> = {
  'independence-1991': {
    'turkey-recognises': '1991-11',
    'cis-founded': '1991-12',
    khodzhaly: '1992-02',
    'russia-recognises': '1992-04',
    'troops-leave': '1993-05',
    'coup-1993': '1993-06',
    'western-firms-frozen': '1993-06',
    'cis-entry': '1993-09',
    'contract-of-the-century': '1994-09',
  },
  'balanced-1994': {
    'chechnya-war': '1994-12',
    'dagestan-1999': '1999-08',
    'gimir-bombing': '1999-10',
    'putin-visit': '2001-01',
    'aliyev-moscow-2002': '2002-01',
  },
  'after-georgia-2008': {
    'georgia-war': '2008-08',
    'moscow-declaration': '2008-11',
    protocols: '2009-10',
    'socar-gazprom': '2009-10',
    'gyumri-extended': '2010-08',
    'medvedev-visit': '2010-09',
    'gabala-ends': '2012-12',
  },
  'campaign-1991-2012': {
    'turkey-recognises': '1991-11',
    khodzhaly: '1992-02',
    'coup-1993': '1993-06',
    'cis-entry': '1993-09',
    'contract-of-the-century': '1994-09',
    'chechnya-war': '1994-12',
    'gimir-bombing': '1999-10',
    'putin-visit': '2001-01',
    'gas-of-our-own': '2006-12',
    'davos-2008': '2008-01',
    'georgia-war': '2008-08',
    'socar-gazprom': '2009-10',
    'medvedev-visit': '2010-09',
    'gabala-ends': '2012-12',
  },
};

function playedSeeds(scenario: ReturnType<typeof shippedScenario>, n: number) {
  return Array.from({ length: n }, (_, i) => playGame(scenario, i + 1, historical).state);
}

describe.each(Object.keys(KEY_EVENTS))('the historical path through %s', (id) => {
  const scenario = shippedScenario(id);
  const games = [1, 2, 3, 4, 5].map((seed) => playGame(scenario, seed, historical).state);

  it.each(Object.entries(KEY_EVENTS[id] ?? {}))('meets %s in the quarter of %s', (event, month) => {
    const turn = turnOfMonth(scenario.calendar, month);
    for (const state of games) expect(state.fired[event]).toBe(turn);
  });

  if (id === 'independence-1991' || id === 'campaign-1991-2012') {
    it('goes through the 1993 coup and Heydar Aliyev in June 1993, as history did, on every seed', () => {
      for (const state of playedSeeds(scenario, 20)) {
        expect(state.fired['coup-1993']).toBe(turnOfMonth(scenario.calendar, '1993-06'));
        expect(state.chosen['coup-1993']).toBe('call-aliyev');
      }
    });
  }
});
