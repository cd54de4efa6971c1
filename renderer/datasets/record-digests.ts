import { RECORD_DIGEST_BYTES, type RecordDigests } from '../../shared/bundle/payload';
import { RECORD_KINDS, type RecordKind } from '../../shared/model';
import type { DelegateDatabase } from '../db/db';
import type { InstalledDataset, RecordDigestRow } from '../db/schema';

/**
 * The per-record digest index: for each installed record, the SHA-256 of the canonical text
 * its publisher wrote (verify gives one per record, shared/bundle/payload.ts). Check compares
 * an incoming record's digest with the installed one: equal means the same text, validated by
 * the same app, so the same stored record, and the installed record need not be read back or
 * compared. Different (or no digest) means the record is read and compared as before.
 *
 * Why it can be trusted: apply writes the index in the transaction that writes the records,
 * stamped with the register it leaves; every other writer of a dataset's records (undo, the
 * built-in install) deletes it in its own transaction; and an index whose stamp is not the
 * current register, or that another app version wrote, is ignored.
 */

/** The installed digests of one kind. */
export interface KindDigests {
  /** Position of each installed id in `digests`. */
  positions: Map<string, number>;
  digests: Uint8Array;
}

/** What apply stores: every record of the bundle, in its order, with its digest. */
export interface DigestIndex {
  ids: Record<RecordKind, string[]>;
  digests: RecordDigests;
}

const stampOf = (register: InstalledDataset) => ({ version: register.version, hash: register.hash, installedAt: register.installedAt });

/** The index of the installed dataset, or undefined when there is none that can be trusted. */
export async function readInstalledDigests(
  database: DelegateDatabase,
  register: InstalledDataset | undefined,
  appVersion: string | undefined,
): Promise<Map<RecordKind, KindDigests> | undefined> {
  if (!register || appVersion === undefined) return undefined;
  const rows = await database.recordDigests.where('datasetId').equals(register.datasetId).toArray();
  const stamp = stampOf(register);
  const current = (row: RecordDigestRow) =>
    row.appVersion === appVersion &&
    row.register.version === stamp.version &&
    row.register.hash === stamp.hash &&
    row.register.installedAt === stamp.installedAt &&
    row.digests.length === row.ids.length * RECORD_DIGEST_BYTES;
  if (rows.length !== RECORD_KINDS.length || !rows.every(current)) return undefined;
  return new Map(rows.map((row) => [row.kind, { positions: new Map(row.ids.map((id, i) => [id, i])), digests: row.digests }]));
}

/** Digest `i` of `a` equals digest `j` of `b`. */
export function sameDigest(a: Uint8Array, i: number, b: Uint8Array, j: number): boolean {
  const x = i * RECORD_DIGEST_BYTES;
  const y = j * RECORD_DIGEST_BYTES;
  for (let k = 0; k < RECORD_DIGEST_BYTES; k++) if (a[x + k] !== b[y + k]) return false;
  return true;
}

/**
 * Replaces the dataset's index (inside apply's transaction): the bundle's digests stamped with
 * the register apply writes, or nothing when the update came without digests.
 */
export async function writeDigestIndex(database: DelegateDatabase, register: InstalledDataset, appVersion: string, index: DigestIndex | undefined): Promise<void> {
  await deleteDigestIndex(database, register.datasetId);
  if (!index || !RECORD_KINDS.every((k) => index.digests[k]?.length === index.ids[k].length * RECORD_DIGEST_BYTES)) return;
  const register_ = stampOf(register);
  await database.recordDigests.bulkPut(
    RECORD_KINDS.map((kind) => ({ datasetId: register.datasetId, kind, register: register_, appVersion, ids: index.ids[kind], digests: index.digests[kind]! })),
  );
}

/** Drops the dataset's index: its records were written without one (undo, the built-in install). */
export async function deleteDigestIndex(database: DelegateDatabase, datasetId: string): Promise<void> {
  await database.recordDigests.where('datasetId').equals(datasetId).delete();
}
