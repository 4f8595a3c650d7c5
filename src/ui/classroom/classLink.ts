/**
 * Class links: a link that opens one exact setup (scenario, seed, difficulty, and an
 * optional class name) for every student, so a whole class faces the same world and the
 * same draws. This module writes the link; src/ui/urlParams.ts reads it, with every
 * other URL parameter, checking each part (the class name is only ever shown as text).
 */
import type { ClassSetup } from '../urlParams.ts';

export type { ClassSetup };

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
