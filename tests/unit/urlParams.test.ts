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
      classSetup: null,
      notices: [],
    });
    expect(parse('?play')).toEqual({ play: { scenario: 'independence-1991', seed: '1', difficulty: 'normal' }, classSetup: null, notices: [] });
    expect(parse('')).toEqual({ play: null, classSetup: null, notices: [] });
  });

  it.each(PROTOTYPE_NAMES)('treats ?play=%s as an unknown scenario, not a property of the catalog', (name) => {
    expect(parse(`?play=${encodeURIComponent(name)}`)).toEqual({
      play: null,
      classSetup: null,
      notices: [`The link asks for the scenario ${JSON.stringify(name)}, which this game does not have; choose one below.`],
    });
  });

  it('plays on normal when the difficulty is not one of the three, and says so', () => {
    for (const bogus of ['bogus', 'toString', '__proto__', 'EASY', '']) {
      expect(parse(`?play=independence-1991&difficulty=${bogus}`)).toEqual({
        play: { scenario: 'independence-1991', seed: '1', difficulty: 'normal' },
        classSetup: null,
        notices: [`The link’s difficulty ${JSON.stringify(bogus)} is not easy, normal or hard; normal is used instead.`],
      });
    }
  });

  it('replaces a seed that is too long or holds odd characters with seed 1, quoting only its start', () => {
    const long = 'x'.repeat(200);
    expect(parse(`?play=&seed=${long}`)).toEqual({
      play: { scenario: 'independence-1991', seed: '1', difficulty: 'normal' },
      classSetup: null,
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
      classSetup: null,
      notices: [
        'The link parameter "utm_source" is not one the game knows (play, seed, difficulty); it was ignored.',
        'The link gives play more than once; the first was used.',
        'The link parameter "__proto__" is not one the game knows (play, seed, difficulty); it was ignored.',
      ],
    });
    expect(parse('?seed=4&difficulty=hard')).toEqual({
      play: null,
      classSetup: null,
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
          expect(r.play.seed).toMatch(/^[\p{L}\p{N} _.-]{1,40}$/u);
        }
        for (const n of r.notices) expect(n.length).toBeLessThan(200);
      }),
      { numRuns: 2000, seed: 11 },
    );
  });

  it('reads a class link as the teacher’s setup, every part checked', () => {
    expect(parse('?scenario=balanced-1994&seed=Bakı 9&difficulty=hard&class=10B%20history')).toEqual({
      play: null,
      classSetup: { scenario: 'balanced-1994', seed: 'Bakı 9', difficulty: 'hard', className: '10B history' },
      notices: [],
    });
    expect(parse('?scenario=balanced-1994&seed=4').classSetup).toEqual({ scenario: 'balanced-1994', seed: '4', difficulty: 'normal', className: '' });
    // With play, the link starts a game and the class parts are ignored.
    expect(parse('?play=balanced-1994&scenario=independence-1991').notices).toEqual([
      'The link parameter "scenario" is not one the game knows (play, seed, difficulty); it was ignored.',
    ]);
    expect(parse('?scenario=balanced-1994&seed=4&utm_source=mail')).toMatchObject({
      classSetup: { scenario: 'balanced-1994' },
      notices: ['The link parameter "utm_source" is not one the game knows (scenario, seed, difficulty, class); it was ignored.'],
    });
  });

  it.each(PROTOTYPE_NAMES)('refuses a class link to the scenario %s, the same for every student', (name) => {
    expect(parse(`?scenario=${encodeURIComponent(name)}&seed=1`)).toEqual({
      play: null,
      classSetup: null,
      notices: [`This class link names a scenario this game does not have (${JSON.stringify(name)}). Ask your teacher for a new link.`],
    });
  });

  it('refuses a class link with a bad seed or difficulty rather than give students different games', () => {
    for (const seed of ['', '%3Cscript%3E', '9'.repeat(41)]) {
      expect(parse(`?scenario=balanced-1994&seed=${seed}`)).toEqual({
        play: null,
        classSetup: null,
        notices: ['This class link has no usable seed (1 to 40 letters, digits, spaces, dots, dashes). Ask your teacher for a new link.'],
      });
    }
    expect(parse('?scenario=balanced-1994&seed=5&difficulty=valueOf').notices).toEqual([
      'This class link asks for an unknown difficulty ("valueOf"). Ask your teacher for a new link.',
    ]);
  });

  it('keeps a class name as text: control characters dropped, spaces collapsed, 60 characters at most, markup untouched', () => {
    const name = encodeURIComponent(`<b>9A</b>\u0000\n  ${'x'.repeat(100)}`);
    expect(parse(`?scenario=balanced-1994&seed=5&class=${name}`).classSetup?.className).toBe(`<b>9A</b> ${'x'.repeat(50)}`);
  });
});
