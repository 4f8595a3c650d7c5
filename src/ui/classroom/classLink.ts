/**
 * Class links: a link that opens one exact setup (scenario, seed, difficulty, and an
 * optional class name) for every student, so a whole class faces the same world and the
 * same draws. The link's parameters are untrusted: each is checked, and the class name is
 * only ever shown as text.
 */
import type { Difficulty } from '../../core/index.ts';

export interface ClassSetup {
  scenario: string;
  seed: string;
  difficulty: Difficulty;
  className: string;
}

const SEED = /^[\p{L}\p{N} _.-]{1,40}$/u;
const DIFFICULTIES: readonly string[] = ['easy', 'normal', 'hard'];

/** The link for a setup, on the page the teacher is looking at. */
export function classLinkUrl(base: string, setup: ClassSetup): string {
  const url = new URL(base);
  url.search = '';
  url.hash = '';
  url.searchParams.set('scenario', setup.scenario);
  url.searchParams.set('seed', setup.seed);
  url.searchParams.set('difficulty', setup.difficulty);
  if (setup.className) url.searchParams.set('class', setup.className);
  return url.toString();
}

export type ReadLink = { ok: true; setup: ClassSetup } | { ok: false; problem: string } | null;

/** Reads a class link's query string; null when it is not a class link. */
export function readClassLink(search: string, isScenario: (id: string) => boolean): ReadLink {
  const params = new URLSearchParams(search);
  const scenario = params.get('scenario');
  if (scenario === null || params.has('play')) return null;
  if (!isScenario(scenario))
    return { ok: false, problem: `This class link names a scenario this game does not have (“${scenario.slice(0, 60)}”). Ask your teacher for a new link.` };
  const seed = (params.get('seed') ?? '').trim();
  if (!SEED.test(seed))
    return { ok: false, problem: 'This class link has no usable seed (1 to 40 letters, digits, spaces, dots, dashes). Ask your teacher for a new link.' };
  const difficulty = params.get('difficulty') ?? 'normal';
  if (!DIFFICULTIES.includes(difficulty))
    return { ok: false, problem: `This class link asks for an unknown difficulty (“${difficulty.slice(0, 20)}”). Ask your teacher for a new link.` };
  // Control characters and runs of spaces go; the name is shown as text, never markup.
  const className = [...(params.get('class') ?? '')]
    .filter((ch) => ch >= ' ' && ch !== '\u007f')
    .join('')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 60);
  return { ok: true, setup: { scenario, seed, difficulty: difficulty as Difficulty, className } };
}
