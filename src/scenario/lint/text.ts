/** Texts the player reads: too long for the dialog, said twice, history without sources. */
import type { PathPart } from '../findings.ts';
import type { LintContext } from './context.ts';

/** What fits the event dialog at 1024×640 without scrolling, in characters. */
export const TEXT_LIMITS = { title: 60, text: 700, label: 80, hint: 120 } as const;

export const TEXT_RULES = {
  'long-text': 'a text is long enough to crowd the event dialog',
  'duplicate-text': 'two events share a title or a text, or two choices of one event share a label',
  'no-sources': 'an action marked as history cites no source',
} as const;

export function lintText(ctx: LintContext): void {
  const { s } = ctx;
  const long = (text: string | undefined, limit: number, path: PathPart[], what: string, subject: string) => {
    if (text !== undefined && text.length > limit)
      ctx.warn('long-text', path, `${what} has ${text.length} characters; keep it under ${limit} so it fits the dialog`, subject);
  };
  const titles = new Map<string, number>();
  const texts = new Map<string, number>();
  s.events.forEach((e, i) => {
    long(e.title, TEXT_LIMITS.title, ['events', i, 'title'], 'the title', e.id);
    long(e.text, TEXT_LIMITS.text, ['events', i, 'text'], 'the text', e.id);
    e.variants?.forEach((v, j) => {
      long(v.title, TEXT_LIMITS.title, ['events', i, 'variants', j, 'title'], 'the title', e.id);
      long(v.text, TEXT_LIMITS.text, ['events', i, 'variants', j, 'text'], 'the text', e.id);
    });
    const labels = new Map<string, number>();
    e.choices.forEach((c, j) => {
      long(c.label, TEXT_LIMITS.label, ['events', i, 'choices', j, 'label'], 'the label', `${e.id}.${c.id}`);
      long(c.hint, TEXT_LIMITS.hint, ['events', i, 'choices', j, 'hint'], 'the hint', `${e.id}.${c.id}`);
      const prev = labels.get(c.label);
      if (prev !== undefined)
        ctx.warn('duplicate-text', ['events', i, 'choices', j, 'label'], `same label as choices[${prev}] of "${e.id}": "${c.label}"`, `${e.id}.${c.id}`);
      else labels.set(c.label, j);
    });
    const t = titles.get(e.title);
    if (t !== undefined) ctx.warn('duplicate-text', ['events', i, 'title'], `same title as events[${t}]: "${e.title}"`, e.id);
    else titles.set(e.title, i);
    const x = texts.get(e.text);
    if (x !== undefined) ctx.warn('duplicate-text', ['events', i, 'text'], `same text as events[${x}]`, e.id);
    else texts.set(e.text, i);
  });
  s.actions.forEach((a, i) => {
    if (a.historical && a.historical.length > 0 && (!a.sources || a.sources.length === 0))
      ctx.warn(
        'no-sources',
        ['actions', i, 'historical'],
        `action "${a.id}" is marked as history (${a.historical.join(', ')}) but cites no source; add "sources"`,
        a.id,
      );
  });
}
