import { parseMarkdownWithSpans } from '../markdown/parse';

/*
 * Splits delegate-written markdown into the smallest pieces a page break may fall between:
 * each paragraph and each top-level list item (with its nested items). The pieces are the
 * parser's own block spans (shared/markdown/parse.ts), cut out of the source text, so every
 * piece parses to the block it was part of; a numbered item gets the number it had in its list,
 * because a list of one item restarts. Linear in the length of the text.
 */

const ORDERED_ITEM = /^([ \t]*)\d{1,9}([.)][ \t]+)/;

export function splitMarkdown(text: string): string[] {
  const source = String(text ?? '');
  return parseMarkdownWithSpans(source).spans.map((span) => {
    const piece = source.slice(span.start, span.end);
    return span.kind === 'item' && span.ordered ? piece.replace(ORDERED_ITEM, (_all, ws: string, rest: string) => `${ws}${span.number}${rest}`) : piece;
  });
}
