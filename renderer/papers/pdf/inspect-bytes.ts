import type { PDFDocumentProxy } from 'pdfjs-dist';
import { claimsPdf, hasPdfHeader, mentionsJavaScript, type PaperProblem } from '../../../shared/papers/file-checks';
import { extractPageTexts } from './extract-text';

/*
 * What a file's bytes are, learnt before any of it is written: SHA-256, whether it is the PDF
 * it says it is, whether pdf.js can open it (not password-protected, not damaged), whether it
 * carries JavaScript, and its text page by page. Runs in the intake worker (intake.worker.ts),
 * so none of it (the byte scans, the 300 pages' text) takes the interface thread's time.
 */

export interface InspectedBytes {
  sha256: string;
  type: string;
  isPdf: boolean;
  pageCount?: number;
  hasScripts?: boolean;
  pages?: string[];
}

export class InspectProblem extends Error {
  constructor(
    readonly problem: PaperProblem,
    cause?: unknown,
  ) {
    super(problem, { cause });
  }
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export interface PdfOpener {
  open(bytes: Uint8Array): Promise<PDFDocumentProxy>;
  close(doc: PDFDocumentProxy): void;
  /** The problem an open failure means ('encrypted' or 'damaged'). */
  problemOf(error: unknown): PaperProblem;
}

export async function inspectBytes(
  bytes: Uint8Array,
  file: { name: string; type: string },
  pdf: PdfOpener,
  onText?: (done: number, total: number) => void,
  signal?: AbortSignal,
  inWorker = false,
): Promise<InspectedBytes> {
  const sha256 = await sha256Hex(bytes);
  const header = hasPdfHeader(bytes);
  const type = file.type || (header ? 'application/pdf' : 'application/octet-stream');
  if (!header) {
    if (claimsPdf(file.name, file.type)) throw new InspectProblem('not-pdf');
    return { sha256, type, isPdf: false };
  }
  let doc: PDFDocumentProxy;
  try {
    doc = await pdf.open(bytes);
  } catch (error) {
    throw new InspectProblem(pdf.problemOf(error), error);
  }
  try {
    const actions = await doc.getJSActions().catch(() => null);
    const hasScripts = mentionsJavaScript(bytes) || (actions !== null && actions.size > 0);
    const pages = await extractPageTexts(doc, onText, signal, !inWorker);
    return { sha256, type: 'application/pdf', isPdf: true, pageCount: doc.numPages, hasScripts, pages };
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new InspectProblem('damaged', error);
  } finally {
    pdf.close(doc);
  }
}
