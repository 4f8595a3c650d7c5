/**
 * docs/teaching.md tells teachers which buttons to press: every label it names must be a
 * label the game really shows, and the page must say what the state hash does and does
 * not prove.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type DocNode, teachingTree } from '../../../src/ui/classroom/teachingTree.ts';
import { ROOT } from '../../helpers.ts';

const doc = readFileSync(join(ROOT, 'docs/teaching.md'), 'utf8');
const uiFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? uiFiles(join(dir, d.name)) : d.name.endsWith('.ts') ? [join(dir, d.name)] : []));
const ui = [...uiFiles(join(ROOT, 'src/ui')), join(ROOT, 'src/main.ts')].map((f) => readFileSync(f, 'utf8')).join('\n');

describe('the teachers’ page', () => {
  it('names only buttons the game has, spelled as the game spells them', () => {
    const labels = [
      'New game',
      'Make a class link',
      'Copy',
      'Start the class game',
      'Continue',
      'Saved games',
      'Print',
      'Watch the replay',
      'Turn history',
      'Export results (JSON)',
      'Results, one row per turn (CSV)',
      'Export the game (save file)',
      'Compare a class’s results',
      'Add result files…',
      'Files not counted',
      'Replay',
      'Forward',
      'Back',
      'For teachers',
      'Use it now',
      'Hold back this quarter',
      'Pause the class',
      'Resume',
      'Show to the class',
      'Raise now',
    ];
    for (const label of labels) {
      expect(doc, label).toContain(label);
      expect(ui, label).toContain(`'${label}`);
    }
  });

  it('says the state hash proves determinism, not authorship', () => {
    expect(doc).toContain('**The state hash proves determinism**');
    expect(doc).toContain('**It does not prove authorship.**');
  });

  it('plans a 45-minute lesson and a longer project, with questions tied to the sources', () => {
    expect(doc).toMatch(/^## A 45-minute lesson/m);
    expect(doc).toMatch(/^## A longer project/m);
    for (const n of ['000', '001', '002', '003', '004']) expect(doc).toMatch(new RegExp(`sources? (?:\\d{3} and )?${n}`));
  });
});

describe('the teachers’ page as the game ships it (read at build time)', () => {
  const text = (n: DocNode): string => (typeof n === 'string' ? n : (n.children ?? []).map(text).join(''));
  const all = (nodes: DocNode[]): Exclude<DocNode, string>[] => nodes.flatMap((n) => (typeof n === 'string' ? [] : [n, ...all(n.children ?? [])]));

  it('draws the page’s headings, tables and lists, with no Markdown syntax left over', () => {
    const tree = teachingTree(doc);
    const elements = all(tree);
    // The page's own title is the dialog's, so its first heading is left out.
    expect(elements.some((e) => text(e) === 'Teaching with Caspian Balance')).toBe(false);
    expect(elements.filter((e) => e.tag === 'h3').map(text)).toContain('What the results prove, and what they do not');
    const table = elements.find((e) => e.tag === 'table');
    expect(
      all(table?.children ?? [])
        .filter((e) => e.tag === 'tbody')
        .flatMap((b) => b.children ?? []).length,
    ).toBe(4);
    expect(elements.filter((e) => e.tag === 'strong').map(text)).toContain('It does not prove authorship.');
    expect(tree.map(text).join('\n')).not.toMatch(/\*\*|\| ---|\]\(|^#/m);
  });

  it('keeps web links, shows other links and HTML as text', () => {
    const tree = teachingTree('# Title\n\nSee [the guide](docs/guide.md), [the sources](https://example.org/a) and <b onclick="x()">this</b>.\n');
    expect(tree).toEqual([
      {
        tag: 'p',
        children: ['See the guide, ', { tag: 'a', href: 'https://example.org/a', children: ['the sources'] }, ' and <b onclick="x()">this</b>.'],
      },
    ]);
  });

  it('numbers an ordered list from its first number', () => {
    expect(teachingTree('3. three\n4. four\n')).toEqual([
      {
        tag: 'ol',
        start: 3,
        children: [
          { tag: 'li', children: ['three'] },
          { tag: 'li', children: ['four'] },
        ],
      },
    ]);
  });
});
