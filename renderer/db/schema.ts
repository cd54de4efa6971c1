import type { ReferenceTarget } from '../../shared/dataset/dependencies';
import type { DatasetReview, Section } from '../../shared/briefing/model';
import type { ChangelogEntry } from '../../shared/bundle/schema';
import type { AgendaItem, Body, Contact, Framework, Meeting, OutcomeTarget, RecordKind, Source } from '../../shared/model';

/** Where a reference record came from, so a dataset update can replace it without touching user data. */
export interface Provenance {
  datasetId: string;
  version: number;
  /** SHA-256 of the dataset payload the record was installed from. */
  hash: string;
}

/** A reference record as stored: the dataset record plus its provenance and the ids it cites (indexed). */
export type Stored<T> = T & { prov: Provenance; sourceIds: string[] };

export type StoredBody = Stored<Body>;
/**
 * Meetings also store the first and last day their partial dates can stand for
 * (`from`, `until`, full ISO dates) and the venue country, so lists can be sorted and
 * filtered by index alone.
 */
/** `outcomeDocumentIds`: the ids of the meeting's outcome documents (schema 11), so a reference to one, from any dataset, is found by index. */
export type StoredMeeting = Stored<Meeting> & { from: string; until: string; country?: string; outcomeDocumentIds?: string[] };
export type StoredAgendaItem = Stored<AgendaItem>;
export type StoredFramework = Stored<Framework>;
export type StoredTarget = Stored<OutcomeTarget>;
export type StoredSource = Stored<Source>;
/** `bodyIds`, `meetingIds`: the bodies and meetings the contact is named for (database schema 13), so a body's page finds its focal points by index. */
export type StoredContact = Stored<Contact> & { bodyIds: string[]; meetingIds: string[] };

export interface StoredRecordTypes {
  sources: StoredSource;
  bodies: StoredBody;
  meetings: StoredMeeting;
  agendaItems: StoredAgendaItem;
  frameworks: StoredFramework;
  targets: StoredTarget;
  contacts: StoredContact;
}

/** One row per installed dataset; kept apart from the records so a failed install can be detected. */
export interface InstalledDataset {
  datasetId: string;
  version: number;
  hash: string;
  title: string;
  publisher: string;
  installedAt: string;
  counts: Record<RecordKind, number>;
}

/** Small key-value settings of the user (interface language, last filters...). */
export interface Setting {
  key: string;
  value: unknown;
}

/** A briefing section as stored, with the ids of the targets it assesses (indexed). */
export type StoredSection = Section & { targetIds: string[] };

export function toStoredSection(section: Section): StoredSection {
  return { ...section, targetIds: section.targets.map((t) => t.targetId) };
}

/** A publisher key the delegate trusts, as the database keeps it (the sync engine hands out the same shape). */
export interface TrustedKeyRow {
  /** First 16 hex characters of the key's SHA-256 (what signatures name). */
  keyId: string;
  /** The delegate's own name for it ("ASEAN Secretariat 2027"). */
  label: string;
  /** The one-line text form the publisher tool writes to `.pub` files: `aseandb-ed25519:<base64>`. */
  publicKey: string;
  /** The key's full SHA-256 in groups of four hex characters, to compare with the publisher by phone. Starts with the key id. */
  fingerprint: string;
  addedAt: string;
  /** Always false today: the built-in dataset is trusted as shipped and needs no key. Kept for keys the app might ship. */
  builtIn: boolean;
}

export type StoredOrigin = { kind: 'file'; name: string } | { kind: 'feed'; url: string } | { kind: 'builtin' };

/** A review flag an update set on a section, and what the section had before (restored by undo if the flag is untouched). */
export interface FlagChange {
  sectionId: string;
  previous?: DatasetReview;
  added: DatasetReview;
}

/** One installed version of a dataset. */
export interface HistoryRow {
  id: string;
  datasetId: string;
  title: string;
  version: number;
  payloadSha256: string;
  installedAt: string;
  origin: StoredOrigin;
  publisherId: string;
  publisherName: string;
  changelog: ChangelogEntry[];
  /** Key ids that signed it (empty for the built-in dataset). */
  signedBy: string[];
  expired: boolean;
  /** The version installed before this one (undefined for a first install). */
  fromVersion?: number;
  counts: Record<RecordKind, { added: number; changed: number; removed: number }>;
  /**
   * What undo needs, besides the undoRecords rows: the register row and manifest it replaced,
   * the ids it added, and the flags it set. Dropped (undefined) once a later update is installed.
   */
  undo?: {
    previousDataset?: InstalledDataset;
    previousManifest?: AcceptedManifest;
    addedIds: Record<RecordKind, string[]>;
    flags: FlagChange[];
    /**
     * The update wrote only the records it added or changed (unchanged ones kept their stored
     * form and provenance). Absent in material from earlier apps, which rewrote every record.
     */
    unchangedKept?: true;
  };
  /** Set when the update was undone. */
  undoneAt?: string;
}

/** A reference record as it was before an update replaced or removed it. */
export interface UndoRecord {
  historyId: string;
  kind: RecordKind;
  id: string;
  record: StoredRecordTypes[RecordKind];
}

/**
 * The digests of a dataset's installed records of one kind (renderer/datasets/record-digests.ts):
 * record `ids[i]` was installed from a publisher's record whose canonical text has SHA-256
 * `digests[32i..32i+32]`. Valid only for the register it names and the app version that wrote
 * it (another version may validate records differently); otherwise it is ignored.
 */
export interface RecordDigestRow {
  datasetId: string;
  kind: RecordKind;
  /** The register (version, hash, installedAt) this row describes. */
  register: { version: number; hash: string; installedAt: string };
  appVersion: string;
  ids: string[];
  digests: Uint8Array;
}

/** The last signed manifest accepted for a dataset, kept apart from the records. */
export interface AcceptedManifest {
  datasetId: string;
  /** The exact signed text (undefined-free: the built-in dataset stores its own unsigned manifest text). */
  manifestText: string;
  signatures: { keyId: string; algorithm: 'ed25519'; signature: string }[];
  origin: StoredOrigin;
  acceptedAt: string;
  expires?: string;
  /**
   * The keys bound to the dataset and how many must sign (shared/bundle/signers.ts). Absent in
   * rows from earlier apps: the keys of `signatures` are bound, one needed. Not indexed.
   */
  signers?: { keyIds: string[]; threshold: number };
  /** The datasets this one builds on, from its manifest (a layer; renderer/datasets/layers/). Absent: none. Not indexed. */
  dependsOn?: { datasetId: string; minVersion: number }[];
}

/**
 * A layer's record whose references name records its bases no longer have (schema 9): kept
 * and shown flagged, never dropped. Recomputed in the transaction of every apply or undo of the
 * layer or of one of its bases (renderer/datasets/layers/reference-flags.ts).
 */
export interface ReferenceFlagRow {
  kind: RecordKind;
  id: string;
  /** The layer the record belongs to. */
  datasetId: string;
  references: {
    path: string;
    target: ReferenceTarget;
    targetId: string;
    /** The base that had the record (undefined when the layer's bases are several and none is known to have had it). */
    baseId?: string;
    /** When the reference was first found broken. */
    since: string;
  }[];
}
