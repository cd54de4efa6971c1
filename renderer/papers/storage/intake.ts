import { tooLarge, type PaperProblem } from '../../../shared/papers/file-checks';
import { inThreadPort, WorkerClient, workerPort } from '../../workers/worker-client';
import { inspectBytes, InspectProblem } from '../pdf/inspect-bytes';
import type { FromIntakeWorker, ToIntakeWorker } from '../pdf/intake-protocol';
import { closePdf, openPdf, PdfOpenError } from '../pdf/pdfjs';

/*
 * Everything learnt about a file before any of it is written: size (checked before a byte is
 * read), then, in the intake worker (../pdf/inspect-bytes.ts), SHA-256, whether it is the PDF it
 * says it is, whether pdf.js can open it (not password-protected, not damaged), whether it
 * carries JavaScript, and its text page by page. A refused file leaves the database untouched.
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

export type IntakeProgress = { phase: 'reading' } | { phase: 'text'; done: number; total: number };

/** The intake worker, started on the first attach and kept for the next (pdf.js loads once). */
let client: WorkerClient<ToIntakeWorker, FromIntakeWorker> | undefined;

/** Where there are no workers (jsdom in component tests), the same inspection on this thread with the app's pdf.js. */
function inThreadHost(post: (message: FromIntakeWorker) => void) {
  const opener = { open: openPdf, close: closePdf, problemOf: (error: unknown) => (error instanceof PdfOpenError ? error.problem : 'damaged' as const) };
  return {
    handle: async (message: ToIntakeWorker) => {
      if (message.kind !== 'inspect') return;
      const { reqId, bytes, name, type } = message;
      try {
        const result = await inspectBytes(bytes, { name, type }, opener, (done, total) => post({ kind: 'progress', reqId, done, total }));
        post({ kind: 'done', reqId, result, bytes });
      } catch (error) {
        post({ kind: 'failed', reqId, problem: error instanceof InspectProblem ? error.problem : 'failed', message: String(error), bytes });
      }
    },
  };
}

function intakeClient(): WorkerClient<ToIntakeWorker, FromIntakeWorker> {
  return (client ??= new WorkerClient<ToIntakeWorker, FromIntakeWorker>({
    name: 'paper intake',
    start: () =>
      typeof Worker === 'undefined'
        ? inThreadPort(inThreadHost)
        : workerPort(new Worker(new URL('../pdf/intake.worker.ts', import.meta.url), { type: 'module', name: 'paper-intake' })),
    requestOf: (message) => message.reqId,
    isFinal: (message) => message.kind !== 'progress',
    cancel: (reqId) => ({ kind: 'cancel', reqId }),
  }));
}

export async function inspectFile(file: IncomingFile, onProgress?: (p: IntakeProgress) => void, signal?: AbortSignal): Promise<InspectedFile> {
  if (tooLarge(file.size)) throw new IntakeError('too-large', file.name);
  onProgress?.({ phase: 'reading' });
  let read: Uint8Array;
  try {
    read = await file.read();
  } catch (error) {
    throw new IntakeError('failed', file.name, error);
  }
  if (tooLarge(read.byteLength)) throw new IntakeError('too-large', file.name);
  // Hashing, the PDF checks and every page's text run in the intake worker; the bytes go there
  // and come back transferred (a file read for us alone, or a copy of one we were lent).
  const sent = (read.byteOffset === 0 && read.byteLength === read.buffer.byteLength && read.buffer instanceof ArrayBuffer ? read : read.slice()) as Uint8Array<ArrayBuffer>;
  const reply = await intakeClient().request((reqId) => ({ kind: 'inspect', reqId, bytes: sent, name: file.name, type: file.type }), {
    ...(signal ? { signal } : {}),
    transfer: [sent.buffer],
    onProgress: (message) => {
      if (message.kind === 'progress') onProgress?.({ phase: 'text', done: message.done, total: message.total });
    },
  });
  if (reply.kind === 'failed') throw new IntakeError(reply.problem, file.name, new Error(reply.message));
  if (reply.kind !== 'done') throw new IntakeError('failed', file.name);
  const { result, bytes } = reply;
  return { name: file.name, size: bytes.byteLength, bytes, ...result };
}
