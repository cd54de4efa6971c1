import type * as Y from 'yjs';
import { mayWrite } from '../../../shared/collab/relay-protocol';
import { readBriefing } from '../../../shared/collab/briefing-doc';
import { editAuthorsMap, type EditAuthor } from './attribution';
import { shareRecordFor } from '../sharing/share-record';

/**
 * Records who this editing session is, in the briefing's own document, the first time it
 * changes something: `authors` root map, Yjs client id -> { memberId, name }. Every character
 * and value a Yjs client writes carries that client id, so with this map anyone can tell who
 * wrote what (changes-since.ts). One entry per editing session (a Y.Doc instance), written only
 * by a session that changes content (never by a reviewer or reader, whose write the relay would
 * refuse), in the same origin as the edit, so it travels, is saved and is sent with it. The map
 * is outside the undo manager's scope (briefing and sections): undo never removes it.
 */
export function recordEditAuthors(briefingId: string, doc: Y.Doc, origin: unknown): void {
  let me: EditAuthor | undefined;
  let mayEdit = true;
  let shared = false;
  const load = () =>
    void shareRecordFor(briefingId)
      .then((record) => {
        shared = record !== undefined;
        mayEdit = !record || mayWrite(record.role, 'content');
        me = record ? { memberId: record.memberId, name: record.name } : undefined;
      })
      .catch(() => undefined);
  load();
  const authors = editAuthorsMap(doc);
  const onTransaction = (transaction: Y.Transaction) => {
    if (transaction.origin !== origin || !transaction.local || transaction.changed.size === 0) return;
    if (authors.has(String(doc.clientID))) return;
    if (!mayEdit) return;
    // An unshared briefing: its author field names who works on it here.
    const author = shared ? me : { memberId: null, name: readBriefing(doc).author.trim() };
    if (!author) return load(); // the share record is still being read: the next edit records it
    doc.transact(() => authors.set(String(doc.clientID), { ...author, at: new Date().toISOString() }), origin);
  };
  doc.on('afterTransaction', onTransaction);
  doc.once('destroy', () => doc.off('afterTransaction', onTransaction));
}
