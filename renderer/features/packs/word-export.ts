import type { DocxLabels } from '../../../shared/pack/docx/pack-docx';
import type { PackDocument } from '../../../shared/pack/model';
import type { FromDocxWorker } from './docx.worker';

/**
 * Writes a pack document as .docx in a worker. The worker is started when the pack page opens,
 * so the Word library is loaded and compiled while the delegate reads the preview, not after the
 * click; one export at a time. Where workers are not available (tests in jsdom) it writes on this thread.
 */
export interface WordExporter {
  write(doc: PackDocument, labels: DocxLabels): Promise<Uint8Array>;
  dispose(): void;
}

export function createWordExporter(): WordExporter {
  if (typeof Worker === 'undefined') {
    return {
      write: async (doc, labels) => (await import('../../../shared/pack/docx/pack-docx')).packDocx(doc, labels),
      dispose: () => undefined,
    };
  }
  let worker: Worker | undefined;
  const start = () => (worker ??= new Worker(new URL('./docx.worker.ts', import.meta.url), { type: 'module', name: 'docx' }));
  start();
  return {
    write: (doc, labels) =>
      new Promise<Uint8Array>((resolve, reject) => {
        const w = start();
        const done = () => {
          w.removeEventListener('message', onMessage);
          w.removeEventListener('error', onError);
        };
        const onMessage = (event: MessageEvent<FromDocxWorker>) => {
          done();
          if (event.data.ok) resolve(event.data.bytes);
          else reject(new Error(event.data.message));
        };
        const onError = (event: ErrorEvent) => {
          done();
          // A worker that failed is not used again.
          w.terminate();
          worker = undefined;
          reject(new Error(event.message || 'The Word export stopped.'));
        };
        w.addEventListener('message', onMessage);
        w.addEventListener('error', onError);
        w.postMessage({ doc, labels });
      }),
    dispose: () => {
      worker?.terminate();
      worker = undefined;
    },
  };
}
