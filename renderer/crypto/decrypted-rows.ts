import { isBytes } from './bytes';
import { dataKey, onModeChange } from './key-state';

/** Rows remembered per table; beyond this the oldest are forgotten. */
const MAX_ROWS = 5000;
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
  private readonly rows = new Map<string, { sealed: Uint8Array; aad: string; secret: Record<string, unknown> }>();

  constructor() {
    all.add(this);
  }

  get(key: string, sealed: unknown, aad: string): Record<string, unknown> | undefined {
    const hit = this.rows.get(key);
    return hit && isBytes(sealed) && hit.aad === aad && sameBytes(hit.sealed, sealed) ? hit.secret : undefined;
  }

  set(key: string, sealed: unknown, aad: string, secret: Record<string, unknown>): void {
    if (!(isBytes(sealed))) return;
    this.rows.delete(key);
    this.rows.set(key, { sealed: sealed.slice(), aad, secret });
    if (this.rows.size > MAX_ROWS) this.rows.delete(this.rows.keys().next().value!);
  }

  clear(): void {
    this.rows.clear();
  }
}
