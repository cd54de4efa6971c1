import type { PDFDocumentProxy } from 'pdfjs-dist';
import { pageTextOf, type TextRun } from '../../../shared/papers/page-text';

/*
 * Text extraction, page by page: pdf.js parses each page's content stream and this joins the
 * runs. It runs in the intake worker (inspect-bytes.ts); on the interface thread (tests without
 * workers) it yields between pages so a 300-page paper never blocks the interface.
 */

export function runsOf(items: readonly unknown[]): TextRun[] {
  const runs: TextRun[] = [];
  for (const item of items as { str?: string; hasEOL?: boolean }[]) {
    if (typeof item.str === 'string') runs.push({ str: item.str, hasEOL: item.hasEOL === true });
  }
  return runs;
}

const yieldToInterface = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * In the worker, pdf.js runs its own "fake worker" on promises alone: a whole paper is read
 * without the worker's event loop taking a message, so a Cancel sent mid-paper would arrive only
 * once every page was read. A turn of the loop this often lets it in (a nested timer's 4 ms).
 */
const CANCEL_CHECK_MS = 100;

export async function extractPageTexts(
  doc: PDFDocumentProxy,
  onProgress?: (done: number, total: number) => void,
  signal?: AbortSignal,
  /** Between pages, let the thread do other work: needed on the interface thread, wasted time in a worker (nested timers wait 4 ms each). */
  yieldBetweenPages = true,
): Promise<string[]> {
  const pages: string[] = [];
  let turned = performance.now();
  for (let n = 1; n <= doc.numPages; n++) {
    signal?.throwIfAborted();
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    pages.push(pageTextOf(runsOf(content.items)).text);
    page.cleanup();
    onProgress?.(n, doc.numPages);
    if (yieldBetweenPages || (signal && performance.now() - turned > CANCEL_CHECK_MS)) {
      await yieldToInterface();
      turned = performance.now();
    }
  }
  signal?.throwIfAborted();
  return pages;
}
