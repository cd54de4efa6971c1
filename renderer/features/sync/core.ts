import type { Table } from 'dexie';
import type { DatasetReview } from '../../../shared/briefing/model';
import { DEFAULT_MAX_BUNDLE_BYTES, formatBytes, parsePublicKey, refuse, verifyBundle, type PublicKey } from '../../../shared/bundle';
import { splitPayload } from '../../../shared/bundle/payload';
import type { Tombstone } from '../../../shared/bundle/schema';
import { canonicalJson } from '../../../shared/dataset/hash';
import { RECORD_KINDS, type AgendaItem, type DatasetRecords, type RecordKind, type RecordTypes } from '../../../shared/model';
import { briefingImpact, PlanBuilder, reviewFlag, type UpdatePlan } from '../../../shared/sync';
import type { DelegateDatabase } from '../../db/db';
import { fromStored, toStored } from '../../db/install';
import type { AcceptedManifest, FlagChange, HistoryRow, InstalledDataset, Provenance, StoredOrigin, StoredRecordTypes, UndoRecord } from '../../db/schema';
import { PREVIEW_CHANGES_LIMIT, type BriefingImpact, type ChangesQuery, type CheckResult, type RecordChange, type SyncFailure, type SyncProgress, type UpdateOrigin, type UpdatePreview } from './types';

/**
 * The engine proper, independent of where it runs: inside the sync Web Worker in the app, in
 * this thread where no Worker exists (component tests in jsdom). It reads and writes IndexedDB
 * itself, so records never cross the thread boundary; only previews and progress do.
 */

type AnyStored = StoredRecordTypes[RecordKind];

export interface SyncCoreOptions {
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

/** A bundle file handed over once: its size, random access to its bytes, and all of them on request. */
export interface BundleSource {
  readonly size: number;
  /** Bytes start..end of the file (a File/Blob is read a slice at a time). */
  readRange(start: number, end: number): Promise<Uint8Array>;
  /** The whole file's bytes; the source lets go of the file afterwards. */
  read(): Promise<Uint8Array>;
  /** Lets go of the file (bytes handed over are freed at once). */
  release(): void;
  /** readRange gives fresh buffers (slices of a Blob), which the reader may detach once used. */
  readonly fresh: boolean;
}

/**
 * Takes the file out of a check message (the message no longer holds it afterwards), so that
 * nothing but the verifier keeps the bytes. Bytes from another realm count as bytes
 * (ArrayBuffer.isView, not instanceof).
 */
export function takeSource(message: { input?: Blob | Uint8Array }): BundleSource {
  let input = message.input;
  message.input = undefined;
  if (input === undefined) throw new Error('the check message holds no file');
  const size = ArrayBuffer.isView(input) ? input.byteLength : input.size;
  const held = () => {
    if (input === undefined) throw new Error('the file was released');
    return input;
  };
  return {
    size,
    fresh: !ArrayBuffer.isView(input),
    readRange(start, end) {
      const taken = held();
      if (ArrayBuffer.isView(taken)) return Promise.resolve(new Uint8Array(taken.buffer, taken.byteOffset + start, end - start));
      // Slices of the Blob: a picked file is read from disk a piece at a time, never whole.
      return readBlobBytes(taken.slice(start, end));
    },
    async read() {
      const taken = held();
      input = undefined;
      if (ArrayBuffer.isView(taken)) return new Uint8Array(taken.buffer, taken.byteOffset, taken.byteLength);
      // Bytes, decoded strictly by the verifier: Blob.text() would turn invalid UTF-8 into U+FFFD,
      // and in Chromium it gave two-byte strings that doubled the memory of the parsed records.
      return readBlobBytes(taken);
    },
    release() {
      const taken = input;
      input = undefined;
      // Transferred bytes are ours alone: detaching the buffer gives its memory back at once
      // instead of at the next full collection.
      if (ArrayBuffer.isView(taken) && taken.byteOffset === 0 && taken.byteLength === taken.buffer.byteLength) {
        (taken.buffer as { transfer?: (length: number) => unknown }).transfer?.(0);
      }
    },
  };
}

/** A Blob's bytes; through FileReader where Blob has no arrayBuffer() (jsdom). */
function readBlobBytes(blob: Blob): Promise<Uint8Array> {
  if (typeof blob.arrayBuffer === 'function') return blob.arrayBuffer().then((b) => new Uint8Array(b));
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsArrayBuffer(blob);
  });
}

