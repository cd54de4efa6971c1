import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { encryptExistingRows } from '../../renderer/crypto/encrypt-existing';
import { setMigrating, setUnlocked } from '../../renderer/crypto/key-state';
import { KEYRING_ID, plainWhileMigrating, type KeyringRow } from '../../renderer/crypto/keyring-row';
import { CIPHER_FIELD, cryptoMiddlewareFor } from '../../renderer/crypto/middleware';
import { RecordIntegrityError } from '../../renderer/crypto/record-cipher';
import { ENCRYPTED_TABLES } from '../../renderer/crypto/table-config';
import { DelegateDatabase, SCHEMA_VERSIONS } from '../../renderer/db/db';
import type { PaperVersion } from '../../shared/papers/model';
import { newDataKey, useTestDatabase } from './database-fixtures';

/*
 * A paper version's SHA-256 is not kept in the clear once a passphrase is set (schema 14): with
 * it, whoever holds the profile could confirm that a known file (a leaked draft) is stored.
 */

const SHA = 'c0ffee'.repeat(10) + 'beef';
const version = (id: string, sha256 = SHA): PaperVersion => ({ id, paperId: 'p1', revision: 0, label: 'Original', name: 'draft-statement.pdf', type: 'application/pdf', size: 1000, sha256, isPdf: true, pageCount: 1, addedAt: '2026-11-30T10:00:00.000Z', addedBy: 'Aminah' });

/** Every string of a stored row, its ciphertext read as text too. */
const storedText = (row: Record<string, unknown>) => {
  const sealed = row[CIPHER_FIELD];
  return JSON.stringify({ ...row, [CIPHER_FIELD]: undefined }) + (sealed instanceof Uint8Array ? new TextDecoder().decode(sealed) : '');
};

/** The database as schema 13 made it, through the middleware as it was then (the SHA-256 plain). */
function schema13(name: string): Dexie {
  const old = new Dexie(name);
  for (const step of SCHEMA_VERSIONS.filter((s) => s.version <= 13)) old.version(step.version).stores(step.stores);
  old.use(cryptoMiddlewareFor({ ...ENCRYPTED_TABLES, paperVersions: { plain: ['id', 'paperId', 'sha256'], why: 'schema 13' } }));
  return old;
}

const keyring = (migration?: KeyringRow['migration']): KeyringRow => ({ id: KEYRING_ID, mode: 'passphrase', createdAt: '2026-11-01T00:00:00.000Z', failedAttempts: 0, autoLockMinutes: 0, ...(migration ? { migration } : {}) });

describe('paper versions at rest', () => {
  const scratch = useTestDatabase('crypto-paper-versions', 'unlocked');

  it('keeps the SHA-256 inside the ciphertext, and has no index of it', async () => {
    await scratch.database.paperVersions.add(version('v1'));
    const [row] = await scratch.rawRows('paperVersions');
    expect(Object.keys(row!).sort()).toEqual([CIPHER_FIELD, 'id', 'paperId'].sort());
    expect(storedText(row!)).not.toContain(SHA);
    expect(await scratch.database.paperVersions.get('v1')).toEqual(version('v1'));
    expect(scratch.database.paperVersions.schema.indexes.map((i) => i.name)).toEqual(['paperId']);
  });

  it('refuses a row whose SHA-256 was planted beside the ciphertext (it is not what it was sealed with)', async () => {
    await scratch.database.paperVersions.add(version('v1'));
    const [row] = await scratch.rawRows('paperVersions');
    await scratch.rawWrite('paperVersions', [{ ...row, sha256: 'ab'.repeat(32) }]);
    const reopened = await scratch.reopen();
    await expect(reopened.paperVersions.get('v1')).rejects.toBeInstanceOf(RecordIntegrityError);
  });
});

