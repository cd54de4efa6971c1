import * as Y from 'yjs';

/*
 * Who wrote what in a briefing's Yjs document. Pure (no DOM, no database): used by the editor's
 * recorder (renderer/features/changes/edit-authors.ts), the document changes
 * (briefing-doc-changes.ts), "what changed since I last looked" (changes-since.ts) and the relay's
 * check that a member attributes edits to themselves only (relay/edit-authorship-check.ts).
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
 *
 * The record is written inside the transaction that removes (`recordRemovals`, called by the
 * document changes and by the recorder for undo and redo), so a removal and its record are one
 * update: saved, sent, counted ("changes waiting") and refused together. Yjs's own
 * PermanentUserData records deletions in a transaction of its own, after the fact: one more
 * update per edit, which the relay status would count as a change of its own.
 */

/** Yjs client id (as a string) of the deleting session -> its removed ranges, flattened. */
export function deletionsMap(doc: Y.Doc): Y.Map<Y.Array<number>> {
  return doc.getMap('deletions');
}

/**
 * A map value replaced by a newer one (an edited status, a field's new Y.Text): not worth a
 * record, the new value names its writer. A value removed without a replacement is.
 */
function replacedValue(item: Y.Item): boolean {
  if (item.parentSub === null) return false;
  return (item.parent as Y.AbstractType<unknown>)._map.get(item.parentSub) !== item;
}

/** Appends the range [clock, clock + length) of `client` to flattened ranges, joining it to the last one when they touch. */
function pushRange(out: number[], client: number, clock: number, length: number): void {
  const n = out.length;
  if (n >= 3 && out[n - 3] === client && out[n - 2]! + out[n - 1]! === clock) out[n - 1]! += length;
  else out.push(client, clock, length);
}

/** The removable part of `item` within [from, to): what a record should name. */
function removedPart(item: Y.AbstractStruct, from: number, to: number, out: number[]): void {
  if (item instanceof Y.Item && replacedValue(item)) return;
  const start = Math.max(item.id.clock, from);
  const end = Math.min(item.id.clock + item.length, to);
  if (end > start) pushRange(out, item.id.client, start, end - start);
}

function collectRemoved(structs: readonly (Y.Item | Y.GC)[], from: number, to: number, out: number[]): void {
  if (to <= from || structs.length === 0) return;
  for (let i = Y.findIndexSS(structs as (Y.Item | Y.GC)[], from); i < structs.length && structs[i]!.id.clock < to; i++) removedPart(structs[i]!, from, to, out);
}

/** How much of each client's delete set a transaction under way has had recorded already. */
const recordedSoFar = new WeakMap<Y.Transaction, Map<number, number>>();

/**
 * Records, inside the transaction under way on `doc`, what it removed since the last call, as
 * removed by this session (`doc.clientID`). Outside a transaction it does nothing.
 */
export function recordRemovals(doc: Y.Doc): void {
  const transaction = doc._transaction;
  if (!transaction) return;
  let done = recordedSoFar.get(transaction);
  if (!done) recordedSoFar.set(transaction, (done = new Map()));
  const out: number[] = [];
  for (const [client, ranges] of transaction.deleteSet.clients) {
    const from = done.get(client) ?? 0;
    done.set(client, ranges.length);
    const fresh = transaction.beforeState.get(client) ?? 0;
    const structs = doc.store.clients.get(client) ?? [];
    for (let i = from; i < ranges.length; i++) collectRemoved(structs, ranges[i]!.clock, Math.min(ranges[i]!.clock + ranges[i]!.len, fresh), out);
  }
  recordRemoved(doc, out);
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

const recordingUndo = new WeakSet<Y.UndoManager>();

/**
 * Records, inside an undo or redo of `undoManager` (which runs as a transaction of its own), what
 * it removes: its delete filter is asked about each item just before the item is removed.
 */
export function recordUndoRemovals(undoManager: Y.UndoManager): void {
  if (recordingUndo.has(undoManager)) return;
  recordingUndo.add(undoManager);
  const doc = undoManager.doc;
  const allowed = undoManager.deleteFilter;
  undoManager.deleteFilter = (item: Y.Item) => {
    if (!allowed(item)) return false;
    if (doc._transaction && !item.deleted && !replacedValue(item)) recordRemoved(doc, [item.id.client, item.id.clock, item.length]);
    return true;
  };
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
