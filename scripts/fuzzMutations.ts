/**
 * The mutations of `npm run fuzz` (scripts/fuzz.ts): changes to a scenario or a save the
 * way a careless editor or an attacker would make them — to the parsed tree (wrong types,
 * extreme numbers, names every object has, swapped references, deleted and unknown
 * keys, nesting), gentle ones that usually keep a scenario valid (so the engine plays odd
 * but legal rules), and to the text and bytes (truncation, stray characters, duplicate
 * keys, lone surrogates, bytes that are not UTF-8).
 */
import { nextInt, type RngState } from '../src/core/index.ts';

export type Json = unknown;

// ---------------------------------------------------------------- a seeded generator

export const pick = <T>(rng: RngState, xs: readonly T[]): T => xs[nextInt(rng, xs.length)] as T;
export const chance = (rng: RngState, percent: number) => nextInt(rng, 100) < percent;

const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype);
const NUMBERS = [0, -1, 1, 0.5, -0.5, 1e308, -1e308, 1e-300, 2 ** 53, -(2 ** 31), 100_000, 1_000_001, 99, 101, -101, 400, 401];
const TEXTS = [
  '',
  ' ',
  'x'.repeat(5000),
  '<img src=x onerror=alert(1)>',
  '\u0000',
  '\u202e',
  'é',
  '🇦🇿',
  '%s%n',
  '../../etc/passwd',
  'true',
  '1991-13',
  '0999-01',
  '1991-10',
];

// ---------------------------------------------------------------- mutations of parsed JSON

export interface Slot {
  parent: Record<string, Json> | Json[];
  key: string | number;
}

/** Every place in the tree a value sits, found without recursion. */
export function slots(root: Json): Slot[] {
  const out: Slot[] = [];
  const stack: Json[] = [root];
  while (stack.length > 0) {
    const v = stack.pop();
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        out.push({ parent: v, key: i });
        stack.push(v[i]);
      }
    } else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        out.push({ parent: v as Record<string, Json>, key: k });
        stack.push(x);
      }
    }
  }
  return out;
}

const get = (s: Slot): Json => (s.parent as Record<string | number, Json>)[s.key];
const set = (s: Slot, v: Json) => {
  (s.parent as Record<string | number, Json>)[s.key] = v;
};

/** The strings that look like ids in a tree, to swap references around. */
function ids(all: Slot[]): string[] {
  const out: string[] = [];
  for (const s of all) if (s.key === 'id' && typeof get(s) === 'string') out.push(get(s) as string);
  return out;
}

function randomValue(rng: RngState, known: () => string[]): Json {
  switch (nextInt(rng, 8)) {
    case 0:
      return pick(rng, NUMBERS);
    case 1:
      return pick(rng, TEXTS);
    case 2:
      return pick(rng, PROTOTYPE_NAMES);
    case 3:
      return known().length > 0 ? pick(rng, known()) : 'x';
    case 4:
      return chance(rng, 50);
    case 5:
      return null;
    case 6:
      return [];
    default:
      return {};
  }
}

/** One change to the tree, of a kind that fits the value it hits; returns its name, for the report. */
export function mutateTree(rng: RngState, root: Json): string {
  const all = slots(root);
  if (all.length === 0) return 'none';
  const s = pick(rng, all);
  const v = get(s);
  // The ids, looked up only by the mutations that use them.
  let cached: string[] | null = null;
  const known = () => (cached ??= ids(all));
  const options = ['replace', 'delete', 'nest'];
  if (typeof v === 'number') options.push('number', 'number');
  if (typeof v === 'string') options.push('text', 'prototype-name', 'swap-reference');
  if (Array.isArray(v)) options.push(...(v.length > 0 ? ['duplicate-item', 'reverse', 'empty'] : []));
  if (v && typeof v === 'object' && !Array.isArray(v)) options.push('add-key', 'add-key');
  const kind = pick(rng, options);
  switch (kind) {
    case 'replace':
      set(s, randomValue(rng, known));
      break;
    case 'delete':
      if (Array.isArray(s.parent)) s.parent.splice(s.key as number, 1);
      else delete s.parent[s.key as string];
      break;
    case 'nest':
      set(s, chance(rng, 50) ? [v] : { all: [v, v] });
      break;
    case 'number':
      set(s, pick(rng, NUMBERS) * (chance(rng, 50) ? 1 : -1));
      break;
    case 'text':
      set(s, pick(rng, TEXTS));
      break;
    case 'prototype-name':
      set(s, pick(rng, PROTOTYPE_NAMES));
      break;
    case 'swap-reference':
      set(s, known().length > 0 ? pick(rng, known()) : 'x');
      break;
    case 'duplicate-item':
      (v as Json[]).push(structuredClone(pick(rng, v as Json[])));
      break;
    case 'reverse':
      (v as Json[]).reverse();
      break;
    case 'empty':
      set(s, []);
      break;
    default:
      (v as Record<string, Json>)[pick(rng, ['extra', 'x', 'Id', 'when', 'effects', 'then', 'repeat', ...PROTOTYPE_NAMES])] = randomValue(rng, known);
  }
  return kind;
}

