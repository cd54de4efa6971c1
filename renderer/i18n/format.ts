import { PartialDate, type Language } from '../../shared/model';
import { languageName as nameOfLanguage } from '../../shared/i18n/language-names';
import { dateLocale } from './locale';

const ASEAN = new Set(['BN', 'KH', 'ID', 'LA', 'MY', 'MM', 'PH', 'SG', 'TH', 'VN', 'TL']);

export function countryName(code: string, lang: Language): string {
  try {
    return new Intl.DisplayNames([lang], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

export function isAseanCountry(code: string): boolean {
  return ASEAN.has(code);
}

/** Any BCP 47 tag's language name in the interface language (shared/i18n/language-names.ts: Intl, then a table, then the tag). */
export function languageName(code: string, lang: Language): string {
  return nameOfLanguage(code, lang);
}

/**
 * One Intl.DateTimeFormat per locale and options: making one costs about a millisecond, and a
 * search view re-rendering 30 hits with a date each, on every index change of a restore, held
 * the page for 50 to 150 ms at a time.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
function cachedFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale} ${JSON.stringify(options)}`;
  let format = formatters.get(key);
  if (!format) formatters.set(key, (format = new Intl.DateTimeFormat(locale, options)));
  return format;
}

function toDate(value: string): Date {
  const [y, m = 1, d = 1] = value.split('-').map(Number);
  return new Date(Date.UTC(y!, m - 1, d));
}

/** Formats a partial date at the precision it is known: "2025", "September 2025", "28 July 2025". */
export function formatPartialDate(input: string, lang: Language): string {
  // A full timestamp is shown as its day; anything else that is not a date is shown as it is.
  const value = /^\d{4}-\d{2}-\d{2}T/.test(input) ? input.slice(0, 10) : input;
  if (!PartialDate.safeParse(value).success) return input;
  const date = toDate(value);
  const options: Intl.DateTimeFormatOptions =
    value.length === 4
      ? { year: 'numeric', timeZone: 'UTC' }
      : value.length === 7
        ? { year: 'numeric', month: 'long', timeZone: 'UTC' }
        : { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' };
  return cachedFormat(dateLocale(lang), options).format(date);
}

/** "28–31 July 2025" for full dates; each end at its own precision otherwise. */
export function formatDateRange(start: string, end: string | undefined, lang: Language): string {
  if (end === undefined || end === start) return formatPartialDate(start, lang);
  if (start.length === 10 && end.length === 10) {
    const format = new Intl.DateTimeFormat(dateLocale(lang), { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
    // en-GB spaces the dash even between two days of one month; ASEAN documents write "28–31 July".
    return format
      .formatRange(toDate(start), toDate(end))
      .replace(/\s+–\s+/u, ' – ')
      .replace(/(\d) – (\d)/u, '$1–$2');
  }
  return `${formatPartialDate(start, lang)} – ${formatPartialDate(end, lang)}`;
}

export type DateTimeStyle = 'long' | 'medium' | 'short';

/** A moment (ISO timestamp) as the delegate reads it: "1 December 2026, 09:47" in English. */
export function formatDateTime(iso: string, lang: Language, dateStyle: DateTimeStyle = 'medium', timeStyle: DateTimeStyle | undefined = 'short'): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return cachedFormat(dateLocale(lang), timeStyle ? { dateStyle, timeStyle, hourCycle: 'h23' } : { dateStyle }).format(date);
}

/** Day-month formatter for calendars and pickers (weekday names, "28 July"). */
export function dateFormat(lang: Language, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(dateLocale(lang), options);
}
