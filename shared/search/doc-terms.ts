import { FIELD_WEIGHT, LENGTH_NORMALISED } from './field-weights';
import { foldText } from './fold';
import { terms as termsOf } from './tokenize';
import type { DocText, SearchDoc } from './types';
import { scanWords, wordHash } from './word-scan';

/**
 * One occurrence of a word: `text.slice(start, end)`, its hash (word-scan.ts), its field's
 * weight, whether from an acronym, and whether its field is length-normalised (LENGTH_NORMALISED).
 */
export type DocWordVisitor = (text: string, start: number, end: number, hash: number, weight: number, acronym: boolean, normalised: boolean) => void;

/**
 * Calls `visit` for every word of a document: each word of its acronyms (and a multi-word
 * acronym joined, as "COP AATHP" is also typed "copaathp") with weight 0 and `acronym` set, then
 * every word of its title, keywords and text in every language with its field's weight. A word
 * is visited as often as it occurs; the caller sums (BM25F: fields weighted and summed). Words
 * are given by their place in the folded text, so indexing makes no string per word.
 */
export function forEachDocWord(doc: SearchDoc, visit: DocWordVisitor): void {
  for (const acronym of doc.acronyms ?? []) {
    const words = termsOf(acronym);
    for (const term of words) visit(term, 0, term.length, wordHash(term), 0, true, false);
    if (words.length > 1) {
      const joined = words.join('');
      visit(joined, 0, joined.length, wordHash(joined), 0, true, false);
    }
  }
  let weight = 0;
  let normalised = true;
  const onWord = (text: string, start: number, end: number, hash: number) => visit(text, start, end, hash, weight, false, normalised);
  const texts = (text: DocText | undefined, fieldWeight: number, fieldNormalised: boolean) => {
    if (text === undefined) return;
    weight = fieldWeight;
    normalised = fieldNormalised;
    if (typeof text === 'string') return scanWords(foldText(text), onWord);
    for (const lang in text) {
      const value = text[lang];
      if (value) scanWords(foldText(value), onWord);
    }
  };
  texts(doc.title, FIELD_WEIGHT.title, LENGTH_NORMALISED.title);
  for (const keyword of doc.keywords ?? []) texts(keyword, FIELD_WEIGHT.keyword, LENGTH_NORMALISED.keyword);
  for (const part of doc.text ?? []) texts(part, FIELD_WEIGHT.text, LENGTH_NORMALISED.text);
}

/** Every word of a document as a string, as forEachDocWord visits them (for tests and tools). */
export function forEachDocTerm(doc: SearchDoc, visit: (term: string, weight: number, acronym: boolean) => void): void {
  forEachDocWord(doc, (text, start, end, _hash, weight, acronym) => visit(text.slice(start, end), weight, acronym));
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
