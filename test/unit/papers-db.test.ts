import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import Dexie from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import { DelegateDatabase, PAPER_TABLES } from '../../renderer/db/db';
import { describeRange } from '../../shared/papers/anchor';
import type { Annotation, Paper, PaperVersion } from '../../shared/papers/model';
import { reanchor } from '../../shared/papers/reanchor';

beforeEach(() => {
  Dexie.dependencies.indexedDB = new IDBFactory();
  Dexie.dependencies.IDBKeyRange = IDBKeyRange;
});

const now = '2026-12-01T09:00:00.000Z';
const paper: Paper = { id: 'p1', title: 'Draft joint statement', owner: { kind: 'agendaItem', id: 'asoen-36-item-3' }, ownerKey: 'agendaItem:asoen-36-item-3', meetingId: 'asoen-36', currentVersionId: 'v0', createdAt: now, createdBy: 'A. Delegate', updatedAt: now };
const version: PaperVersion = { id: 'v0', paperId: 'p1', revision: 0, label: 'Original', name: 'statement.pdf', type: 'application/pdf', size: 1000, sha256: 'ab'.repeat(32), isPdf: true, pageCount: 1, addedAt: now, addedBy: 'A. Delegate' };
const text = 'The Meeting agreed to submit national reports by 30 June 2026.';

function annotation(): Annotation {
  const { quote, position } = describeRange(text, text.indexOf('national reports'), text.indexOf('national reports') + 16);
  return { id: 'a1', paperId: 'p1', kind: 'highlight', note: '', color: 'yellow', target: { versionId: 'v0', quote, position, page: 1, status: 'anchored' }, previousTargets: [], link: { briefingId: 'b1', sectionId: 's1' }, scope: 'private', createdAt: now, createdBy: '', updatedAt: now };
}

describe('papers stores (schema version 5)', () => {
  it('upgrade a version-3 database, keeping its briefings, with the papers tables empty', async () => {
    const before = new DelegateDatabase('papers-migration', 3);
    await before.open();
    await before.settings.put({ key: 'language', value: 'id' });
    before.close();
    const after = new DelegateDatabase('papers-migration');
    await after.open();
    expect(await after.settings.get('language')).toEqual({ key: 'language', value: 'id' });
    for (const table of PAPER_TABLES) expect(await after.table(table).count()).toBe(0);
    after.close();
  });

  it('find papers by owner and meeting, annotations by paper, version and linked section', async () => {
    const database = new DelegateDatabase('papers-indexes');
    await database.papers.add(paper);
    await database.paperVersions.add(version);
    await database.paperTexts.add({ versionId: 'v0', paperId: 'p1', pages: [text], extractedAt: now });
    await database.annotations.add(annotation());
    expect(await database.papers.where('ownerKey').equals('agendaItem:asoen-36-item-3').count()).toBe(1);
    expect(await database.papers.where('meetingId').equals('asoen-36').count()).toBe(1);
    expect(await database.annotations.where('target.versionId').equals('v0').count()).toBe(1);
    expect(await database.annotations.where('link.sectionId').equals('s1').count()).toBe(1);

    const { annotations, summary } = reanchor(await database.annotations.toArray(), 'v1', ['Intro.\n' + text.replace('30 June', '31 July')], now);
    await database.annotations.bulkPut(annotations);
    expect(summary).toEqual({ anchored: 0, moved: 1, fuzzy: 0, orphaned: 0 });
    const moved = (await database.annotations.get('a1'))!;
    expect(moved.target).toMatchObject({ versionId: 'v1', status: 'moved', page: 1 });
    expect(moved.previousTargets.map((t) => t.versionId)).toEqual(['v0']);
    expect(await database.annotations.where('target.versionId').equals('v1').count()).toBe(1);
  });

  it('keeps an orphan with its quote and brings it back if a later version has its words again', () => {
    const gone = reanchor([annotation()], 'v1', ['Nothing of the kind.'], now);
    expect(gone.summary.orphaned).toBe(1);
    expect(gone.annotations[0]!.target).toMatchObject({ versionId: 'v1', status: 'orphaned', quote: { exact: 'national reports' } });
    expect(gone.annotations[0]!.target.position).toBeUndefined();
    const back = reanchor(gone.annotations, 'v2', [text], now);
    expect(back.annotations[0]!.target.status).not.toBe('orphaned');
    expect(back.annotations[0]!.previousTargets.map((t) => t.status)).toEqual(['anchored', 'orphaned']);
  });
});
