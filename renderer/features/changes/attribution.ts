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

/*
 * Who deleted what. Yjs records no author for a deletion (a delete set is client id and clock
 * ranges of what was removed), so each editing session writes the ranges it removed to the
 * `deletions` root map: the session's Yjs client id -> Y.Array of numbers, three per range
 * (client, clock, length). The session's client id maps to a member through `authors`.
 */

/** Yjs client id (as a string) of the deleting session -> its removed ranges, flattened. */
export function deletionsMap(doc: Y.Doc): Y.Map<Y.Array<number>> {
  return doc.getMap('deletions');
}

/** The ranges a transaction removed, flattened as `deletionsMap` keeps them (what it inserted and removed at once left out). */
export function removedRanges(transaction: Y.Transaction): number[] {
  const out: number[] = [];
  for (const [client, ranges] of transaction.deleteSet.clients) {
    const fresh = transaction.beforeState.get(client) ?? 0;
    for (const { clock, len } of ranges) {
      const end = Math.min(clock + len, fresh);
      if (end > clock) out.push(client, clock, end - clock);
    }
  }
  return out;
}

/** Records, in the document, that the session `doc.clientID` removed `ranges`. */
export function recordRemoved(doc: Y.Doc, ranges: number[]): void {
  if (ranges.length === 0) return;
  const map = deletionsMap(doc);
  const key = String(doc.clientID);
  let list = map.get(key);
  if (!(list instanceof Y.Array)) map.set(key, (list = new Y.Array<number>()));
  list.push(ranges);
}

/** Who removed any part of an item (`length` from its id): the client ids of the sessions that recorded removing it. */
export type DeleterLookup = (id: Y.ID, length: number) => number[];

export function deleterLookup(doc: Y.Doc): DeleterLookup {
  const byClient = new Map<number, { from: number; to: number; by: number }[]>();
  for (const [key, list] of deletionsMap(doc)) {
    if (!(list instanceof Y.Array)) continue;
    const by = Number(key);
    const flat = list.toArray();
    for (let i = 0; i + 2 < flat.length; i += 3) {
      const [client, clock, len] = [flat[i]!, flat[i + 1]!, flat[i + 2]!];
      let ranges = byClient.get(client);
      if (!ranges) byClient.set(client, (ranges = []));
      ranges.push({ from: clock, to: clock + len, by });
    }
  }
  return (id, length) => (byClient.get(id.client) ?? []).filter((r) => r.from < id.clock + length && id.clock < r.to).map((r) => r.by);
}

/**
 * The sessions that removed, after the baseline, something present in `type` (and everything
 * inside it) as it was then (`type` is from the baseline's document, `deleterOf` reads the
 * current one): a removal is forever, so a recorded removal of what was there at the baseline
 * was made after it.
 */
export function deletersSince(type: Y.AbstractType<unknown>, deleterOf: DeleterLookup, out = new Set<number>()): Set<number> {
  const visit = (item: Y.Item) => {
    if (item.deleted) return;
    for (const by of deleterOf(item.id, item.length)) out.add(by);
    if (item.content instanceof Y.ContentType) deletersSince(item.content.type as Y.AbstractType<unknown>, deleterOf, out);
  };
  for (const item of type._map.values()) visit(item);
  for (let item = type._start; item !== null; item = item.right) visit(item);
  return out;
}