/**
 * A change that usually keeps the file valid, so the engine plays odd but legal rules:
 * a number moved within or to the edge of what fields allow, a reference pointed at
 * another id used under the same key, an effect or condition copied elsewhere.
 */
/** Where gentle changes go: numbers, references, and lists of effects, conditions or choices. */
export interface GentleTargets {
  numbers: Slot[];
  refs: Slot[];
  lists: Slot[];
}

/** Found once per case: gentle changes keep numbers numbers and references text, so the places stay right. */
export function gentleTargets(root: Json): GentleTargets {
  const all = slots(root);
  return {
    numbers: all.filter((s) => typeof get(s) === 'number'),
    refs: all.filter((s) => typeof get(s) === 'string' && typeof s.key === 'string' && s.key !== 'id' && /^[a-z0-9-]+$/.test(get(s) as string)),
    lists: all.filter(
      (s) => Array.isArray(get(s)) && (get(s) as Json[]).length > 0 && typeof s.key === 'string' && /effects|then|else|all|any|choices/.test(s.key),
    ),
  };
}

export function mutateGently(rng: RngState, { numbers, refs, lists }: GentleTargets): string {
  const kind = nextInt(rng, 3);
  if (kind === 0 && numbers.length > 0) {
    const s = pick(rng, numbers);
    const v = get(s) as number;
    set(s, chance(rng, 50) ? v + nextInt(rng, 101) - 50 : pick(rng, [0, 1, 100, -100, 20, 40, 1000, 100_000]));
    return 'gentle-number';
  }
  if (kind === 1 && refs.length > 0) {
    const s = pick(rng, refs);
    const same = refs.filter((r) => r.key === s.key).map(get);
    set(s, pick(rng, same));
    return 'gentle-reference';
  }
  if (lists.length > 0) {
    const list = get(pick(rng, lists)) as Json[];
    list.push(structuredClone(pick(rng, list)));
    return 'gentle-copy';
  }
  return 'none';
}

// ---------------------------------------------------------------- mutations of the text and bytes

export function mutateBytes(rng: RngState, text: string): { bytes: Uint8Array; kind: string } {
  const at = nextInt(rng, Math.max(1, text.length));
  const kinds = ['truncate', 'stray-char', 'drop-char', 'lone-surrogate', 'duplicate-key', 'bad-byte', 'bom', 'whitespace'];
  const kind = pick(rng, kinds);
  let t = text;
  if (kind === 'truncate') t = text.slice(0, at);
  else if (kind === 'stray-char') t = text.slice(0, at) + pick(rng, ['"', '{', ']', ',', ':', '\\', '\n', '/']) + text.slice(at);
  else if (kind === 'drop-char') t = text.slice(0, at) + text.slice(at + 1);
  else if (kind === 'lone-surrogate') {
    const q = text.indexOf('"', at);
    if (q > 0) t = `${text.slice(0, q + 1)}\\ud800${text.slice(q + 1)}`;
  } else if (kind === 'duplicate-key') {
    const m = /"([a-zA-Z]+)": ([^,{}[\]]+),/.exec(text.slice(at)) ?? /"([a-zA-Z]+)": ([^,{}[\]]+),/.exec(text);
    if (m) t = text.replace(m[0], `${m[0]} "${m[1]}": ${m[2]},`);
  } else if (kind === 'bom') t = `\uFEFF${text}`;
  else if (kind === 'whitespace') t = text.replaceAll(' ', pick(rng, ['\r', '\t', '  ', '\n']));
  const bytes = new TextEncoder().encode(t);
  if (kind === 'bad-byte' && bytes.length > 0) bytes[nextInt(rng, bytes.length)] = pick(rng, [0xff, 0xc0, 0xed, 0x80, 0xf5]);
  return { bytes, kind };
}
