import { RECORD_KINDS, type RecordKind, type RecordTypes } from '../../shared/model';
import { reviewFlag } from '../../shared/sync';
import type { DelegateDatabase } from '../db/db';
import type { FlagChange, HistoryRow, InstalledDataset, Provenance, UndoRecord } from '../db/schema';
import type { PreparedUpdate } from './prepare';
import { refreshReferenceFlags } from './layers/reference-flags';
import { writeDigestIndex } from './record-digests';
import { referenceTable, updateTables, type AnyStored } from './reference-tables';
import { Abort, cancelledFailure, staleFailure, type RequestControl } from './request-control';
import { toStored, toStoredInPlace } from './stored-records';
import type { BriefingImpact } from './types';

/**
 * Apply: writes a prepared update in ONE IndexedDB transaction over the reference tables, the
 * register, history, undo material, manifests and (for review flags only) sections. If anything
 * fails — a write, the afterChunk seam, a cancel, the page closing — IndexedDB rolls the whole
 * transaction back: the database is fully old or fully new.
 */

export interface DatasetEngineOptions {
  database: DelegateDatabase;
  appVersion: string;
  now?: () => Date;
  maxBytes?: number;
  /** Records per bulkPut / bulkDelete: each chunk is followed by a progress report. */
  chunkSize?: number;
  /**
   * Test seam: called inside the write transaction after each chunk; a throw there aborts the
   * transaction exactly as a failing write (or a closed page) would.
   */
  afterChunk?: (chunk: number) => void;
}

/**
 * Chunks handed to IndexedDB ahead of the one whose completion is awaited. Deep enough that the
 * database never runs dry while this thread waits for the processor on a loaded machine (with 4,
 * the update took up to 1.2 times as long as a raw write of the same records, which queues them
 * all at once); each queued chunk holds its records' serialised copies, about 1 MB per 2,000.
 */
const CHUNKS_IN_FLIGHT = 12;

