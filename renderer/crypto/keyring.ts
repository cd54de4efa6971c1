import type { DelegateDatabase } from '../db/db';
import { importDataKey, newKdfParams, newRawDataKey, passphraseKey, recoveryKeyKek, unwrapDataKey, wrapDataKey, WrongSecretError } from './key-wrap';
import { KEYRING_ID, plainWhileMigrating, type KeyringRow, type WrappedKey } from './keyring-row';
import { setLocked, setMigrating, setUnlocked, setPlainMode } from './key-state';
import { formatRecoveryKey, newRecoverySecret, parseRecoveryKey } from './recovery-key';
import { ENCRYPTED_TABLES, FIRST_ENCRYPTED_TABLES } from './table-config';

/*
 * Key management over the keyring row: set-up, unlock (passphrase, recovery key, the OS),
 * passphrase change (a rewrap: no row is re-encrypted), and erase.
 */

export const MIN_PASSPHRASE_LENGTH = 10;
export const DEFAULT_AUTO_LOCK_MINUTES = 15;
const MAX_RETRY_DELAY_MS = 5 * 60_000;

/** After n wrong passphrases in a row, the next attempt waits 2^(n-1) seconds (1, 2, 4 ... up to 5 minutes). */
export function retryDelayMs(failedAttempts: number): number {
  return failedAttempts <= 0 ? 0 : Math.min(MAX_RETRY_DELAY_MS, 1000 * 2 ** (failedAttempts - 1));
}

export type UnlockResult = { ok: true } | { ok: false; reason: 'wrong' | 'too-soon'; retryAt: number };

export async function readKeyring(database: DelegateDatabase): Promise<KeyringRow | undefined> {
  return database.keyring.get(KEYRING_ID);
}

/** Puts the middleware in the state the stored keyring says, at start: plain, or locked. */
export async function applyStoredState(database: DelegateDatabase): Promise<KeyringRow | undefined> {
  const row = await readKeyring(database);
  setMigrating(plainWhileMigrating(row?.migration));
  if (row?.mode === 'passphrase') setLocked();
  else setPlainMode();
  return row;
}

function encryptedTablesOf(database: DelegateDatabase): string[] {
  const present = new Set(database.tables.map((t) => t.name));
  return Object.keys(ENCRYPTED_TABLES).filter((name) => present.has(name));
}

/** The delegate works without a passphrase (OFFICIAL only): remembered, so set-up is not asked again. */
export async function chooseNoPassphrase(database: DelegateDatabase): Promise<void> {
  const row: KeyringRow = { id: KEYRING_ID, mode: 'none', createdAt: new Date().toISOString(), failedAttempts: 0, autoLockMinutes: 0 };
  await database.keyring.put(row);
  setPlainMode();
}

/**
 * Sets a passphrase: a new data key, wrapped by the passphrase and by a recovery key shown
 * once. The keyring is stored (with every encrypted table marked as still to encrypt) before
 * any row is written under the new key, so a kill at any point loses nothing.
 */
export async function setUpPassphrase(database: DelegateDatabase, passphrase: string): Promise<{ recoveryKey: string }> {
  if (passphrase.length < MIN_PASSPHRASE_LENGTH) throw new Error(`A passphrase needs at least ${MIN_PASSPHRASE_LENGTH} characters.`);
  const existing = await readKeyring(database);
  if (existing?.mode === 'passphrase') throw new Error('A passphrase is already set.');
  const raw = newRawDataKey();
  const recovery = newRecoverySecret();
  try {
    const kdf = newKdfParams();
    const recoverySalt = crypto.getRandomValues(new Uint8Array(16));
    const [wrapped, recoveryWrapped] = await Promise.all([
      passphraseKey(passphrase, kdf).then((kek) => wrapDataKey(kek, raw, 'passphrase')),
      recoveryKeyKek(recovery, recoverySalt).then((kek) => wrapDataKey(kek, raw, 'recovery')),
    ]);
    const tables = encryptedTablesOf(database);
    const counts = await Promise.all(tables.map((t) => database.table(t).count()));
    const row: KeyringRow = {
      id: KEYRING_ID,
      mode: 'passphrase',
      createdAt: existing?.createdAt ?? new Date().toISOString(),
      passphrase: { kdf, wrapped, changedAt: new Date().toISOString() },
      recovery: { salt: recoverySalt, wrapped: recoveryWrapped },
      migration: { pending: tables, total: counts.reduce((a, b) => a + b, 0), done: 0 },
      encryptedTables: tables,
      failedAttempts: 0,
      autoLockMinutes: DEFAULT_AUTO_LOCK_MINUTES,
    };
    const key = await importDataKey(raw);
    row.check = await sealKeyCheck(key);
    setMigrating(tables);
    await database.keyring.put(row);
    setUnlocked(key);
    return { recoveryKey: formatRecoveryKey(recovery) };
  } finally {
    raw.fill(0);
    recovery.fill(0);
  }
}

