import type * as PdfJsModule from 'pdfjs-dist';
import type { PdfOpener } from './inspect-bytes';
import { openProblem, PDF_OPEN_OPTIONS, pdfDataUrls } from './pdf-options';

/*
 * pdf.js inside the intake worker. Its parser runs in this same thread (pdf.js's "worker" code
 * loaded as a module, as pdf.js does where it cannot start a worker of its own): the intake
 * worker is already off the interface thread, and one thread less is one start-up less.
 */
let loading: Promise<typeof PdfJsModule> | undefined;

function load(): Promise<typeof PdfJsModule> {
  loading ??= (async () => {
    const parser: unknown = await import('pdfjs-dist/build/pdf.worker.min.mjs');
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = parser;
    return import('pdfjs-dist');
  })();
  return loading;
}

export const workerPdfOpener: PdfOpener = {
  async open(bytes) {
    const lib = await load();
    // A copy: pdf.js keeps its input, and the bytes go back to the page to be stored.
    return lib.getDocument({ data: bytes.slice(), ...PDF_OPEN_OPTIONS, ...pdfDataUrls(self.location.href) }).promise;
  },
  close(doc) {
    void doc.loadingTask.destroy();
  },
  problemOf: openProblem,
};
