import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach } from 'vitest';
import { setMigrating, setPlainMode, setUnlocked } from '../../renderer/crypto/key-state';
import { db, DelegateDatabase } from '../../renderer/db/db';

/*
 * A database of the app's schema for each test (fake IndexedDB, a name of its own), with the
 * encryption middleware in the key state the test starts from, and the rows as IndexedDB holds
 * them, read and written below the middleware (what an attacker with the disk sees and edits).
 */

/** A fresh AES-GCM data key, as the keyring unwraps one. */
export const newDataKey = () => crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);

export interface TestDatabase {
  /** This test's database, opened. */
  readonly database: DelegateDatabase;
  /** Its IndexedDB name. */
  readonly name: string;
  /** The app starting again: a new connection to the same data (the key state is left as it is). */
  reopen(): Promise<DelegateDatabase>;
  /** The rows as IndexedDB holds them, read without the middleware. */
  rawRows(table: string): Promise<Record<string, unknown>[]>;
  /** Writes rows as they are, without the middleware. */
  rawWrite(table: string, rows: readonly unknown[]): Promise<void>;
}

/**
 * Opens a database named `<prefix>-<n>` before each test, in plain mode (no key, as before a
 * passphrase is chosen) or unlocked with a fresh data key; closes and deletes it after, back in
 * plain mode.
 */
export function useTestDatabase(prefix: string, keyState: 'plain' | 'unlocked'): TestDatabase {
  let counter = 0;
  let name = '';
  let database: DelegateDatabase | undefined;

  beforeEach(async () => {
    name = `${prefix}-${++counter}`;
    setMigrating([]);
    if (keyState === 'unlocked') setUnlocked(await newDataKey());
    else setPlainMode();
    database = new DelegateDatabase(name);
    await database.open();
  });

  afterEach(async () => {
    database?.close();
    await Dexie.delete(name);
    setPlainMode();
  });

  async function withRawDatabase<T>(use: (raw: Dexie) => Promise<T>): Promise<T> {
    const raw = new Dexie(name);
    await raw.open();
    try {
      return await use(raw);
    } finally {
      raw.close();
    }
  }

  return {
    get database() {
      if (!database) throw new Error('the test database opens in beforeEach');
      return database;
    },
    get name() {
      return name;
    },
    async reopen() {
      database?.close();
      database = new DelegateDatabase(name);
      await database.open();
      return database;
    },
    rawRows: (table) => withRawDatabase((raw) => raw.table(table).toArray()),
    rawWrite: (table, rows) => withRawDatabase(async (raw) => void (await raw.table(table).bulkPut([...rows]))),
  };
}

/** The app's own database (`db`, what the backup and restore code use), emptied before each test, in plain mode. */
export function useEmptiedAppDatabase(): void {
  beforeEach(async () => {
    setPlainMode();
    setMigrating([]);
    await Promise.all(db.tables.map((t) => t.clear()));
  });
  afterEach(() => setPlainMode());
}
