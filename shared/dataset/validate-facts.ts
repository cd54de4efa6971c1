import type { Certainty, DatasetRecords, RecordKind } from '../model';
import type { ReferenceTarget } from './dependencies';
import type { DatasetProblem } from './validate';

/**
 * Integrity of what schema version 2 adds (shared/model/facts.ts): outcome document ids unique
 * across the dataset and every link to one resolving (in the dataset, or for a layer in a base);
 * the sources and meetings named by chair terms and certainty notes existing; certainty given
 * only for fields the record has.
 */
export function checkFacts(
  records: DatasetRecords,
  ids: Record<RecordKind, Set<string>>,
  /** How a reference the dataset cannot resolve itself resolves (for a layer, in its bases). */
  resolves: (kind: RecordKind, id: string, path: string, target: ReferenceTarget, value: string) => boolean = (_k, _i, _p, target, value) => target !== 'outcomeDocuments' && ids[target].has(value),
): DatasetProblem[] {
  const problems: DatasetProblem[] = [];
  const ref = (kind: RecordKind, id: string, path: string, target: ReferenceTarget, known: Set<string>, value: string) => {
    if (!known.has(value) && !resolves(kind, id, path, target, value)) problems.push({ kind, id, path, message: `refers to unknown ${target === 'outcomeDocuments' ? 'outcome documents' : target} "${value}"` });
  };
  const certainty = (kind: RecordKind, record: { id: string; certainty?: Certainty }) => {
    const c = record.certainty;
    if (!c) return;
    const notes = [...(c.record ? [['certainty.record', c.record] as const] : []), ...Object.entries(c.fields ?? {}).map(([f, n]) => [`certainty.fields.${f}`, n] as const)];
    for (const [path, note] of notes) {
      note.supportedBy?.forEach((s, i) => ref(kind, record.id, `${path}.supportedBy.${i}`, 'sources', ids.sources, s));
      note.contradictedBy?.forEach((s, i) => ref(kind, record.id, `${path}.contradictedBy.${i}`, 'sources', ids.sources, s));
    }
    for (const field of Object.keys(c.fields ?? {})) {
      const top = field.split('.')[0]!;
      if (!(top in record)) problems.push({ kind, id: record.id, path: `certainty.fields.${field}`, message: `gives the certainty of "${field}", which this record does not have` });
    }
  };

  const documents = new Set<string>();
  for (const meeting of records.meetings) {
    certainty('meetings', meeting);
    meeting.outcomeDocuments?.forEach((doc, i) => {
      if (documents.has(doc.id)) problems.push({ kind: 'meetings', id: meeting.id, path: `outcomeDocuments.${i}.id`, message: `outcome document id "${doc.id}" is used twice` });
      documents.add(doc.id);
      doc.sources?.forEach((c, j) => ref('meetings', meeting.id, `outcomeDocuments.${i}.sources.${j}`, 'sources', ids.sources, c.sourceId));
    });
  }
  for (const body of records.bodies) {
    certainty('bodies', body);
    body.chairHistory?.forEach((term, i) => {
      if (term.meetingId !== undefined) ref('bodies', body.id, `chairHistory.${i}.meetingId`, 'meetings', ids.meetings, term.meetingId);
      term.sources?.forEach((c, j) => ref('bodies', body.id, `chairHistory.${i}.sources.${j}`, 'sources', ids.sources, c.sourceId));
    });
  }
  for (const item of records.agendaItems) {
    certainty('agendaItems', item);
    item.outcomeDocumentIds?.forEach((d, i) => ref('agendaItems', item.id, `outcomeDocumentIds.${i}`, 'outcomeDocuments', documents, d));
  }
  for (const framework of records.frameworks) certainty('frameworks', framework);
  for (const target of records.targets) {
    certainty('targets', target);
    target.outcomeDocumentIds?.forEach((d, i) => ref('targets', target.id, `outcomeDocumentIds.${i}`, 'outcomeDocuments', documents, d));
  }
  for (const contact of records.contacts) certainty('contacts', contact);
  return problems;
}
