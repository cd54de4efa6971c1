import Dexie, { type EntityTable, type Table, type Transaction } from 'dexie';
import type { Briefing } from '../../shared/briefing/model';
import { convertBriefingsToDocuments } from '../collab/briefing-docs-migration';
import type { DocUpdateRow } from '../collab/doc-log';
import type { Annotation, Paper, PaperBlob, PaperChunk, PaperText, PaperVersion } from '../../shared/papers/model';
import { cryptoMiddleware } from '../crypto/middleware';
import { resealPaperVersions } from '../crypto/reseal-moved-fields';
import type { KeyringRow } from '../crypto/keyring-row';
import { acceptKeyFromPage, isWorkerScope } from '../crypto/worker-key';
import type { AssignmentRow, ClearanceRow } from '../features/assignments/assignment-rows';
import type { SavedSearchIndex } from '../features/search/saved-index-row';
import type { AcceptedManifest, HistoryRow, InstalledDataset, RecordDigestRow, ReferenceFlagRow, Setting, StoredRecordTypes, StoredSection, TrustedKeyRow, UndoRecord } from './schema';

export const DB_NAME = 'asean-delegate';

export interface SchemaVersion {
  version: number;
  /** Why this version exists. */
  why: string;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
}

/**
 * Every schema version the app has ever shipped, oldest first, kept forever: Dexie needs the
 * whole history to upgrade a delegate's database from whatever version it was last opened
 * with. Add a version; never edit one that has shipped.
 */
