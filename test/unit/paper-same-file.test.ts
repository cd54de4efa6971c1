import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { setUnlocked } from '../../renderer/crypto/key-state';
import { CIPHER_FIELD } from '../../renderer/crypto/middleware';
import { DB_NAME } from '../../renderer/db/db';
import type { InspectedFile } from '../../renderer/papers/storage/intake';
import { attachPaper } from '../../renderer/papers/storage/papers-repo';
import { versionsOfSameFile } from '../../renderer/papers/storage/same-file';
import { newDataKey, useEmptiedAppDatabase } from './database-fixtures';

/*
 * A file attached twice is still found (schema 14 dropped the SHA-256 index): among the versions
 * of the papers of the owner's meeting, compared once decrypted. The stored rows hold no plain
 * SHA-256.
 */
useEmptiedAppDatabase();
const file = (name: string, sha256: string): InspectedFile => ({ name, type: 'text/plain', size: 4, sha256, bytes: new TextEncoder().encode(name.slice(0, 4)), isPdf: false });
const DRAFT = 'd1'.repeat(32);
const OTHER = 'e2'.repeat(32);

describe('a file attached twice', () => {
  it('is found among the versions of the same meeting, and only there', async () => {
    setUnlocked(await newDataKey());
    await attachPaper({ kind: 'meeting', id: 'asoen-36' }, file('draft-statement.txt', OTHER), 'Aminah');
    const first = await attachPaper({ kind: 'meeting', id: 'asoen-36' }, file('draft-statement-rev1.txt', DRAFT), 'Aminah');
    await attachPaper({ kind: 'meeting', id: 'asoen-37' }, file('elsewhere.txt', DRAFT), 'Aminah');

    const same = await versionsOfSameFile({ kind: 'meeting', id: 'asoen-36' }, DRAFT);
    expect(same.map((v) => [v.paperId, v.name])).toEqual([[first.id, 'draft-statement-rev1.txt']]);
    expect(await versionsOfSameFile({ kind: 'meeting', id: 'asoen-38' }, DRAFT)).toEqual([]);
    expect(await versionsOfSameFile({ kind: 'meeting', id: 'asoen-36' }, 'f3'.repeat(32))).toEqual([]);

    const raw = new Dexie(DB_NAME);
    await raw.open();
    const rows = (await raw.table('paperVersions').toArray()) as Record<string, unknown>[];
    raw.close();
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      expect(row.sha256).toBeUndefined();
      expect(row[CIPHER_FIELD]).toBeInstanceOf(Uint8Array);
    }
  });
});
