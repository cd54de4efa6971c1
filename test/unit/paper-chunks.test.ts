import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setMigrating, setPlainMode, setUnlocked } from '../../renderer/crypto/key-state';
import { CIPHER_FIELD } from '../../renderer/crypto/middleware';
import { DelegateDatabase, SCHEMA_VERSIONS } from '../../renderer/db/db';
import { sha256Hex } from '../../renderer/papers/pdf/inspect-bytes';
import { chunkCount, chunkStoredPapers, versionBlob, writeChunks } from '../../renderer/papers/storage/paper-chunks';
import { PAPER_CHUNK_BYTES, type PaperVersion } from '../../shared/papers/model';
import { newDataKey } from './database-fixtures';

/*
 * A paper's bytes in pieces (schema 12): written and read a piece at a time, each piece its own
 * encrypted row, and papers stored whole by schemas 5 to 11 converted one paper per transaction.
 */
const NOW = '2026-11-30T10:00:00.000Z';
const SECRET = 'RESTRICTED: our fallback is a 2035 date';

/** A file of `size` bytes that begins with a sentence the disk must never show in the clear. */
function paperBytes(size: number, seed = 7): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i++) bytes[i] = (i * seed) % 251;
  bytes.set(new TextEncoder().encode(SECRET));
  return bytes;
}

const version = async (id: string, bytes: Uint8Array): Promise<PaperVersion> => ({
  id,
  paperId: 'p1',
  revision: 0,
  label: 'Original',
  name: `${id}.pdf`,
  type: 'application/pdf',
  size: bytes.byteLength,
  sha256: await sha256Hex(bytes),
  isPdf: true,
  addedAt: NOW,
  addedBy: 'Aminah',
});

let counter = 0;
let name = '';
const open: Dexie[] = [];
async function openDatabase(upTo = Infinity): Promise<DelegateDatabase> {
  const database = new DelegateDatabase(name, upTo);
  await database.open();
  open.push(database);
  return database;
}
async function rawRows(table: string): Promise<Record<string, unknown>[]> {
  const raw = new Dexie(name);
  await raw.open();
  try {
    return await raw.table(table).toArray();
  } finally {
    raw.close();
  }
}
const hashOf = async (blob: Blob | undefined) => (blob ? sha256Hex(new Uint8Array(await blob.arrayBuffer())) : 'missing');

beforeEach(() => {
  name = `paper-chunks-${++counter}`;
  setPlainMode();
  setMigrating([]);
});
afterEach(async () => {
  for (const d of open.splice(0)) d.close();
  await Dexie.delete(name);
  setPlainMode();
});

describe('a paper stored in pieces', () => {
  for (const mode of ['plain', 'encrypted'] as const) {
    it(`round-trips a file of several pieces, one row a piece (${mode})`, async () => {
      if (mode === 'encrypted') setUnlocked(await newDataKey());
      const database = await openDatabase();
      const bytes = paperBytes(PAPER_CHUNK_BYTES * 3 + 4321);
      await database.paperVersions.add(await version('v1', bytes));
      await database.transaction('rw', database.paperChunks, () => writeChunks('v1', bytes, database));
      expect(await chunkCount('v1', database)).toBe(4);
      const blob = await versionBlob('v1', database);
      expect(blob?.type).toBe('application/pdf');
      expect(blob?.size).toBe(bytes.byteLength);
      expect(await hashOf(blob)).toBe(await sha256Hex(bytes));
      const stored = await rawRows('paperChunks');
      expect(stored.map((r) => r.index)).toEqual([0, 1, 2, 3]);
      for (const row of stored) {
        if (mode === 'plain') expect((row.bytes as Uint8Array).byteLength).toBeLessThanOrEqual(PAPER_CHUNK_BYTES);
        else {
          // Only the key stays plain; the bytes are in the row's own ciphertext, none of the words readable.
          expect(Object.keys(row).sort()).toEqual([CIPHER_FIELD, 'blobId', 'index']);
          expect(new TextDecoder().decode(row[CIPHER_FIELD] as Uint8Array)).not.toContain('fallback');
        }
      }
    });
  }

  it('stores an empty file as one empty piece', async () => {
    const database = await openDatabase();
    await database.paperVersions.add(await version('v0', new Uint8Array()));
    await writeChunks('v0', new Uint8Array(), database);
    expect(await chunkCount('v0', database)).toBe(1);
    expect((await versionBlob('v0', database))?.size).toBe(0);
  });
});

describe('schema 12: papers stored whole become pieces', () => {
  for (const mode of ['plain', 'encrypted'] as const) {
    it(`converts every paper of a schema 11 database, the bytes unchanged (${mode})`, async () => {
      if (mode === 'encrypted') setUnlocked(await newDataKey());
      const old = await openDatabase(11);
      const files = { v1: paperBytes(PAPER_CHUNK_BYTES * 2 + 5, 7), v2: paperBytes(999, 13) };
      for (const [id, bytes] of Object.entries(files)) {
        await old.paperVersions.add(await version(id, bytes));
        await old.paperBlobs.add({ versionId: id, blob: new Blob([bytes], { type: 'application/pdf' }) });
      }
      old.close();
      const database = await openDatabase();
      // Upgraded through 12 to the app's latest version.
      expect(database.verno).toBe(SCHEMA_VERSIONS.at(-1)!.version);
      // Before the conversion the old rows are still read.
      expect(await hashOf(await versionBlob('v1', database))).toBe(await sha256Hex(files.v1));
      expect(await chunkStoredPapers(database)).toBe(2);
      expect(await database.paperBlobs.count()).toBe(0);
      expect(await chunkCount('v1', database)).toBe(3);
      expect(await chunkCount('v2', database)).toBe(1);
      for (const [id, bytes] of Object.entries(files)) expect(await hashOf(await versionBlob(id, database))).toBe(await sha256Hex(bytes));
      if (mode === 'encrypted') for (const row of await rawRows('paperChunks')) expect(row[CIPHER_FIELD]).toBeInstanceOf(Uint8Array);
      expect(await chunkStoredPapers(database)).toBe(0);
    });
  }

  it('stopped after one paper, holds every paper whole and finishes on the next start', async () => {
    setUnlocked(await newDataKey());
    const old = await openDatabase(11);
    const files = { v1: paperBytes(PAPER_CHUNK_BYTES + 1, 7), v2: paperBytes(PAPER_CHUNK_BYTES + 2, 13) };
    for (const [id, bytes] of Object.entries(files)) {
      await old.paperVersions.add(await version(id, bytes));
      await old.paperBlobs.add({ versionId: id, blob: new Blob([bytes]) });
    }
    old.close();
    const database = await openDatabase();
    const stopped = await chunkStoredPapers(database, () => {
      throw new Error('killed');
    }).catch((error: unknown) => error);
    expect(stopped).toMatchObject({ message: 'killed' });
    expect(await database.paperBlobs.count()).toBe(1);
    expect((await rawRows('paperChunks')).length).toBe(2);
    for (const [id, bytes] of Object.entries(files)) expect(await hashOf(await versionBlob(id, database))).toBe(await sha256Hex(bytes));
    database.close();
    const again = await openDatabase();
    expect(await chunkStoredPapers(again)).toBe(1);
    expect(await again.paperBlobs.count()).toBe(0);
    for (const [id, bytes] of Object.entries(files)) expect(await hashOf(await versionBlob(id, again))).toBe(await sha256Hex(bytes));
  });
});