export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    why: 'Reference data with the indexes the browse views query, the installed-dataset register and settings.',
    stores: {
      bodies: 'id, prov.datasetId, acronym, *aliases, level, pillar, sector, *reportsTo, *sourceIds',
      meetings: 'id, prov.datasetId, startDate, from, until, series, *bodyIds, country, previousMeetingId, *sourceIds',
      agendaItems: 'id, prov.datasetId, meetingId, *bodyIds, *sourceIds',
      frameworks: 'id, prov.datasetId, *ownerBodyIds, *sourceIds',
      targets: 'id, prov.datasetId, frameworkId, *ownerBodyIds, *meetingIds, *sourceIds',
      sources: 'id, prov.datasetId, date',
      datasets: 'datasetId',
      settings: 'key',
    },
  },
  {
    version: 2,
    why: "The delegate's own work: briefings, and their sections per agenda item indexed by the targets they assess. Never written by a dataset install.",
    stores: {
      briefings: 'id, meetingId, status, updatedAt',
      sections: 'id, briefingId, agendaItemId, *targetIds',
    },
  },
  {
    version: 3,
    why:
      'Dataset sync: the publisher keys the delegate trusts, the history of installed dataset versions, the records an update ' +
      'replaced or removed (kept apart from the live data so the last update can be undone exactly), and the last accepted ' +
      'signed manifest per dataset. New tables only: nothing to migrate.',
    stores: {
      trustedKeys: 'keyId',
      datasetHistory: 'id, datasetId, installedAt',
      undoRecords: '[historyId+kind+id], historyId',
      acceptedManifests: 'datasetId',
    },
  },
  {
    version: 4,
    why:
      'Every briefing is a Yjs document (so two windows, and later colleagues, merge their edits): its persisted updates, ' +
      'key [docId+seq], compacted into one snapshot from time to time. The briefing and section rows stay, projected from the ' +
      'document. Existing briefings are converted: each one\'s rows become its first snapshot.',
    stores: { ydocUpdates: '[docId+seq]' },
    upgrade: convertBriefingsToDocuments,
  },
  {
    version: 5,
    why:
      "Meeting papers: documents attached to a meeting, agenda item or briefing section (papers), each issued version's " +
      'description (paperVersions, by sha256 to spot a file attached twice), its bytes kept apart so lists never load ' +
      'blobs (paperBlobs), its extracted page text for search and re-anchoring (paperTexts), and the delegate\'s ' +
      'annotations (annotations, by paper, by the version they point into and by the section they are linked to). New tables only.',
    stores: {
      papers: 'id, ownerKey, meetingId, updatedAt',
      paperVersions: 'id, paperId, sha256',
      paperBlobs: 'versionId',
      paperTexts: 'versionId, paperId',
      annotations: 'id, paperId, target.versionId, link.sectionId',
    },
  },
  {
    version: 6,
    why:
      "Encryption at rest: the keyring (the data key wrapped by the passphrase, the recovery key and the OS, with the Argon2id " +
      "parameters and the progress of encrypting an older database). A briefing's status moves into its ciphertext, so its " +
      'index goes: indexes of encrypted tables hold ids and dates only. Nothing to migrate (rows are encrypted at set-up).',
    stores: {
      keyring: 'id',
      briefings: 'id, meetingId, updatedAt',
    },
  },
  {
    version: 7,
    why:
      'Dataset updates compare digests: one SHA-256 per installed record (of the text its publisher wrote), kept per dataset ' +
      'and kind beside the register it describes, so checking an update no longer reads every installed record back. ' +
      'A new table only; an empty one means the next update compares records the old way and fills it.',
    stores: { recordDigests: '[datasetId+kind], datasetId' },
  },
  {
    version: 8,
    why:
      "Delegation workspace: which member drafts each agenda-item section (assignments, by briefing and by member, for " +
      "'My sections' across briefings) and the lead's clearances of a version (clearances, by briefing: the current one with " +
      "the document state it cleared, earlier ones as history). Both are projected from each briefing's control document, " +
      'which only the lead writes. New tables only: nothing to migrate.',
    stores: {
      assignments: 'id, briefingId, memberId',
      clearances: 'id, briefingId',
    },
  },
  {
    version: 9,
    why:
      'Layered datasets: a layer (a national dataset over the ASEAN one) may refer to its bases\' records. When a base drops ' +
      'a record a layer refers to, the referring records are kept and flagged (referenceFlags, one row per record, by ' +
      'layer). A new table only: no installed dataset is a layer before this version, so there is nothing to flag.',
    stores: { referenceFlags: '[kind+id], datasetId' },
  },
  {
    version: 10,
    why:
      'A saved search index (searchIndex, one row per index: the reference records\' documents and postings, with the ' +
      'signature of the installed datasets it was built from), so a restart reads the index instead of indexing 100k records ' +
      'again. Public reference data only, never a briefing: plain like the reference tables. A new table only: an empty one ' +
      'means the next start builds the index and saves it.',
    stores: { searchIndex: 'name' },
  },
  {
    version: 11,
    why:
      'Outcome documents referred to across datasets: a layer\'s agenda items and targets may name an outcome document that a ' +
      'meeting of a base adopted. Meetings get a multi-entry index of their outcome document ids (outcomeDocumentIds, derived ' +
      'like from/until), so a reference is resolved, and flagged when the base withdraws the document, by index, not by a scan.',
    stores: { meetings: 'id, prov.datasetId, startDate, from, until, series, *bodyIds, country, previousMeetingId, *sourceIds, *outcomeDocumentIds' },
    upgrade: indexOutcomeDocuments,
  },
  {
    version: 12,
    why:
      "A paper's bytes in pieces (paperChunks, key [blobId+index], by blobId): one row per piece of about 1 MiB, each " +
      'encrypted on its own, so a backup, a restore, opening or printing holds one piece at a time instead of decrypting a ' +
      "300-page paper whole. paperBlobs stays until its rows are converted: the conversion needs the data key, which is not " +
      'in memory when Dexie upgrades, so it runs after unlock (chunkStoredPapers, one paper per transaction, resumable); ' +
      'readers use a paper\'s old row until it is converted.',
    stores: { paperChunks: '[blobId+index], blobId' },
  },
  {
    version: 13,
    why:
      'Contacts (record schema 4): the focal points and delegation contacts a national layer publishes, a reference table ' +
      'like bodies (plain, replaced by dataset installs), by dataset, country, the bodies and meetings each is named for ' +
      '(bodyIds, meetingIds, derived from the organisation and roles) and the sources cited. A new table only: no dataset ' +
      'installed before this version holds contacts.',
    stores: { contacts: 'id, prov.datasetId, country, *bodyIds, *meetingIds, *sourceIds' },
  },
  {
    version: 14,
    why:
      "A paper version's SHA-256 goes into the ciphertext: as a plain index it let whoever holds the profile confirm that a " +
      'known file is stored. The index goes (nothing looked a version up by it; a file attached twice is found among the ' +
      "meeting's own versions). Rows sealed before keep it beside the ciphertext until rewritten, which needs the data key: " +
      'on a database with a passphrase the upgrade adds paperVersions to the keyring\'s migration, done at the next unlock.',
    stores: { paperVersions: 'id, paperId' },
    upgrade: resealPaperVersions,
  },
];

type MeetingWithDocuments = { outcomeDocuments?: { id: string }[]; outcomeDocumentIds?: string[] };

