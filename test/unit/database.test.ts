import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import Dexie from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import type { DatasetManifest } from '../../shared/dataset/manifest';
import { RECORD_KINDS, type DatasetRecords } from '../../shared/model';
import { DelegateDatabase, SCHEMA_VERSIONS } from '../../renderer/db/db';
import { prepareUpdate } from '../../renderer/datasets/prepare';
import { unwatched } from '../../renderer/datasets/request-control';
import { toStored } from '../../renderer/datasets/stored-records';
import { writeUpdate } from '../../renderer/datasets/write';

/** Installs records through the app's one write path (as the built-in dataset is installed). */
async function installDataset(database: DelegateDatabase, m: DatasetManifest, records: DatasetRecords, hash: string): Promise<void> {
  const origin = { kind: 'builtin' } as const;
  const prepared = await prepareUpdate(
    database,
    { datasetId: m.datasetId, version: m.version, hash, title: m.title, publisherId: 'builtin', publisherName: m.publisher, changelog: [], signedBy: [], expired: false, origin, manifest: { datasetId: m.datasetId, manifestText: '{}', signatures: [], origin, acceptedAt: '' }, undoable: false },
    { owned: false, records },
    [],
  );
  if ('ok' in prepared) throw new Error(prepared.message);
  await writeUpdate({ database, appVersion: '0.0.0' }, prepared, unwatched);
}

/** Reference records as an app at an older schema version stored them (raw rows: the tables of later versions do not exist there). */
async function seedOld(database: DelegateDatabase, m: DatasetManifest, records: DatasetRecords, hash: string): Promise<void> {
  const prov = { datasetId: m.datasetId, version: m.version, hash };
  // The kinds that version had a table for (contacts came with schema 13).
  const kinds = RECORD_KINDS.filter((k) => database.tables.some((t) => t.name === k));
  await database.transaction('rw', [...kinds.map((k) => database.table(k)), database.datasets], async () => {
    for (const kind of kinds) await database.table(kind).bulkPut(records[kind].map((r) => toStored(kind, r as never, prov)));
    await database.datasets.put({ datasetId: m.datasetId, version: m.version, hash, title: m.title, publisher: m.publisher, installedAt: '2026-11-23T00:00:00.000Z', counts: Object.fromEntries(kinds.map((k) => [k, records[k].length])) as never });
  });
}

beforeEach(() => {
  Dexie.dependencies.indexedDB = new IDBFactory();
  Dexie.dependencies.IDBKeyRange = IDBKeyRange;
});

const cite = [{ sourceId: 'src' }];
const manifest = (version: number): DatasetManifest => ({ datasetId: 'test', version, title: 'Test', publisher: 'Tester', created: '2026-11-23' });
function records(meetingTitle: string): DatasetRecords {
  return {
    sources: [{ id: 'src', title: { en: 'Source' }, kind: 'other', publisher: 'P', language: 'en', excerpt: 'x' }],
    bodies: [{ id: 'asoen', acronym: 'ASOEN', aliases: [], name: { en: 'ASOEN' }, level: 'senior-officials', pillar: 'socio-cultural', reportsTo: [], dialogueFormats: [], focalPoints: [], sources: cite }],
    meetings: [
      { id: 'asoen-36', code: 'ASOEN-36', bodyIds: ['asoen'], title: { en: meetingTitle }, startDate: '2025-07-28', endDate: '2025-07-31', coChairs: [], days: [], backToBackMeetingIds: [], status: 'held', venue: { city: 'Langkawi', country: 'MY' }, sources: cite },
      { id: 'adsom-2025', code: 'ADSOM 2025', bodyIds: ['asoen'], title: { en: 'ADSOM' }, startDate: '2025-09', coChairs: [], days: [], backToBackMeetingIds: [], status: 'held', sources: cite },
    ],
    agendaItems: [],
    frameworks: [],
    targets: [],
    contacts: [],
  };
}

