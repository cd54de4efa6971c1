import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DelegateDatabase } from '../../renderer/db/db';
import { dataKey, setMigrating, setPlainMode } from '../../renderer/crypto/key-state';
import { readKeyring, setUpPassphrase } from '../../renderer/crypto/keyring';
import { WrongSecretError } from '../../renderer/crypto/key-wrap';
import { openEnvelope, readEnvelope, sealWithDataKey, sealWithExportPassphrase } from '../../renderer/crypto/file-envelope';

const BACKUP = JSON.stringify({ format: 'asean-delegate-backup', tables: { sections: [{ redLines: 'never the 2030 date — “quoted” ✓' }] } });
const PASS = 'correct horse battery staple';
let database: DelegateDatabase;
let recoveryKey: string;

beforeAll(async () => {
  setPlainMode();
  setMigrating([]);
  database = new DelegateDatabase('envelope');
  await database.open();
  ({ recoveryKey } = await setUpPassphrase(database, PASS));
});
afterAll(async () => {
  database.close();
  await Dexie.delete('envelope');
  setPlainMode();
});

describe('encrypted backup and briefing files', { timeout: 60_000 }, () => {
  it('seals a backup under the data key; it opens with the key, the passphrase or the recovery key, and shows no plain text', async () => {
    const keyring = (await readKeyring(database))!;
    const text = await sealWithDataKey(BACKUP, 'backup', keyring, dataKey()!);
    expect(text).not.toContain('2030');
    const file = readEnvelope(text)!;
    expect(file.content).toBe('backup');
    expect(await openEnvelope(file, { dataKey: dataKey()! })).toBe(BACKUP);
    expect(await openEnvelope(file, { passphrase: PASS })).toBe(BACKUP);
    expect(await openEnvelope(file, { recoveryKey })).toBe(BACKUP);
    await expect(openEnvelope(file, { passphrase: 'not the passphrase' })).rejects.toBeInstanceOf(WrongSecretError);
    const otherKey = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
    await expect(openEnvelope(file, { dataKey: otherKey })).rejects.toBeInstanceOf(WrongSecretError);
  });

  it('seals a briefing for a colleague under an export passphrase of its own', async () => {
    const text = await sealWithExportPassphrase(BACKUP, 'briefing', 'for Siti only, 2026');
    const file = readEnvelope(text)!;
    expect(file.lock.kind).toBe('export-passphrase');
    expect(await openEnvelope(file, { passphrase: 'for Siti only, 2026' })).toBe(BACKUP);
    await expect(openEnvelope(file, { passphrase: PASS })).rejects.toBeInstanceOf(WrongSecretError);
    await expect(openEnvelope(file, { dataKey: dataKey()! })).rejects.toBeInstanceOf(WrongSecretError);
  });

  it('refuses a file altered in its ciphertext or its header', async () => {
    const keyring = (await readKeyring(database))!;
    const file = readEnvelope(await sealWithDataKey(BACKUP, 'backup', keyring, dataKey()!))!;
    const flipped = file.ciphertext.startsWith('A') ? `B${file.ciphertext.slice(1)}` : `A${file.ciphertext.slice(1)}`;
    await expect(openEnvelope({ ...file, ciphertext: flipped }, { dataKey: dataKey()! })).rejects.toBeInstanceOf(WrongSecretError);
    await expect(openEnvelope({ ...file, content: 'briefing' }, { dataKey: dataKey()! })).rejects.toBeInstanceOf(WrongSecretError);
  });

  it('tells an envelope from a plain backup', () => {
    expect(readEnvelope(BACKUP)).toBeUndefined();
    expect(readEnvelope('not json at all')).toBeUndefined();
  });
});
