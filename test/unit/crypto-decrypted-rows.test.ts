import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { useTestDatabase } from './database-fixtures';

/*
 * Rows read again while unlocked come from what was decrypted before (no Web Crypto call), each
 * read a fresh object of its own: changing one never changes what the next read gives, whether
 * the row is plain JSON or holds dates and bytes.
 */
const scratch = useTestDatabase('crypto-cache', 'unlocked');

const section = (id: string) => ({
  id,
  briefingId: 'b1',
  agendaItemId: 'item-1',
  targetIds: ['t-1'],
  order: 1,
  redLines: 'No new financial commitments',
  talkingPoints: [{ id: `${id}-p`, text: 'Thank the chair' }],
  updatedAt: '2026-01-01T00:00:00.000Z',
});

describe('decrypted rows remembered while unlocked', () => {
  it('reads a row again without decrypting it, a fresh copy each time', async () => {
    const sections = scratch.database.sections;
    await sections.put(section('s1') as never);
    const decrypt = vi.spyOn(crypto.subtle, 'decrypt');
    const first = (await sections.get('s1')) as unknown as ReturnType<typeof section>;
    first.talkingPoints[0]!.text = 'changed by the caller';
    first.redLines = 'changed too';
    const second = await sections.get('s1');
    expect(second).toEqual(section('s1'));
    expect(second).not.toBe(first);
    expect(decrypt).not.toHaveBeenCalled();
    decrypt.mockRestore();
  });

  it('gives back dates and bytes intact from what it remembers, after a write and after a first read', async () => {
    const updates = scratch.database.ydocUpdates;
    const row = { docId: 'd1', seq: 1, kind: 'snapshot', at: new Date('2026-02-03T04:05:06.000Z'), update: new Uint8Array([1, 2, 3, 250]) };
    await updates.put(row as never);
    for (let i = 0; i < 2; i++) {
      const back = (await updates.get(['d1', 1])) as unknown as typeof row;
      expect(back.at).toBeInstanceOf(Date);
      expect(back.at.toISOString()).toBe('2026-02-03T04:05:06.000Z');
      expect([...back.update]).toEqual([1, 2, 3, 250]);
      back.update[0] = 99;
    }
  });
});
