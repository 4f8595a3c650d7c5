/**
 * "For teachers" on the title screen: docs/teaching.md, the same file the repository
 * ships, shown in the game. The text and the Markdown reader (marked's lexer, a small
 * well-kept parser) load only when it is opened. The tokens are turned into DOM nodes
 * here — text is set as text, never parsed as HTML — and only the Markdown the page uses
 * is drawn: headings, paragraphs, lists, tables, code, emphasis; a link to another page
 * of the repository shows as its text, a web link opens in a new tab.
 */
import type { Token, Tokens } from 'marked';
import { el } from '../dom.ts';
import { createModal, type Modal } from './modal.ts';

let modal: Modal | null = null;

function inline(tokens: Token[] | undefined): Node[] {
  return (tokens ?? []).flatMap((t): Node[] => {
    switch (t.type) {
      case 'strong':
        return [el('strong', {}, ...inline((t as Tokens.Strong).tokens))];
      case 'em':
        return [el('em', {}, ...inline((t as Tokens.Em).tokens))];
      case 'codespan':
        return [el('code', {}, (t as Tokens.Codespan).text)];
      case 'br':
        return [el('br')];
      case 'link': {
        const link = t as Tokens.Link;
        const inner = inline(link.tokens);
        return /^https?:\/\//.test(link.href) ? [el('a', { attrs: { href: link.href, target: '_blank', rel: 'noopener noreferrer' } }, ...inner)] : inner;
      }
      case 'text': {
        const text = t as Tokens.Text;
        return text.tokens ? inline(text.tokens) : [document.createTextNode(text.text)];
      }
      default:
        // escape, html and anything else: its text, as text.
        return [document.createTextNode('text' in t ? String(t.text) : t.raw)];
    }
  });
}

function block(tokens: Token[]): Node[] {
  return tokens.flatMap((t): Node[] => {
    switch (t.type) {
      case 'heading': {
        const h = t as Tokens.Heading;
        const tag = h.depth <= 1 ? 'h2' : h.depth === 2 ? 'h3' : 'h4';
        return [el(tag, {}, ...inline(h.tokens))];
      }
      case 'paragraph':
        return [el('p', {}, ...inline((t as Tokens.Paragraph).tokens))];
      case 'list': {
        const list = t as Tokens.List;
        const items = list.items.map((item) => el('li', {}, ...block(item.tokens)));
        if (!list.ordered) return [el('ul', {}, ...items)];
        const ol = el('ol', {}, ...items);
        if (typeof list.start === 'number' && list.start !== 1) ol.start = list.start;
        return [ol];
      }
      case 'text': {
        const text = t as Tokens.Text;
        return text.tokens ? inline(text.tokens) : [document.createTextNode(text.text)];
      }
      case 'table': {
        const table = t as Tokens.Table;
        return [
          el(
            'table',
            { class: 'teaching-table' },
            el('thead', {}, el('tr', {}, ...table.header.map((c) => el('th', { attrs: { scope: 'col' } }, ...inline(c.tokens))))),
            el('tbody', {}, ...table.rows.map((row) => el('tr', {}, ...row.map((c) => el('td', {}, ...inline(c.tokens)))))),
          ),
        ];
      }
      case 'code':
        return [el('pre', {}, el('code', {}, (t as Tokens.Code).text))];
      case 'blockquote':
        return [el('blockquote', {}, ...block((t as Tokens.Blockquote).tokens))];
      case 'hr':
        return [el('hr')];
      case 'space':
        return [];
      default:
        return [el('p', {}, 'text' in t ? String(t.text) : t.raw)];
    }
  });
}

/** Opens the teachers' page (docs/teaching.md). */
export async function openTeaching(): Promise<void> {
  modal ??= createModal('teaching', 'For teachers', { wide: true });
  modal.open(el('p', { class: 'hint' }, 'Loading…'));
  const [{ lexer }, doc] = await Promise.all([import('marked'), import('../../../docs/teaching.md?raw')]);
  // The page's own first heading repeats the dialog's title.
  const tokens = lexer(doc.default).filter((t, i) => !(i === 0 && t.type === 'heading'));
  modal.open(el('div', { class: 'teaching', testid: 'teaching-text' }, ...block(tokens)));
}
