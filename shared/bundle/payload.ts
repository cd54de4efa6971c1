import { RECORD_KINDS, isLaterRecordKind, type DatasetRecords, type RecordKind } from '../model';
import { canonicalJsonFast, canonicalJsonPieces, isPlainRecord } from './canonical';
import { bytesToHex } from '@noble/hashes/utils.js';
import { createSha256 } from './sha256-stream';
import type { BundlePayload, RecordCounts, Tombstone } from './schema';

/** Bytes of one SHA-256 digest in RecordDigests. */
export const RECORD_DIGEST_BYTES = 32;

/**
 * One SHA-256 per record of each kind, of the record's canonical text (the same bytes the
 * content hash covers), concatenated in list order: record i of a kind is bytes 32i..32i+32.
 * The dataset engine keeps them with the installed records, so that the next update compares
 * digests instead of reading every installed record back.
 */
export type RecordDigests = Partial<Record<RecordKind, Uint8Array>>;

export interface PayloadHash {
  sha256: string;
  bytes: number;
  /** With `recordDigests: true`, for a payload that is an object of lists (as every bundle's is once read). */
  recordDigests?: RecordDigests;
}

/**
 * The content hash: SHA-256 over the payload's canonical JSON (sorted keys, no whitespace), the
 * same for the same records and tombstones whatever file they came in. It is the provenance hash
 * the app stores for an installed dataset (and, without removals, the built-in dataset's hash),
 * and format 1's payloadSha256. Format 2 signs the hash of the raw payload lines instead
 * (payload-lines.ts); its content hash is computed after the payload is verified and parsed.
 */
export async function hashPayload(payload: unknown, options: { recordDigests?: boolean } = {}): Promise<PayloadHash> {
  // Hashed piece by piece (about 64 KiB at a time): the canonical text of a large payload is as
  // large as the bundle file, and holding it (and its UTF-8 bytes) at once doubled the memory a
  // verification needs.
  const hasher = await createSha256();
  const encoder = new TextEncoder();
  let bytes = 0;
  let pending: string[] = [];
  let pendingLength = 0;
  // One buffer, reused: fresh encoder output per piece would be ArrayBuffer garbage as large as
  // the payload, which is only given back when the collector gets to it. UTF-8 takes at most
  // three bytes per UTF-16 unit, so a buffer of three times the text always fits.
  let buffer = new Uint8Array(0);
  const flush = () => {
    const text = pending.join('');
    if (buffer.length < text.length * 3) buffer = new Uint8Array(Math.max(text.length * 3, 3 * 65_536 + 3 * 1024));
    const { written } = encoder.encodeInto(text, buffer);
    hasher.update(buffer.subarray(0, written));
    bytes += written;
    pending = [];
    pendingLength = 0;
  };
  const emit = (piece: string) => {
    pending.push(piece);
    pendingLength += piece.length;
    if (pendingLength >= 65_536) flush();
  };
  const recordDigests = options.recordDigests && isObjectOfLists(payload) ? await emitWithDigests(payload, emit) : undefined;
  if (!recordDigests) canonicalJsonPieces(payload, emit);
  flush();
  return { sha256: bytesToHex(hasher.digest()), bytes, ...(recordDigests ? { recordDigests } : {}) };
}

function isObjectOfLists(value: unknown): value is Record<string, unknown[]> {
  return !Array.isArray(value) && isPlainRecord(value) && Object.values(value).every((v) => Array.isArray(v));
}

/**
 * The same pieces canonicalJsonPieces gives for an object of lists (sorted keys, each list's
 * items as canonicalJsonFast writes them at that depth), with a digest of every record's text.
 */
async function emitWithDigests(payload: Record<string, unknown[]>, emit: (piece: string) => void): Promise<RecordDigests> {
  const digests: RecordDigests = {};
  const record = await createSha256();
  const encoder = new TextEncoder();
  let buffer = new Uint8Array(64 * 1024);
  const keys = Object.keys(payload).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  keys.forEach((key, k) => {
    const list = payload[key]!;
    const digested = (RECORD_KINDS as readonly string[]).includes(key) ? (digests[key as RecordKind] = new Uint8Array(list.length * RECORD_DIGEST_BYTES)) : undefined;
    emit(`${k === 0 ? '{' : ','}${JSON.stringify(key)}:[`);
    for (let i = 0; i < list.length; i++) {
      if (i > 0) emit(',');
      const text = (canonicalJsonFast(list[i], 2) as string | undefined) ?? 'null';
      emit(text);
      if (!digested) continue;
      if (buffer.length < text.length * 3) buffer = new Uint8Array(text.length * 3);
      const { written } = encoder.encodeInto(text, buffer);
      digested.set(record.init().update(buffer.subarray(0, written)).digest(), i * RECORD_DIGEST_BYTES);
    }
    emit(']');
  });
  emit(keys.length === 0 ? '{}' : '}');
  return digests;
}

export function splitPayload(payload: BundlePayload): { records: DatasetRecords; removals: Tombstone[] } {
  const { removals = [], ...records } = payload;
  return { records, removals };
}

export function countRecords(payload: BundlePayload): RecordCounts {
  // A later kind (contacts) is counted only when the payload holds some (withoutEmptyLaterKinds).
  const counted = RECORD_KINDS.filter((k) => !isLaterRecordKind(k) || (payload[k]?.length ?? 0) > 0);
  const counts = Object.fromEntries(counted.map((k) => [k, payload[k]?.length ?? 0])) as Omit<RecordCounts, 'removals'>;
  return { ...counts, removals: payload.removals?.length ?? 0 };
}

/** A tombstone may name any id (the record is gone), but not one the same payload still carries. */
export function tombstoneProblems(records: DatasetRecords, removals: Tombstone[]): { id: string; message: string }[] {
  const ids = new Map(RECORD_KINDS.map((k) => [k, new Set(records[k].map((r) => r.id))]));
  const seen = new Set<string>();
  const problems: { id: string; message: string }[] = [];
  for (const t of removals) {
    const key = `${t.kind}/${t.id}`;
    if (seen.has(key)) problems.push({ id: t.id, message: `removals › ${t.kind} › ${t.id}: listed twice` });
    seen.add(key);
    if (ids.get(t.kind)!.has(t.id)) problems.push({ id: t.id, message: `removals › ${t.kind} › ${t.id}: removed but still present in ${t.kind}` });
  }
  return problems;
}

/**
 * What installing a payload over the installed records gives. A bundle is always the full
 * dataset, so the new reference records are the payload's records, whatever was there before;
 * a record of the old set that the payload lacks is removed. Tombstones say the publisher meant
 * it (and let the app tell "removed by the publisher" from "never existed" for the delegate's
 * notes); they never remove anything the payload carries.
 */
export function applyPayloadToRecords(
  installed: DatasetRecords,
  payload: BundlePayload,
): { records: DatasetRecords; removed: Record<RecordKind, string[]> } {
  const { records } = splitPayload(payload);
  const removed = {} as Record<RecordKind, string[]>;
  for (const kind of RECORD_KINDS) {
    const kept = new Set(records[kind].map((r) => r.id));
    removed[kind] = installed[kind].filter((r) => !kept.has(r.id)).map((r) => r.id);
  }
  return { records, removed };
}