export async function writeUpdate(
  options: DatasetEngineOptions,
  prepared: PreparedUpdate,
  control: RequestControl,
  onKind?: (kind: RecordKind, done: number, total: number) => void,
): Promise<HistoryRow> {
  const { database } = options;
  const chunk = options.chunkSize ?? 2000;
  const now = (options.now ?? (() => new Date()))().toISOString();
  const historyId = globalThis.crypto.randomUUID();
  const prov: Provenance = { datasetId: prepared.datasetId, version: prepared.version, hash: prepared.hash };
  const { plan, writes } = prepared;
  const removedCount = RECORD_KINDS.reduce((n, k) => n + plan.kinds[k].removed.length, 0);
  const writeCount = RECORD_KINDS.reduce((n, k) => n + writes.records[k].length, 0);
  const total = prepared.replaced.length + removedCount + writeCount + prepared.impact.length;
  let done = 0;
  let chunks = 0;
  const step = (n: number) => {
    done += n;
    options.afterChunk?.(++chunks);
    if (control.cancelled()) throw new Abort(cancelledFailure());
    // Sections are counted at check time; one made since then may push `done` past the estimate.
    control.progress({ phase: 'writing', done: Math.min(done, total), total });
  };

  return database.transaction('rw', updateTables(database), async () => {
    const current = await database.datasets.get(prepared.datasetId);
    if (!sameRegister(current, prepared.installedBefore)) throw new Abort(staleFailure());
    // Only the last update can be undone: earlier ones give up their undo material.
    for (const row of await database.datasetHistory.where('datasetId').equals(prepared.datasetId).toArray()) {
      if (!row.undo) continue;
      await database.undoRecords.where('historyId').equals(row.id).delete();
      await database.datasetHistory.where('id').equals(row.id).modify((r) => {
        delete r.undo;
      });
    }

    // Writes of every kind (undo copies, removals, records) share one queue: a few chunks stay
    // queued in IndexedDB while the next is prepared, so the database never waits for the worker
    // between chunks, nor between one kind and the next (drained after each kind, it sat idle
    // while the next kind's first chunk was serialised). IndexedDB runs a transaction's requests
    // in order, so nothing is reordered; progress still follows each chunk as it completes.
    const queued: { written: Promise<unknown>; count: number; done?: () => void }[] = [];
    const settle = async () => {
      const oldest = queued.shift()!;
      await oldest.written;
      step(oldest.count);
      oldest.done?.();
    };
    const enqueue = async (written: Promise<unknown>, count: number, done?: () => void) => {
      // Awaited in settle(); when a rollback rejects the chunks still queued, that is not an unhandled error.
      written.catch(() => undefined);
      queued.push({ written, count, ...(done ? { done } : {}) });
      if (queued.length >= CHUNKS_IN_FLIGHT) await settle();
    };
    // The records undo puts back (changed or removed ones), read as stored before anything is written.
    const { replaced } = prepared;
    for (let i = 0; i < replaced.length; ) {
      const kind = replaced[i]!.kind;
      let end = i;
      while (end < replaced.length && end - i < chunk && replaced[end]!.kind === kind) end++;
      const ids = replaced.slice(i, end).map((r) => r.id);
      const records = await referenceTable(database, kind).bulkGet(ids);
      const part: UndoRecord[] = ids.map((id, j) => {
        const record = records[j];
        if (record === undefined || record.prov.datasetId !== prepared.datasetId) throw new Abort(staleFailure());
        return { historyId, kind, id, record };
      });
      await enqueue(database.undoRecords.bulkPut(part), part.length);
      i = end;
    }
    // Added and changed records get the new provenance; unchanged ones are not rewritten.
    for (const kind of RECORD_KINDS) {
      const removed = plan.kinds[kind].removed;
      for (let i = 0; i < removed.length; i += chunk) {
        const part = removed.slice(i, i + chunk);
        await enqueue(referenceTable(database, kind).bulkDelete(part), part.length);
      }
      const list: RecordTypes[RecordKind][] = writes.records[kind];
      const store = writes.owned ? toStoredInPlace : toStored;
      for (let i = 0; i < list.length; i += chunk) {
        const part: AnyStored[] = list.slice(i, i + chunk).map((r) => store(kind, r, prov));
        const end = Math.min(i + chunk, list.length);
        await enqueue(referenceTable(database, kind).bulkPut(part), part.length, () => onKind?.(kind, end, list.length));
      }
      if (list.length === 0) onKind?.(kind, 0, 0);
    }
    while (queued.length > 0) await settle();

    const register: InstalledDataset = {
      datasetId: prepared.datasetId,
      version: prepared.version,
      hash: prepared.hash,
      title: prepared.title,
      publisher: prepared.publisherName,
      installedAt: now,
      counts: prepared.counts,
    };
    await database.datasets.put(register);
    // The next update compares against these digests (the index names this very register).
    await writeDigestIndex(database, register, options.appVersion, prepared.digestIndex);
    const previousManifest = await database.acceptedManifests.get(prepared.datasetId);
    await database.acceptedManifests.put({ ...prepared.manifest, acceptedAt: now });
    // Layers: the flags of this dataset's records (a layer) and of the layers over it follow the new records.
    await refreshReferenceFlags(database, { datasetId: prepared.datasetId }, now);
    // After the reference flags: the sections are encrypted, and the crypto middleware's waits (Web
    // Crypto inside the transaction) can lose Dexie's transaction zone for the many reads a layer's
    // flags make after them (a PrematureCommitError: seen with a layer installed and a brief open).
    const flags = await flagSections(database, prepared, { datasetId: prepared.datasetId, datasetVersion: prepared.version, historyId, at: now });
    if (flags.length > 0) step(flags.length);
    // Keys a rotation handed the dataset to join the trusted keys, so the delegate sees them and can remove (revoke) them.
    for (const key of prepared.rotatedKeys ?? []) {
      if (await database.trustedKeys.get(key.keyId)) continue;
      await database.trustedKeys.add({
        keyId: key.keyId,
        label: `${prepared.publisherName} (${prepared.datasetId})`.slice(0, 200),
        publicKey: key.publicKey,
        fingerprint: key.fingerprint,
        addedAt: now,
        builtIn: false,
      });
    }
    const row: HistoryRow = {
      id: historyId,
      datasetId: prepared.datasetId,
      title: prepared.title,
      version: prepared.version,
      payloadSha256: prepared.hash,
      installedAt: now,
      origin: prepared.origin,
      publisherId: prepared.publisherId,
      publisherName: prepared.publisherName,
      changelog: prepared.changelog,
      signedBy: prepared.signedBy,
      expired: prepared.expired,
      ...(prepared.installedBefore ? { fromVersion: prepared.installedBefore.version } : {}),
      counts: plan.counts,
      ...(prepared.undoable
        ? {
            undo: {
              ...(prepared.installedBefore ? { previousDataset: prepared.installedBefore } : {}),
              ...(previousManifest ? { previousManifest } : {}),
              addedIds: Object.fromEntries(RECORD_KINDS.map((k) => [k, plan.kinds[k].added])) as Record<RecordKind, string[]>,
              flags,
              unchangedKept: true,
            },
          }
        : {}),
    };
    await database.datasetHistory.add(row);
    control.progress({ phase: 'done', done: total, total });
    return row;
  });
}

/** Review flags on the sections of changed or removed agenda items: only the flag field is written, never the delegate's text. */
async function flagSections(database: DelegateDatabase, prepared: PreparedUpdate, stamp: Parameters<typeof reviewFlag>[1]): Promise<FlagChange[]> {
  const flags: FlagChange[] = [];
  const changes = new Map(prepared.agendaChanges.map((c) => [c.agendaItemId, c]));
  const sections = changes.size === 0 ? [] : await database.sections.where('agendaItemId').anyOf([...changes.keys()]).toArray();
  for (const section of sections) {
    const impact: BriefingImpact = { ...changes.get(section.agendaItemId)!, briefingId: section.briefingId, briefingTitle: '', sectionId: section.id };
    const added = reviewFlag(impact, stamp, section.datasetReview);
    flags.push({ sectionId: section.id, ...(section.datasetReview ? { previous: section.datasetReview } : {}), added });
    await database.sections.where('id').equals(section.id).modify((s) => {
      s.datasetReview = added;
    });
  }
  return flags;
}

const sameRegister = (a: InstalledDataset | undefined, b: InstalledDataset | undefined) =>
  a === undefined || b === undefined ? a === b : a.version === b.version && a.hash === b.hash && a.installedAt === b.installedAt;
