import { describe, expect, it } from 'vitest';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { extractPageTexts } from '../../renderer/papers/pdf/extract-text';

/**
 * A paper as pdf.js's in-worker "fake worker" serves it: every page on promises alone, never a
 * turn of the event loop, with a little parsing work per page.
 */
function paperOnPromises(numPages: number): PDFDocumentProxy {
  const parse = () => {
    const until = performance.now() + 0.1;
    while (performance.now() < until);
  };
  return {
    numPages,
    getPage: (n: number) =>
      Promise.resolve({
        getTextContent: () => {
          parse();
          return Promise.resolve({ items: [{ str: `Page ${n}`, hasEOL: true }] });
        },
        cleanup: () => undefined,
      }),
  } as unknown as PDFDocumentProxy;
}

describe('reading a paper’s text in the intake worker', () => {
  it('stops soon after a Cancel that arrives as a message (a task), not after the last page', async () => {
    const controller = new AbortController();
    let read = 0;
    setTimeout(() => controller.abort(), 20);
    const reading = extractPageTexts(paperOnPromises(5000), (done) => (read = done), controller.signal, false);
    await expect(reading).rejects.toThrow();
    expect(read).toBeLessThan(5000);
  });

  it('reads every page when nobody cancels', async () => {
    const pages = await extractPageTexts(paperOnPromises(30), undefined, new AbortController().signal, false);
    expect(pages).toHaveLength(30);
    expect(pages[29]).toContain('Page 30');
  });
});