/** Cancellation and progress of one request. */
export interface RequestControl {
  cancelled(): boolean;
  progress(p: SyncProgress): void;
}

class Abort extends Error {
  constructor(readonly failure: SyncFailure) {
    super(failure.message);
  }
}

export const failure = (code: SyncFailure['code'], message: string, problems: string[] = [], ids: string[] = []): SyncFailure => ({ ok: false, code, message, problems, ids });
const cancelledFailure = () => failure('cancelled', 'Cancelled; nothing was changed.');

/** What check computed and apply writes: the verified records, the plan, and the undo material. */
export interface PreparedUpdate {
  datasetId: string;
  version: number;
  hash: string;
  title: string;
  publisherId: string;
  publisherName: string;
  changelog: HistoryRow['changelog'];
  signedBy: string[];
  expired: boolean;
  origin: StoredOrigin;
  manifest: AcceptedManifest;
  records: DatasetRecords;
  plan: UpdatePlan;
  impact: BriefingImpact[];
  /**
   * What the update does to each agenda item it changes or removes, with its text before and
   * after: apply flags the sections on these items as they are at write time (a section made
   * between check and apply is flagged too).
   */
  agendaChanges: Omit<BriefingImpact, 'briefingId' | 'briefingTitle' | 'sectionId'>[];
  /** The dataset register row when checked: apply refuses if it changed meanwhile. */
  installedBefore?: InstalledDataset;
  /**
   * Installed records the update replaces or removes (what undo puts back), by id: apply reads
   * them as stored, a chunk at a time, inside its transaction.
   */
  replaced: { kind: RecordKind; id: string }[];
  /** Keep undo material (false for the built-in dataset, which is never undone). */
  undoable: boolean;
  /**
   * The records are this update's alone (parsed from the bundle for it): apply then turns each
   * into its stored form in place instead of writing copies, so the copies, which live as long
   * as their chunk is in flight, do not pile up as garbage as large as the dataset.
   */
  ownsRecords?: boolean;
}

interface Pending {
  prepared: PreparedUpdate;
  preview: UpdatePreview;
}

/** Chunks handed to IndexedDB ahead of the one whose completion is awaited. */
const CHUNKS_IN_FLIGHT = 4;

const table = (database: DelegateDatabase, kind: RecordKind) => database[kind] as unknown as Table<AnyStored, string>;

/** Records compared per step (the engine passes its chunkSize): the installed ones are read a chunk at a time and let go. */
const COMPARE_CHUNK = 2000;

/**
 * Works out what an update changes and whom it concerns. The installed records are never all
 * held at once: the bundle's records are walked a chunk at a time with their installed
 * counterparts (bulkGet by id), and removals are the installed ids (primary keys only) the
 * bundle does not hold, read a chunk at a time too. Only ids, the changes and the old text of
 * changed or removed agenda items stay.
 */
