import type { DocxLabels } from '../../../shared/pack/docx/pack-docx';
import type { PackDocument } from '../../../shared/pack/model';
import { inThreadPort, WorkerClient, workerPort } from '../../workers/worker-client';
import type { FromDocxWorker, ToDocxWorker } from './docx.worker';

/**
 * Writes a pack document as .docx in a worker (through the app's generic worker client). The
 * worker is started when the pack page opens, so the Word library is loaded and compiled while
 * the delegate reads the preview, not after the click. Where workers are not available (tests in
 * jsdom) the same code writes on this thread.
 */
export interface WordExporter {
  write(doc: PackDocument, labels: DocxLabels): Promise<Uint8Array>;
  dispose(): void;
}

function inThreadHost(post: (message: FromDocxWorker) => void) {
  return {
    handle: async (message: ToDocxWorker) => {
      if (message.kind !== 'write') return;
      const { reqId, doc, labels } = message;
      try {
        const [{ packDocx }, { facesFor }] = await Promise.all([import('../../../shared/pack/docx/pack-docx'), import('./script-fonts')]);
        post({ reqId, ok: true, bytes: await packDocx(doc, labels, await facesFor(doc)) });
      } catch (error) {
        post({ reqId, ok: false, message: error instanceof Error ? error.message : String(error) });
      }
    },
  };
}

export function createWordExporter(): WordExporter {
  const client = new WorkerClient<ToDocxWorker, FromDocxWorker>({
    name: 'Word export',
    start: () =>
      typeof Worker === 'undefined'
        ? inThreadPort(inThreadHost)
        : workerPort(new Worker(new URL('./docx.worker.ts', import.meta.url), { type: 'module', name: 'docx' })),
    requestOf: (message) => message.reqId,
    isFinal: () => true,
  });
  // Started now, so the library loads while the delegate reads the preview.
  if (typeof Worker !== 'undefined') client.send({ kind: 'start' });
  return {
    write: async (doc, labels) => {
      const reply = await client.request((reqId) => ({ kind: 'write', reqId, doc, labels }));
      if (!reply.ok) throw new Error(reply.message);
      return reply.bytes;
    },
    dispose: () => client.dispose(),
  };
}
