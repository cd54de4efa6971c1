import type { Section } from '../../shared/briefing/model';
import type { AgendaItem, Body, Framework, Meeting, OutcomeTarget, RecordKind, Source } from '../../shared/model';

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
export type StoredMeeting = Stored<Meeting> & { from: string; until: string; country?: string };
export type StoredAgendaItem = Stored<AgendaItem>;
export type StoredFramework = Stored<Framework>;
export type StoredTarget = Stored<OutcomeTarget>;
export type StoredSource = Stored<Source>;

export interface StoredRecordTypes {
  sources: StoredSource;
  bodies: StoredBody;
  meetings: StoredMeeting;
  agendaItems: StoredAgendaItem;
  frameworks: StoredFramework;
  targets: StoredTarget;
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
