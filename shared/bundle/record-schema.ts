import { LANGUAGES, type DatasetRecords, type Language } from '../model';

/**
 * The record schema version a dataset's records need, written in its bundle's manifest
 * (`schemaVersion`), so that an app that knows an older one says "update the app" instead of
 * refusing the records as invalid:
 *
 * - 1: the first record shapes.
 * - 2: certainty, chair history, outcome documents, theme and heads of delegation, approximate
 *   dates, names in other languages, a source's authority (all optional, shared/model/facts.ts).
 *   The floor of every bundle this app writes.
 * - 3: looser sources (an excerpt may be left out; a source's language may be any BCP 47 tag,
 *   not only en, ms or id), and agenda items or targets that name an outcome document held by
 *   another dataset (a layer naming its base's declaration). An app at 2 refuses each of these.
 * - 4: contacts (shared/model/contact.ts), a record kind of their own with a `contacts` record
 *   count. Only a dataset that holds contacts needs 4; one without them is written as before.
 */
export function recordSchemaNeeded(records: Pick<DatasetRecords, 'sources' | 'meetings' | 'agendaItems' | 'targets'> & { contacts?: readonly unknown[] }): 2 | 3 | 4 {
  if ((records.contacts?.length ?? 0) > 0) return 4;
  const appLanguage = (tag: string) => (LANGUAGES as readonly string[]).includes(tag as Language);
  if (records.sources.some((s) => s.excerpt === undefined || !appLanguage(s.language))) return 3;
  const held = new Set(records.meetings.flatMap((m) => (m.outcomeDocuments ?? []).map((d) => d.id)));
  const namesOther = (ids: readonly string[] | undefined) => (ids ?? []).some((id) => !held.has(id));
  if (records.agendaItems.some((i) => namesOther(i.outcomeDocumentIds)) || records.targets.some((t) => namesOther(t.outcomeDocumentIds))) return 3;
  return 2;
}
