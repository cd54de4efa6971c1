import type { PDFDocumentProxy } from 'pdfjs-dist';
import { pageTextOf, type TextRun } from '../../../shared/papers/page-text';

/*
 * Text extraction, page by page. pdf.js parses each page's content stream in its worker
 * (getTextContent is a message to it); this thread only joins the runs, one page per task,
 * yielding between pages so a 300-page paper never blocks the interface.
 */

export function runsOf(items: readonly unknown[]): TextRun[] {
  const runs: TextRun[] = [];
  for (const item of items as { str?: string; hasEOL?: boolean }[]) {
    if (typeof item.str === 'string') runs.push({ str: item.str, hasEOL: item.hasEOL === true });
  }
  return runs;
}

const yieldToInterface = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export async function extractPageTexts(
  doc: PDFDocumentProxy,
  onProgress?: (done: number, total: number) => void,
  signal?: AbortSignal,
): Promise<string[]> {
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    signal?.throwIfAborted();
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    pages.push(pageTextOf(runsOf(content.items)).text);
    page.cleanup();
    onProgress?.(n, doc.numPages);
    await yieldToInterface();
  }
  return pages;
}
