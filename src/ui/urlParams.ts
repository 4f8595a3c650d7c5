/**
 * The page's URL parameters, read as what they are: text from a stranger (a link in a
 * chat, a classroom handout). Two kinds of link are understood, and nothing else:
 *  - `?play=<scenario id>&seed=<seed>&difficulty=<level>` starts a game at once (tests,
 *    quick links);
 *  - a class link, `?scenario=<id>&seed=<seed>&difficulty=<level>&class=<name>`, opens the
 *    teacher's setup on the title screen (see classroom/classLink.ts, which writes it).
 * Every value is checked against what the game knows — the scenario must be a catalog id
 * (never a name every object has, such as `__proto__` or `valueOf`), the difficulty one of
 * three, the seed short plain text, the class name plain text — anything else is ignored
 * and said so, and nothing here throws. No DOM: the page shows the notices, as text.
 */
import { DIFFICULTIES, type Difficulty } from '../core/index.ts';

/** A seed is what a person types into the seed box: letters, digits, - _ . and spaces, 1 to 40 of them. */
export const SEED_PATTERN = /^[\p{L}\p{N} _.-]{1,40}$/u;
export const DEFAULT_SEED = '1';
const PLAY_PARAMS = ['play', 'seed', 'difficulty'] as const;
const CLASS_PARAMS = ['scenario', 'seed', 'difficulty', 'class'] as const;
/** How much of a parameter's name or value a notice repeats. */
const ECHO = 32;
/** Parameters looked at; a longer query is a mistake or an attack, not a link. */
const MAX_PARAMS = 20;
/** Characters of a class name kept. */
const CLASS_NAME_LENGTH = 60;

/** One setup for a whole class: the same world and the same draws for every student. */
export interface ClassSetup {
  scenario: string;
  seed: string;
  difficulty: Difficulty;
  className: string;
}

export interface UrlRequest {
  /** A game to start at once, or null. */
  play: { scenario: string; seed: string; difficulty: Difficulty } | null;
  /** A class link's setup, for the title screen, or null. */
  classSetup: ClassSetup | null;
  /** What was ignored, replaced or refused, in the player's words, to show on the page. */
  notices: string[];
}

const quote = (text: string) => JSON.stringify(text.length > ECHO ? `${text.slice(0, ECHO)}…` : text);
const isDifficulty = (x: string): x is Difficulty => (DIFFICULTIES as readonly string[]).includes(x);

/** A class name as plain text: control characters dropped, runs of spaces made one, at most 60 characters. */
export function cleanClassName(raw: string): string {
  return [...raw]
    .filter((ch) => ch >= ' ' && ch !== '\u007f')
    .join('')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, CLASS_NAME_LENGTH);
}

/**
 * Reads `location.search`. `catalogIds` are the scenarios the build shipped; the
 * default scenario is used for `?play` with no value.
 */
export function parseUrlParams(search: string, catalogIds: readonly string[], defaultScenario: string): UrlRequest {
  const notices: string[] = [];
  const none = (): UrlRequest => ({ play: null, classSetup: null, notices });
  let params: [string, string][];
  try {
    params = [...new URLSearchParams(search)];
  } catch {
    notices.push('The link’s parameters could not be read; they were ignored.');
    return none();
  }
  if (params.length > MAX_PARAMS) {
    notices.push(`The link has ${params.length} parameters; only the first ${MAX_PARAMS} were read.`);
    params = params.slice(0, MAX_PARAMS);
  }
  const names = new Set(params.map(([name]) => name));
  const kind = names.has('play') ? 'play' : names.has('scenario') ? 'class' : null;
  const known: readonly string[] = kind === 'class' ? CLASS_PARAMS : PLAY_PARAMS;
  const values = new Map<string, string>();
  for (const [name, value] of params) {
    if (!known.includes(name)) {
      notices.push(`The link parameter ${quote(name)} is not one the game knows (${known.join(', ')}); it was ignored.`);
    } else if (values.has(name)) {
      notices.push(`The link gives ${name} more than once; the first was used.`);
    } else {
      values.set(name, value);
    }
  }
  if (kind === null) {
    for (const name of ['seed', 'difficulty']) if (values.has(name)) notices.push(`The link gives ${name} without play; it was ignored.`);
    return none();
  }
  // An array lookup, not a property lookup: "__proto__" or "valueOf" is just a string here.
  if (kind === 'class') return readClassSetup(values, catalogIds, notices);
  const play = values.get('play') ?? '';
  const scenario = play === '' ? defaultScenario : play;
  if (!catalogIds.includes(scenario)) {
    notices.push(`The link asks for the scenario ${quote(scenario)}, which this game does not have; choose one below.`);
    return none();
  }
  let seed = (values.get('seed') ?? DEFAULT_SEED).trim();
  if (!SEED_PATTERN.test(seed)) {
    notices.push(`The link’s seed ${quote(seed)} is not 1 to 40 letters, digits, spaces, - _ or .; seed ${DEFAULT_SEED} is used instead.`);
    seed = DEFAULT_SEED;
  }
  let difficulty: Difficulty = 'normal';
  const asked = values.get('difficulty');
  if (asked !== undefined) {
    if (isDifficulty(asked)) difficulty = asked;
    else notices.push(`The link’s difficulty ${quote(asked)} is not easy, normal or hard; normal is used instead.`);
  }
  return { play: { scenario, seed, difficulty }, classSetup: null, notices };
}

/** A class link is all or nothing: every student must get the same setup, so a bad part refuses the link. */
function readClassSetup(values: Map<string, string>, catalogIds: readonly string[], notices: string[]): UrlRequest {
  const refuse = (problem: string): UrlRequest => {
    notices.push(`${problem} Ask your teacher for a new link.`);
    return { play: null, classSetup: null, notices };
  };
  const scenario = values.get('scenario') ?? '';
  if (!catalogIds.includes(scenario)) return refuse(`This class link names a scenario this game does not have (${quote(scenario)}).`);
  const seed = (values.get('seed') ?? '').trim();
  if (!SEED_PATTERN.test(seed)) return refuse('This class link has no usable seed (1 to 40 letters, digits, spaces, dots, dashes).');
  const difficulty = values.get('difficulty') ?? 'normal';
  if (!isDifficulty(difficulty)) return refuse(`This class link asks for an unknown difficulty (${quote(difficulty)}).`);
  return { play: null, classSetup: { scenario, seed, difficulty, className: cleanClassName(values.get('class') ?? '') }, notices };
}