describe('schema versions', () => {
  it('are numbered upwards and each says why it exists', () => {
    SCHEMA_VERSIONS.forEach((step, i) => {
      expect(step.version).toBe(i + 1);
      expect(step.why.length).toBeGreaterThan(10);
    });
  });

  it('upgrade a database opened at every older version without losing its records', async () => {
    for (const old of SCHEMA_VERSIONS) {
      const name = `migration-from-${old.version}`;
      const before = new DelegateDatabase(name, old.version);
      await before.open();
      await before.settings.put({ key: 'language', value: 'ms' });
      await seedOld(before, manifest(1), records('Thirty-sixth'), 'hash-1');
      before.close();

      const after = new DelegateDatabase(name);
      await after.open();
      expect(after.verno).toBe(SCHEMA_VERSIONS.at(-1)!.version);
      expect(await after.settings.get('language')).toEqual({ key: 'language', value: 'ms' });
      expect((await after.meetings.get('asoen-36'))?.title.en).toBe('Thirty-sixth');
      after.close();
    }
  });

  it('13 adds the contacts table to a schema 12 database: its datasets keep their hash, and an install of contacts finds them by body and meeting', async () => {
    const before = new DelegateDatabase('migration-12-13', 12);
    await before.open();
    expect(before.tables.map((t) => t.name)).not.toContain('contacts');
    await seedOld(before, manifest(1), records('Thirty-sixth'), 'hash-1');
    before.close();

    const after = new DelegateDatabase('migration-12-13', 13);
    await after.open();
    expect(after.verno).toBe(13);
    expect(await after.contacts.count()).toBe(0);
    expect(await after.datasets.get('test')).toMatchObject({ version: 1, hash: 'hash-1' });
    expect((await after.meetings.get('asoen-36'))?.prov.hash).toBe('hash-1');

    const next = records('Thirty-sixth');
    next.contacts = [
      { id: 'c-asoen', name: 'A. Focal', organisation: { name: { en: 'Ministry of Natural Resources' } }, country: 'MY', roles: [{ role: 'focal-point', bodyId: 'asoen' }, { role: 'head-of-delegation', meetingId: 'asoen-36' }], sources: cite },
    ];
    await installDataset(after, manifest(2), next, 'hash-2');
    expect((await after.contacts.where('bodyIds').equals('asoen').toArray()).map((c) => c.id)).toEqual(['c-asoen']);
    expect((await after.contacts.where('meetingIds').equals('asoen-36').toArray()).map((c) => c.id)).toEqual(['c-asoen']);
    expect(await after.contacts.get('c-asoen')).toMatchObject({ prov: { datasetId: 'test', version: 2, hash: 'hash-2' }, sourceIds: ['src'] });
    after.close();
  });
});

describe('installing a dataset (the one write path: prepareUpdate and writeUpdate)', () => {
  it('stores provenance and derived index fields on every record', async () => {
    const database = new DelegateDatabase('install');
    await installDataset(database, manifest(1), records('Thirty-sixth'), 'hash-1');
    const meeting = await database.meetings.get('adsom-2025');
    expect(meeting).toMatchObject({ prov: { datasetId: 'test', version: 1, hash: 'hash-1' }, from: '2025-09-01', until: '2025-09-30', sourceIds: ['src'] });
    expect((await database.meetings.get('asoen-36'))?.country).toBe('MY');
    expect(await database.datasets.get('test')).toMatchObject({ version: 1, counts: { meetings: 2, bodies: 1 } });
  });

  it('replaces the records of the dataset and removes those it no longer has', async () => {
    const database = new DelegateDatabase('replace');
    await installDataset(database, manifest(1), records('Old title'), 'hash-1');
    const next = records('New title');
    next.meetings = next.meetings.slice(0, 1);
    await installDataset(database, manifest(2), next, 'hash-2');
    expect((await database.meetings.get('asoen-36'))?.title.en).toBe('New title');
    expect(await database.meetings.get('adsom-2025')).toBeUndefined();
  });

  it('leaves the old dataset whole when an install fails part-way', async () => {
    const database = new DelegateDatabase('atomic');
    await installDataset(database, manifest(1), records('Old title'), 'hash-1');
    await database.settings.put({ key: 'language', value: 'id' });
    const broken = records('New title');
    // A record without an id cannot be stored: the install must fail after it has begun writing.
    broken.meetings.push({ ...broken.meetings[0]!, id: undefined as unknown as string });
    await expect(installDataset(database, manifest(2), broken, 'hash-2')).rejects.toThrow();
    expect((await database.meetings.get('asoen-36'))?.title.en).toBe('Old title');
    expect(await database.meetings.count()).toBe(2);
    expect((await database.datasets.get('test'))?.version).toBe(1);
    expect(await database.settings.get('language')).toEqual({ key: 'language', value: 'id' });
  });
});
