import { z } from 'zod';
import { Citation, CountryCode, LocalizedText, PartialDate, PublicHttpsUrl, Slug } from './primitives';

/**
 * What schema version 2 adds to the record shapes (issue 16: a model that holds what sources
 * say). Every field is optional or has a default, so a version-1 record is a valid version-2
 * record and older bundles and databases are read unchanged.
 */

/** A BCP 47 language tag, well-formed (RFC 5646 syntax, not checked against the registry): `en`, `th`, `zh-Hant`, `ms-Arab-MY`. */
export const LanguageTag = z
  .string()
  .max(35)
  .regex(/^[a-z]{2,3}(?:-[A-Z][a-z]{3})?(?:-(?:[A-Z]{2}|\d{3}))?(?:-[0-9A-Za-z]{5,8})*$/, 'must be a BCP 47 language tag such as en, th or zh-Hant');
export type LanguageTag = z.infer<typeof LanguageTag>;

/** Text in a language other than the app's three (Thai, Vietnamese, Khmer...), tagged. */
export const TaggedText = z.object({ lang: LanguageTag, text: z.string().min(1) }).strict();
export type TaggedText = z.infer<typeof TaggedText>;

export const CERTAINTY_LEVELS = ['verified', 'partial', 'unverified', 'conflicting'] as const;
export const CertaintyLevel = z.enum(CERTAINTY_LEVELS);
export type CertaintyLevel = z.infer<typeof CertaintyLevel>;

/** How sure a fact is, with a note and, for a conflict, the sources on each side. */
export const CertaintyNote = z
  .object({
    level: CertaintyLevel,
    note: LocalizedText.optional(),
    /** Sources that support the fact (for a conflict: one side). */
    supportedBy: z.array(Slug).optional(),
    /** Sources that say otherwise (a conflict's other side). */
    contradictedBy: z.array(Slug).optional(),
  })
  .strict()
  .refine((c) => c.level !== 'conflicting' || ((c.supportedBy?.length ?? 0) > 0 && (c.contradictedBy?.length ?? 0) > 0), {
    message: 'a conflicting fact names the sources on each side (supportedBy and contradictedBy)',
  });
export type CertaintyNote = z.infer<typeof CertaintyNote>;

/** Field path within the record: `chair`, `startDate`, `venue.city`, `days.2.date`. */
const FieldPath = z.string().regex(/^[A-Za-z][A-Za-z0-9]*(?:\.(?:[A-Za-z][A-Za-z0-9]*|\d+))*$/, 'must be a field path such as startDate or venue.city');

/** Certainty of a whole record and, where it differs, of single fields. */
export const Certainty = z
  .object({
    record: CertaintyNote.optional(),
    fields: z.record(FieldPath, CertaintyNote).optional(),
  })
  .strict();
export type Certainty = z.infer<typeof Certainty>;

export const DATE_QUALIFIERS = ['circa', 'early', 'mid', 'late', 'before', 'after'] as const;

/**
 * A date as precisely as the source gives it: a partial date (`2017`, `2025-09`), or a range
 * (`2017`–`2018`), either with a qualifier ("c. 2017", "early 2025", "before 2004").
 */
export const ApproximateDate = z.union([
  PartialDate,
  z
    .object({
      from: PartialDate,
      to: PartialDate.optional(),
      qualifier: z.enum(DATE_QUALIFIERS).optional(),
    })
    .strict()
    .refine((d) => d.to === undefined || d.to >= d.from, { message: 'a range ends after it starts', path: ['to'] }),
]);
export type ApproximateDate = z.infer<typeof ApproximateDate>;

export const CHAIR_ROLES = ['chair', 'co-chair', 'vice-chair'] as const;

/** One chair or co-chair for one term or cycle (an ADMM-Plus EWG has an ASEAN and a Plus co-chair per cycle). */
export const ChairTerm = z
  .object({
    role: z.enum(CHAIR_ROLES),
    country: CountryCode.optional(),
    person: z.string().min(1).optional(),
    title: LocalizedText.optional(),
    /** Which side holds the seat in a Plus format: ASEAN or the dialogue partner. */
    side: z.enum(['asean', 'plus']).optional(),
    /** The cycle as the body names it: "2024–2027", "ASOEN-36". */
    cycle: z.string().min(1).optional(),
    from: ApproximateDate.optional(),
    to: ApproximateDate.optional(),
    meetingId: Slug.optional(),
    sources: z.array(Citation).optional(),
  })
  .strict()
  .refine((c) => c.country !== undefined || c.person !== undefined, { message: 'a chair term names a country or a person' });
export type ChairTerm = z.infer<typeof ChairTerm>;

export const OUTCOME_DOCUMENT_TYPES = ['declaration', 'joint-statement', 'agreement', 'plan-of-action', 'chairmans-statement', 'report', 'other'] as const;
export const OUTCOME_DOCUMENT_STATUSES = ['draft', 'adopted', 'signed', 'in-force'] as const;

/** A document a meeting adopts or signs: declarations, joint statements, agreements, plans of action. */
export const OutcomeDocument = z
  .object({
    id: Slug,
    type: z.enum(OUTCOME_DOCUMENT_TYPES),
    title: LocalizedText,
    status: z.enum(OUTCOME_DOCUMENT_STATUSES),
    date: ApproximateDate.optional(),
    /** Countries party to it; empty when all ASEAN Member States are. */
    parties: z.array(CountryCode).optional(),
    url: PublicHttpsUrl.optional(),
    sources: z.array(Citation).optional(),
  })
  .strict();
export type OutcomeDocument = z.infer<typeof OutcomeDocument>;

/** A head of a delegation at a meeting. */
export const HeadOfDelegation = z
  .object({ country: CountryCode, person: z.string().min(1).optional(), title: LocalizedText.optional() })
  .strict();
export type HeadOfDelegation = z.infer<typeof HeadOfDelegation>;

export const SOURCE_AUTHORITIES = ['official', 'news-agency', 'secondary'] as const;
export const SourceAuthority = z.enum(SOURCE_AUTHORITIES);
export type SourceAuthority = z.infer<typeof SourceAuthority>;
