import { foldText } from './fold';

/** A word of a text: its folded form and where it stands in the original string (for highlights). */
export interface Token {
  term: string;
  start: number;
  end: number;
}

// Letters, digits and the combining marks that belong to them; everything else separates words.
const WORD = /[\p{L}\p{N}\p{M}]+/gu;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    const term = foldText(match[0]);
    if (term) tokens.push({ term, start: match.index, end: match.index + match[0].length });
  }
  return tokens;
}

/** Folded words only. */
export function terms(text: string): string[] {
  return tokenize(text).map((t) => t.term);
}

/**
 * Words too common to carry a query on their own (English, Malay, Indonesian). They are still
 * indexed; a query drops them only when it has other words.
 */
export const STOPWORDS: ReadonlySet<string> = new Set([
  'a', 'an', 'and', 'the', 'of', 'on', 'in', 'for', 'to', 'at', 'by', 'with', 'or',
  'dan', 'di', 'ke', 'yang', 'untuk', 'dari', 'bagi', 'pada', 'dengan', 'atau', 'serta', 'dalam',
]);