export async function prepareUpdate(
  database: DelegateDatabase,
  input: Omit<PreparedUpdate, 'plan' | 'impact' | 'agendaChanges' | 'installedBefore' | 'replaced'>,
  removals: readonly Tombstone[],
  chunk = COMPARE_CHUNK,
): Promise<PreparedUpdate | SyncFailure> {
  const { datasetId } = input;
  const installedBefore = await database.datasets.get(datasetId);
  const conflicts: string[] = [];
  for (const kind of RECORD_KINDS) {
    // Ids are unique across datasets (one table per kind): a bundle must not take over another dataset's records.
    const foreign = await table(database, kind).where('prov.datasetId').notEqual(datasetId).primaryKeys();
    if (foreign.length > 0) {
      const taken = new Set(foreign);
      for (const r of input.records[kind]) if (taken.has(r.id)) conflicts.push(r.id);
    }
  }
  if (conflicts.length > 0) {
    return failure('id-conflict', `The bundle's records reuse ids that belong to another installed dataset: ${conflicts.slice(0, 20).join(', ')}.`, [], conflicts);
  }

  const builder = new PlanBuilder(removals);
  // Undo puts back what the update replaces or removes; unchanged records only need their
  // provenance back, unless they carry another one than the register's (then they go back whole).
  const replaced: PreparedUpdate['replaced'] = [];
  const sameProv = (r: AnyStored) => installedBefore !== undefined && r.prov.version === installedBefore.version && r.prov.hash === installedBefore.hash;
  // The installed text of agenda items the update changes or removes, and the new text of those it changes.
  const before = new Map<string, AgendaItem>();
  const after = new Map<string, AgendaItem>();
  for (const kind of RECORD_KINDS) {
    const list = input.records[kind] as RecordTypes[RecordKind][];
    // The dataset's installed ids, in installed order (the index on prov.datasetId lists a
    // dataset's records by id): only those are read, and those the bundle lacks are removals.
    const installedIds = await table(database, kind).where('prov.datasetId').equals(datasetId).primaryKeys();
    const installed = new Set(installedIds);
    const inBundle = new Set<string>();
    builder.startKind(kind);
    for (let i = 0; i < list.length; i += chunk) {
      const part = list.slice(i, i + chunk);
      const wanted = part.filter((r) => installed.has(r.id)).map((r) => r.id);
      const stored = new Map((wanted.length === 0 ? [] : await table(database, kind).bulkGet(wanted)).flatMap((r) => (r ? [[r.id, r] as const] : [])));
      for (const record of part) {
        const found = stored.get(record.id);
        // A second record with the same id counts as added, as when compared against a map of the installed ones.
        const old = found !== undefined && found.prov.datasetId === datasetId && !inBundle.has(record.id) ? found : undefined;
        inBundle.add(record.id);
        const previous = old === undefined ? undefined : (fromStored(kind, old as never) as RecordTypes[RecordKind]);
        const result = builder.compare(record, previous);
        if (old !== undefined && input.undoable && (result === 'changed' || !sameProv(old))) replaced.push({ kind, id: record.id });
        if (kind === 'agendaItems' && result === 'changed') {
          before.set(record.id, previous as AgendaItem);
          after.set(record.id, record as AgendaItem);
        }
      }
    }
    const gone = installedIds.filter((id) => !inBundle.has(id));
    inBundle.clear();
    installed.clear();
    for (let i = 0; i < gone.length; i += chunk) {
      const ids = gone.slice(i, i + chunk);
      const stored = await table(database, kind).bulkGet(ids);
      for (const found of stored) {
        if (found === undefined) continue;
        const previous = fromStored(kind, found as never) as RecordTypes[RecordKind];
        builder.remove(previous);
        if (input.undoable) replaced.push({ kind, id: found.id });
        if (kind === 'agendaItems') before.set(found.id, previous as AgendaItem);
      }
    }
    builder.endKind();
  }
  const plan = builder.finish();

  const agendaIds = plan.changes.filter((c) => c.kind === 'agendaItems' && c.change !== 'added').map((c) => c.id);
  // The same computation for one pseudo-section per item gives the flags' material.
  const agendaChanges = briefingImpact(plan.changes, agendaIds.map((id) => ({ id, briefingId: '', agendaItemId: id })), new Map(), before, after).map(
    ({ briefingId: _b, briefingTitle: _t, sectionId: _s, ...change }) => change,
  );
  let impact: BriefingImpact[] = [];
  if (agendaIds.length > 0) {
    const sections = await database.sections.where('agendaItemId').anyOf(agendaIds).toArray();
    const briefings = await database.briefings.bulkGet([...new Set(sections.map((s) => s.briefingId))]);
    const titles = new Map(briefings.flatMap((b) => (b ? [[b.id, b.title] as const] : [])));
    impact = briefingImpact(plan.changes, sections, titles, before, after);
  }
  return { ...input, plan, impact, agendaChanges, installedBefore, replaced };
}

/**
 * Writes a prepared update in ONE IndexedDB transaction over the reference tables, the
 * register, history, undo material, manifests and (for review flags only) sections. If
 * anything fails — a write, the afterChunk seam, a cancel, the page closing — IndexedDB
 * rolls the whole transaction back: the database is fully old or fully new.
 */
