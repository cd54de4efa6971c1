import { FIELD_WEIGHT } from './field-weights';
import { terms as termsOf } from './tokenize';
import type { DocText, SearchDoc } from './types';

/**
 * Calls `visit` for every word of a document: each word of its acronyms (and a multi-word
 * acronym joined, as "COP AATHP" is also typed "copaathp") with weight 0 and `acronym` set, then
 * every word of its title, keywords and text in every language with its field's weight. A word
 * is visited as often as it occurs; the caller sums (BM25F: fields weighted and summed).
 */
export function forEachDocTerm(doc: SearchDoc, visit: (term: string, weight: number, acronym: boolean) => void): void {
  for (const acronym of doc.acronyms ?? []) {
    const words = termsOf(acronym);
    for (const term of words) visit(term, 0, true);
    if (words.length > 1) visit(words.join(''), 0, true);
  }
  const texts = (text: DocText | undefined, weight: number) => {
    if (text === undefined) return;
    if (typeof text === 'string') {
      for (const term of termsOf(text)) visit(term, weight, false);
      return;
    }
    for (const lang in text) {
      const value = text[lang];
      if (value) for (const term of termsOf(value)) visit(term, weight, false);
    }
  };
  texts(doc.title, FIELD_WEIGHT.title);
  for (const keyword of doc.keywords ?? []) texts(keyword, FIELD_WEIGHT.keyword);
  for (const part of doc.text ?? []) texts(part, FIELD_WEIGHT.text);
}

export interface TermWeight {
  /** From acronyms and codes: short by nature, so never length-normalised. */
  acronym: number;
  /** Field-weighted occurrences in title, keywords and text. */
  other: number;
}

/** Every indexed word of a document with its field-weighted occurrences (for tests and tools; the index sums the same visits into arrays). */
export function docTerms(doc: SearchDoc): Map<string, TermWeight> {
  const out = new Map<string, TermWeight>();
  forEachDocTerm(doc, (term, weight, acronym) => {
    let entry = out.get(term);
    if (!entry) out.set(term, (entry = { acronym: 0, other: 0 }));
    entry.other += weight;
    if (acronym) entry.acronym = FIELD_WEIGHT.acronym;
  });
  return out;
}
