/** Class links: one setup for a class, every parameter checked, the class name kept as plain text. */
import { describe, expect, it } from 'vitest';
import { classLinkUrl, readClassLink } from '../../src/ui/classroom/classLink.ts';

const known = (id: string) => ['independence-1991', 'campaign-1991-2012'].includes(id);

describe('class links', () => {
  it('round-trips a setup through the link', () => {
    const url = classLinkUrl('https://school.example/caspian/?play=x#top', {
      scenario: 'independence-1991',
      seed: '4821',
      difficulty: 'hard',
      className: '10B history',
    });
    expect(url).toBe('https://school.example/caspian/?scenario=independence-1991&seed=4821&difficulty=hard&class=10B+history');
    expect(readClassLink(new URL(url).search, known)).toEqual({
      ok: true,
      setup: { scenario: 'independence-1991', seed: '4821', difficulty: 'hard', className: '10B history' },
    });
  });

  it('leaves other addresses alone and refuses bad parameters in words', () => {
    expect(readClassLink('', known)).toBeNull();
    expect(readClassLink('?play=independence-1991&seed=3', known)).toBeNull();
    expect(readClassLink('?scenario=atlantis&seed=1', known)).toEqual({
      ok: false,
      problem: 'This class link names a scenario this game does not have (“atlantis”). Ask your teacher for a new link.',
    });
    expect(readClassLink('?scenario=independence-1991&seed=%3Cscript%3E', known)).toMatchObject({ ok: false });
    expect(readClassLink('?scenario=independence-1991&seed=5&difficulty=brutal', known)).toMatchObject({ ok: false });
  });

  it('keeps a class name as text: control characters dropped, length capped, markup untouched', () => {
    const r = readClassLink(`?scenario=independence-1991&seed=5&class=${encodeURIComponent(`<b>9A</b>\u0000\n${'x'.repeat(100)}`)}`, known);
    expect(r?.ok && r.setup.className).toBe(`<b>9A</b>${'x'.repeat(51)}`);
    expect(r?.ok && r.setup.difficulty).toBe('normal');
  });
});