describe('a schema 13 database upgraded', () => {
  const scratch = useTestDatabase('paper-versions-upgrade', 'plain');

  it('with a passphrase: reads its old rows, then the next unlock seals them again without a plain SHA-256', async () => {
    scratch.database.close();
    await Dexie.delete(scratch.name);
    setUnlocked(await newDataKey());
    const old = schema13(scratch.name);
    await old.open();
    await old.table('keyring').put(keyring({ pending: ['briefings'], total: 3, done: 0 }));
    await old.table('paperVersions').bulkAdd([version('v1'), version('v2', 'ab'.repeat(32))]);
    old.close();
    expect((await scratch.rawRows('paperVersions')).map((r) => r.sha256)).toEqual([SHA, 'ab'.repeat(32)]);

    const upgraded = await scratch.reopen();
    expect(upgraded.verno).toBe(14);
    // The upgrade has no key: it leaves the rows and asks the next unlock to rewrite them, after what was pending.
    expect((await upgraded.keyring.get(KEYRING_ID))?.migration).toEqual({ pending: ['briefings', 'paperVersions'], total: 5, done: 0, resealOnly: ['paperVersions'] });
    expect(await upgraded.paperVersions.get('v1')).toEqual(version('v1'));
    expect(upgraded.paperVersions.schema.indexes.map((i) => i.name)).toEqual(['paperId']);

    setMigrating(['briefings', 'paperVersions']);
    await encryptExistingRows(upgraded);
    for (const row of await scratch.rawRows('paperVersions')) {
      expect(Object.keys(row).sort()).toEqual([CIPHER_FIELD, 'id', 'paperId'].sort());
      expect(storedText(row)).not.toContain(SHA);
    }
    expect((await upgraded.keyring.get(KEYRING_ID))?.migration).toBeUndefined();
    expect(await upgraded.paperVersions.bulkGet(['v1', 'v2'])).toEqual([version('v1'), version('v2', 'ab'.repeat(32))]);
  });

  it('with a passphrase: a plain row planted before the upgrade is refused by the rewrite, never sealed as the delegate\'s', async () => {
    scratch.database.close();
    await Dexie.delete(scratch.name);
    setUnlocked(await newDataKey());
    const old = schema13(scratch.name);
    await old.open();
    await old.table('keyring').put(keyring());
    await old.table('paperVersions').add(version('v1'));
    old.close();
    // Written straight into IndexedDB, past the middleware: a row nobody sealed.
    await new Promise<void>((resolve, reject) => {
      const open = indexedDB.open(scratch.name);
      open.onsuccess = () => {
        const tx = open.result.transaction('paperVersions', 'readwrite');
        tx.objectStore('paperVersions').put({ ...version('planted'), name: 'planted.pdf' });
        tx.oncomplete = () => {
          open.result.close();
          resolve();
        };
        tx.onerror = () => reject(tx.error);
      };
      open.onerror = () => reject(open.error);
    });
    const upgraded = await scratch.reopen();
    const migration = (await upgraded.keyring.get(KEYRING_ID))?.migration;
    expect(migration?.resealOnly).toEqual(['paperVersions']);
    setMigrating(plainWhileMigrating(migration));
    await expect(encryptExistingRows(upgraded)).rejects.toBeInstanceOf(RecordIntegrityError);
    const planted = (await scratch.rawRows('paperVersions')).find((r) => r.id === 'planted')!;
    expect(planted[CIPHER_FIELD]).toBeUndefined();
  });

  it('without a passphrase: its plain rows stay as they are, and nothing waits for an unlock', async () => {
    scratch.database.close();
    await Dexie.delete(scratch.name);
    const old = new DelegateDatabase(scratch.name, 13);
    await old.open();
    await old.paperVersions.add(version('v1'));
    old.close();
    const upgraded = await scratch.reopen();
    expect(upgraded.verno).toBe(14);
    expect(await upgraded.keyring.get(KEYRING_ID)).toBeUndefined();
    expect(await upgraded.paperVersions.get('v1')).toEqual(version('v1'));
  });
});
