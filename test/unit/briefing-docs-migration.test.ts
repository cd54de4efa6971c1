import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createBriefing } from '../../shared/briefing/create';
import type { Section } from '../../shared/briefing/model';
import { readBriefingDoc } from '../../shared/collab/briefing-doc';
import type { AgendaItem, Meeting } from '../../shared/model';
import { DelegateDatabase, SCHEMA_VERSIONS } from '../../renderer/db/db';
import { toStoredSection, type StoredSection } from '../../renderer/db/schema';

beforeEach(() => {
  Dexie.dependencies.indexedDB = new IDBFactory();
  Dexie.dependencies.IDBKeyRange = IDBKeyRange;
});

const cite = [{ sourceId: 'src' }];
const meeting: Meeting = { id: 'asoen-36', code: 'ASOEN-36', bodyIds: ['asoen'], title: { en: 'ASOEN-36' }, startDate: '2025-07-28', coChairs: [], days: [], backToBackMeetingIds: [], status: 'held', sources: cite };
const items: AgendaItem[] = [1, 2, 3].map((n) => ({ id: `item-${n}`, meetingId: 'asoen-36', order: n, title: { en: `Item ${n}` }, kind: 'plenary', bodyIds: [], partners: [], coChairs: [], sources: cite }));

function briefingRows(id: string, words: string) {
  let n = 0;
  const made = createBriefing({
    id, meeting, agendaItems: items, title: `Brief ${id}`, delegation: 'MY', author: 'Aminah', classification: 'OFFICIAL', now: '2026-11-23T10:00:00.000Z',
    newId: () => `${id}-x${++n}`, background: { meeting, bodies: new Map(), targets: [], sources: new Map() },
  });
  made.briefing.keyMessages = `Key messages ${words}`;
  made.briefing.members = [{ id: `${id}-m`, name: 'Budi', role: 'Desk', covers: ['item-1'] }];
  made.sections[0] = { ...made.sections[0]!, objectives: `Objectives ${words}`, talkingPoints: [{ id: `${id}-tp`, text: `Point ${words}` }], followUps: [{ id: `${id}-f`, what: 'Send', owner: 'Desk' }], review: ['objectives'] };
  made.sections[1] = { ...made.sections[1]!, targets: [{ targetId: 't1', assessment: 'at-risk', evidence: 'Late', assessedAt: '2026-11-23T10:00:00.000Z' }] };
  return made;
}

const content = ({ targetIds: _t, datasetReview: _d, ...s }: StoredSection): Section => s;

describe('schema 4 converts every briefing into a document', () => {
  for (const old of SCHEMA_VERSIONS.filter((v) => v.version >= 2 && v.version < 4)) {
    it(`from version ${old.version}: each briefing's document holds exactly its rows, and the rows stay`, async () => {
      const name = `docs-from-${old.version}`;
      const before = new DelegateDatabase(name, old.version);
      await before.open();
      const seeded = [briefingRows('b1', 'for Langkawi'), briefingRows('b2', 'untuk Bali')];
      for (const { briefing, sections } of seeded) {
        await before.briefings.add(briefing);
        await before.sections.bulkAdd(sections.map(toStoredSection));
      }
      // A dataset update's flag on a row (version 3) is the machine's, not the document's: it stays on the row.
      const flag = { change: 'removed' as const, datasetId: 'd', datasetVersion: 2, historyId: 'h', fields: [], at: '2026-11-24T00:00:00.000Z' };
      if (old.version >= 3) await before.sections.update('b2:item-3', { datasetReview: flag });
      const rowsBefore = { briefings: await before.briefings.orderBy('id').toArray(), sections: await before.sections.orderBy('id').toArray() };
      before.close();

      const after = new DelegateDatabase(name);
      await after.open();
      expect(after.verno).toBe(SCHEMA_VERSIONS.at(-1)!.version);
      expect({ briefings: await after.briefings.orderBy('id').toArray(), sections: await after.sections.orderBy('id').toArray() }).toEqual(rowsBefore);
      for (const { briefing } of seeded) {
        const log = await after.ydocUpdates.where('[docId+seq]').between([briefing.id, Dexie.minKey], [briefing.id, Dexie.maxKey]).toArray();
        expect(log.map((r) => [r.seq, r.kind])).toEqual([[1, 'snapshot']]);
        const doc = new Y.Doc();
        Y.applyUpdate(doc, log[0]!.update);
        const read = readBriefingDoc(doc);
        expect(read.briefing).toEqual(await after.briefings.get(briefing.id));
        const rows = await after.sections.where('briefingId').equals(briefing.id).sortBy('order');
        expect(read.sections).toEqual(rows.map(content));
      }
      expect((await after.sections.get('b2:item-3'))?.datasetReview).toEqual(old.version >= 3 ? flag : undefined);
      after.close();
    });
  }
});
