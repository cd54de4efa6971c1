import * as Y from 'yjs';

/*
 * Who wrote what in a briefing's Yjs document. Pure (no DOM, no database): used by the editor's
 * recorder (edit-authors.ts) and by "what changed since I last looked" (changes-since.ts).
 */

/** An editing session's author, as recorded in the document's `authors` map. */
export interface EditAuthor {
  /** The member's id on the relay; null on a briefing that was not shared when they edited. */
  memberId: string | null;
  name: string;
}

/** Yjs client id (as a string) -> `EditAuthor` and when the session first edited. */
export function editAuthorsMap(doc: Y.Doc): Y.Map<EditAuthor & { at: string }> {
  return doc.getMap('authors');
}

/** The author a client id maps to, or undefined for a client no session recorded (an edit made before attribution existed). */
export function authorOfClient(doc: Y.Doc, clientId: number): EditAuthor | undefined {
  const entry = editAuthorsMap(doc).get(String(clientId));
  if (!entry || typeof entry.name !== 'string') return undefined;
  return { memberId: typeof entry.memberId === 'string' ? entry.memberId : null, name: entry.name };
}

/** A key that groups one person's sessions: the member id, or the name for unshared edits. */
export function authorKey(author: EditAuthor | undefined): string {
  if (!author) return 'unknown';
  return author.memberId ? `member:${author.memberId}` : `name:${author.name}`;
}

/** The state vector as a map: client id -> the first clock not yet seen. */
export function stateVectorOf(update: Uint8Array): Map<number, number> {
  return Y.decodeStateVector(Y.encodeStateVectorFromUpdate(update));
}

/**
 * The client ids that wrote something still present in `type` (and everything inside it)
 * after the state vector `seen`: inserted text, list elements, values set. Deletions carry no
 * author in Yjs, so a change that only removed text has no writer here.
 */
export function clientsSince(type: Y.AbstractType<unknown>, seen: ReadonlyMap<number, number>, out = new Set<number>()): Set<number> {
  const visit = (item: Y.Item) => {
    if (item.deleted) return;
    if (item.id.clock + item.length > (seen.get(item.id.client) ?? 0)) out.add(item.id.client);
    if (item.content instanceof Y.ContentType) clientsSince(item.content.type as Y.AbstractType<unknown>, seen, out);
  };
  for (const item of type._map.values()) visit(item);
  for (let item = type._start; item !== null; item = item.right) visit(item);
  return out;
}