/**
 * Schema 11: gives every installed meeting with outcome documents, and every copy of one kept
 * for undo (so an undone update restores it indexed), the derived `outcomeDocumentIds`.
 */
async function indexOutcomeDocuments(tx: Transaction): Promise<void> {
  const ids = (m: MeetingWithDocuments) => (m.outcomeDocuments ?? []).map((d) => d.id);
  await tx
    .table('meetings')
    .filter((m: MeetingWithDocuments) => (m.outcomeDocuments?.length ?? 0) > 0)
    .modify((m: MeetingWithDocuments) => {
      m.outcomeDocumentIds = ids(m);
    });
  await tx
    .table('undoRecords')
    .filter((r: { kind: string; record: MeetingWithDocuments }) => r.kind === 'meetings' && (r.record.outcomeDocuments?.length ?? 0) > 0)
    .modify((r: { record: MeetingWithDocuments }) => {
      r.record.outcomeDocumentIds = ids(r.record);
    });
}

/** Tables that hold the delegate's own work; backups carry exactly these. */
export const USER_TABLES = ['briefings', 'sections', 'settings', 'ydocUpdates'] as const;

/**
 * The papers layer's tables: all the delegate's own (encryption at rest must cover them, blobs
 * included). Not in USER_TABLES yet: a backup is one JSON file and these hold binary files.
 */
export const PAPER_TABLES = ['papers', 'paperVersions', 'paperBlobs', 'paperChunks', 'paperTexts', 'annotations'] as const;

/**
 * The one local database. Reference tables (bodies ... sources) are replaced by dataset
 * installs; user tables are never written by a dataset install.
 */
export class DelegateDatabase extends Dexie {
  bodies!: EntityTable<StoredRecordTypes['bodies'], 'id'>;
  meetings!: EntityTable<StoredRecordTypes['meetings'], 'id'>;
  agendaItems!: EntityTable<StoredRecordTypes['agendaItems'], 'id'>;
  frameworks!: EntityTable<StoredRecordTypes['frameworks'], 'id'>;
  targets!: EntityTable<StoredRecordTypes['targets'], 'id'>;
  sources!: EntityTable<StoredRecordTypes['sources'], 'id'>;
  contacts!: EntityTable<StoredRecordTypes['contacts'], 'id'>;
  datasets!: EntityTable<InstalledDataset, 'datasetId'>;
  settings!: EntityTable<Setting, 'key'>;
  briefings!: EntityTable<Briefing, 'id'>;
  sections!: EntityTable<StoredSection, 'id'>;
  trustedKeys!: EntityTable<TrustedKeyRow, 'keyId'>;
  datasetHistory!: EntityTable<HistoryRow, 'id'>;
  undoRecords!: Table<UndoRecord, [string, string, string]>;
  acceptedManifests!: EntityTable<AcceptedManifest, 'datasetId'>;
  ydocUpdates!: Table<DocUpdateRow, [string, number]>;
  papers!: EntityTable<Paper, 'id'>;
  paperVersions!: EntityTable<PaperVersion, 'id'>;
  paperBlobs!: EntityTable<PaperBlob, 'versionId'>;
  paperChunks!: Table<PaperChunk, [string, number]>;
  paperTexts!: EntityTable<PaperText, 'versionId'>;
  annotations!: EntityTable<Annotation, 'id'>;
  keyring!: EntityTable<KeyringRow, 'id'>;
  recordDigests!: Table<RecordDigestRow, [string, string]>;
  assignments!: EntityTable<AssignmentRow, 'id'>;
  clearances!: EntityTable<ClearanceRow, 'id'>;
  referenceFlags!: Table<ReferenceFlagRow, [string, string]>;
  searchIndex!: EntityTable<SavedSearchIndex, 'name'>;

  /** `upTo` opens the database as an older app version would (for migration tests). */
  constructor(name = DB_NAME, upTo = Infinity) {
    super(name);
    for (const step of SCHEMA_VERSIONS) {
      if (step.version > upTo) break;
      const version = this.version(step.version).stores(step.stores);
      if (step.upgrade) version.upgrade(step.upgrade);
    }
    // Rows of the delegate's tables are encrypted below everything else (renderer/crypto/).
    this.use(cryptoMiddleware);
  }
}

export const db = new DelegateDatabase();

// A worker opening the database (dataset sync) waits, locked, for the page to hand it the key.
if (isWorkerScope()) acceptKeyFromPage(self as unknown as Parameters<typeof acceptKeyFromPage>[0]);
