import type { DelegateDatabase } from '../db/db';
import { setMigrating } from './key-state';
import { KEYRING_ID, plainWhileMigrating, type MigrationProgress } from './keyring-row';

/*
 * Encrypts the rows a database held before a passphrase was set, a chunk at a time. Each
 * chunk is read and rewritten in one transaction together with the progress mark (table and
 * last key done) in the keyring: killed at any point, the database holds every row, plain or
 * encrypted, and the next start carries on after the last committed chunk. Rewriting goes
 * through the middleware like any other write, so this file knows nothing of ciphers.
 */
export const ENCRYPT_CHUNK = 200;

export interface EncryptProgress {
  done: number;
  total: number;
}

export async function encryptExistingRows(
  database: DelegateDatabase,
  onProgress?: (progress: EncryptProgress) => void,
  /** Called after each committed chunk (tests interrupt here). */
  afterChunk?: (progress: MigrationProgress) => void | Promise<void>,
): Promise<void> {
  for (;;) {
    const row = await database.keyring.get(KEYRING_ID);
    const progress = row?.migration;
    if (!progress) {
      setMigrating([]);
      return;
    }
    onProgress?.({ done: progress.done, total: progress.total });
    const [tableName, ...rest] = progress.pending;
    if (tableName === undefined) {
      await database.keyring.update(KEYRING_ID, { migration: undefined });
      setMigrating([]);
      return;
    }
    const table = database.table(tableName);
    const next = await database.transaction('rw', table, database.keyring, async (): Promise<MigrationProgress> => {
      const range = progress.after === undefined ? table.toCollection() : table.where(':id').above(progress.after);
      const keys = await range.limit(ENCRYPT_CHUNK).primaryKeys();
      let moved: MigrationProgress;
      if (keys.length === 0) moved = { pending: rest, total: progress.total, done: progress.done, ...(progress.resealOnly ? { resealOnly: progress.resealOnly } : {}) };
      else {
        const rows = await table.bulkGet(keys);
        await table.bulkPut(rows.filter((r) => r !== undefined));
        moved = { ...progress, after: keys[keys.length - 1], done: Math.min(progress.total, progress.done + keys.length) };
      }
      const current = await database.keyring.get(KEYRING_ID);
      if (current) await database.keyring.put({ ...current, migration: moved });
      return moved;
    });
    setMigrating(plainWhileMigrating(next));
    await afterChunk?.(next);
  }
}
