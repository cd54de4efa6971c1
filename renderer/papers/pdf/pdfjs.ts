import type * as PdfJsModule from 'pdfjs-dist';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { openProblem, PDF_OPEN_OPTIONS, pdfDataUrls } from './pdf-options';

/*
 * The one way the app opens a PDF. pdf.js is loaded on first use (it is large and most pages
 * never need it); its worker is bundled with the app and served from the app's own origin, so
 * the page's `worker-src 'self'` allows it and nothing else. Parsing, font and image decoding
 * and text extraction run in that worker; the interface thread only paints.
 *
 * Safety: papers come from outside. pdf.js 6 never compiles code from a PDF (it dropped the
 * `isEvalSupported` switch along with its eval path: the build has no eval or new Function,
 * and the page's CSP has no 'unsafe-eval' to allow one), XFA forms are off, and this app never
 * creates the scripting sandbox (`enableScripting` is a viewer option it does not use) or the
 * annotation layer: no form fields, no JavaScript actions, no links that run.
 */

type PdfJs = typeof PdfJsModule;
let loading: Promise<{ lib: PdfJs; worker: PdfJsModule.PDFWorker }> | undefined;

/**
 * pdf.js and one worker shared by every document: starting a worker (parsing 1.2 MB of
 * script) costs more than opening a paper, so it is done once, and early (`warmUpPdf`).
 */
function load() {
  loading ??= import('pdfjs-dist').then((lib) => {
    lib.GlobalWorkerOptions.workerSrc = workerUrl;
    return { lib, worker: lib.PDFWorker.create({ name: 'papers' }) };
  });
  return loading;
}

export async function pdfjs(): Promise<PdfJs> {
  return (await load()).lib;
}

/** Starts loading pdf.js and its worker where a paper is likely to be opened next (a list of papers). */
export function warmUpPdf(): void {
  void load().catch(() => undefined);
}

export type PdfOpenProblem = 'encrypted' | 'damaged';

export class PdfOpenError extends Error {
  constructor(
    readonly problem: PdfOpenProblem,
    cause?: unknown,
  ) {
    super(problem, { cause });
  }
}

/**
 * Opens PDF bytes. The bytes are copied: pdf.js hands its input to the worker, which would
 * leave the caller's buffer empty. A password-protected file is refused rather than asked for
 * (its password would have to be kept to read it again, and its text could not be searched).
 */
/** Frees a document and its worker-side state. */
export function closePdf(doc: PDFDocumentProxy): void {
  void doc.loadingTask.destroy();
}

export async function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  const { lib, worker } = await load();
  const task = lib.getDocument({
    data: bytes.slice(),
    worker,
    ...PDF_OPEN_OPTIONS,
    ...pdfDataUrls(document.baseURI),
  });
  // No onPassword handler: without one pdf.js rejects a protected file with PasswordException.
  try {
    return await task.promise;
  } catch (error) {
    throw new PdfOpenError(openProblem(error), error);
  }
}
