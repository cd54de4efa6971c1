// First: zod must be jitless before any schema exists (shared/zod-jitless.ts).
import '../../../shared/zod-jitless';
import { inspectBytes, InspectProblem } from './inspect-bytes';
import { workerPdfOpener } from './pdfjs-in-worker';
import type { FromIntakeWorker, ToIntakeWorker } from './intake-protocol';

/*
 * The intake worker: a file's bytes in, what they are out (hash, PDF checks, every page's text),
 * with progress per page. The bytes come in transferred and go back transferred: never copied.
 */
const scope = self as unknown as {
  postMessage(message: FromIntakeWorker, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ToIntakeWorker>) => void): void;
};
const running = new Map<number, AbortController>();
const PROGRESS_EVERY_MS = 150;

scope.addEventListener('message', (event) => {
  const message = event.data;
  if (message.kind === 'cancel') {
    running.get(message.reqId)?.abort();
    return;
  }
  const { reqId, bytes, name, type } = message;
  const controller = new AbortController();
  running.set(reqId, controller);
  // Progress a few times a second, not per page: each message is a render on the page's side.
  let last = 0;
  const progress = (done: number, total: number) => {
    const now = performance.now();
    if (done < total && now - last < PROGRESS_EVERY_MS) return;
    last = now;
    scope.postMessage({ kind: 'progress', reqId, done, total });
  };
  inspectBytes(bytes, { name, type }, workerPdfOpener, progress, controller.signal, true).then(
    (result) => scope.postMessage({ kind: 'done', reqId, result, bytes }, [bytes.buffer]),
    (error: unknown) =>
      scope.postMessage({ kind: 'failed', reqId, problem: error instanceof InspectProblem ? error.problem : 'failed', message: error instanceof Error ? error.message : String(error), bytes }, [bytes.buffer]),
  ).finally(() => running.delete(reqId));
});
