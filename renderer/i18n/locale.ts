import type { Language } from '../../shared/model';

/**
 * The locale dates and numbers are formatted in. English is written for ASEAN readers the way
 * ASEAN documents write it: day-month-year and the 24-hour clock ("28–31 July 2025", "14:30"),
 * British English rather than the US order a bare "en" gives.
 */
export function dateLocale(lang: Language): string {
  return lang === 'en' ? 'en-GB' : lang;
}

/** Numbers keep the language's own grouping ("12,345" in English and Malay, "12.345" in Indonesian). */
export function numberLocale(lang: Language): string {
  return lang === 'en' ? 'en-GB' : lang;
}
