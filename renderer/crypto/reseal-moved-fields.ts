import type { Transaction } from 'dexie';
import { KEYRING_ID, type KeyringRow } from './keyring-row';

/**
 * Schema 14: a paper version's SHA-256 moves into the ciphertext (it was a plain index). An
 * upgrade has no data key, so it cannot seal the rows again itself: on a database with a
 * passphrase it adds `paperVersions` to the keyring's migration, and the next unlock rewrites
 * every version (encrypt-existing.ts, resumable, the lock screen showing progress). Until then
 * an old row reads as it was sealed (EncryptedTable.formerPlain). Added even when the table is
 * already pending (a set-up interrupted mid-table): the rows done before the upgrade were sealed
 * the old way and need the second pass. A database without a passphrase holds plain rows: nothing to do.
 * The table is marked `resealOnly`: a plain row met by the rewrite was planted, not the delegate's,
 * and is refused (the lock screen says so) instead of being sealed.
 */
export async function resealPaperVersions(tx: Transaction): Promise<void> {
  const keyring = tx.table<KeyringRow, string>('keyring');
  const row = await keyring.get(KEYRING_ID);
  if (row?.mode !== 'passphrase') return;
  const count = await tx.table('paperVersions').count();
  if (count === 0) return;
  const before = row.migration ?? { pending: [], total: 0, done: 0 };
  // Only sealed rows are expected, unless a set-up was interrupted with the table still pending (then its plain rows are the delegate's).
  const resealOnly = before.pending.includes('paperVersions') ? before.resealOnly : [...(before.resealOnly ?? []), 'paperVersions'];
  await keyring.put({ ...row, migration: { ...before, pending: [...before.pending, 'paperVersions'], total: before.total + count, ...(resealOnly ? { resealOnly } : {}) } });
}
