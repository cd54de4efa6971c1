import type { PDFDocumentProxy } from 'pdfjs-dist';
import { claimsPdf, hasPdfHeader, mentionsJavaScript, tooLarge, type PaperProblem } from '../../../shared/papers/file-checks';
import { extractPageTexts } from '../pdf/extract-text';
import { closePdf, openPdf, PdfOpenError } from '../pdf/pdfjs';

/*
 * Everything learnt about a file before any of it is written: size (checked before a byte is
 * read), SHA-256, whether it is the PDF it says it is, whether pdf.js can open it (not
 * password-protected, not damaged), whether it carries JavaScript, and its text page by page.
 * A refused file leaves the database untouched.
 */

export interface IncomingFile {
  name: string;
  type: string;
  size: number;
  /** Read only once the size is known to be acceptable. */
  read(): Promise<Uint8Array>;
}

export function fromFile(file: File): IncomingFile {
  return { name: file.name, type: file.type, size: file.size, read: async () => new Uint8Array(await file.arrayBuffer()) };
}

export interface InspectedFile {
  name: string;
  type: string;
  size: number;
  sha256: string;
  bytes: Uint8Array;
  isPdf: boolean;
  pageCount?: number;
  hasScripts?: boolean;
  /** Page texts of a PDF (index 0 = page 1). */
  pages?: string[];
}

export class IntakeError extends Error {
  constructor(
    readonly problem: PaperProblem,
    readonly fileName: string,
    cause?: unknown,
  ) {
    super(`${fileName}: ${problem}`, { cause });
  }
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export type IntakeProgress = { phase: 'reading' } | { phase: 'text'; done: number; total: number };

export async function inspectFile(file: IncomingFile, onProgress?: (p: IntakeProgress) => void, signal?: AbortSignal): Promise<InspectedFile> {
  if (tooLarge(file.size)) throw new IntakeError('too-large', file.name);
  onProgress?.({ phase: 'reading' });
  let bytes: Uint8Array;
  try {
    bytes = await file.read();
  } catch (error) {
    throw new IntakeError('failed', file.name, error);
  }
  if (tooLarge(bytes.byteLength)) throw new IntakeError('too-large', file.name);
  const sha256 = await sha256Hex(bytes);
  const header = hasPdfHeader(bytes);
  const base = { name: file.name, type: file.type || (header ? 'application/pdf' : 'application/octet-stream'), size: bytes.byteLength, sha256, bytes };
  if (!header) {
    if (claimsPdf(file.name, file.type)) throw new IntakeError('not-pdf', file.name);
    return { ...base, isPdf: false };
  }
  let doc: PDFDocumentProxy;
  try {
    doc = await openPdf(bytes);
  } catch (error) {
    throw new IntakeError(error instanceof PdfOpenError ? error.problem : 'damaged', file.name, error);
  }
  try {
    const actions = await doc.getJSActions().catch(() => null);
    const hasScripts = mentionsJavaScript(bytes) || (actions !== null && actions.size > 0);
    const pages = await extractPageTexts(doc, (done, total) => onProgress?.({ phase: 'text', done, total }), signal);
    return { ...base, type: 'application/pdf', isPdf: true, pageCount: doc.numPages, hasScripts, pages };
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new IntakeError('damaged', file.name, error);
  } finally {
    closePdf(doc);
  }
}
