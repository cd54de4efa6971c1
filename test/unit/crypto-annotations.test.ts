import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { setUnlocked } from '../../renderer/crypto/key-state';
import { applyStoredState, readKeyring, setUpPassphrase, unlockWithPassphrase } from '../../renderer/crypto/keyring';
import { encryptExistingRows } from '../../renderer/crypto/encrypt-existing';
import { CIPHER_FIELD } from '../../renderer/crypto/middleware';
import { RecordIntegrityError } from '../../renderer/crypto/record-cipher';
import { KEYRING_ID } from '../../renderer/crypto/keyring-row';
import { ENCRYPTED_TABLES, FIRST_ENCRYPTED_TABLES } from '../../renderer/crypto/table-config';
import type { Annotation } from '../../shared/papers/model';
import { newDataKey, useTestDatabase } from './database-fixtures';

const NOTE = 'Our red line: never accept the 2030 coal phase-out date';
const QUOTE = 'Member States shall phase out unabated coal power by 2030';
const PASS = 'correct horse battery staple';

const scratch = useTestDatabase('crypto-annotations', 'plain');
const { rawRows, rawWrite } = scratch;

const annotation = (id: string, versionId: string, sectionId?: string): Annotation => ({
  id,
  paperId: 'p1',
  kind: 'note',
  note: `${NOTE} (${id})`,
  color: 'pink',
  target: { versionId, quote: { type: 'TextQuoteSelector', exact: QUOTE, prefix: 'Article 4. ', suffix: ' and report' }, position: { type: 'TextPositionSelector', start: 10, end: 67 }, page: 3, status: 'anchored' },
  previousTargets: [],
  ...(sectionId ? { link: { briefingId: 'b1', sectionId, talkingPointId: 'tp1' } } : {}),
  scope: 'private',
  createdAt: '2026-11-30T10:00:00.000Z',
  createdBy: 'Aminah binti Hassan',
  updatedAt: '2026-11-30T10:00:00.000Z',
});

/** Every string anywhere in a stored row, ciphertext bytes read as UTF-8 and UTF-16 too. */
function storedText(row: Record<string, unknown>): string {
  const sealed = row[CIPHER_FIELD];
  const bytes = sealed instanceof Uint8Array ? sealed : new Uint8Array();
  const utf16 = new TextDecoder('utf-16le').decode(bytes.subarray(0, bytes.length - (bytes.length % 2)));
  return JSON.stringify({ ...row, [CIPHER_FIELD]: undefined }) + new TextDecoder().decode(bytes) + utf16;
}

