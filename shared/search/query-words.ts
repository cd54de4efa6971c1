import { STOPWORDS, terms } from './tokenize';

/**
 * The words a query is scored by: its folded words once each, stopwords dropped unless the
 * query has nothing else ("the", "dan" alone are still searched).
 */
export function queryWords(query: string): string[] {
  const all = [...new Set(terms(query))];
  const content = all.filter((t) => !STOPWORDS.has(t));
  return content.length > 0 ? content : all;
}
