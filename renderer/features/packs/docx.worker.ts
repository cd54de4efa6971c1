import '../../../shared/zod-jitless';
import { packDocx, type DocxLabels } from '../../../shared/pack/docx/pack-docx';
import type { PackDocument } from '../../../shared/pack/model';
import { facesFor } from './script-fonts';

/*
 * Writes the Word document off the main thread: a 300-item brief is thousands of paragraphs,
 * seconds of XML that would otherwise freeze the window. Each request is answered, under its
 * id, with the file's bytes (transferred, not copied) or the error's message.
 */
/** `start` only starts the worker (its imports load and compile) before the first export. */
export type ToDocxWorker = { kind: 'write'; reqId: number; doc: PackDocument; labels: DocxLabels } | { kind: 'start' };
export type FromDocxWorker = { reqId: number; ok: true; bytes: Uint8Array } | { reqId: number; ok: false; message: string };

// The renderer's TypeScript project has the DOM library, not the worker one: the two clash.
const scope = self as unknown as {
  postMessage(message: FromDocxWorker, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ToDocxWorker>) => void): void;
};
scope.addEventListener('message', (event) => {
  if (event.data.kind !== 'write') return;
  const { reqId, doc, labels } = event.data;
  facesFor(doc)
    .then((faces) => packDocx(doc, labels, faces))
    .then(
      (bytes) => scope.postMessage({ reqId, ok: true, bytes }, [bytes.buffer]),
      (error: unknown) => scope.postMessage({ reqId, ok: false, message: error instanceof Error ? error.message : String(error) }),
    );
});
