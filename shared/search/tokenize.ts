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

/**
 * Folded words only, as `tokenize` gives them: the whole text is folded once and then split,
 * which allocates no token per word (indexing calls this for every text of 50k documents).
 * Folding first cannot move a word boundary: it only lowers case and drops combining marks,
 * which never separate words.
 */
export function terms(text: string): string[] {
  const words = foldText(text).split(SEPARATORS);
  // A text that starts or ends with a separator leaves an empty piece there.
  if (words.length > 0 && words[words.length - 1] === '') words.pop();
  if (words.length > 0 && words[0] === '') words.shift();
  return words;
}

const SEPARATORS = /[^\p{L}\p{N}\p{M}]+/u;

/**
 * Words too common to carry a query on their own (English, Malay, Indonesian). They are still
 * indexed; a query drops them only when it has other words.
 */
export const STOPWORDS: ReadonlySet<string> = new Set([
  'a', 'an', 'and', 'the', 'of', 'on', 'in', 'for', 'to', 'at', 'by', 'with', 'or',
  'dan', 'di', 'ke', 'yang', 'untuk', 'dari', 'bagi', 'pada', 'dengan', 'atau', 'serta', 'dalam',
]);
