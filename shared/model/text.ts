import type { Language, LocalizedText } from './primitives';

/** The order in which other languages stand in when the wanted one is missing. */
const FALLBACK_ORDER: readonly Language[] = ['en', 'ms', 'id'];

export interface PickedText {
  text: string;
  lang: Language;
  /** True when the text is not in the wanted language (the interface shows a marker). */
  fallback: boolean;
}

/** Picks the text in the wanted language, else the first language the record has. */
export function pickText(value: LocalizedText, lang: Language): PickedText {
  const wanted = value[lang];
  if (wanted !== undefined) return { text: wanted, lang, fallback: false };
  for (const other of FALLBACK_ORDER) {
    const text = value[other];
    if (text !== undefined) return { text, lang: other, fallback: true };
  }
  return { text: '', lang, fallback: true };
}

/** The text in a language other than the given one (the original Malay or Indonesian name). */
export function otherLanguageText(value: LocalizedText, shown: Language): PickedText | undefined {
  for (const other of FALLBACK_ORDER) {
    const text = value[other];
    if (other !== shown && text !== undefined) return { text, lang: other, fallback: true };
  }
  return undefined;
}
