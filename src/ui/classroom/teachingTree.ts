/**
 * docs/teaching.md as a plain tree of the few elements the teachers' page draws, made at
 * build time (vite.config.ts, virtual module `virtual:teaching`) so the browser needs no
 * Markdown reader: marked's lexer runs here, in Node, and the page only turns the tree
 * into DOM nodes (teaching.ts), text as text. Only the Markdown the page uses becomes
 * elements: headings, paragraphs, lists, tables, code, emphasis; a link to another page of
 * the repository becomes its text, a web link keeps its address (opened in a new tab).
 */
import { lexer, type Token, type Tokens } from 'marked';

/** The elements the page draws; anything else in the Markdown is kept as text. */
export type DocTag =
  | 'h2'
  | 'h3'
  | 'h4'
  | 'p'
  | 'ul'
  | 'ol'
  | 'li'
  | 'table'
  | 'thead'
  | 'tbody'
  | 'tr'
  | 'th'
  | 'td'
  | 'pre'
  | 'code'
  | 'blockquote'
  | 'hr'
  | 'strong'
  | 'em'
  | 'br'
  | 'a';

/** A text (shown as text, never parsed) or an element. */
export type DocNode = string | DocElement;
export interface DocElement {
  tag: DocTag;
  /** An ordered list's first number, when it is not 1. */
  start?: number;
  /** A web link's address (http or https only). */
  href?: string;
  children?: DocNode[];
}

const node = (tag: DocTag, children: DocNode[] = [], extra: Partial<DocElement> = {}): DocElement =>
  children.length > 0 ? { tag, ...extra, children } : { tag, ...extra };

/** Neighbouring texts become one: the same page, a smaller tree. */
function merged(nodes: DocNode[]): DocNode[] {
  const out: DocNode[] = [];
  for (const n of nodes) {
    const last = out[out.length - 1];
    if (typeof n === 'string' && typeof last === 'string') out[out.length - 1] = last + n;
    else if (n !== '') out.push(n);
  }
  return out;
}

function inline(tokens: Token[] | undefined): DocNode[] {
  return merged(
    (tokens ?? []).flatMap((t): DocNode[] => {
      switch (t.type) {
        case 'strong':
          return [node('strong', inline((t as Tokens.Strong).tokens))];
        case 'em':
          return [node('em', inline((t as Tokens.Em).tokens))];
        case 'codespan':
          return [node('code', [(t as Tokens.Codespan).text])];
        case 'br':
          return [node('br')];
        case 'link': {
          const link = t as Tokens.Link;
          const inner = inline(link.tokens);
          return /^https?:\/\//.test(link.href) ? [node('a', inner, { href: link.href })] : inner;
        }
        case 'text': {
          const text = t as Tokens.Text;
          return text.tokens ? inline(text.tokens) : [text.text];
        }
        default:
          // escape, html and anything else: its text, as text.
          return ['text' in t ? String(t.text) : t.raw];
      }
    }),
  );
}

function block(tokens: Token[]): DocNode[] {
  return merged(
    tokens.flatMap((t): DocNode[] => {
      switch (t.type) {
        case 'heading': {
          const h = t as Tokens.Heading;
          return [node(h.depth <= 1 ? 'h2' : h.depth === 2 ? 'h3' : 'h4', inline(h.tokens))];
        }
        case 'paragraph':
          return [node('p', inline((t as Tokens.Paragraph).tokens))];
        case 'list': {
          const list = t as Tokens.List;
          const items = list.items.map((item) => node('li', block(item.tokens)));
          if (!list.ordered) return [node('ul', items)];
          return [node('ol', items, typeof list.start === 'number' && list.start !== 1 ? { start: list.start } : {})];
        }
        case 'text': {
          const text = t as Tokens.Text;
          return text.tokens ? inline(text.tokens) : [text.text];
        }
        case 'table': {
          const table = t as Tokens.Table;
          return [
            node('table', [
              node('thead', [
                node(
                  'tr',
                  table.header.map((c) => node('th', inline(c.tokens))),
                ),
              ]),
              node(
                'tbody',
                table.rows.map((row) =>
                  node(
                    'tr',
                    row.map((c) => node('td', inline(c.tokens))),
                  ),
                ),
              ),
            ]),
          ];
        }
        case 'code':
          return [node('pre', [node('code', [(t as Tokens.Code).text])])];
        case 'blockquote':
          return [node('blockquote', block((t as Tokens.Blockquote).tokens))];
        case 'hr':
          return [node('hr')];
        case 'space':
          return [];
        default:
          return [node('p', ['text' in t ? String(t.text) : t.raw])];
      }
    }),
  );
}

/** The page's tree; its own first heading is left out (the dialog's title says it). */
export function teachingTree(markdown: string): DocNode[] {
  return block(lexer(markdown).filter((t, i) => !(i === 0 && t.type === 'heading')));
}
