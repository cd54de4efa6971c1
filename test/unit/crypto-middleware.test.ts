import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { DelegateDatabase } from '../../renderer/db/db';
import { LockedError, setLocked, setMigrating, setUnlocked } from '../../renderer/crypto/key-state';
import { CIPHER_FIELD, cryptoMiddlewareFor } from '../../renderer/crypto/middleware';
import { RecordIntegrityError } from '../../renderer/crypto/record-cipher';
import { ENCRYPTED_TABLES } from '../../renderer/crypto/table-config';
import { newDataKey, useTestDatabase } from './database-fixtures';

const SECRET = 'Red line: no reference to the 2030 coal phase-out date';

const scratch = useTestDatabase('crypto-mw', 'unlocked');
const { rawRows, rawWrite } = scratch;

const section = (id: string, briefingId: string, order: number, extra: Record<string, unknown> = {}) => ({
  id,
  briefingId,
  agendaItemId: `item-${order}`,
  targetIds: [`t-${order % 3}`],
  order,
  redLines: `${SECRET} (${id})`,
  position: 'Support the joint statement',
  talkingPoints: [{ id: `${id}-p`, text: 'Thank the chair' }],
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...extra,
});

describe('the crypto middleware', () => {
  it('stores only ids and dates in the clear, and reads rows back whole', async () => {
    await scratch.database.sections.bulkPut([section('s1', 'b1', 2), section('s2', 'b1', 1)] as never);
    const stored = await rawRows('sections');
    expect(stored).toHaveLength(2);
    for (const row of stored) {
      expect(Object.keys(row).sort()).toEqual([CIPHER_FIELD, 'agendaItemId', 'briefingId', 'id', 'targetIds']);
      expect(row[CIPHER_FIELD]).toBeInstanceOf(Uint8Array);
      expect(Buffer.from(row[CIPHER_FIELD] as Uint8Array).toString('latin1')).not.toContain('Red line');
    }
    const back = await scratch.database.sections.get('s1');
    expect(back).toEqual(section('s1', 'b1', 2));
  });

  it('decrypts reads through indexes, multi-entry indexes, cursors, sorting and bulk reads', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => section(`s${String(i).padStart(2, '0')}`, i < 20 ? 'b1' : 'b2', 30 - i));
    await scratch.database.sections.bulkAdd(rows as never);
    const byBriefing = await scratch.database.sections.where('briefingId').equals('b1').sortBy('order');
    expect(byBriefing.map((s) => s.order)).toEqual(Array.from({ length: 20 }, (_, i) => 11 + i));
    expect(byBriefing.every((s) => s.redLines.startsWith(SECRET))).toBe(true);
    const byTarget = await scratch.database.sections.where('targetIds').equals('t-0').toArray();
    expect(byTarget.map((s) => s.id).sort()).toEqual(rows.filter((r) => r.order % 3 === 0).map((r) => r.id).sort());
    // A filter runs over a cursor: its values must be decrypted too.
    const filtered = await scratch.database.sections.filter((s) => s.redLines.includes('s05')).toArray();
    expect(filtered.map((s) => s.id)).toEqual(['s05']);
    const seen: string[] = [];
    await scratch.database.sections.where('briefingId').equals('b2').each((s) => seen.push(s.position));
    expect(seen).toEqual(Array(10).fill('Support the joint statement'));
    const firstTwo = await scratch.database.sections.orderBy('id').reverse().limit(2).toArray();
    expect(firstTwo.map((s) => s.id)).toEqual(['s29', 's28']);
    const many = await scratch.database.sections.bulkGet(['s01', 'missing', 's02']);
    expect(many.map((s) => s?.redLines)).toEqual([`${SECRET} (s01)`, undefined, `${SECRET} (s02)`]);
    expect(await scratch.database.sections.where('briefingId').equals('b1').count()).toBe(20);
    const keys = await scratch.database.sections.where('briefingId').equals('b2').primaryKeys();
    expect(keys).toHaveLength(10);
  });

  it('writes through modify, update and read-then-write transactions', async () => {
    await scratch.database.sections.bulkAdd([section('s1', 'b1', 1), section('s2', 'b1', 2)] as never);
    await scratch.database.sections.where('briefingId').equals('b1').modify((s) => {
      s.position = `${s.position} (modified)`;
    });
    await scratch.database.sections.update('s2', { privateNotes: 'Ask about the 2031 review' });
    await scratch.database.transaction('rw', scratch.database.sections, scratch.database.briefings, async () => {
      const current = await scratch.database.sections.get('s1');
      await scratch.database.sections.put({ ...current!, redLines: 'rewritten inside a transaction' });
      const again = await scratch.database.sections.get('s1');
      await scratch.database.briefings.put({ id: 'b1', meetingId: 'm1', title: again!.redLines, updatedAt: '2026-01-02T00:00:00.000Z' } as never);
    });
    expect((await scratch.database.sections.get('s1'))?.position).toBe('Support the joint statement (modified)');
    expect((await scratch.database.sections.get('s2'))?.privateNotes).toBe('Ask about the 2031 review');
    expect((await scratch.database.briefings.get('b1'))?.title).toBe('rewritten inside a transaction');
    await scratch.database.sections.where('briefingId').equals('b1').delete();
    expect(await scratch.database.sections.count()).toBe(0);
  });

  it('refuses every read and write of an encrypted table while locked, and leaves reference data readable', async () => {
    await scratch.database.sections.put(section('s1', 'b1', 1) as never);
    await scratch.database.meetings.put({ id: 'm1', title: 'ASOEN-36' } as never);
    setLocked();
    await expect(scratch.database.sections.get('s1')).rejects.toBeInstanceOf(LockedError);
    await expect(scratch.database.sections.toArray()).rejects.toBeInstanceOf(LockedError);
    await expect(scratch.database.sections.put(section('s2', 'b1', 2) as never)).rejects.toBeInstanceOf(LockedError);
    expect((await scratch.database.meetings.get('m1'))?.title).toBe('ASOEN-36');
  });

  it('refuses rows under another key', async () => {
    await scratch.database.sections.put(section('s1', 'b1', 1) as never);
    setUnlocked(await newDataKey());
    await expect(scratch.database.sections.get('s1')).rejects.toBeInstanceOf(RecordIntegrityError);
  });

  it('refuses a tampered ciphertext, a ciphertext moved to another row, and an edited plain field', async () => {
    await scratch.database.sections.bulkPut([section('s1', 'b1', 1), section('s2', 'b1', 2)] as never);
    const [one, two] = await rawRows('sections');
    const flipped = new Uint8Array(one![CIPHER_FIELD] as Uint8Array);
    flipped[flipped.length - 20]! ^= 1;
    await rawWrite('sections', [{ ...one!, [CIPHER_FIELD]: flipped }, { ...two!, [CIPHER_FIELD]: one![CIPHER_FIELD] }]);
    await expect(scratch.database.sections.get('s1')).rejects.toThrow(/cannot be trusted/);
    await expect(scratch.database.sections.get('s2')).rejects.toThrow(/cannot be trusted/);
    await scratch.database.sections.put(section('s3', 'b1', 3) as never);
    const three = (await rawRows('sections')).find((r) => r.id === 's3')!;
    await rawWrite('sections', [{ ...three, briefingId: 'another-briefing' }]);
    await expect(scratch.database.sections.get('s3')).rejects.toBeInstanceOf(RecordIntegrityError);
  });

  it('never trusts a publisher key planted in the profile as a plain row', async () => {
    await scratch.database.trustedKeys.put({ keyId: 'k1', label: 'ASEAN Secretariat', publicKey: 'aseandb-ed25519:AAAA', fingerprint: 'k1', addedAt: '2026-01-01', builtIn: false });
    await rawWrite('trustedKeys', [{ keyId: 'evil', label: 'Planted', publicKey: 'aseandb-ed25519:BBBB', fingerprint: 'evil', addedAt: '2026-01-01', builtIn: false }]);
    await expect(scratch.database.trustedKeys.toArray()).rejects.toBeInstanceOf(RecordIntegrityError);
    expect((await scratch.database.trustedKeys.get('k1'))?.label).toBe('ASEAN Secretariat');
  });

  it('keeps the interface language readable without the key, and encrypts other settings', async () => {
    await scratch.database.settings.bulkPut([
      { key: 'language', value: 'ms' },
      { key: 'recent', value: ['briefing:b1'] },
    ]);
    const stored = await rawRows('settings');
    expect(stored.find((r) => r.key === 'language')).toEqual({ key: 'language', value: 'ms' });
    expect(stored.find((r) => r.key === 'recent')).not.toHaveProperty('value');
    setLocked();
    await expect(scratch.database.settings.get('recent')).rejects.toBeInstanceOf(LockedError);
  });

  it('accepts plain rows only in tables still being encrypted', async () => {
    await rawWrite('sections', [section('old', 'b1', 1)]);
    await expect(scratch.database.sections.get('old')).rejects.toBeInstanceOf(RecordIntegrityError);
    setMigrating(['sections']);
    expect((await scratch.database.sections.get('old'))?.redLines).toBe(`${SECRET} (old)`);
  });
});

