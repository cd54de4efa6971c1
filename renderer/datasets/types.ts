/**
 * The contract between the dataset engine (dataset-updates.ts; the screens' queries in features/sync/dataset-queries.ts) and its interface.
 *
 * Everything here is plain data (structured-clonable): it crosses the Web Worker boundary.
 * The engine returns codes, never interface text; the interface translates every code
 * (en, ms, id) and may show `message` (English, for logs) in a details area.
 */
import type { RefusalCode } from '../../shared/bundle/refusal';
import type { ReferenceTarget } from '../../shared/dataset/dependencies';
import type { ChangelogEntry } from '../../shared/bundle/schema';
import type { RecordKind } from '../../shared/model';
import type { AgendaItemText, DatasetReview } from '../../shared/briefing/model';
import type { HistoryRow, StoredOrigin, TrustedKeyRow } from '../db/schema';

export type { RecordKind, RefusalCode, ChangelogEntry, AgendaItemText, DatasetReview };

/** A publisher key the delegate trusts: exactly the row the database keeps. */
export type TrustedKey = TrustedKeyRow;

/** Where an update came from. `builtin`: the dataset shipped inside the app. */
export type UpdateOrigin = StoredOrigin;

/**
 * FieldChange { path: 'title.en' | 'days[2].date' | 'chair'; before (undefined: field is new); after (undefined: dropped) },
 * RecordChange { kind, id, label, change: 'added'|'changed'|'removed', fields: FieldChange[] (empty unless changed), tombstoned? },
 * BriefingImpact { briefingId, briefingTitle, sectionId, agendaItemId, change: 'changed'|'removed', fields: string[],
 *   before?: AgendaItemText (the item now), after?: AgendaItemText (after the update; undefined when removed) },
 * ChangeCounts: per record kind { added, changed, removed }. Defined in shared/sync/types.ts.
 */
export type { BriefingImpact, ChangeCounts, FieldChange, RecordChange } from '../../shared/sync/types';
import type { BriefingImpact, ChangeCounts, RecordChange } from '../../shared/sync/types';

/** How many changes of the preview are listed; the rest are fetched with `listChanges` page by page. */
export const PREVIEW_CHANGES_LIMIT = 500;

/** What an update would do, computed off the interface thread before anything is written. */
export interface UpdatePreview {
  /** Hand it to applyUpdate or discardUpdate; the verified bundle waits in the worker meanwhile. */
  token: string;
  origin: UpdateOrigin;
  datasetId: string;
  title: string;
  publisherId: string;
  publisherName: string;
  /** Installed version of this dataset; undefined when none is installed. */
  fromVersion?: number;
  toVersion: number;
  /** ISO date-times from the signed manifest. */
  createdAt: string;
  expiresAt: string;
  /** Past expiresAt: may still be applied, but the interface must say so clearly. */
  expired: boolean;
  changelog: ChangelogEntry[];
  /** The trusted keys whose signatures verified, with the delegate's labels. */
  signedBy: { keyId: string; label: string; fingerprint: string }[];
  /** Size of the bundle file in bytes. */
  bytes: number;
  counts: ChangeCounts;
  /** Changes in kind order (sources, bodies, meetings, agendaItems, frameworks, targets), at most PREVIEW_CHANGES_LIMIT. */
  changes: RecordChange[];
  /** Total number of changes (changes.length when nothing was left out). */
  totalChanges: number;
  /** Sections of the delegate's briefings that the update flags (one per section). */
  impact: BriefingImpact[];
  /** Set when this update changes who publishes the dataset: the preview says so plainly. */
  publisherChange?: PreviewPublisherChange;
  /** What the update means for layered datasets: the bases this one builds on, the layers over it. */
  layers?: PreviewLayers;
}

/** A layer's reference that names a record none of its bases has (any more): the record is kept, flagged. */
export interface FlaggedReference {
  /** The layer's record. */
  kind: RecordKind;
  id: string;
  path: string;
  target: ReferenceTarget;
  targetId: string;
  /** The base that had it; undefined when the layer has several bases and none is known to. */
  baseId?: string;
}

/** The layered-dataset part of a preview (renderer/datasets/layers/). */
export interface PreviewLayers {
  /** The datasets this one builds on, each installed at minVersion or later (or the check is refused). */
  bases: { datasetId: string; title: string; minVersion: number; installedVersion: number }[];
  /** References of this dataset that no base has: installed anyway, the records flagged (the first 200). */
  missing: FlaggedReference[];
  missingCount: number;
  /** The installed layers over this dataset, and what the update does to their references. */
  dependents: {
    datasetId: string;
    title: string;
    /** References that name records this update removes: flagged on apply (the first 200). */
    flagged: FlaggedReference[];
    flaggedCount: number;
    /** Flags that this update clears (the record named is back). */
    cleared: number;
  }[];
}

