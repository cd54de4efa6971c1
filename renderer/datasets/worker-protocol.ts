import type { ChangesQuery, CheckResult, RecordChange, SyncFailure, SyncProgress, UpdateOrigin } from './types';

/** Messages to the dataset worker. */
export type ToSyncWorker =
  /** `input` is a File/Blob (read in the worker) or bytes whose buffer is transferred; the host takes it out of the message. */
  | { type: 'check'; reqId: number; input?: Blob | Uint8Array; origin: UpdateOrigin }
  | { type: 'apply'; reqId: number; token: string }
  | { type: 'undo'; reqId: number; datasetId: string }
  | { type: 'list-changes'; reqId: number; token: string; query: ChangesQuery }
  | { type: 'discard'; token: string }
  | { type: 'cancel'; reqId: number };

export type ApplyReply = { ok: true; historyId: string } | SyncFailure;
export type UndoReply = { ok: true } | SyncFailure;
export type ChangesReply = { ok: true; changes: RecordChange[]; total: number } | SyncFailure;

export type FromSyncWorker =
  | { type: 'progress'; reqId: number; progress: SyncProgress }
  | { type: 'result'; reqId: number; result: CheckResult | ApplyReply | UndoReply | ChangesReply };
