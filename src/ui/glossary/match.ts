/**
 * Finds the glossary's terms in a text (no DOM): the first place each linkable term (or one
 * of its other names) appears, as a whole word, longest name first so "Nagorno-Karabakh"
 * wins over "Karabakh". The pattern is built once from the glossary's own constants.
 */
import { TERMS, type Term } from './entries.ts';

export interface TermHit {
  start: number;
  end: number;
  id: string;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function compile(terms: Term[]) {
  const names = new Map<string, string>();
  for (const t of terms) if (t.link !== false) for (const n of [t.term, ...t.aliases]) names.set(n, t.id);
  const sorted = [...names.keys()].sort((a, b) => b.length - a.length || a.localeCompare(b));
  // Whole words only: no letter or digit may touch a name on either side.
  return { names, pattern: new RegExp(`(?<![\\p{L}\\p{N}])(?:${sorted.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'gu') };
}

let compiled: ReturnType<typeof compile> | null = null;

/** Each linkable term's first appearance in `text`, in reading order. */
export function findTerms(text: string): TermHit[] {
  compiled ??= compile(TERMS);
  const { names, pattern } = compiled;
  const seen = new Set<string>();
  const hits: TermHit[] = [];
  for (const m of text.matchAll(pattern)) {
    const id = names.get(m[0]);
    if (!id || seen.has(id)) continue;
    seen.add(id);
    hits.push({ start: m.index, end: m.index + m[0].length, id });
  }
  return hits;
}
