/**
 * The folder boundaries of docs/architecture.md, checked on the source text. Biome
 * enforces the same rules while editing (biome.json); this test keeps them enforced in
 * CI even for what Biome cannot see, such as the ** operator.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.ts';

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sources(path));
    else if (/\.(ts|mjs)$/.test(name)) out.push(path);
  }
  return out;
}

const code = (path: string) =>
  readFileSync(path, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '');
const importsOf = (text: string) =>
  [...text.matchAll(/^\s*(import|export)\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => ({ typeOnly: Boolean(m[2]), from: m[3] as string }));

describe('architecture', () => {
  const core = sources(join(ROOT, 'src/core'));

  it('src/core imports only itself (and types from src/scenario/types.ts)', () => {
    expect(core.length).toBeGreaterThan(10);
    for (const file of core) {
      for (const imp of importsOf(code(file))) {
        const allowed = imp.from.startsWith('./') || (imp.typeOnly && imp.from === '../scenario/types.ts');
        expect(allowed, `${relative(ROOT, file)} imports ${imp.from}`).toBe(true);
      }
    }
  });

  it('src/core has no clock, no Math.random, no transcendental Math, no DOM or Node', () => {
    const banned =
      /Math\.(random|pow|exp|log\w*|sin|cos|tan|atan2|hypot|cbrt|expm1|sinh|cosh|tanh)\b|\*\*|(?<![.\w])(Date|window|document|process|performance)\b|\brequire\(|localStorage|setTimeout|setInterval/;
    for (const file of core) {
      const text = code(file);
      const hit = banned.exec(text);
      expect(hit?.[0], relative(ROOT, file)).toBeUndefined();
    }
  });

  it('no innerHTML, eval or new Function anywhere in src', () => {
    for (const file of sources(join(ROOT, 'src'))) {
      const hit = /\.innerHTML\s*=|insertAdjacentHTML|outerHTML\s*=|\beval\(|new Function\(/.exec(code(file));
      expect(hit?.[0], relative(ROOT, file)).toBeUndefined();
    }
  });

  it('rules and data layers do not import the UI, the store, audio, the CLI or Node', () => {
    for (const dir of ['src/scenario', 'src/policies', 'src/persistence']) {
      for (const file of sources(join(ROOT, dir))) {
        for (const imp of importsOf(code(file))) {
          expect(/^(phaser|zustand|howler|node:)|\/(ui|store|audio|cli)\//.test(imp.from), `${relative(ROOT, file)} imports ${imp.from}`).toBe(false);
        }
      }
    }
  });
});
