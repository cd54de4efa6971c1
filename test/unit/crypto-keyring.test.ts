import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { DelegateDatabase, SCHEMA_VERSIONS } from '../../renderer/db/db';
import { ENCRYPTED_TABLES } from '../../renderer/crypto/table-config';
import { encryptExistingRows } from '../../renderer/crypto/encrypt-existing';
import { cryptoMode, setLocked } from '../../renderer/crypto/key-state';
import {
  applyStoredState,
  changePassphrase,
  chooseNoPassphrase,
  eraseAllData,
  readKeyring,
  retryDelayMs,
  setUpPassphrase,
  unlockWithPassphrase,
  unlockWithRawKey,
  unlockWithRecoveryKey,
  withRawDataKey,
} from '../../renderer/crypto/keyring';
import { CIPHER_FIELD } from '../../renderer/crypto/middleware';
import { formatRecoveryKey, parseRecoveryKey } from '../../renderer/crypto/recovery-key';
import { useTestDatabase } from './database-fixtures';

const PASS = 'correct horse battery staple';
const scratch = useTestDatabase('keyring', 'plain');
const { rawRows } = scratch;

/** The app starting again: a new connection, the stored state applied, locked. */
async function restart(): Promise<void> {
  await scratch.reopen();
  await applyStoredState(scratch.database);
}

describe('keyring', { timeout: 60_000 }, () => {
  it('sets up a passphrase with Argon2id parameters stored beside the wrapped key, and unlocks with it after a restart', async () => {
    await scratch.database.briefings.put({ id: 'b1', meetingId: 'm1', title: 'ASOEN-36 brief', updatedAt: '2026-01-01' } as never);
    const { recoveryKey } = await setUpPassphrase(scratch.database, PASS);
    expect(recoveryKey).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
    await encryptExistingRows(scratch.database);
    const row = await readKeyring(scratch.database);
    expect(row?.passphrase?.kdf).toMatchObject({ algorithm: 'argon2id', memoryKiB: 65536, iterations: 3 });
    expect(row?.migration).toBeUndefined();
    await restart();
    expect(cryptoMode()).toBe('locked');
    expect(await unlockWithPassphrase(scratch.database, PASS)).toEqual({ ok: true });
    expect((await scratch.database.briefings.get('b1'))?.title).toBe('ASOEN-36 brief');
  });

  it('refuses a wrong passphrase with a growing delay, kept across restarts', async () => {
    await setUpPassphrase(scratch.database, PASS);
    await restart();
    const t0 = 1_000_000;
    const first = await unlockWithPassphrase(scratch.database, 'wrong passphrase!', () => t0);
    expect(first).toEqual({ ok: false, reason: 'wrong', retryAt: t0 + 1000 });
    expect(await unlockWithPassphrase(scratch.database, PASS, () => t0 + 500)).toEqual({ ok: false, reason: 'too-soon', retryAt: t0 + 1000 });
    const second = await unlockWithPassphrase(scratch.database, 'wrong again, sorry', () => t0 + 1000);
    expect(second).toEqual({ ok: false, reason: 'wrong', retryAt: t0 + 1000 + 2000 });
    await restart();
    expect((await unlockWithPassphrase(scratch.database, PASS, () => t0 + 2000)).ok).toBe(false);
    expect(await unlockWithPassphrase(scratch.database, PASS, () => t0 + 3000)).toEqual({ ok: true });
    expect((await readKeyring(scratch.database))?.failedAttempts).toBe(0);
    expect([1, 2, 3, 4, 20].map(retryDelayMs)).toEqual([1000, 2000, 4000, 8000, 300_000]);
  });

  it('unlocks with the recovery key, which survives a passphrase change; the change rewraps without touching rows', async () => {
    const { recoveryKey } = await setUpPassphrase(scratch.database, PASS);
    await scratch.database.sections.put({ id: 's1', briefingId: 'b1', agendaItemId: 'a1', targetIds: [], redLines: 'never the 2030 date' } as never);
    const before = await rawRows('sections');
    await changePassphrase(scratch.database, { passphrase: PASS }, 'a new and longer passphrase');
    expect(await rawRows('sections')).toEqual(before);
    await restart();
    expect((await unlockWithPassphrase(scratch.database, PASS, () => 0)).ok).toBe(false);
    setLocked();
    expect((await unlockWithRecoveryKey(scratch.database, recoveryKey.toLowerCase().replace(/-/g, ' '), () => 10_000)).ok).toBe(true);
    expect((await scratch.database.sections.get('s1'))?.redLines).toBe('never the 2030 date');
    await changePassphrase(scratch.database, { recoveryKey }, 'chosen after recovery');
    await restart();
    expect((await unlockWithPassphrase(scratch.database, 'chosen after recovery', () => 100_000)).ok).toBe(true);
  });

  it('checks a raw key from the OS before using it', async () => {
    await setUpPassphrase(scratch.database, PASS);
    const copy = await withRawDataKey(scratch.database, PASS, async (raw) => new Uint8Array(raw));
    await restart();
    expect(await unlockWithRawKey(scratch.database, crypto.getRandomValues(new Uint8Array(32)))).toBe(false);
    expect(cryptoMode()).toBe('locked');
    expect(await unlockWithRawKey(scratch.database, copy)).toBe(true);
    expect(cryptoMode()).toBe('unlocked');
  });

  it('works plain without a passphrase, and remembers the choice', async () => {
    await chooseNoPassphrase(scratch.database);
    await scratch.database.briefings.put({ id: 'b1', meetingId: 'm1', title: 'Plain', updatedAt: '2026-01-01' } as never);
    await restart();
    expect(cryptoMode()).toBe('plain');
    expect((await rawRows('briefings'))[0]).toHaveProperty('title', 'Plain');
  });

  it('erases the wrapped keys and the database', async () => {
    await setUpPassphrase(scratch.database, PASS);
    await scratch.database.briefings.put({ id: 'b1', meetingId: 'm1', title: 'Secret', updatedAt: '2026-01-01' } as never);
    await eraseAllData(scratch.database);
    expect(await Dexie.exists(scratch.name)).toBe(false);
  });

  it('reads a recovery key forgivingly', () => {
    const bytes = crypto.getRandomValues(new Uint8Array(20));
    const text = formatRecoveryKey(bytes);
    expect(parseRecoveryKey(text)).toEqual(bytes);
    expect(parseRecoveryKey(` ${text.toLowerCase().replace(/0/g, 'o')} `)).toEqual(bytes);
    expect(parseRecoveryKey(text.slice(1))).toBeUndefined();
  });
});

