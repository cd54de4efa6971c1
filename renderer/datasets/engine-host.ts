import type { DelegateDatabase } from '../db/db';
import { takeSource } from './bundle-source';
import { asFailure } from './request-control';
import { createUpdateEngine } from './update-engine';
import type { FromSyncWorker, ToSyncWorker } from './worker-protocol';
import type { DatasetEngineOptions } from './write';
import type { SyncProgress } from './types';

/**
 * Message handling around the update engine, the same wherever it runs (the worker, or this
 * thread in component tests). Requests run one at a time, in order; a cancel is noted at once
 * and seen by the running request between two steps (between two chunks while writing).
 */
export function createSyncHost(post: (message: FromSyncWorker) => void, options: DatasetEngineOptions & { database: DelegateDatabase }) {
  const core = createUpdateEngine(options);
  const cancelled = new Set<number>();
  let queue: Promise<void> = Promise.resolve();

  const control = (reqId: number) => ({
    cancelled: () => cancelled.has(reqId),
    progress: (progress: SyncProgress) => post({ type: 'progress', reqId, progress }),
  });

  async function run(message: Exclude<ToSyncWorker, { type: 'cancel' } | { type: 'discard' }>): Promise<void> {
    const reqId = message.reqId;
    try {
      const result =
        message.type === 'check'
          ? await core.check(takeSource(message), message.origin, control(reqId))
          : message.type === 'apply'
            ? await core.apply(message.token, control(reqId))
            : message.type === 'undo'
              ? await core.undo(message.datasetId, control(reqId))
              : core.listChanges(message.token, message.query);
      post({ type: 'result', reqId, result });
    } catch (error) {
      post({ type: 'result', reqId, result: { ...asFailure(error), code: 'engine-failed' } });
    } finally {
      cancelled.delete(reqId);
    }
  }

  return {
    handle(message: ToSyncWorker): Promise<void> {
      if (message.type === 'cancel') {
        cancelled.add(message.reqId);
        return Promise.resolve();
      }
      if (message.type === 'discard') {
        core.discard(message.token);
        return Promise.resolve();
      }
      queue = queue.then(() => run(message));
      return queue;
    },
  };
}
