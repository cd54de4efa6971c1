import { announceReplaced } from '../../../collab/tab-channel';
import { shareKeyWith } from '../../../crypto/worker-key';
import { inThreadPort, WorkerClient, WorkerFailedError, workerPort } from '../../../workers/worker-client';
import type { RestoreProgress } from './restore-engine';
import { createRestoreHost } from './restore-host';
import type { FromRestoreWorker, RestoreOutcome, RestoreSource, ToRestoreWorker } from './restore-protocol';

let client: WorkerClient<ToRestoreWorker, FromRestoreWorker> | undefined;

function restoreClient(): WorkerClient<ToRestoreWorker, FromRestoreWorker> {
  client ??= new WorkerClient<ToRestoreWorker, FromRestoreWorker>({
    name: 'restore',
    start: () => {
      if (typeof Worker === 'undefined') return inThreadPort<ToRestoreWorker, FromRestoreWorker>((post) => createRestoreHost(post));
      const worker = new Worker(new URL('./restore.worker.ts', import.meta.url), { type: 'module', name: 'restore' });
      shareKeyWith(worker);
      return workerPort(worker);
    },
    requestOf: (message) => message.reqId,
    isFinal: (message) => message.kind === 'result',
    cancel: (reqId) => ({ kind: 'cancel', reqId }),
  });
  return client;
}

/** Checks (writing nothing) or restores a backup in the restore worker, with progress; an abort cancels (nothing changed). */
export async function runRestore(kind: 'check' | 'restore', source: RestoreSource, options: { onProgress?: (p: RestoreProgress) => void; signal?: AbortSignal } = {}): Promise<RestoreOutcome> {
  if (options.signal?.aborted) return { kind: 'cancelled' };
  try {
    const reply = await restoreClient().request((reqId) => ({ kind, reqId, source }), {
      ...(options.signal ? { signal: options.signal } : {}),
      onProgress: (message) => {
        if (message.kind === 'progress') options.onProgress?.(message.progress);
      },
    });
    if (reply.kind !== 'result') return { kind: 'failed', message: 'The restore worker answered out of turn.' };
    // Other tabs (and this one's open editors) reload the briefings the restore replaced.
    if (reply.outcome.kind === 'ok') for (const id of reply.outcome.replaced ?? []) announceReplaced(id);
    return reply.outcome;
  } catch (error) {
    return { kind: 'failed', message: error instanceof WorkerFailedError ? error.reason : String(error) };
  }
}
