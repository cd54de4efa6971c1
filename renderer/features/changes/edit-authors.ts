import { liveQuery } from 'dexie';
import * as Y from 'yjs';
import { mayWrite } from '../../../shared/collab/relay-protocol';
import { readBriefing } from '../../../shared/collab/briefing-doc';
import { editAuthorsMap, recordUndoRemovals, type EditAuthor } from '../../../shared/collab/attribution';
import { shareRecordFor } from '../sharing/share-record';

/**
 * Records who this editing session is, in the briefing's own document, the first time it
 * changes something: `authors` root map, Yjs client id -> { memberId, name }. Every character
 * and value a Yjs client writes carries that client id, so with this map anyone can tell who
 * wrote what (changes-since.ts). One entry per editing session (a Y.Doc instance), written only
 * by a session that changes content (never by a reviewer or reader, whose write the relay would
 * refuse), inside the edit's own transaction (written as the transaction begins), so it is part of
 * the same update: saved, sent and counted with it, never a change of its own. The map
 * is outside the undo manager's scope (briefing and sections): undo never removes it. A lead who
 * shares the briefing while editing gets their entry rewritten with their member id (the
 * session's earlier edits were theirs too). What the session removes is recorded in the removing
 * transaction itself (`deletions`, attribution.ts): by the document changes for its edits, and
 * here for its undo and redo (the undo manager that tracks this session's origin).
 */
export function recordEditAuthors(briefingId: string, doc: Y.Doc, origin: unknown): { ready: Promise<void> } {
  let known = false;
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  let mayEdit = true;
  let member: EditAuthor | undefined;
  const subscription = liveQuery(() => shareRecordFor(briefingId)).subscribe({
    next: (record) => {
      known = true;
      mayEdit = !record || mayWrite(record.role, 'content');
      member = record ? { memberId: record.memberId, name: record.name } : undefined;
      markReady();
    },
    error: () => undefined,
  });
  const authors = editAuthorsMap(doc);
  const onTransaction = (transaction: Y.Transaction) => {
    if (transaction.origin instanceof Y.UndoManager && transaction.origin.trackedOrigins.has(origin)) recordUndoRemovals(transaction.origin);
    if (!known || !mayEdit || transaction.origin !== origin || !transaction.local) return;
    const key = String(doc.clientID);
    const entry = authors.get(key);
    if (entry && (!member || entry.memberId === member.memberId)) return;
    // An unshared briefing: its author field names who works on it here.
    const author = member ?? { memberId: null, name: readBriefing(doc).author.trim() };
    // Inside the transaction that is beginning (a nested transact joins it).
    doc.transact(() => authors.set(key, { ...author, at: entry?.at ?? new Date().toISOString() }), origin);
  };
  doc.on('beforeTransaction', onTransaction);
  doc.once('destroy', () => {
    doc.off('beforeTransaction', onTransaction);
    subscription.unsubscribe();
  });
  /** Resolved once the share record has been read (edits before that are recorded at the next one). */
  return { ready };
}
