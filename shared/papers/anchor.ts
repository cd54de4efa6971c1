import search from 'approx-string-match';
import type { AnchorStatus, TextPositionSelector, TextQuoteSelector } from './model';

/*
 * Text-quote anchoring after the W3C Web Annotation model and the Hypothesis client: an
 * annotation remembers the words it covers with some context on both sides and where they
 * were. To find it in a document (the same version or a re-issued one): the exact words with
 * their context first, then the exact words alone nearest the old position, then an
 * approximate match of the words (Myers' bit-parallel algorithm) scored by context and
 * position. Nothing good enough means orphaned: the caller keeps the annotation and its quote.
 */

export const CONTEXT_LENGTH = 32;

export function describeRange(text: string, start: number, end: number): { quote: TextQuoteSelector; position: TextPositionSelector } {
  if (start < 0 || end > text.length || start >= end) throw new RangeError(`bad range ${start}-${end} of ${text.length}`);
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
      suffix: text.slice(end, end + CONTEXT_LENGTH),
    },
    position: { type: 'TextPositionSelector', start, end },
  };
}

export interface AnchorResult {
  start: number;
  end: number;
  /** 'anchored': exact words in their context at the same place; 'moved': exact words elsewhere; 'fuzzy': approximately. */
  status: Exclude<AnchorStatus, 'orphaned'>;
  /** 0..1, 1 best. */
  score: number;
}

/** Length of the common end of a and b. */
function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}
function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/** How well the text around [start, end) matches the quote's context, 0..1. */
function contextScore(text: string, start: number, end: number, quote: TextQuoteSelector): number {
  const before = text.slice(Math.max(0, start - quote.prefix.length), start);
  const after = text.slice(end, end + quote.suffix.length);
  const total = quote.prefix.length + quote.suffix.length;
  if (total === 0) return 1;
  return (commonSuffix(before, quote.prefix) + commonPrefix(after, quote.suffix)) / total;
}

function positionScore(start: number, hint: number | undefined, length: number): number {
  if (hint === undefined || length === 0) return 0.5;
  return 1 - Math.min(1, Math.abs(start - hint) / length);
}

/** Every start of `needle` in `haystack`. */
function occurrences(haystack: string, needle: string): number[] {
  const found: number[] = [];
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) found.push(at);
  return found;
}

export interface AnchorOptions {
  /** Largest share of the quote's characters that may differ in a fuzzy match. */
  maxErrorRatio?: number;
}

/** Finds a quote in a document's text, or undefined when its words are gone. */
export function anchorQuote(text: string, quote: TextQuoteSelector, position?: TextPositionSelector, options: AnchorOptions = {}): AnchorResult | undefined {
  const exact = quote.exact;
  if (exact.length === 0) return undefined;
  const hint = position?.start;

  // 1. The position still holds the exact words (an unchanged version).
  if (position && text.slice(position.start, position.end) === exact && contextScore(text, position.start, position.end, quote) === 1) {
    return { start: position.start, end: position.end, status: 'anchored', score: 1 };
  }

  // 2. The exact words: best context first, then nearest the old position.
  const exactHits = occurrences(text, exact);
  if (exactHits.length > 0) {
    let best = { start: exactHits[0]!, score: -1, context: 0 };
    for (const start of exactHits) {
      const context = contextScore(text, start, start + exact.length, quote);
      const score = context * 0.8 + positionScore(start, hint, text.length) * 0.2;
      if (score > best.score) best = { start, score, context };
    }
    const status = best.context === 1 && best.start === hint ? 'anchored' : 'moved';
    return { start: best.start, end: best.start + exact.length, status, score: best.score };
  }

  // 3. Approximately: the words with some edits (a changed word, fixed typo, reflowed spaces).
  const ratio = options.maxErrorRatio ?? 0.25;
  const maxErrors = Math.floor(exact.length * ratio);
  if (maxErrors === 0) return undefined;
  const matches = search(text, exact, maxErrors);
  let best: AnchorResult | undefined;
  for (const match of matches) {
    const quality = 1 - match.errors / exact.length;
    const score = quality * 0.6 + contextScore(text, match.start, match.end, quote) * 0.3 + positionScore(match.start, hint, text.length) * 0.1;
    if (!best || score > best.score) best = { start: match.start, end: match.end, status: 'fuzzy', score };
  }
  return best;
}