describe('annotations at rest', () => {
  it('stores no word of a note or its quote in the clear, only the ids the indexes need', async () => {
    setUnlocked(await newDataKey());
    await scratch.database.annotations.bulkAdd([annotation('a1', 'v1', 's1'), annotation('a2', 'v1'), annotation('a3', 'v2', 's2')]);
    const stored = await rawRows('annotations');
    expect(stored).toHaveLength(3);
    for (const row of stored) {
      const text = storedText(row);
      expect(text).not.toContain('red line');
      expect(text).not.toContain('coal');
      expect(text).not.toContain('Aminah');
      expect(row[CIPHER_FIELD]).toBeInstanceOf(Uint8Array);
      // Plain: the id, the paper and the nested ids the indexes read, nothing else of target or link.
      expect(Object.keys(row).sort()).toEqual([CIPHER_FIELD, 'id', 'paperId', 'target', ...(row.link ? ['link'] : [])].sort());
      expect(Object.keys(row.target as object)).toEqual(['versionId']);
      if (row.link) expect(Object.keys(row.link as object)).toEqual(['sectionId']);
    }
  });

  it('reads whole annotations back through the nested indexes, after edits that move them', async () => {
    setUnlocked(await newDataKey());
    await scratch.database.annotations.bulkAdd([annotation('a1', 'v1', 's1'), annotation('a2', 'v1'), annotation('a3', 'v2', 's2')]);
    expect((await scratch.database.annotations.where('target.versionId').equals('v1').primaryKeys()).sort()).toEqual(['a1', 'a2']);
    const linked = await scratch.database.annotations.where('link.sectionId').equals('s1').toArray();
    expect(linked).toEqual([annotation('a1', 'v1', 's1')]);

    await scratch.database.annotations.update('a2', { link: { briefingId: 'b1', sectionId: 's1' }, note: 'moved' });
    await scratch.database.annotations.update('a1', { link: undefined });
    const nowLinked = await scratch.database.annotations.where('link.sectionId').equals('s1').toArray();
    expect(nowLinked.map((a) => [a.id, a.note, a.target.quote.exact])).toEqual([['a2', 'moved', QUOTE]]);
    expect((await scratch.database.annotations.get('a1'))?.link).toBeUndefined();

    // Re-anchoring to a new version rewrites the target: the index follows.
    const a3 = (await scratch.database.annotations.get('a3'))!;
    await scratch.database.annotations.put({ ...a3, target: { ...a3.target, versionId: 'v3' }, previousTargets: [a3.target] });
    expect(await scratch.database.annotations.where('target.versionId').equals('v3').primaryKeys()).toEqual(['a3']);
    expect((await scratch.database.annotations.get('a3'))?.previousTargets[0]?.versionId).toBe('v2');
  });

  it('refuses an annotation whose plain version id was edited on disk', async () => {
    setUnlocked(await newDataKey());
    await scratch.database.annotations.add(annotation('a1', 'v1', 's1'));
    const [row] = await rawRows('annotations');
    await rawWrite('annotations', [{ ...row, target: { versionId: 'v-other' } }]);
    await expect(scratch.database.annotations.get('a1')).rejects.toBeInstanceOf(RecordIntegrityError);
  });
});

describe('annotations written before they were encrypted', { timeout: 60_000 }, () => {
  it('are encrypted on the next unlock of a keyring from before, resumably, readable meanwhile', async () => {
    await setUpPassphrase(scratch.database, PASS);
    await encryptExistingRows(scratch.database);
    // A keyring of schema 6 lists no encrypted tables, and its annotations were written plain.
    const row = (await readKeyring(scratch.database))!;
    const { encryptedTables: _dropped, ...older } = row;
    await rawWrite('keyring', [older]);
    await rawWrite('annotations', [annotation('a1', 'v1', 's1'), annotation('a2', 'v2')]);

    await scratch.reopen();
    await applyStoredState(scratch.database);
    expect((await unlockWithPassphrase(scratch.database, PASS)).ok).toBe(true);
    const after = await readKeyring(scratch.database);
    // Every table that joined the encrypted list after schema 6 catches up, annotations among them.
    const later = Object.keys(ENCRYPTED_TABLES).filter((t) => !(FIRST_ENCRYPTED_TABLES as readonly string[]).includes(t));
    expect(later).toContain('annotations');
    expect([...(after?.migration?.pending ?? [])].sort()).toEqual(later.sort());
    expect(after?.migration?.total).toBe(2);
    expect(after?.encryptedTables).toContain('annotations');
    // Plain rows are still read while they wait.
    expect((await scratch.database.annotations.get('a1'))?.note).toBe(`${NOTE} (a1)`);

    await encryptExistingRows(scratch.database);
    const stored = await rawRows('annotations');
    expect(stored.every((r) => CIPHER_FIELD in r && !storedText(r).includes('coal'))).toBe(true);
    expect((await scratch.database.annotations.where('link.sectionId').equals('s1').toArray())[0]?.note).toBe(`${NOTE} (a1)`);
    expect((await readKeyring(scratch.database))?.migration).toBeUndefined();
    expect((await scratch.database.keyring.get(KEYRING_ID))?.encryptedTables).toContain('annotations');
  });
});
