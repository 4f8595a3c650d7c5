/**
 * "For teachers" on the title screen: docs/teaching.md, the same file the repository
 * ships, shown in the game. The Markdown is read at build time (teachingTree.ts, through
 * the virtual module `virtual:teaching`), so the page ships as a small tree of elements
 * that loads only when it is opened. Here the tree becomes DOM nodes: text is set as text,
 * never parsed as HTML, and only the elements the tree names exist.
 */
import { el } from '../dom.ts';
import { createModal, type Modal } from './modal.ts';
import type { DocNode } from './teachingTree.ts';

let modal: Modal | null = null;

function draw(n: DocNode): Node {
  if (typeof n === 'string') return document.createTextNode(n);
  const children = (n.children ?? []).map(draw);
  switch (n.tag) {
    case 'table':
      return el('table', { class: 'teaching-table' }, ...children);
    case 'th':
      return el('th', { attrs: { scope: 'col' } }, ...children);
    case 'ol': {
      const ol = el('ol', {}, ...children);
      if (n.start !== undefined) ol.start = n.start;
      return ol;
    }
    case 'a':
      // Only web links are kept as links (teachingTree.ts); anything else shows as its text.
      return n.href && /^https?:\/\//.test(n.href)
        ? el('a', { attrs: { href: n.href, target: '_blank', rel: 'noopener noreferrer' } }, ...children)
        : el('span', {}, ...children);
    default:
      return el(n.tag, {}, ...children);
  }
}

/** Opens the teachers' page (docs/teaching.md). */
export async function openTeaching(): Promise<void> {
  modal ??= createModal('teaching', 'For teachers', { wide: true });
  modal.open(el('p', { class: 'hint' }, 'Loading…'));
  const { default: tree } = await import('virtual:teaching');
  modal.open(el('div', { class: 'teaching', testid: 'teaching-text' }, ...tree.map(draw)));
}
