/*
 * How a PDF's text is turned into one string that annotations point into. The same function
 * builds the text stored for search and re-anchoring and the text the viewer maps selections
 * and highlights against, so an offset means the same character everywhere.
 */

/** The part of a pdf.js text item used here (marked-content items have no `str` and are skipped). */
export interface TextRun {
  str: string;
  hasEOL: boolean;
}

export interface PageTextMap {
  text: string;
  /** Offset in `text` where each run starts (one entry per run, in order). */
  runStarts: number[];
}

/** A page's text: its runs in order, a newline after each run that ends a line. */
export function pageTextOf(runs: readonly TextRun[]): PageTextMap {
  let text = '';
  const runStarts: number[] = [];
  for (const run of runs) {
    runStarts.push(text.length);
    text += run.str;
    if (run.hasEOL) text += '\n';
  }
  return { text, runStarts };
}

/** Separates pages in the document text; a form feed never appears in extracted text runs. */
export const PAGE_BREAK = '\n\f\n';

export interface DocumentText {
  text: string;
  /** Offset where each page (index 0 = page 1) starts. */
  pageStarts: number[];
}

export function documentTextOf(pages: readonly string[]): DocumentText {
  const pageStarts: number[] = [];
  let offset = 0;
  for (const page of pages) {
    pageStarts.push(offset);
    offset += page.length + PAGE_BREAK.length;
  }
  return { text: pages.join(PAGE_BREAK), pageStarts };
}

/** The 1-based page an offset falls on. */
export function pageOfOffset(pageStarts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = pageStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (pageStarts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}
