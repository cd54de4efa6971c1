import { isBytes } from './bytes';
import { decodeRecord, encodeRecord } from './record-codec';

/*
 * One row's secret part under the data key: AES-256-GCM with a fresh 96-bit IV per write.
 * The additional data names the table, the primary key and the plain fields kept beside the
 * ciphertext, so a ciphertext copied to another row (or a plain index field edited on disk,
 * such as a section's briefingId) fails to decrypt instead of being believed.
 *
 * Stored bytes: [format 1][12-byte IV][ciphertext + 16-byte tag].
 */
export const RECORD_FORMAT = 1;
const IV_BYTES = 12;

/** A row that failed authentication: wrong key, tampered bytes, or a ciphertext moved from elsewhere. */
export class RecordIntegrityError extends Error {
  constructor(
    readonly table: string,
    readonly key: unknown,
    detail: string,
  ) {
    super(`A record in ${table} (${canonicalKey(key)}) cannot be trusted: ${detail}`);
    this.name = 'RecordIntegrityError';
  }
}

/** A stable text form of an IndexedDB key (string, number, date, array of them). */
export function canonicalKey(key: unknown): string {
  return JSON.stringify(key, (_k, v: unknown) => (v instanceof Date ? { date: v.toISOString() } : v)) ?? 'undefined';
}

export function additionalData(table: string, key: unknown, plain: readonly unknown[]): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(JSON.stringify(['asean-delegate/record', RECORD_FORMAT, table, canonicalKey(key), plain.map((v) => (v === undefined ? null : v))]));
}

export async function sealRecord(dataKey: CryptoKey, secret: Record<string, unknown>, aad: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  return (await sealRecordBytes(dataKey, secret, aad)).sealed;
}

/** As sealRecord, with the encoded plaintext as well (the middleware remembers it for later reads). */
export async function sealRecordBytes(dataKey: CryptoKey, secret: Record<string, unknown>, aad: Uint8Array<ArrayBuffer>): Promise<{ sealed: Uint8Array; plain: Uint8Array }> {
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const plain = await encodeRecord(secret);
  const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: aad }, dataKey, plain as Uint8Array<ArrayBuffer>));
  const out = new Uint8Array(1 + IV_BYTES + sealed.byteLength);
  out[0] = RECORD_FORMAT;
  out.set(iv, 1);
  out.set(sealed, 1 + IV_BYTES);
  return { sealed: out, plain };
}

export async function openRecord(dataKey: CryptoKey, stored: unknown, aad: Uint8Array<ArrayBuffer>, where: { table: string; key: unknown }): Promise<Record<string, unknown>> {
  return decodeRecord(await openRecordBytes(dataKey, stored, aad, where));
}

/** The authenticated plaintext bytes of a stored row (decodeRecord turns them into the row's secret part). */
export async function openRecordBytes(dataKey: CryptoKey, stored: unknown, aad: Uint8Array<ArrayBuffer>, where: { table: string; key: unknown }): Promise<Uint8Array> {
  if (!isBytes(stored) || stored.byteLength < 1 + IV_BYTES + 16) throw new RecordIntegrityError(where.table, where.key, 'no ciphertext');
  if (stored[0] !== RECORD_FORMAT) throw new RecordIntegrityError(where.table, where.key, `unknown format ${stored[0]}`);
  let plain: ArrayBuffer;
  try {
    const bytes = stored as Uint8Array<ArrayBuffer>;
    plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: bytes.subarray(1, 1 + IV_BYTES), additionalData: aad }, dataKey, bytes.subarray(1 + IV_BYTES));
  } catch {
    throw new RecordIntegrityError(where.table, where.key, 'authentication failed');
  }
  return new Uint8Array(plain);
}