export async function writeUpdate(
  options: SyncCoreOptions,
  prepared: PreparedUpdate,
  control: RequestControl,
  onKind?: (kind: RecordKind, done: number, total: number) => void,
): Promise<HistoryRow> {
  const { database } = options;
  const chunk = options.chunkSize ?? 2000;
  const now = (options.now ?? (() => new Date()))().toISOString();
  const historyId = globalThis.crypto.randomUUID();
  const prov: Provenance = { datasetId: prepared.datasetId, version: prepared.version, hash: prepared.hash };
  const { plan } = prepared;
  const removedCount = RECORD_KINDS.reduce((n, k) => n + plan.kinds[k].removed.length, 0);
  const newCount = RECORD_KINDS.reduce((n, k) => n + prepared.records[k].length, 0);
  const total = prepared.replaced.length + removedCount + newCount + prepared.impact.length;
  let done = 0;
  let chunks = 0;
  const step = (n: number) => {
    done += n;
    options.afterChunk?.(++chunks);
    if (control.cancelled()) throw new Abort(cancelledFailure());
    // Sections are counted at check time; one made since then may push `done` past the estimate.
    control.progress({ phase: 'writing', done: Math.min(done, total), total });
  };

  const tables = [...RECORD_KINDS.map((k) => database[k]), database.datasets, database.datasetHistory, database.undoRecords, database.acceptedManifests, database.sections];
  return database.transaction('rw', tables, async () => {
    const current = await database.datasets.get(prepared.datasetId);
    if (!sameRegister(current, prepared.installedBefore)) {
      throw new Abort(failure('stale', 'The installed dataset changed since this update was checked; check it again.'));
    }
    // Only the last update can be undone: earlier ones give up their undo material.
    const earlier = await database.datasetHistory.where('datasetId').equals(prepared.datasetId).toArray();
    for (const row of earlier) {
      if (!row.undo) continue;
      await database.undoRecords.where('historyId').equals(row.id).delete();
      await database.datasetHistory.where('id').equals(row.id).modify((r) => {
        delete r.undo;
      });
    }

    // The records undo puts back, read as stored before anything is written, a chunk at a time.
    const { replaced } = prepared;
    for (let i = 0; i < replaced.length; ) {
      const kind = replaced[i]!.kind;
      let end = i;
      while (end < replaced.length && end - i < chunk && replaced[end]!.kind === kind) end++;
      const ids = replaced.slice(i, end).map((r) => r.id);
      const records = await table(database, kind).bulkGet(ids);
      const part: UndoRecord[] = [];
      for (let j = 0; j < ids.length; j++) {
        const record = records[j];
        if (record === undefined || record.prov.datasetId !== prepared.datasetId) {
          throw new Abort(failure('stale', 'The installed dataset changed since this update was checked; check it again.'));
        }
        part.push({ historyId, kind, id: ids[j]!, record });
      }
      await database.undoRecords.bulkPut(part);
      step(part.length);
      i = end;
    }
    for (const kind of RECORD_KINDS) {
      const removed = plan.kinds[kind].removed;
      for (let i = 0; i < removed.length; i += chunk) {
        const part = removed.slice(i, i + chunk);
        await table(database, kind).bulkDelete(part);
        step(part.length);
      }
      // Every record is written with the new provenance; unchanged ones get their old one back on undo.
      // A few chunks stay queued in IndexedDB while the next is prepared, so the database never
      // waits for the worker between chunks; progress still follows each chunk as it completes.
      const list = prepared.records[kind] as RecordTypes[RecordKind][];
      const queued: { written: Promise<unknown>; count: number; end: number }[] = [];
      const settle = async () => {
        const oldest = queued.shift()!;
        await oldest.written;
        step(oldest.count);
        onKind?.(kind, oldest.end, list.length);
      };
      for (let i = 0; i < list.length; i += chunk) {
        const part = prepared.ownsRecords ? storeInPlace(kind, list, i, i + chunk, prov) : list.slice(i, i + chunk).map((r) => toStored(kind, r, prov) as AnyStored);
        const written = table(database, kind).bulkPut(part);
        // Awaited in settle(); when a rollback rejects the chunks still queued, that is not an unhandled error.
        written.catch(() => undefined);
        queued.push({ written, count: part.length, end: Math.min(i + chunk, list.length) });
        if (queued.length >= CHUNKS_IN_FLIGHT) await settle();
      }
      while (queued.length > 0) await settle();
      if (list.length === 0) onKind?.(kind, 0, 0);
    }

    // Review flags: only the flag field of a section is written; the delegate's text is never touched.
    const flags: FlagChange[] = [];
    const changes = new Map(prepared.agendaChanges.map((c) => [c.agendaItemId, c]));
    const sections = changes.size === 0 ? [] : await database.sections.where('agendaItemId').anyOf([...changes.keys()]).toArray();
    for (const section of sections) {
      const change = changes.get(section.agendaItemId)!;
      const impact: BriefingImpact = { ...change, briefingId: section.briefingId, briefingTitle: '', sectionId: section.id };
      const added = reviewFlag(impact, { datasetId: prepared.datasetId, datasetVersion: prepared.version, historyId, at: now }, section.datasetReview);
      flags.push({ sectionId: section.id, ...(section.datasetReview ? { previous: section.datasetReview } : {}), added });
      await database.sections.where('id').equals(section.id).modify((s) => {
        s.datasetReview = added;
      });
    }
    if (sections.length > 0) step(sections.length);

    const counts = Object.fromEntries(RECORD_KINDS.map((k) => [k, prepared.records[k].length])) as Record<RecordKind, number>;
    const register: InstalledDataset = {
      datasetId: prepared.datasetId,
      version: prepared.version,
      hash: prepared.hash,
      title: prepared.title,
      publisher: prepared.publisherName,
      installedAt: now,
      counts,
    };
    await database.datasets.put(register);
    const previousManifest = await database.acceptedManifests.get(prepared.datasetId);
    await database.acceptedManifests.put({ ...prepared.manifest, acceptedAt: now });
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
            },
          }
        : {}),
    };
    await database.datasetHistory.add(row);
    control.progress({ phase: 'done', done: total, total });
    return row;
  });
}

