import type { TermIndex } from './term-index';
import type { Thesaurus } from './terms/thesaurus';
import { allowedEdits } from './trie';

const SUGGESTIONS = 5;

/** The indexed words and term-list forms closest to what was typed, for "did you mean" (nearest first, then commonest). */
export function suggestWords(index: TermIndex, thesaurus: Thesaurus | undefined, words: readonly string[]): string[] {
  const found = new Map<string, number>();
  for (const word of words) {
    const edits = Math.max(2, allowedEdits(word.length) + 1);
    const near = [...index.vocab.near(word, edits), ...(thesaurus?.closeForms(word, edits).filter((c) => index.posting(c.term)) ?? [])];
    for (const { term, distance } of near) {
      const rank = distance * 1e6 - index.df(term);
      if (term !== word && rank < (found.get(term) ?? Infinity)) found.set(term, rank);
    }
  }
  return [...found].sort((a, b) => a[1] - b[1]).slice(0, SUGGESTIONS).map(([term]) => term);
}
