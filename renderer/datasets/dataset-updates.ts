/**
 * Dataset sync: check a bundle, preview it, apply it, undo the last update, manage trusted keys.
 *
 * checkUpdate / applyUpdate / undoLastUpdate / listChanges run in a Web Worker (dataset.worker.ts)
 * that opens the same IndexedDB database; where no Worker exists (jsdom in component tests)
 * the very same host runs in this thread. Nothing is written before applyUpdate, and
 * applyUpdate and undoLastUpdate are one IndexedDB transaction each: all or nothing.
 */
import { fingerprintOf, parsePublicKey } from '../../shared/bundle/keys';
import { shareKeyWith } from '../crypto/worker-key';
import { db, type DelegateDatabase } from '../db/db';
import { createSyncHost } from './engine-host';
import { failure } from './request-control';
import { WorkerClient, WorkerFailedError, inThreadPort, workerPort } from '../workers/worker-client';
import type { ApplyReply, ChangesReply, FromSyncWorker, ToSyncWorker, UndoReply } from './worker-protocol';
import type { DatasetEngineOptions } from './write';
import type { AddKeyResult, ChangesQuery, CheckResult, HistoryEntry, RecordChange, SyncFailure, SyncOptions, TrustedKey, UpdateOrigin } from './types';
import { toHistoryEntry } from './history-entry';

type DatasetWorkerClient = WorkerClient<ToSyncWorker, FromSyncWorker>;

/** The dataset worker writes sections and reads trusted keys: it gets the data key (renderer/crypto/worker-key.ts). */
function keyedWorker(): Worker {
  const worker = new Worker(new URL('./dataset.worker.ts', import.meta.url), { type: 'module', name: 'datasets' });
  shareKeyWith(worker);
  return worker;
}

function startClient(options: Partial<DatasetEngineOptions> | undefined): DatasetWorkerClient {
  const inThread = options !== undefined || typeof Worker !== 'function';
  return new WorkerClient<ToSyncWorker, FromSyncWorker>({
    name: 'dataset',
    start: () =>
      inThread
        ? // The same host in this thread (component tests), with the options tests may set.
          inThreadPort((post) => createSyncHost(post, { database: db, appVersion: __APP_VERSION__, ...options }))
        : workerPort(keyedWorker()),
    requestOf: (message) => message.reqId,
    isFinal: (message) => message.type === 'result',
    cancel: (reqId) => ({ type: 'cancel', reqId }),
  });
}

/** One request to the engine: its result, or a failure when the engine stopped (a crashed worker answers nothing more). */
async function request<T>(build: (reqId: number) => ToSyncWorker, options: SyncOptions = {}, transfer: Transferable[] = []): Promise<T | SyncFailure> {
  if (options.signal?.aborted) return failure('cancelled', 'Cancelled; nothing was changed.');
  try {
    const reply = await getClient().request(build, {
      ...(options.signal ? { signal: options.signal } : {}),
      onProgress: (message) => {
        if (message.type === 'progress') options.onProgress?.(message.progress);
      },
      transfer,
    });
    return (reply as Extract<FromSyncWorker, { type: 'result' }>).result as T;
  } catch (error) {
    // A dead worker's writes were rolled back with its transaction; the next request starts a new one.
    return failure('engine-failed', error instanceof WorkerFailedError ? `The update engine stopped: ${error.reason}` : `The update engine failed: ${String(error)}`);
  }
}

let client: DatasetWorkerClient | undefined;
let inlineOptions: Partial<DatasetEngineOptions> | undefined;

function getClient(): DatasetWorkerClient {
  client ??= startClient(inlineOptions);
  return client;
}

/**
 * For tests: run the engine in this thread with the given options (a clock, a size cap, a
 * chunk size, the afterChunk seam that makes a write fail mid-way). Resets pending updates.
 */
export function configureSyncEngine(options: Partial<Omit<DatasetEngineOptions, 'database'>>): void {
  inlineOptions = options;
  client?.dispose();
  client = undefined;
}

/** For tests: back to the default engine (worker where available). */
export function resetSyncEngine(): void {
  inlineOptions = undefined;
  client?.dispose();
  client = undefined;
}