/**
 * Records from..to of a list turned into their stored form in place: each gets exactly the
 * fields and values toStored's copy would have (writing it again gives the same again).
 */
function storeInPlace(kind: RecordKind, list: RecordTypes[RecordKind][], from: number, to: number, prov: Provenance): AnyStored[] {
  const part = list.slice(from, to);
  for (const record of part) {
    const stored = toStored(kind, record, prov) as unknown as Record<string, unknown>;
    const target = record as unknown as Record<string, unknown>;
    for (const key of Object.keys(stored)) target[key] = stored[key];
  }
  return part as unknown as AnyStored[];
}

const sameRegister = (a: InstalledDataset | undefined, b: InstalledDataset | undefined) =>
  a === undefined || b === undefined ? a === b : a.version === b.version && a.hash === b.hash && a.installedAt === b.installedAt;

/**
 * Reverts the dataset's last update in one transaction: records it added are deleted, the
 * ones it replaced or removed come back exactly as stored, the rest get their provenance
 * back; the register, manifest and review flags (those the delegate has not touched) too.
 */
export async function undoLast(options: SyncCoreOptions, datasetId: string, control: RequestControl): Promise<{ ok: true } | SyncFailure> {
  const { database } = options;
  const chunk = options.chunkSize ?? 2000;
  const now = (options.now ?? (() => new Date()))().toISOString();
  const tables = [...RECORD_KINDS.map((k) => database[k]), database.datasets, database.datasetHistory, database.undoRecords, database.acceptedManifests, database.sections];
  try {
    return await database.transaction('rw', tables, async () => {
      const entries = await database.datasetHistory.where('datasetId').equals(datasetId).sortBy('installedAt');
      const current = await database.datasets.get(datasetId);
      // The entry of what is installed now (not the latest timestamp: two installs may share a millisecond).
      const latest = entries.filter((e) => e.undoneAt === undefined && e.version === current?.version && e.payloadSha256 === current.hash).at(-1);
      if (!latest?.undo || !current) {
        throw new Abort(failure('nothing-to-undo', `There is no update of "${datasetId}" that can be undone.`));
      }
      const { undo } = latest;
      const rows = await database.undoRecords.where('historyId').equals(latest.id).toArray();
      const addedCount = RECORD_KINDS.reduce((n, k) => n + undo.addedIds[k].length, 0);
      const total = addedCount + rows.length + undo.flags.length;
      let done = 0;
      let chunks = 0;
      const step = (n: number) => {
        done += n;
        options.afterChunk?.(++chunks);
        if (control.cancelled()) throw new Abort(cancelledFailure());
        control.progress({ phase: 'writing', done, total });
      };
      for (const kind of RECORD_KINDS) {
        const ids = undo.addedIds[kind];
        for (let i = 0; i < ids.length; i += chunk) {
          const part = ids.slice(i, i + chunk);
          await table(database, kind).bulkDelete(part);
          step(part.length);
        }
        const previous = undo.previousDataset;
        if (previous) {
          const oldProv: Provenance = { datasetId, version: previous.version, hash: previous.hash };
          await table(database, kind).where('prov.datasetId').equals(datasetId).modify((r) => {
            r.prov = oldProv;
          });
        }
      }
      for (const kind of RECORD_KINDS) {
        const records = rows.filter((r) => r.kind === kind).map((r) => r.record);
        for (let i = 0; i < records.length; i += chunk) {
          const part = records.slice(i, i + chunk);
          await table(database, kind).bulkPut(part);
          step(part.length);
        }
      }
      for (const flag of undo.flags) {
        await database.sections.where('id').equals(flag.sectionId).modify((s) => {
          // A flag the delegate already cleared or that a later change replaced stays as it is.
          if (s.datasetReview === undefined || canonicalJson(s.datasetReview) !== canonicalJson(flag.added)) return;
          if (flag.previous) s.datasetReview = flag.previous as DatasetReview;
          else delete s.datasetReview;
        });
      }
      if (undo.flags.length > 0) step(undo.flags.length);
      if (undo.previousDataset) await database.datasets.put(undo.previousDataset);
      else await database.datasets.delete(datasetId);
      if (undo.previousManifest) await database.acceptedManifests.put(undo.previousManifest);
      else await database.acceptedManifests.delete(datasetId);
      await database.undoRecords.where('historyId').equals(latest.id).delete();
      await database.datasetHistory.where('id').equals(latest.id).modify((r) => {
        delete r.undo;
        r.undoneAt = now;
      });
      control.progress({ phase: 'done', done: total, total });
      return { ok: true as const };
    });
  } catch (error) {
    return asFailure(error);
  }
}

