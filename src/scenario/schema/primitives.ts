/**
 * The building blocks every part of the scenario format uses: ids, months, texts,
 * whole numbers in a range, citations, map points, and the amounts effects add (a
 * number, or a seeded random range).
 *
 * The schema is written with zod's functional API (`zod/mini`): the Load-scenario checker
 * ships it to the browser, and zod's method-chaining API would bring the whole of zod
 * with it (issue 12). The same core checks, so the same issues and messages.
 */
import * as z from 'zod/mini';
import { en } from 'zod/locales';
import { SOURCE_DOCS } from '../../core/vocabulary.ts';

// zod/mini leaves messages to a locale: zod's English, the one the messages are written against.
z.config(en());

/** A copy of `schema` described for editors (the generated JSON Schema). The game build
 *  leaves these calls out (vite.config.ts: the checker never shows a description). */
export function describe<T extends z.ZodMiniType>(schema: T, description: string): T {
  const copy = schema.clone() as T;
  z.globalRegistry.add(copy, { description });
  return copy;
}

/** A copy of `schema` named in the JSON Schema's definitions (and described). */
export function meta<T extends z.ZodMiniType>(schema: T, data: { id: string; title?: string; description: string }): T {
  const copy = schema.clone() as T;
  z.globalRegistry.add(copy, data);
  return copy;
}

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** Names every JavaScript object already has (`constructor`, …): refused as ids, so no id
 *  can be mistaken for one in a lookup. Only `constructor` also fits the slug pattern. */
const PROTOTYPE_NAMES: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype));

export const slug = (what: string) =>
  z.string().check(
    z.maxLength(64, `${what} must be at most 64 characters`),
    z.regex(SLUG, `${what} must be lowercase words joined by hyphens, e.g. "contract-of-the-century"`),
    z.refine((v: string) => !PROTOTYPE_NAMES.has(v), `${what} must not be a name every JavaScript object already has (such as "constructor"); choose another`),
  );

export const Month = meta(
  z.string().check(z.regex(/^[1-9]\d{3}-(0[1-9]|1[0-2])$/, 'a month is written "YYYY-MM" with a year from 1000 to 9999, e.g. "1994-09"')),
  { id: 'Month', description: 'A calendar month, "YYYY-MM", in the years 1000 to 9999.' },
);

export const text = (max: number) => z.string().check(z.minLength(1, 'must not be empty'), z.maxLength(max, `must be at most ${max} characters`));
export const int = (min: number, max: number) =>
  z.number().check(z.int('must be a whole number'), z.gte(min, `must be at least ${min}`), z.lte(max, `must be at most ${max}`));

export const LonLat = meta(z.tuple([z.number().check(z.gte(-180), z.lte(180)), z.number().check(z.gte(-90), z.lte(90))]), {
  id: 'LonLat',
  description: 'A point as [longitude, latitude] in degrees.',
});

export const Source = meta(
  z.strictObject({
    doc: describe(
      z.enum(SOURCE_DOCS, { error: `doc must be one of the five source files: ${SOURCE_DOCS.join(', ')}` }),
      'The source document, by its file name in the sources folder.',
    ),
    section: describe(text(200), 'Where in the document: a heading, or a short description of the passage.'),
  }),
  { id: 'Source', description: 'A citation of one of the five source documents.' },
);

export const Sources = describe(z.array(Source), 'Where this comes from in the sources.');

/** A whole number, or `{ "min", "max" }`: a whole number drawn from the game's seeded generator. */
export type Amount = number | { min: number; max: number };

export const amount = (min: number, max: number, what: string) =>
  describe(
    z.union([
      int(min, max),
      describe(
        z
          .strictObject({
            min: describe(int(min, max), 'The smallest value the draw can give.'),
            max: describe(int(min, max), 'The largest value the draw can give.'),
          })
          .check(z.refine((r) => r.min <= r.max, { message: 'min must not be above max', path: ['max'] })),
        'A whole number drawn at random between min and max (both included), from the game’s seeded generator: a replay draws the same.',
      ),
    ]),
    `${what}: a whole number, or { "min": …, "max": … } for a seeded random draw.`,
  );

export const note = () => describe(z.string().check(z.maxLength(2000)), 'A note for designers and teachers; the game never shows it.');
