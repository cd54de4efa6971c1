import { z } from 'zod';
import { isSafeExternalUrl } from '../trusted-url';

/** Stable identifiers: lowercase slugs such as `asoen-36` or `awgcc`. */
export const Slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lowercase slug (a-z, 0-9, single hyphens)');
export type Slug = z.infer<typeof Slug>;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const DIGITS = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;

/**
 * YYYY, YYYY-MM or YYYY-MM-DD names a real month and day. Checked by arithmetic, without the
 * arrays and Date objects of the general case below: a 100k-record bundle has 200k dates, and
 * this check was a tenth of its validation time.
 */
function isRealDate(value: string): boolean {
  if (!DIGITS.test(value)) return isRealDateSlow(value);
  if (value.length === 4) return true;
  const m = Number(value.slice(5, 7));
  if (m < 1 || m > 12) return false;
  if (value.length === 7) return true;
  const d = Number(value.slice(8, 10));
  // As Date.UTC reads a year: 0-99 are 1900-1999.
  let y = Number(value.slice(0, 4));
  if (y < 100) y += 1900;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return d >= 1 && d <= (m === 2 && leap ? 29 : DAYS_IN_MONTH[m - 1]!);
}

function isRealDateSlow(value: string): boolean {
  const [y, m, d] = value.split('-').map(Number);
  if (m === undefined) return true;
  if (m < 1 || m > 12) return false;
  if (d === undefined) return true;
  const date = new Date(Date.UTC(y!, m - 1, d));
  return date.getUTCDate() === d;
}

/** A full ISO date, `2025-07-28`. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be an ISO date YYYY-MM-DD')
  .refine(isRealDate, 'is not a real calendar date');

/**
 * A date known only as precisely as the source says: `2025`, `2025-09` or `2025-09-14`.
 * (ADSOM 2025 is known only to be "in September".)
 */
export const PartialDate = z
  .string()
  .regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD')
  .refine(isRealDate, 'is not a real calendar date');
export type PartialDate = z.infer<typeof PartialDate>;

/** ISO 3166-1 alpha-2 country code (EU is used for the European Union). */
export const CountryCode = z.string().regex(/^[A-Z]{2}$/, 'must be a two-letter country code');
export type CountryCode = z.infer<typeof CountryCode>;

export const LANGUAGES = ['en', 'ms', 'id'] as const;
export const Language = z.enum(LANGUAGES);
export type Language = z.infer<typeof Language>;

/** Text in one or more of the dataset languages; at least one must be present. */
export const LocalizedText = z
  .object({
    en: z.string().min(1).optional(),
    ms: z.string().min(1).optional(),
    id: z.string().min(1).optional(),
  })
  .strict()
  .refine((t) => t.en !== undefined || t.ms !== undefined || t.id !== undefined, 'needs text in at least one language');
export type LocalizedText = z.infer<typeof LocalizedText>;

/** A reference to a source document, optionally with the supporting passage quoted verbatim in the original language. */
export const Citation = z
  .object({
    sourceId: Slug,
    quote: z.string().min(1).optional(),
  })
  .strict();
export type Citation = z.infer<typeof Citation>;

/** Every reference record must cite at least one source. */
export const Citations = z.array(Citation).min(1, 'every record needs at least one source');

/** A person or country in a chairing role. */
export const ChairRole = z
  .object({
    country: CountryCode.optional(),
    person: z.string().min(1).optional(),
    title: LocalizedText.optional(),
  })
  .strict();
export type ChairRole = z.infer<typeof ChairRole>;

/**
 * A link to a public document: https to a public host, without credentials (the same check as
 * every link the app opens, shared/trusted-url.ts). Anything else (data:, javascript:, http:,
 * an intranet address) is refused when a dataset is validated, not only when it is shown.
 */
export const PublicHttpsUrl = z
  .string()
  .max(2048)
  .regex(/^https:\/\//, 'must start with https://')
  .refine(isSafeExternalUrl, 'must be a public https address (no credentials, not this computer or a local network)');
