/** The meetings list's paged key query gives exactly the keys of the full query, page by page, for every order. */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import Dexie from 'dexie';
import { beforeAll, describe, expect, it } from 'vitest';
import { DelegateDatabase } from '../../renderer/db/db';
import { toStored } from '../../renderer/datasets/stored-records';
import { meetingKeyList, meetingKeys } from '../../renderer/features/meetings/queries';
import type { MeetingFilter } from '../../shared/browse/meeting-filter';
import type { Meeting } from '../../shared/model';

let database: DelegateDatabase;
const TODAY = '2026-06-15';

beforeAll(async () => {
  Dexie.dependencies.indexedDB = new IDBFactory();
  Dexie.dependencies.IDBKeyRange = IDBKeyRange;
  database = new DelegateDatabase('meeting-keys');
  const prov = { datasetId: 't', version: 1, hash: 'h' };
  // 300 meetings over three years, several sharing a day (ties are ordered by id in both queries).
  const meetings = Array.from({ length: 300 }, (_, i): Meeting => {
    const day = `${2025 + (i % 3)}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 5) + 1).padStart(2, '0')}`;
    return { id: `m-${String(i).padStart(3, '0')}`, code: `M-${i}`, bodyIds: [i % 2 ? 'asoen' : 'admm'], title: { en: `Meeting ${i}` }, startDate: day, endDate: day, coChairs: [], days: [], backToBackMeetingIds: [], status: 'planned', venue: { city: 'X', country: i % 4 ? 'MY' : 'ID' }, sources: [] };
  });
  await database.meetings.bulkPut(meetings.map((m) => toStored('meetings', m, prov)));
});

describe('meetingKeyList', () => {
  const filters: MeetingFilter[] = [{ when: 'all' }, { when: 'upcoming' }, { when: 'past' }, { when: 'past', country: 'ID' }, { when: 'all', year: '2026', body: 'asoen' }];
  for (const filter of filters) {
    it(`pages through the same keys as the full query (${JSON.stringify(filter)})`, async () => {
      const full = await meetingKeys(database, filter, TODAY);
      const list = await meetingKeyList(database, filter, TODAY);
      expect(list.count).toBe(full.length);
      expect(full.length).toBeGreaterThan(10);
      const pages: string[] = [];
      for (let from = 0; from < list.count; from += 64) pages.push(...(await list.keys(from, Math.min(from + 64, list.count))));
      expect(pages).toEqual(full);
      expect(await list.keys(70, 75)).toEqual(full.slice(70, 75));
    });
  }
});