describe('the crypto middleware over a table added later', () => {
  // The shape "ydoc" and "papers" add this session: auto-increment update rows with bytes, and blobs.
  const tables = { docUpdates: { plain: ['seq', 'briefingId', 'createdAt'], why: 'Yjs updates' }, attachments: { plain: ['id', 'briefingId'], why: 'papers' } };

  it('encrypts auto-increment rows, bytes and blobs, bound to the key they were given', async () => {
    const other = new Dexie(`${scratch.name}-later`);
    other.version(1).stores({ docUpdates: '++seq, briefingId, createdAt', attachments: 'id, briefingId' });
    other.use(cryptoMiddlewareFor(tables));
    await other.open();
    const update = new TextEncoder().encode(`yjs update with ${SECRET}`);
    const [a, b] = await Promise.all([
      other.table('docUpdates').add({ briefingId: 'b1', createdAt: '2026-01-01', update }),
      other.table('docUpdates').add({ briefingId: 'b1', createdAt: '2026-01-02', update: new Uint8Array([1, 2, 3]) }),
    ]);
    await other.table('attachments').put({ id: 'a1', briefingId: 'b1', name: 'Chair note.pdf', blob: new Blob([SECRET], { type: 'application/pdf' }) });
    const rows = await other.table('docUpdates').where('briefingId').equals('b1').toArray();
    expect(rows.map((r: { seq: number }) => r.seq)).toEqual([a, b]);
    expect(new TextDecoder().decode(rows[0].update as Uint8Array)).toBe(`yjs update with ${SECRET}`);
    const attachment = await other.table('attachments').get('a1');
    expect(attachment.blob).toBeInstanceOf(Blob);
    expect(attachment.blob.type).toBe('application/pdf');
    expect(await (attachment.blob as Blob).text()).toBe(SECRET);
    other.close();
    const raw = new Dexie(`${scratch.name}-later`);
    await raw.open();
    const stored = await raw.table('docUpdates').toArray();
    expect(stored.every((r) => !('update' in r) && r[CIPHER_FIELD] instanceof Uint8Array)).toBe(true);
    // The first update's ciphertext pasted onto the second row does not decrypt there.
    await raw.table('docUpdates').put({ ...stored[1], [CIPHER_FIELD]: stored[0][CIPHER_FIELD] });
    raw.close();
    await other.open();
    await expect(other.table('docUpdates').get(b)).rejects.toBeInstanceOf(RecordIntegrityError);
    other.close();
    await Dexie.delete(`${scratch.name}-later`);
  });
});

describe('the table config', () => {
  it('keeps every index of an encrypted table among its plain fields', () => {
    const database = new DelegateDatabase('config-check');
    for (const [tableName, config] of Object.entries(ENCRYPTED_TABLES)) {
      const table = database.table(tableName);
      const indexed = [table.schema.primKey, ...table.schema.indexes].flatMap((i) => (Array.isArray(i.keyPath) ? i.keyPath : [i.keyPath]));
      for (const field of indexed) expect(config.plain, `${tableName}.${String(field)}`).toContain(field);
    }
  });
});
