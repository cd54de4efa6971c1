import type { SyncFailure, SyncProgress } from './types';

/** Cancellation and progress of one request to the engine. */
export interface RequestControl {
  cancelled(): boolean;
  progress(p: SyncProgress): void;
}

/** A control for work nobody watches or cancels (the built-in dataset's install at start). */
export const unwatched: RequestControl = { cancelled: () => false, progress: () => undefined };

/** Thrown inside a write transaction to roll it back with this failure as the answer. */
export class Abort extends Error {
  constructor(readonly failure: SyncFailure) {
    super(failure.message);
  }
}

export const failure = (code: SyncFailure['code'], message: string, problems: string[] = [], ids: string[] = []): SyncFailure => ({ ok: false, code, message, problems, ids });
export const cancelledFailure = () => failure('cancelled', 'Cancelled; nothing was changed.');
export const staleFailure = () => failure('stale', 'The installed dataset changed since this update was checked; check it again.');

/** Any error out of a transaction as the failure the caller sees. */
export function asFailure(error: unknown): SyncFailure {
  if (error instanceof Abort) return error.failure;
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return failure('write-failed', `The database refused the write; nothing was changed. (${message})`);
}
