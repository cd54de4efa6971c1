import type { Language } from '../model';
import { LANGUAGE_NAMES } from './language-name-table';

/*
 * The name of a language, given as any BCP 47 tag (`th`, `fil`, `zh-Hans`, `ms-Arab-MY`), in an
 * interface language: "Thai", "Vietnam", "Tionghoa (Sederhana)". Intl.DisplayNames first, when
 * the runtime really speaks the interface language (Chromium, Electron and Node do for en, ms
 * and id); then the table of the languages delegates meet most (a runtime with a trimmed ICU
 * has no Tetum); then the runtime's name in another language; then the tag itself, never a
 * blank or an exception.
 */

/** How the runtime names languages in one interface language; undefined when it cannot. */
export type DisplayNamesSource = (ui: Language) => Pick<Intl.DisplayNames, 'of'> | undefined;

const cache = new Map<string, Intl.DisplayNames | null>();

function runtimeNames(locale: string): Intl.DisplayNames | undefined {
  let names = cache.get(locale);
  if (names === undefined) {
    try {
      names = new Intl.DisplayNames([locale], { type: 'language', fallback: 'none' });
      // A runtime without the locale's data answers in its default language instead.
      if (locale !== 'en' && new Intl.Locale(names.resolvedOptions().locale).language !== locale) names = null;
    } catch {
      names = null;
    }
    cache.set(locale, names);
  }
  return names ?? undefined;
}

/** The runtime's own names (Intl.DisplayNames), when it has the interface language's data. */
export const intlDisplayNames: DisplayNamesSource = (ui) => runtimeNames(ui);

function canonical(tag: string): string | undefined {
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
}

function named(names: Pick<Intl.DisplayNames, 'of'> | undefined, tag: string): string | undefined {
  try {
    const name = names?.of(tag);
    return name && name.toLowerCase() !== tag.toLowerCase() ? name : undefined;
  } catch {
    return undefined;
  }
}

/** From the table: the tag itself, else its language with the rest of the tag ("Thai (th-TH)"). */
function fromTable(tag: string, ui: Language): string | undefined {
  const exact = LANGUAGE_NAMES[tag]?.[ui];
  if (exact) return exact;
  const base = tag.split('-')[0]!;
  const name = LANGUAGE_NAMES[base]?.[ui];
  return name ? `${name} (${tag})` : undefined;
}

export function languageName(tag: string, ui: Language, source: DisplayNamesSource = intlDisplayNames): string {
  const wellFormed = canonical(tag);
  if (!wellFormed) return tag;
  return named(source(ui), wellFormed) ?? fromTable(wellFormed, ui) ?? (ui === 'en' ? undefined : named(source('en'), wellFormed)) ?? tag;
}
