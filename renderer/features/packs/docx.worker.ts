import { packDocx, type DocxLabels } from '../../../shared/pack/docx/pack-docx';
import type { PackDocument } from '../../../shared/pack/model';

/*
 * Writes the Word document off the main thread: a 300-item brief is thousands of paragraphs,
 * seconds of XML that would otherwise freeze the window. One request at a time, answered with
 * the file's bytes (transferred, not copied) or the error's message.
 */
export type ToDocxWorker = { doc: PackDocument; labels: DocxLabels };
export type FromDocxWorker = { ok: true; bytes: Uint8Array } | { ok: false; message: string };

// The renderer's TypeScript project has the DOM library, not the worker one: the two clash.
const scope = self as unknown as {
  postMessage(message: FromDocxWorker, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ToDocxWorker>) => void): void;
};
scope.addEventListener('message', (event) => {
  packDocx(event.data.doc, event.data.labels).then(
    (bytes) => scope.postMessage({ ok: true, bytes }, [bytes.buffer]),
    (error: unknown) => scope.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) }),
  );
});
