import { stem } from './stem';
import { tokenize } from './tokenize';
import type { Range } from './types';

/** What a query matched, to find the same words again in the text shown. */
export interface MatchedWords {
  terms: ReadonlySet<string>;
  stems: ReadonlySet<string>;
}

/** Character ranges of the words of `text` that the query matched. */
export function highlightRanges(text: string, matched: MatchedWords): Range[] {
  const ranges: Range[] = [];
  for (const token of tokenize(text)) {
    const hit = matched.terms.has(token.term) || (token.term.length >= 4 && matched.stems.size > 0 && matched.stems.has(stem(token.term)));
    if (hit) ranges.push([token.start, token.end]);
  }
  return ranges;
}

const SNIPPET_BEFORE = 60;
const SNIPPET_LENGTH = 180;

/** A window of a long text around its first matched word, with ranges moved into the window. */
export function snippetAround(text: string, ranges: Range[]): { snippet: string; ranges: Range[] } {
  if (text.length <= SNIPPET_LENGTH || ranges.length === 0) return { snippet: text.slice(0, SNIPPET_LENGTH), ranges: ranges.filter(([, e]) => e <= SNIPPET_LENGTH) };
  let start = Math.max(0, ranges[0]![0] - SNIPPET_BEFORE);
  if (start > 0) {
    const space = text.indexOf(' ', start);
    if (space !== -1 && space < ranges[0]![0]) start = space + 1;
  }
  let end = Math.min(text.length, start + SNIPPET_LENGTH);
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > ranges[0]![1]) end = space;
  }
  const lead = start > 0 ? '…' : '';
  const tail = end < text.length ? '…' : '';
  const shift = lead.length - start;
  return {
    snippet: `${lead}${text.slice(start, end)}${tail}`,
    ranges: ranges.filter(([s, e]) => s >= start && e <= end).map(([s, e]) => [s + shift, e + shift] as Range),
  };
}
