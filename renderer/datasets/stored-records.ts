import { contactBodyIds, contactMeetingIds, partialDateEnd, partialDateStart, type RecordKind, type RecordTypes } from '../../shared/model';
import type { Provenance, StoredRecordTypes } from '../db/schema';

/**
 * A dataset record and its stored form: the record with its provenance and the fields the
 * browse views' indexes need (cited source ids; a meeting's date range and country).
 */

/** The fields the database adds to a dataset record (provenance and indexed derivations; the date range and country for meetings only). */
export interface DerivedFields {
  prov: Provenance;
  sourceIds: string[];
  from?: string;
  until?: string;
  country?: string;
  /** A meeting's outcome document ids (indexed: agenda items and targets of any dataset refer to them). */
  outcomeDocumentIds?: string[];
  /** A contact's bodies and meetings (its organisation's and its roles'), indexed for their pages. */
  bodyIds?: string[];
  meetingIds?: string[];
}

const DERIVED_FIELDS: Record<RecordKind, readonly (keyof DerivedFields)[]> = {
  sources: ['prov', 'sourceIds'],
  bodies: ['prov', 'sourceIds'],
  meetings: ['prov', 'sourceIds', 'from', 'until', 'country', 'outcomeDocumentIds'],
  agendaItems: ['prov', 'sourceIds'],
  frameworks: ['prov', 'sourceIds'],
  targets: ['prov', 'sourceIds'],
  contacts: ['prov', 'sourceIds', 'bodyIds', 'meetingIds'],
};

function citedSourceIds(record: { sources?: { sourceId: string }[] }): string[] {
  return [...new Set((record.sources ?? []).map((c) => c.sourceId))];
}

/** What toStored adds to a record. */
export function derivedFields<K extends RecordKind>(kind: K, record: RecordTypes[K], prov: Provenance): DerivedFields {
  const sourceIds = kind === 'sources' ? [] : citedSourceIds(record as { sources?: { sourceId: string }[] });
  if (kind === 'contacts') {
    const contact = record as RecordTypes['contacts'];
    return { prov, sourceIds, bodyIds: contactBodyIds(contact), meetingIds: contactMeetingIds(contact) };
  }
  if (kind !== 'meetings') return { prov, sourceIds };
  const meeting = record as RecordTypes['meetings'];
  return {
    prov,
    sourceIds,
    from: partialDateStart(meeting.startDate),
    until: partialDateEnd(meeting.endDate ?? meeting.startDate),
    country: meeting.venue?.country ?? meeting.host?.country,
    outcomeDocumentIds: (meeting.outcomeDocuments ?? []).map((d) => d.id),
  };
}

/** Adds provenance and the indexed fields derived from a dataset record (a copy). */
export function toStored<K extends RecordKind>(kind: K, record: RecordTypes[K], prov: Provenance): StoredRecordTypes[K] {
  return { ...record, ...derivedFields(kind, record, prov) } as StoredRecordTypes[K];
}

/**
 * The same fields and values as toStored, written into the record itself: for records the
 * engine owns (OwnedRecords), so no copy as large as the dataset is made while writing it.
 */
export function toStoredInPlace<K extends RecordKind>(kind: K, record: RecordTypes[K], prov: Provenance): StoredRecordTypes[K] {
  return Object.assign(record, derivedFields(kind, record, prov)) as StoredRecordTypes[K];
}

/** The dataset record a stored record was made from (toStored's inverse), to compare with a bundle's record. */
export function fromStored<K extends RecordKind>(kind: K, stored: StoredRecordTypes[K]): RecordTypes[K] {
  // Built without the derived fields rather than copied and `delete`d: deleting turns an object
  // into a slow dictionary, and check compares (stringifies) 100k of these.
  const derived = DERIVED_FIELDS[kind] as readonly string[];
  const record: Record<string, unknown> = {};
  for (const key of Object.keys(stored)) if (!derived.includes(key)) record[key] = (stored as Record<string, unknown>)[key];
  return record as RecordTypes[K];
}
