/**
 * docs/teaching.md tells teachers which buttons to press: every label it names must be a
 * label the game really shows, and the page must say what the state hash does and does
 * not prove.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
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
