import { z } from 'zod';

/** A form as written: a word or a phrase ("alam sekitar", "KTT"), never empty. */
const Form = z.string().trim().min(1).max(160);
const Forms = z.array(Form).min(1);
const ConceptId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a lower-case slug');

/** One meaning and how each of the three languages writes it. */
export const Concept = z.strictObject({
  id: ConceptId,
  group: z.enum(['sector', 'relations', 'meeting', 'time', 'country', 'partner', 'organisation', 'body']),
  forms: z.strictObject({ en: Forms, ms: Forms, id: Forms }),
  /** Why a form is as it is: a false friend, a spelling that differs between Malay and Indonesian. */
  note: z.string().min(1).optional(),
  /** Concepts that knowingly share a form with this one (Malay keselamatan: security and safety). */
  sharedWith: z.array(ConceptId).min(1).optional(),
});
export type Concept = z.infer<typeof Concept>;

export const TermList = z.strictObject({
  $comment: z.string().optional(),
  version: z.number().int().positive(),
  concepts: z.array(Concept).min(1),
});
export type TermList = z.infer<typeof TermList>;

/** A capital or meeting venue and every name it goes by (joined and split forms, exonyms, abbreviations). */
export const Place = z.strictObject({
  id: ConceptId,
  country: z.string().regex(/^[A-Z]{2}$/),
  kind: z.enum(['capital', 'city', 'venue']),
  names: z.array(Form).min(1),
  /**
   * The larger places this one lies in (an island, a metropolitan area): a query for Bali also
   * finds a meeting in Kuta, one for Kuala Lumpur a meeting in Subang Jaya; not the other way.
   */
  within: z.array(ConceptId).min(1).optional(),
});
export type Place = z.infer<typeof Place>;

export const Gazetteer = z.strictObject({
  $comment: z.string().optional(),
  version: z.number().int().positive(),
  places: z.array(Place).min(1),
});
export type Gazetteer = z.infer<typeof Gazetteer>;
