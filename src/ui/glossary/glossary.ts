/**
 * The glossary on screen: a dialog of every term (src/ui/glossary/entries.ts) grouped by
 * kind, with a filter, each with its source citations; and `linkTerms`, which turns the
 * first appearance of each term in a game text into a small button that opens the
 * glossary at that term (its first sentence is the tooltip). One dialog for the page,
 * made on first use, outside #app like the other classroom dialogs: it opens over the
 * title, the game, an event or the debrief alike, and keys typed in it stay in it.
 */
import { createModal, type Modal } from '../classroom/modal.ts';
import { button, el, fill } from '../dom.ts';
import { KIND_TITLES, TERMS, type Term, type TermKind, termById } from './entries.ts';
import { findTerms } from './match.ts';
import { cite } from './sources.ts';

let modal: Modal | null = null;

const firstSentence = (text: string) => /^.*?[.!?](?=\s|$)/.exec(text)?.[0] ?? text;

function entry(t: Term): HTMLElement {
  return el(
    'article',
    { class: 'glossary-entry', testid: `glossary-${t.id}`, attrs: { id: `glossary-${t.id}`, tabindex: '-1' } },
    el('h4', {}, t.term, t.aliases.length && t.kind !== 'game' ? el('span', { class: 'glossary-aka' }, ` · ${t.aliases.join(' · ')}`) : null),
    el('p', {}, t.text),
    t.sources.length
      ? el(
          'p',
          { class: 'glossary-cite' },
          t.sources.length > 1 ? 'Sources: ' : 'Source: ',
          ...t.sources.flatMap((s, i) => [i ? '; ' : '', el('cite', {}, cite(s))]),
        )
      : el('p', { class: 'glossary-cite' }, 'How the game works (see How to play).'),
  );
}

function render(focus?: string): Node[] {
  const entries = new Map(TERMS.map((t) => [t.id, entry(t)]));
  const sections = (Object.keys(KIND_TITLES) as TermKind[]).map((kind) => {
    const terms = TERMS.filter((t) => t.kind === kind).sort((a, b) => a.term.localeCompare(b.term));
    return el('section', { class: 'glossary-section', attrs: { 'data-kind': kind } }, el('h3', {}, KIND_TITLES[kind]), ...terms.map((t) => entries.get(t.id)));
  });
  const empty = el('p', { class: 'hint hidden', testid: 'glossary-empty' }, 'No term matches.');
  const search = el('input', {
    testid: 'glossary-search',
    label: 'Find a term',
    attrs: { type: 'search', placeholder: 'Find a term (e.g. GUAM, pipeline, Aliyev)', autocomplete: 'off' },
  });
  search.addEventListener('input', () => {
    const q = search.value.trim().toLowerCase();
    let shown = 0;
    for (const t of TERMS) {
      const hit = !q || [t.term, ...t.aliases, t.text].some((x) => x.toLowerCase().includes(q));
      entries.get(t.id)?.classList.toggle('hidden', !hit);
      if (hit) shown++;
    }
    for (const s of sections) s.classList.toggle('hidden', !s.querySelector('.glossary-entry:not(.hidden)'));
    empty.classList.toggle('hidden', shown > 0);
  });
  if (focus) {
    const target = entries.get(focus);
    target?.classList.add('focused');
    queueMicrotask(() => {
      target?.scrollIntoView({ block: 'start' });
      target?.focus({ preventScroll: true });
    });
  }
  return [
    el(
      'p',
      { class: 'hint' },
      'The people, organisations, agreements, routes and places of the game, and its own words, in plain language. Each rests on the sources named under it.',
    ),
    search,
    empty,
    el('div', { class: 'glossary-list', testid: 'glossary-list' }, ...sections),
  ];
}

/** Opens the glossary, at a term if one is given. */
export function openGlossary(id?: string): void {
  modal ??= createModal('glossary', 'Glossary', { wide: true });
  modal.open(...render(id && termById(id) ? id : undefined));
}

/** A button that opens the glossary (title screen, help). */
export const glossaryButton = (className = 'ghost small') => button('Glossary', () => openGlossary(), { class: className, testid: 'open-glossary' });

/** A game text with the first appearance of each term made a link to its glossary entry. */
export function linkTerms(text: string): Node[] {
  const out: Node[] = [];
  let at = 0;
  for (const hit of findTerms(text)) {
    const t = termById(hit.id);
    if (!t) continue;
    if (hit.start > at) out.push(document.createTextNode(text.slice(at, hit.start)));
    const link = button(text.slice(hit.start, hit.end), () => openGlossary(hit.id), {
      class: 'term-link',
      testid: `term-${hit.id}`,
      title: `${t.term}: ${firstSentence(t.text)} (click for the glossary)`,
    });
    // A click on a term must not also act on what holds the text (an event's choices, a panel).
    link.addEventListener('click', (e) => e.stopPropagation());
    out.push(link);
    at = hit.end;
  }
  if (at < text.length) out.push(document.createTextNode(text.slice(at)));
  return out;
}

/** Replaces a node's children with a linked text. */
export const fillLinked = (node: Node, text: string) => fill(node, ...linkTerms(text));