async function requireRow(database: DelegateDatabase): Promise<KeyringRow & Required<Pick<KeyringRow, 'passphrase' | 'recovery'>>> {
  const row = await readKeyring(database);
  if (row?.mode !== 'passphrase' || !row.passphrase || !row.recovery) throw new Error('No passphrase is set.');
  return row as KeyringRow & Required<Pick<KeyringRow, 'passphrase' | 'recovery'>>;
}

/** The raw data key from the passphrase, or WrongSecretError. */
async function rawFromPassphrase(row: Awaited<ReturnType<typeof requireRow>>, passphrase: string): Promise<Uint8Array> {
  return unwrapDataKey(await passphraseKey(passphrase, row.passphrase.kdf), row.passphrase.wrapped, 'passphrase');
}

async function rawFromRecovery(row: Awaited<ReturnType<typeof requireRow>>, recoveryKey: string): Promise<Uint8Array> {
  const secret = parseRecoveryKey(recoveryKey);
  if (!secret) throw new WrongSecretError();
  return unwrapDataKey(await recoveryKeyKek(secret, row.recovery.salt), row.recovery.wrapped, 'recovery');
}

/**
 * Tables that joined ENCRYPTED_TABLES after this keyring was written (annotations, for a
 * keyring of schema 6) still hold plain rows: they are added to the keyring's migration, in
 * the same write that records them as encrypted, so the next steps encrypt them (resumably,
 * like a database set up over plain data) and reads meanwhile accept their plain rows.
 */
export async function catchUpNewTables(database: DelegateDatabase, known?: KeyringRow): Promise<KeyringRow | undefined> {
  const all = encryptedTablesOf(database);
  // Nearly every unlock: the row just read already lists every table, and a write transaction
  // over all of them (which waits for every other tab's writes) is not needed to find that out.
  if (known?.encryptedTables && all.every((t) => known.encryptedTables!.includes(t))) return known;
  return database.transaction('rw', [database.keyring, ...all.map((t) => database.table(t))], async () => {
    const row = await readKeyring(database);
    if (row?.mode !== 'passphrase') return row;
    const known = new Set<string>(row.encryptedTables ?? FIRST_ENCRYPTED_TABLES);
    const added = all.filter((t) => !known.has(t));
    if (added.length === 0 && row.encryptedTables) return row;
    // Counting reads the plain rows' keys only (no values), which the middleware passes through.
    const counts = await Promise.all(added.map((t) => database.table(t).count()));
    const before = row.migration ?? { pending: [], total: 0, done: 0 };
    const migration = added.length === 0 ? row.migration : { ...before, pending: [...before.pending, ...added], total: before.total + counts.reduce((a, b) => a + b, 0) };
    const next: KeyringRow = { ...row, migration, encryptedTables: all };
    await database.keyring.put(next);
    return next;
  });
}

async function unlockWith(database: DelegateDatabase, clock: () => number, rawOf: (row: Awaited<ReturnType<typeof requireRow>>) => Promise<Uint8Array>): Promise<UnlockResult> {
  const row = await requireRow(database);
  if (row.retryAt !== undefined && clock() < row.retryAt) return { ok: false, reason: 'too-soon', retryAt: row.retryAt };
  let raw: Uint8Array;
  try {
    raw = await rawOf(row);
  } catch (error) {
    if (!(error instanceof WrongSecretError)) throw error;
    const failedAttempts = row.failedAttempts + 1;
    // The wait counts from the refusal, not from the start of a derivation that may take a second.
    const retryAt = clock() + retryDelayMs(failedAttempts);
    await database.keyring.update(KEYRING_ID, { failedAttempts, retryAt });
    return { ok: false, reason: 'wrong', retryAt };
  }
  try {
    const key = await importDataKey(raw);
    if (row.failedAttempts > 0) await database.keyring.update(KEYRING_ID, { failedAttempts: 0, retryAt: undefined });
    const current = await catchUpNewTables(database, row);
    setMigrating(plainWhileMigrating(current?.migration));
    setUnlocked(key);
    return { ok: true };
  } finally {
    raw.fill(0);
  }
}