describe('encrypting an existing database', { timeout: 60_000 }, () => {
  const sections = Array.from({ length: 450 }, (_, i) => ({ id: `s${String(i).padStart(4, '0')}`, briefingId: `b${i % 5}`, agendaItemId: `a${i}`, targetIds: [], redLines: `red line ${i}` }));

  it('is resumable: interrupted after a chunk, nothing is lost and the next start finishes it', async () => {
    await scratch.database.sections.bulkAdd(sections as never);
    await scratch.database.briefings.bulkAdd(Array.from({ length: 5 }, (_, i) => ({ id: `b${i}`, meetingId: 'm1', title: `Brief ${i}`, updatedAt: '2026-01-01' })) as never);
    await scratch.database.settings.put({ key: 'language', value: 'id' });
    await setUpPassphrase(scratch.database, PASS);
    let chunks = 0;
    await expect(
      encryptExistingRows(scratch.database, undefined, () => {
        if (++chunks === 4) throw new Error('killed');
      }),
    ).rejects.toThrow('killed');
    const halfway = await rawRows('sections');
    expect(halfway.filter((r) => CIPHER_FIELD in r)).toHaveLength(400);
    expect(halfway.filter((r) => 'redLines' in r)).toHaveLength(50);
    expect((await readKeyring(scratch.database))?.migration).toMatchObject({ pending: Object.keys(ENCRYPTED_TABLES).slice(1), after: 's0399' });

    await restart();
    expect((await unlockWithPassphrase(scratch.database, PASS)).ok).toBe(true);
    // Still readable half-way: plain rows are accepted in a table being encrypted.
    expect((await scratch.database.sections.get('s0449'))?.redLines).toBe('red line 449');
    const progress: number[] = [];
    await encryptExistingRows(scratch.database, (p) => progress.push(p.done));
    expect(progress.at(-1)).toBe(456);
    const done = await rawRows('sections');
    expect(done.every((r) => CIPHER_FIELD in r && !('redLines' in r))).toBe(true);
    expect((await rawRows('briefings')).every((r) => CIPHER_FIELD in r)).toBe(true);
    expect((await rawRows('settings')).find((r) => r.key === 'language')).toEqual({ key: 'language', value: 'id' });
    const back = await scratch.database.sections.toArray();
    expect(back.map((s) => s.redLines)).toEqual(sections.map((s) => s.redLines));
    expect((await readKeyring(scratch.database))?.migration).toBeUndefined();
    // Done: a plain row is no longer accepted anywhere.
    await expect(scratch.database.sections.get('s0001')).resolves.toBeDefined();
  });
});

describe('schema version 6 (encryption at rest)', () => {
  it('adds the keyring and drops the briefing status index, keeping a version 3 database’s work', async () => {
    const old = new DelegateDatabase('v3-to-v4', 3);
    await old.open();
    await old.briefings.put({ id: 'b1', meetingId: 'm1', status: 'draft', title: 'Old brief', updatedAt: '2026-01-01' } as never);
    old.close();
    const upgraded = new DelegateDatabase('v3-to-v4');
    await upgraded.open();
    expect(upgraded.verno).toBe(SCHEMA_VERSIONS.at(-1)!.version);
    expect(upgraded.briefings.schema.indexes.map((i) => i.name).sort()).toEqual(['meetingId', 'updatedAt']);
    expect(await upgraded.keyring.count()).toBe(0);
    expect((await upgraded.briefings.get('b1'))?.title).toBe('Old brief');
    upgraded.close();
    await Dexie.delete('v3-to-v4');
  });
});
