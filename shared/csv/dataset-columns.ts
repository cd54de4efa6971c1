import type { RecordKind } from '../model';

/**
 * The columns of each record kind's CSV file (docs/dataset-csv.md). `text` is one column per
 * language (`name.en`, `name.ms`, `name.id`); `list` is items separated by `;` (a `;` or `\`
 * inside an item written `\;` or `\\`; `[]` for an explicitly empty list); `json` is a nested
 * value as JSON (chairs, days, citations); `number` a whole number; `string` as it is.
 * An empty cell leaves the field out.
 */
export type ColumnType = 'string' | 'number' | 'text' | 'list' | 'json';
export type ColumnSpec = readonly [field: string, type: ColumnType];

export const TEXT_LANGUAGES = ['en', 'ms', 'id'] as const;

export const CSV_FILES: Record<RecordKind, string> = {
  sources: 'sources.csv',
  bodies: 'bodies.csv',
  meetings: 'meetings.csv',
  agendaItems: 'agenda-items.csv',
  frameworks: 'frameworks.csv',
  targets: 'targets.csv',
  contacts: 'contacts.csv',
};

export const COLUMNS: Record<RecordKind, readonly ColumnSpec[]> = {
  sources: [
    ['id', 'string'], ['title', 'text'], ['kind', 'string'], ['publisher', 'string'], ['date', 'string'], ['language', 'string'],
    ['authority', 'string'], ['referenceNumber', 'string'], ['url', 'string'], ['excerpt', 'string'],
  ],
  bodies: [
    ['id', 'string'], ['acronym', 'string'], ['aliases', 'list'], ['name', 'text'], ['level', 'string'], ['pillar', 'string'], ['sector', 'string'],
    ['reportsTo', 'list'], ['chair', 'json'], ['chairRotation', 'text'], ['chairHistory', 'json'], ['meetingFrequency', 'json'], ['founded', 'string'],
    ['dialogueFormats', 'json'], ['focalPoints', 'json'], ['description', 'text'], ['otherNames', 'json'], ['certainty', 'json'], ['sources', 'json'],
  ],
  meetings: [
    ['id', 'string'], ['series', 'string'], ['number', 'number'], ['code', 'string'], ['bodyIds', 'list'], ['title', 'text'], ['startDate', 'string'],
    ['endDate', 'string'], ['venue', 'json'], ['host', 'json'], ['chair', 'json'], ['coChairs', 'json'], ['participants', 'json'], ['observers', 'json'],
    ['days', 'json'], ['backToBackMeetingIds', 'list'], ['previousMeetingId', 'string'], ['status', 'string'], ['description', 'text'], ['theme', 'text'],
    ['headsOfDelegation', 'json'], ['outcomeDocuments', 'json'], ['otherTitles', 'json'], ['certainty', 'json'], ['sources', 'json'],
  ],
  agendaItems: [
    ['id', 'string'], ['meetingId', 'string'], ['day', 'number'], ['order', 'number'], ['title', 'text'], ['kind', 'string'], ['bodyIds', 'list'],
    ['partners', 'list'], ['chair', 'json'], ['coChairs', 'json'], ['description', 'text'], ['outcomeDocumentIds', 'list'], ['certainty', 'json'], ['sources', 'json'],
  ],
  frameworks: [
    ['id', 'string'], ['title', 'text'], ['kind', 'string'], ['periodStart', 'string'], ['periodEnd', 'string'], ['ownerBodyIds', 'list'],
    ['description', 'text'], ['certainty', 'json'], ['sources', 'json'],
  ],
  targets: [
    ['id', 'string'], ['frameworkId', 'string'], ['code', 'string'], ['order', 'number'], ['text', 'text'], ['ownerBodyIds', 'list'], ['meetingIds', 'list'],
    ['progress', 'json'], ['outcomeDocumentIds', 'list'], ['certainty', 'json'], ['sources', 'json'],
  ],
  // A dotted field is a field of a nested object: organisation.bodyId, organisation.name.en.
  contacts: [
    ['id', 'string'], ['name', 'string'], ['title', 'text'], ['otherTitles', 'json'], ['organisation.bodyId', 'string'], ['organisation.name', 'text'],
    ['organisation.otherNames', 'json'], ['country', 'string'], ['roles', 'json'], ['languages', 'list'], ['email', 'string'], ['phone', 'string'], ['certainty', 'json'], ['sources', 'json'],
  ],
};

/** The header cells of a kind's file, in order. */
export function headerOf(kind: RecordKind): string[] {
  return COLUMNS[kind].flatMap(([field, type]) => (type === 'text' ? TEXT_LANGUAGES.map((l) => `${field}.${l}`) : [field]));
}