export function unlockWithPassphrase(database: DelegateDatabase, passphrase: string, clock: () => number = Date.now): Promise<UnlockResult> {
  return unlockWith(database, clock, (row) => rawFromPassphrase(row, passphrase));
}

export function unlockWithRecoveryKey(database: DelegateDatabase, recoveryKey: string, clock: () => number = Date.now): Promise<UnlockResult> {
  return unlockWith(database, clock, (row) => rawFromRecovery(row, recoveryKey));
}

/**
 * A new passphrase, proved by the current one or the recovery key. Only the wrapped copy
 * changes (and the Argon2id parameters are renewed to today's defaults); rows are untouched.
 */
export async function changePassphrase(database: DelegateDatabase, proof: { passphrase: string } | { recoveryKey: string }, next: string): Promise<void> {
  if (next.length < MIN_PASSPHRASE_LENGTH) throw new Error(`A passphrase needs at least ${MIN_PASSPHRASE_LENGTH} characters.`);
  const row = await requireRow(database);
  const raw = 'passphrase' in proof ? await rawFromPassphrase(row, proof.passphrase) : await rawFromRecovery(row, proof.recoveryKey);
  try {
    const kdf = newKdfParams();
    const wrapped = await wrapDataKey(await passphraseKey(next, kdf), raw, 'passphrase');
    await database.keyring.update(KEYRING_ID, { passphrase: { kdf, wrapped, changedAt: new Date().toISOString() }, failedAttempts: 0, retryAt: undefined });
  } finally {
    raw.fill(0);
  }
}

export async function setAutoLockMinutes(database: DelegateDatabase, minutes: number): Promise<void> {
  await database.keyring.update(KEYRING_ID, { autoLockMinutes: Math.max(0, Math.min(24 * 60, Math.round(minutes))) });
}

/** Hands the raw key to `use` (for sealing it with the OS), proved by the passphrase; the bytes are wiped after. */
export async function withRawDataKey<T>(database: DelegateDatabase, passphrase: string, withRaw: (raw: Uint8Array) => Promise<T>): Promise<T> {
  const raw = await rawFromPassphrase(await requireRow(database), passphrase);
  try {
    return await withRaw(raw);
  } finally {
    raw.fill(0);
  }
}

/** Unlocks with a raw key the OS unsealed, if it passes the key check (false: not this database's key). */
export async function unlockWithRawKey(database: DelegateDatabase, raw: Uint8Array): Promise<boolean> {
  const row = await requireRow(database);
  try {
    const key = await importDataKey(raw);
    if (!row.check || !(await keyChecks(key, row.check))) return false;
    const current = await catchUpNewTables(database, row);
    setMigrating(plainWhileMigrating(current?.migration));
    setUnlocked(key);
    return true;
  } finally {
    raw.fill(0);
  }
}

const KEY_CHECK = new TextEncoder().encode('asean-delegate/key-check/v1');

async function sealKeyCheck(key: CryptoKey): Promise<WrappedKey> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  return { iv, sealed: new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, KEY_CHECK)) };
}

async function keyChecks(key: CryptoKey, check: WrappedKey): Promise<boolean> {
  try {
    const plain = new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv: check.iv as Uint8Array<ArrayBuffer> }, key, check.sealed as Uint8Array<ArrayBuffer>));
    return plain.length === KEY_CHECK.length && plain.every((b, i) => b === KEY_CHECK[i]);
  } catch {
    return false;
  }
}

/**
 * "Erase all my data": the wrapped keys go first, in their own committed transaction (without
 * them no row can ever be decrypted, even if deleting the database is blocked or interrupted),
 * then the whole database.
 */
export async function eraseAllData(database: DelegateDatabase): Promise<void> {
  await database.keyring.clear();
  setLocked();
  await database.delete();
}