/**
 * Reads, verifies and compares a bundle; writes nothing. A Uint8Array's buffer is TRANSFERRED
 * to the worker (the caller's array is empty afterwards: keep no other use of it); a File or
 * Blob is read inside the worker. Bundles over the size cap are refused before being read.
 * Refusals: every RefusalCode, plus 'no-update', 'cancelled', 'id-conflict', 'engine-failed'.
 */
export function checkUpdate(input: Uint8Array | Blob, origin: UpdateOrigin, options?: SyncOptions): Promise<CheckResult> {
  // Only a plain ArrayBuffer wholly owned by the array can move (SharedArrayBuffer is not even defined outside cross-origin isolation).
  const transfer = ArrayBuffer.isView(input) && input.buffer instanceof ArrayBuffer && input.byteOffset === 0 && input.byteLength === input.buffer.byteLength ? [input.buffer] : [];
  return request<CheckResult>((reqId) => ({ type: 'check', reqId, input, origin }), options, transfer);
}

/** Writes a checked update (one transaction, chunked, with progress). Cancelling rolls it back. */
export async function applyUpdate(token: string, options?: SyncOptions): Promise<{ ok: true; entry: HistoryEntry } | SyncFailure> {
  const reply = await request<ApplyReply>((reqId) => ({ type: 'apply', reqId, token }), options);
  if (!reply.ok) return reply;
  const row = await db.datasetHistory.get(reply.historyId);
  const register = row ? await db.datasets.get(row.datasetId) : undefined;
  if (!row) return failure('engine-failed', 'The update was written but its history entry cannot be read.');
  return { ok: true, entry: toHistoryEntry(row, register, [row]) };
}

/** Forgets a checked update that will not be applied (frees the worker's copy of it). */
export function discardUpdate(token: string): void {
  getClient().send({ type: 'discard', token });
}

/** A page of a preview's changes, for previews listing more than PREVIEW_CHANGES_LIMIT. */
export async function listChanges(token: string, query: ChangesQuery): Promise<{ ok: true; changes: RecordChange[]; total: number } | SyncFailure> {
  return request<ChangesReply>((reqId) => ({ type: 'list-changes', reqId, token, query }));
}

/** Reverts the dataset's last update exactly (one transaction); 'nothing-to-undo' when there is none. */
export function undoLastUpdate(datasetId: string, options?: SyncOptions): Promise<{ ok: true } | SyncFailure> {
  return request<UndoReply>((reqId) => ({ type: 'undo', reqId, datasetId }), options);
}

/** Adds a publisher key from the text of its `.pub` file (or pasted), under a label the delegate chooses. */
export async function addTrustedKey(text: string, label: string, database: DelegateDatabase = db): Promise<AddKeyResult> {
  const name = label.trim();
  if (name === '') return { ok: false, code: 'empty-label', message: 'Give the key a name (for example the publisher).' };
  const key = await parsePublicKey(text);
  if (!key) return { ok: false, code: 'malformed', message: 'This is not a publisher key: expected one line starting with "aseandb-ed25519:".' };
  const row: TrustedKey = {
    keyId: key.keyId,
    label: name.slice(0, 200),
    publicKey: text.trim(),
    fingerprint: await fingerprintOf(key.raw),
    addedAt: new Date().toISOString(),
    builtIn: false,
  };
  return database.transaction('rw', database.trustedKeys, async () => {
    const existing = await database.trustedKeys.get(key.keyId);
    if (existing) return { ok: false as const, code: 'duplicate' as const, message: `This key is trusted already, as "${existing.label}".` };
    await database.trustedKeys.add(row);
    return { ok: true as const, key: row };
  });
}

export async function removeTrustedKey(keyId: string, database: DelegateDatabase = db): Promise<void> {
  await database.trustedKeys.delete(keyId);
}

/** The delegate has looked at a flagged section: the flag goes, the section's text stays as it is. */
export async function markSectionReviewed(sectionId: string, database: DelegateDatabase = db): Promise<void> {
  await database.sections.where('id').equals(sectionId).modify((s) => {
    delete s.datasetReview;
  });
}
