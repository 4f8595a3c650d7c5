/**
 * The building blocks every part of the scenario format uses: ids, months, texts,
 * whole numbers in a range, citations, map points, and the amounts effects add (a
 * number, or a seeded random range).
 */
import { z } from 'zod';
import { SOURCE_DOCS } from '../../core/vocabulary.ts';

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** Names every JavaScript object already has (`constructor`, …): refused as ids, so no id
 *  can be mistaken for one in a lookup. Only `constructor` also fits the slug pattern. */
const PROTOTYPE_NAMES: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype));

export const slug = (what: string) =>
  z
    .string()
    .max(64, `${what} must be at most 64 characters`)
    .regex(SLUG, `${what} must be lowercase words joined by hyphens, e.g. "contract-of-the-century"`)
    .refine((v) => !PROTOTYPE_NAMES.has(v), `${what} must not be a name every JavaScript object already has (such as "constructor"); choose another`);

export const Month = z
  .string()
  .regex(/^[1-9]\d{3}-(0[1-9]|1[0-2])$/, 'a month is written "YYYY-MM" with a year from 1000 to 9999, e.g. "1994-09"')
  .meta({ id: 'Month', description: 'A calendar month, "YYYY-MM", in the years 1000 to 9999.' });

export const text = (max: number) => z.string().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
export const int = (min: number, max: number) =>
  z.number().int('must be a whole number').min(min, `must be at least ${min}`).max(max, `must be at most ${max}`);

export const LonLat = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]).meta({
  id: 'LonLat',
  description: 'A point as [longitude, latitude] in degrees.',
});

export const Source = z
  .strictObject({
    doc: z
      .enum(SOURCE_DOCS, { error: `doc must be one of the five source files: ${SOURCE_DOCS.join(', ')}` })
      .describe('The source document, by its file name in the sources folder.'),
    section: text(200).describe('Where in the document: a heading, or a short description of the passage.'),
  })
  .meta({ id: 'Source', description: 'A citation of one of the five source documents.' });

export const Sources = z.array(Source).describe('Where this comes from in the sources.');

/** A whole number, or `{ "min", "max" }`: a whole number drawn from the game's seeded generator. */
export type Amount = number | { min: number; max: number };

export const amount = (min: number, max: number, what: string) =>
  z
    .union([
      int(min, max),
      z
        .strictObject({
          min: int(min, max).describe('The smallest value the draw can give.'),
          max: int(min, max).describe('The largest value the draw can give.'),
        })
        .refine((r) => r.min <= r.max, { message: 'min must not be above max', path: ['max'] })
        .describe('A whole number drawn at random between min and max (both included), from the game’s seeded generator: a replay draws the same.'),
    ])
    .describe(`${what}: a whole number, or { "min": …, "max": … } for a seeded random draw.`);

export const note = () => z.string().max(2000).describe('A note for designers and teachers; the game never shows it.');
