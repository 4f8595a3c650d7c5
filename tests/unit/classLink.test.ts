/** Class links: the link a teacher hands out carries one setup for the whole class, read back exactly by the page. */
import { describe, expect, it } from 'vitest';
import { classLinkUrl } from '../../src/ui/classroom/classLink.ts';
import { parseUrlParams } from '../../src/ui/urlParams.ts';

const IDS = ['independence-1991', 'campaign-1991-2012'];

describe('class links', () => {
  it('round-trips a setup through the link', () => {
    const url = classLinkUrl('https://school.example/caspian/?play=x#top', {
      scenario: 'independence-1991',
      seed: '4821',
      difficulty: 'hard',
      className: '10B history',
    });
    expect(url).toBe('https://school.example/caspian/?scenario=independence-1991&seed=4821&difficulty=hard&class=10B+history');
    expect(parseUrlParams(new URL(url).search, IDS, 'independence-1991')).toEqual({
      play: null,
      classSetup: { scenario: 'independence-1991', seed: '4821', difficulty: 'hard', className: '10B history' },
      notices: [],
    });
  });

  it('round-trips a class name with markup and non-Latin letters as the same text', () => {
    const setup = { scenario: 'campaign-1991-2012', seed: 'Bakı 1', difficulty: 'easy' as const, className: '<i>9A</i> & Şəki' };
    expect(parseUrlParams(new URL(classLinkUrl('https://school.example/', setup)).search, IDS, 'independence-1991').classSetup).toEqual(setup);
  });
});
