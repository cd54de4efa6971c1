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

/** Briefings announced as replaced per task: each opens a channel, and 333 at once held the page for 60 ms. */
export const ANNOUNCED_PER_TASK = 50;

async function announceInSteps(ids: readonly string[]): Promise<void> {
  for (let at = 0; at < ids.length; at += ANNOUNCED_PER_TASK) {
    if (at > 0) await new Promise<void>((resolve) => setTimeout(resolve, 0));
    for (const id of ids.slice(at, at + ANNOUNCED_PER_TASK)) announceReplaced(id);
  }
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
    if (reply.outcome.kind === 'ok') await announceInSteps(reply.outcome.replaced ?? []);
    return reply.outcome;
  } catch (error) {
    return { kind: 'failed', message: error instanceof WorkerFailedError ? error.reason : String(error) };
  }
}