export function asFailure(error: unknown): SyncFailure {
  if (error instanceof Abort) return error.failure;
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return failure('write-failed', `The database refused the write; nothing was changed. (${message})`);
}

/** Check, apply, discard, undo: the requests the worker serves. Verified bundles wait here between check and apply. */
export function createSyncCore(options: SyncCoreOptions) {
  const pending = new Map<string, Pending>();
  const { database } = options;
  const now = () => (options.now ?? (() => new Date()))();

  async function trustedKeys(): Promise<{ keys: PublicKey[]; labels: Map<string, { label: string; fingerprint: string }> }> {
    const rows = await database.trustedKeys.toArray();
    const keys: PublicKey[] = [];
    for (const row of rows) {
      const key = await parsePublicKey(row.publicKey);
      if (key) keys.push(key);
    }
    return { keys, labels: new Map(rows.map((r) => [r.keyId, { label: r.label, fingerprint: r.fingerprint }])) };
  }

  /**
   * `source` hands over the file once (see BundleSource): from then on only the verifier holds
   * its bytes, and it lets go of them as soon as they are decoded.
   */
  async function check(source: BundleSource, origin: UpdateOrigin, control: RequestControl): Promise<CheckResult> {
    const maxBytes = options.maxBytes ?? DEFAULT_MAX_BUNDLE_BYTES;
    const size = source.size;
    // Refused before a byte is read.
    if (size > maxBytes) return refuse('too-large', `The bundle is larger than this app accepts (${formatBytes(maxBytes)}); it was not opened.`);
    control.progress({ phase: 'reading', done: 0, total: size });
    const [{ keys, labels }, registers] = await Promise.all([trustedKeys(), database.datasets.toArray()]);
    if (control.cancelled()) {
      source.release();
      return cancelledFailure();
    }
    control.progress({ phase: 'verifying', done: 0, total: size });
    const installed = new Map(registers.map((r) => [r.datasetId, { version: r.version, contentSha256: r.hash }]));
    // The verifier reads the file a piece at a time (a Blob a slice at a time), so the file's
    // whole bytes and whole text are never held; only when that fails (a refusal) does it take
    // the whole file, decoded strictly (invalid UTF-8 throws, which it refuses as not-json).
    const handOver = {
      size,
      read: (start: number, end: number) => source.readRange(start, end),
      fresh: source.fresh,
      take: () => source.read(),
      release: () => source.release(),
    };
    let verified: Awaited<ReturnType<typeof verifyBundle>>;
    try {
      verified = await verifyBundle(handOver, keys, { now: now(), maxBytes, appVersion: options.appVersion, installed: (id) => installed.get(id) });
    } finally {
      source.release();
    }
    if (!verified.ok) return verified;
    const m = verified.manifest;
    if (verified.alreadyInstalled) return failure('no-update', `Version ${m.version} of "${m.datasetId}" is installed already; there is nothing to update.`);
    control.progress({ phase: 'verifying', done: size, total: size });
    if (control.cancelled()) return cancelledFailure();

    control.progress({ phase: 'comparing', done: 0, total: 1 });
    const { records, removals } = splitPayload(verified.payload);
    const prepared = await prepareUpdate(
      database,
      {
        datasetId: m.datasetId,
        version: m.version,
        hash: verified.contentSha256,
        title: m.title,
        publisherId: m.publisherId,
        publisherName: m.publisherName,
        changelog: m.changelog,
        signedBy: verified.signedBy,
        expired: verified.expired,
        origin,
        manifest: { datasetId: m.datasetId, manifestText: verified.manifestText, signatures: verified.signatures, origin, acceptedAt: '', expires: m.expires },
        records,
        undoable: true,
        ownsRecords: true,
      },
      removals,
      options.chunkSize,
    );
    if ('ok' in prepared) return prepared;
    if (control.cancelled()) return cancelledFailure();
    const token = globalThis.crypto.randomUUID();
    const preview: UpdatePreview = {
      token,
      origin,
      datasetId: m.datasetId,
      title: m.title,
      publisherId: m.publisherId,
      publisherName: m.publisherName,
      ...(prepared.installedBefore ? { fromVersion: prepared.installedBefore.version } : {}),
      toVersion: m.version,
      createdAt: m.created,
      expiresAt: m.expires,
      expired: verified.expired,
      changelog: m.changelog,
      signedBy: verified.signedBy.map((keyId) => ({ keyId, label: labels.get(keyId)?.label ?? keyId, fingerprint: labels.get(keyId)?.fingerprint ?? '' })),
      bytes: size,
      counts: prepared.plan.counts,
      changes: prepared.plan.changes.slice(0, PREVIEW_CHANGES_LIMIT),
      totalChanges: prepared.plan.changes.length,
      impact: prepared.impact,
    };
    pending.set(token, { prepared, preview });
    control.progress({ phase: 'comparing', done: 1, total: 1 });
    return { ok: true, preview };
  }

  async function apply(token: string, control: RequestControl): Promise<{ ok: true; historyId: string } | SyncFailure> {
    const entry = pending.get(token);
    if (!entry) return failure('unknown-token', 'This update is no longer waiting to be applied; check it again.');
    try {
      const row = await writeUpdate(options, entry.prepared, control);
      pending.delete(token);
      return { ok: true, historyId: row.id };
    } catch (error) {
      const result = asFailure(error);
      if (result.code === 'stale') pending.delete(token);
      return result;
    }
  }

  function listChanges(token: string, query: ChangesQuery): { ok: true; changes: RecordChange[]; total: number } | SyncFailure {
    const entry = pending.get(token);
    if (!entry) return failure('unknown-token', 'This update is no longer waiting to be applied; check it again.');
    const matching = entry.prepared.plan.changes.filter((c) => (query.kind === undefined || c.kind === query.kind) && (query.change === undefined || c.change === query.change));
    return { ok: true, changes: matching.slice(query.offset, query.offset + query.limit), total: matching.length };
  }

  return {
    check,
    apply,
    listChanges,
    discard: (token: string) => void pending.delete(token),
    undo: (datasetId: string, control: RequestControl) => undoLast(options, datasetId, control),
  };
}

export type SyncCore = ReturnType<typeof createSyncCore>;
