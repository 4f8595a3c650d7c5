/**
 * The page's URL parameters, read as what they are: text from a stranger (a link in a
 * chat, a classroom handout). `?play=<scenario id>&seed=<seed>&difficulty=<level>` starts
 * a game at once; anything else is ignored and said so. Every value is checked against
 * what the game knows — the scenario must be a catalog id (never a name every object has,
 * such as `__proto__` or `valueOf`), the difficulty one of three, the seed short plain
 * text — and nothing here throws. No DOM: the page shows the notices.
 */
import { DIFFICULTIES, type Difficulty } from '../core/index.ts';

/** A seed is what a person types into the seed box: letters, digits, - _ . and spaces, 1 to 40 of them. */
export const SEED_PATTERN = /^[A-Za-z0-9 _.-]{1,40}$/;
export const DEFAULT_SEED = '1';
const KNOWN = ['play', 'seed', 'difficulty'] as const;
/** How much of a parameter's name or value a notice repeats. */
const ECHO = 32;
/** Parameters looked at; a longer query is a mistake or an attack, not a link. */
const MAX_PARAMS = 20;

export interface UrlRequest {
  /** A game to start at once, or null for the title screen. */
  play: { scenario: string; seed: string; difficulty: Difficulty } | null;
  /** What was ignored or replaced, in the player's words, to show on the page. */
  notices: string[];
}

const quote = (text: string) => JSON.stringify(text.length > ECHO ? `${text.slice(0, ECHO)}…` : text);

/**
 * Reads `location.search`. `catalogIds` are the scenarios the build shipped; the
 * default scenario is used for `?play` with no value.
 */
export function parseUrlParams(search: string, catalogIds: readonly string[], defaultScenario: string): UrlRequest {
  const notices: string[] = [];
  let params: [string, string][];
  try {
    params = [...new URLSearchParams(search)];
  } catch {
    return { play: null, notices: ['The link’s parameters could not be read; they were ignored.'] };
  }
  if (params.length > MAX_PARAMS) {
    notices.push(`The link has ${params.length} parameters; only the first ${MAX_PARAMS} were read.`);
    params = params.slice(0, MAX_PARAMS);
  }
  const values = new Map<string, string>();
  for (const [name, value] of params) {
    if (!(KNOWN as readonly string[]).includes(name)) {
      notices.push(`The link parameter ${quote(name)} is not one the game knows (play, seed, difficulty); it was ignored.`);
    } else if (values.has(name)) {
      notices.push(`The link gives ${name} more than once; the first was used.`);
    } else {
      values.set(name, value);
    }
  }
  const play = values.get('play');
  if (play === undefined) {
    for (const name of ['seed', 'difficulty']) if (values.has(name)) notices.push(`The link gives ${name} without play; it was ignored.`);
    return { play: null, notices };
  }
  const scenario = play === '' ? defaultScenario : play;
  // An array lookup, not a property lookup: "__proto__" or "valueOf" is just a string here.
  if (!catalogIds.includes(scenario)) {
    notices.push(`The link asks for the scenario ${quote(scenario)}, which this game does not have; choose one below.`);
    return { play: null, notices };
  }
  let seed = values.get('seed') ?? DEFAULT_SEED;
  if (!SEED_PATTERN.test(seed)) {
    notices.push(`The link’s seed ${quote(seed)} is not 1 to 40 letters, digits, spaces, - _ or .; seed ${DEFAULT_SEED} is used instead.`);
    seed = DEFAULT_SEED;
  }
  let difficulty: Difficulty = 'normal';
  const asked = values.get('difficulty');
  if (asked !== undefined) {
    if ((DIFFICULTIES as readonly string[]).includes(asked)) difficulty = asked as Difficulty;
    else notices.push(`The link’s difficulty ${quote(asked)} is not easy, normal or hard; normal is used instead.`);
  }
  return { play: { scenario, seed, difficulty }, notices };
}
