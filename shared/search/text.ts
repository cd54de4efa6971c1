import type { DocText } from './types';

const ORDER = ['en', 'ms', 'id'];

/** Every language version of a text (indexing reads them all). */
export function allTexts(text: DocText | undefined): string[] {
  if (text === undefined) return [];
  if (typeof text === 'string') return [text];
  return Object.values(text).filter((v): v is string => typeof v === 'string' && v.length > 0);
}

export interface Picked {
  text: string;
  lang: string;
  fallback: boolean;
}

/** The text in the wanted language, else English, Malay, Indonesian, else whatever there is. */
export function pickDocText(text: DocText, lang: string): Picked {
  if (typeof text === 'string') return { text, lang, fallback: false };
  const wanted = text[lang];
  if (wanted) return { text: wanted, lang, fallback: false };
  for (const other of [...ORDER, ...Object.keys(text)]) {
    const value = text[other];
    if (value) return { text: value, lang: other, fallback: true };
  }
  return { text: '', lang, fallback: true };
}

/** Language versions with the wanted one first (snippets prefer it, then fall back). */
export function textsByPreference(text: DocText, lang: string): Picked[] {
  if (typeof text === 'string') return [{ text, lang, fallback: false }];
  const langs = [lang, ...ORDER, ...Object.keys(text)].filter((l, i, all) => all.indexOf(l) === i);
  return langs.flatMap((l) => (text[l] ? [{ text: text[l], lang: l, fallback: l !== lang }] : []));
}
