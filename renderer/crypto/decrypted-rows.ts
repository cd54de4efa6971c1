import { isBytes } from './bytes';
import { decodeRecord } from './record-codec';
import { dataKey, onModeChange } from './key-state';

/** Rows remembered per table; beyond this the oldest are forgotten. */
const MAX_ROWS = 5000;
/**
 * A row up to this size is remembered as its decrypted plaintext bytes, parsed afresh on each
 * read (JSON.parse is cheaper than a deep copy of the object, and the first read needs no copy
 * at all); a larger one (a paper's file, a long document log) as the object, copied on each read
 * as before, so a 200 MB paper is never held twice.
 */
const MAX_PLAIN_BYTES = 1024 * 1024;
const all = new Set<DecryptedRows>();
let keyInUse = dataKey();

// Another key (or none) means every remembered row goes.
onModeChange(() => {
  if (dataKey() === keyInUse) return;
  keyInUse = dataKey();
  for (const rows of all) rows.clear();
});

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false;
  for (let i = 0; i < a.byteLength; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * A row's decrypted secret part, valid only for the exact bytes it was authenticated from:
 * the same ciphertext, byte for byte, and the same additional data (primary key and plain
 * fields). Anything altered on disk misses and is decrypted, and so refused, afresh.
 */
export class DecryptedRows {
  private readonly rows = new Map<string, { sealed: Uint8Array; aad: string; plain?: Uint8Array; secret?: Record<string, unknown> }>();

  constructor() {
    all.add(this);
  }

  /** A fresh copy of the row's secret part (the caller may change it), or undefined. */
  get(key: string, sealed: unknown, aad: string): Record<string, unknown> | undefined {
    const hit = this.rows.get(key);
    if (!hit || !isBytes(sealed) || hit.aad !== aad || !sameBytes(hit.sealed, sealed)) return undefined;
    return hit.plain ? decodeRecord(hit.plain) : structuredClone(hit.secret);
  }

  /**
   * Remembers a row's secret part: `plain`, its encoded bytes (kept as they are: the caller hands
   * over bytes it no longer changes), and `secret`, the object given to the caller (copied if kept).
   */
  set(key: string, sealed: unknown, aad: string, plain: Uint8Array, secret: Record<string, unknown>): void {
    if (!isBytes(sealed)) return;
    this.rows.delete(key);
    const kept = plain.byteLength <= MAX_PLAIN_BYTES ? { plain } : { secret: structuredClone(secret) };
    this.rows.set(key, { sealed: sealed.slice(), aad, ...kept });
    if (this.rows.size > MAX_ROWS) this.rows.delete(this.rows.keys().next().value!);
  }

  clear(): void {
    this.rows.clear();
  }
}
