/**
 * Issue 11.5: the URL parameters are a stranger's text. Names every object has, unknown
 * difficulties and long seeds used to throw or start broken games; now each is checked,
 * replaced or ignored with a notice, and the parser never throws.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseUrlParams } from '../../src/ui/urlParams.ts';

const IDS = ['after-georgia-2008', 'balanced-1994', 'campaign-1991-2012', 'independence-1991'];
const parse = (search: string) => parseUrlParams(search, IDS, 'independence-1991');
const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype);

describe('reading the page’s URL parameters', () => {
  it('starts the game a link asks for', () => {
    expect(parse('?play=balanced-1994&seed=42&difficulty=hard')).toEqual({
      play: { scenario: 'balanced-1994', seed: '42', difficulty: 'hard' },
      notices: [],
    });
    expect(parse('?play')).toEqual({ play: { scenario: 'independence-1991', seed: '1', difficulty: 'normal' }, notices: [] });
    expect(parse('')).toEqual({ play: null, notices: [] });
  });

  it.each(PROTOTYPE_NAMES)('treats ?play=%s as an unknown scenario, not a property of the catalog', (name) => {
    expect(parse(`?play=${encodeURIComponent(name)}`)).toEqual({
      play: null,
      notices: [`The link asks for the scenario ${JSON.stringify(name)}, which this game does not have; choose one below.`],
    });
  });

  it('plays on normal when the difficulty is not one of the three, and says so', () => {
    for (const bogus of ['bogus', 'toString', '__proto__', 'EASY', '']) {
      expect(parse(`?play=independence-1991&difficulty=${bogus}`)).toEqual({
        play: { scenario: 'independence-1991', seed: '1', difficulty: 'normal' },
        notices: [`The link’s difficulty ${JSON.stringify(bogus)} is not easy, normal or hard; normal is used instead.`],
      });
    }
  });

  it('replaces a seed that is too long or holds odd characters with seed 1, quoting only its start', () => {
    const long = 'x'.repeat(200);
    expect(parse(`?play=&seed=${long}`)).toEqual({
      play: { scenario: 'independence-1991', seed: '1', difficulty: 'normal' },
      notices: [`The link’s seed "${'x'.repeat(32)}…" is not 1 to 40 letters, digits, spaces, - _ or .; seed 1 is used instead.`],
    });
    expect(parse('?play=&seed=%3Cimg%3E').play?.seed).toBe('1');
    expect(parse('?play=&seed=').play?.seed).toBe('1');
    expect(parse(`?play=&seed=${'7'.repeat(40)}`).play?.seed).toBe('7'.repeat(40));
    expect(parse('?play=&seed=class 9b').play?.seed).toBe('class 9b');
  });

  it('ignores unknown and repeated parameters with a notice each', () => {
    expect(parse('?play=balanced-1994&utm_source=mail&play=independence-1991&__proto__=1')).toEqual({
      play: { scenario: 'balanced-1994', seed: '1', difficulty: 'normal' },
      notices: [
        'The link parameter "utm_source" is not one the game knows (play, seed, difficulty); it was ignored.',
        'The link gives play more than once; the first was used.',
        'The link parameter "__proto__" is not one the game knows (play, seed, difficulty); it was ignored.',
      ],
    });
    expect(parse('?seed=4&difficulty=hard')).toEqual({
      play: null,
      notices: ['The link gives seed without play; it was ignored.', 'The link gives difficulty without play; it was ignored.'],
    });
  });

  it('reads at most 20 parameters', () => {
    const r = parse(`?play=&${Array.from({ length: 5000 }, (_, i) => `p${i}=1`).join('&')}`);
    expect(r.play).toEqual({ scenario: 'independence-1991', seed: '1', difficulty: 'normal' });
    expect(r.notices[0]).toBe('The link has 5001 parameters; only the first 20 were read.');
    expect(r.notices).toHaveLength(20);
  });

  it('never throws and only ever asks for a catalog scenario, a known difficulty and a plain seed', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (search) => {
        const r = parse(search);
        if (r.play) {
          expect(IDS).toContain(r.play.scenario);
          expect(['easy', 'normal', 'hard']).toContain(r.play.difficulty);
          expect(r.play.seed).toMatch(/^[A-Za-z0-9 _.-]{1,40}$/);
        }
        for (const n of r.notices) expect(n.length).toBeLessThan(200);
      }),
      { numRuns: 2000, seed: 11 },
    );
  });
});
