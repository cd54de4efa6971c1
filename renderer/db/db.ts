import Dexie, { type EntityTable } from 'dexie';
import type { InstalledDataset, Setting, StoredRecordTypes } from './schema';

export const DB_NAME = 'asean-delegate';

/**
 * The one local database. Reference tables (bodies ... sources) are replaced by dataset
 * installs; user tables are never written by a dataset install.
 *
 * Every schema version stays here forever: Dexie needs the whole history to upgrade a
 * delegate's database from whatever version it was last opened with.
 */
export class DelegateDatabase extends Dexie {
  bodies!: EntityTable<StoredRecordTypes['bodies'], 'id'>;
  meetings!: EntityTable<StoredRecordTypes['meetings'], 'id'>;
  agendaItems!: EntityTable<StoredRecordTypes['agendaItems'], 'id'>;
  frameworks!: EntityTable<StoredRecordTypes['frameworks'], 'id'>;
  targets!: EntityTable<StoredRecordTypes['targets'], 'id'>;
  sources!: EntityTable<StoredRecordTypes['sources'], 'id'>;
  datasets!: EntityTable<InstalledDataset, 'datasetId'>;
  settings!: EntityTable<Setting, 'key'>;

  constructor(name = DB_NAME) {
    super(name);
    // Version 1: reference data with the indexes the browse views query, plus settings.
    this.version(1).stores({
      bodies: 'id, prov.datasetId, acronym, *aliases, level, pillar, sector, *reportsTo, *sourceIds',
      meetings: 'id, prov.datasetId, startDate, from, until, series, *bodyIds, country, previousMeetingId, *sourceIds',
      agendaItems: 'id, prov.datasetId, meetingId, *bodyIds, *sourceIds',
      frameworks: 'id, prov.datasetId, *ownerBodyIds, *sourceIds',
      targets: 'id, prov.datasetId, frameworkId, *ownerBodyIds, *meetingIds, *sourceIds',
      sources: 'id, prov.datasetId, date',
      datasets: 'datasetId',
      settings: 'key',
    });
  }
}

export const db = new DelegateDatabase();
