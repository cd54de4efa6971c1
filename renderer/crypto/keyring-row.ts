/** Argon2id parameters, stored with each wrapped copy so they can be raised for new passphrases. */
export interface KdfParams {
  algorithm: 'argon2id';
  memoryKiB: number;
  iterations: number;
  parallelism: number;
  salt: Uint8Array;
}

/** The data key encrypted (AES-GCM) under a key-encryption key. */
export interface WrappedKey {
  iv: Uint8Array;
  sealed: Uint8Array;
}

/** Where encrypting an older, plain database has got to: tables still to do, and the last key done in the first. */
export interface MigrationProgress {
  pending: string[];
  after?: unknown;
  total: number;
  done: number;
  /**
   * Pending tables whose rows are all sealed already and are sealed again (a field moved into the
   * ciphertext, schema 14): a plain row there is refused as in any encrypted table, so a row
   * planted in the profile before the upgrade is never sealed as if it were the delegate's.
   */
  resealOnly?: string[];
}

/** The pending tables where plain rows are the delegate's own, still to be encrypted (not those only sealed again). */
export function plainWhileMigrating(migration: MigrationProgress | undefined): string[] {
  const reseal = new Set(migration?.resealOnly ?? []);
  return (migration?.pending ?? []).filter((table) => !reseal.has(table));
}

/**
 * The one keyring row. It never holds the data key itself, only copies of it wrapped by the
 * passphrase, by the recovery key and (desktop, if chosen) by the operating system.
 */
export interface KeyringRow {
  id: 'keyring';
  mode: 'passphrase' | 'none';
  createdAt: string;
  passphrase?: { kdf: KdfParams; wrapped: WrappedKey; changedAt: string };
  recovery?: { salt: Uint8Array; wrapped: WrappedKey };
  /** A constant encrypted under the data key, so a key from any route (the OS, a recovery key) is checked before use. */
  check?: WrappedKey;
  /** The data key sealed by Electron safeStorage (never stored when its backend is plain text). */
  os?: { sealed: Uint8Array; backend: string };
  migration?: MigrationProgress;
  /** The tables encrypted under this key (absent in the first keyrings: FIRST_ENCRYPTED_TABLES). */
  encryptedTables?: string[];
  /** Wrong passphrases in a row, and when the next attempt is allowed (ms since the epoch). */
  failedAttempts: number;
  retryAt?: number;
  /** Lock after this many minutes without keyboard or pointer activity; 0 = never. */
  autoLockMinutes: number;
}

export const KEYRING_ID = 'keyring' as const;