/** A change of publisher keys, as the preview shows it. */
export type PreviewPublisherChange =
  /** The dataset shipped with the app is replaced by this publisher's. */
  | { kind: 'replaces-builtin' }
  /** A key rotation signed by the installed keys: from now on the new keys (threshold of them) sign. */
  | { kind: 'rotated'; from: { keyId: string; label: string }[]; to: { keyId: string; fingerprint: string }[]; threshold: number };

/** Codes besides the bundle refusals (shared/bundle/refusal.ts). */
export type SyncErrorCode =
  /** Desktop/web fetch of a feed failed: offline, DNS, connection refused. */
  | 'network'
  /** The feed answered with an HTTP error status (the status is in `problems[0]`). */
  | 'http-status'
  | 'timeout'
  /** A feed address that is not https:// (http://127.0.0.1 and http://localhost are allowed for testing). */
  | 'not-https'
  /** The caller's AbortSignal fired; nothing was written. */
  | 'cancelled'
  /** The bundle is exactly the installed version (same version, same content): nothing to do. */
  | 'no-update'
  /** applyUpdate with a token that is unknown, already applied or discarded. */
  | 'unknown-token'
  /** The installed dataset changed between check and apply (another window or update): check again. */
  | 'stale'
  /** The bundle's records reuse ids that belong to another installed dataset (ids listed). */
  | 'id-conflict'
  /** undoLastUpdate with no undoable update for the dataset. */
  | 'nothing-to-undo'
  /** A layer whose base dataset is not installed (vars: base, version). */
  | 'base-missing'
  /** A layer whose base is installed at a lower version than it needs (vars: base, title, version, installed). */
  | 'base-too-old'
  /** A layer's records refer to records of an installed dataset it does not declare as a base (vars: base; ids). */
  | 'undeclared-base'
  /** An undo or update would take away (or below the version needed) a base an installed layer needs (vars: layer, title, version). */
  | 'base-needed'
  /** IndexedDB refused the write (disk full, quota, page closing): nothing was written. */
  | 'write-failed'
  /** The worker could not start or crashed. */
  | 'engine-failed';

export type SyncFailureCode = RefusalCode | SyncErrorCode;

export interface SyncFailure {
  ok: false;
  code: SyncFailureCode;
  /** English, for logs and details; the interface shows its own translation of `code`. */
  message: string;
  /** Details: schema problems, `kind › id › path: message` per invalid record. */
  problems: string[];
  /** Record ids concerned (records-invalid, id-conflict). */
  ids: string[];
  /** Values the interface's sentence for the code names (the base a layer needs, its version). */
  vars?: Record<string, string | number>;
}

export type CheckResult = { ok: true; preview: UpdatePreview } | SyncFailure;

/** Progress of a check, apply or undo. `done`/`total` count records (or bytes while reading). */
export interface SyncProgress {
  phase: 'reading' | 'verifying' | 'comparing' | 'writing' | 'done';
  done: number;
  total: number;
}

export interface SyncOptions {
  /** Aborting cancels: a check stops, an apply or undo rolls its transaction back (nothing written). */
  signal?: AbortSignal;
  onProgress?: (progress: SyncProgress) => void;
}

/**
 * One installed version of a dataset as the interface sees it, newest first in useDatasetHistory:
 * the stored history row without its undo material, and what that material means.
 */
export type HistoryEntry = Omit<HistoryRow, 'undo'> & {
  /** Number of briefing sections flagged for review by this update. */
  flagged: number;
  /** This entry is the dataset's installed version. */
  current: boolean;
  /** undoLastUpdate would revert this entry (only the current, latest non-builtin entry can be undone). */
  undoable: boolean;
};

/** The installed datasets (one row per dataset id). */
export interface InstalledDatasetInfo {
  datasetId: string;
  title: string;
  publisher: string;
  version: number;
  hash: string;
  installedAt: string;
  counts: Record<RecordKind, number>;
  /** How the installed version arrived (undefined for a database made before history existed). */
  origin?: UpdateOrigin;
  /** Expiry of the accepted bundle (undefined for the built-in dataset). */
  expiresAt?: string;
  /** The datasets it builds on (a layer). */
  dependsOn?: { datasetId: string; minVersion: number }[];
}

/** A briefing section flagged by a dataset update and not yet marked reviewed. */
export interface SectionNeedingReview {
  briefingId: string;
  briefingTitle: string;
  sectionId: string;
  agendaItemId: string;
  /** The title stored in the section when it was made. */
  agendaTitle: string;
  review: DatasetReview;
}

export type AddKeyResult =
  | { ok: true; key: TrustedKey }
  | {
      ok: false;
      /** malformed: not `aseandb-ed25519:` + base64 of 32 bytes; duplicate: that key is trusted already; empty-label: no label given. */
      code: 'malformed' | 'duplicate' | 'empty-label';
      message: string;
    };

/** A page of the preview's changes (for previews with more than PREVIEW_CHANGES_LIMIT). */
export interface ChangesQuery {
  kind?: RecordKind;
  change?: RecordChange['change'];
  offset: number;
  limit: number;
}
