import Dexie, { type Table } from 'dexie';
import * as Y from 'yjs';
import { db, type DelegateDatabase } from '../db/db';

/**
 * A briefing document's persisted state: a log of Yjs updates in the app's one Dexie database
 * (table `ydocUpdates`, key `[docId+seq]`), so everything that covers the database (backups,
 * the at-rest encryption middleware) covers the documents too. Each saved change appends one
 * row; when a document has more than `COMPACT_AFTER` rows they are merged into one snapshot
 * row, in one transaction.
 */
export interface DocUpdateRow {
  /** The briefing id. */
  docId: string;
  /** 1, 2, 3... per document; a snapshot takes the seq of the last row it replaced. */
  seq: number;
  /** A Yjs update (v1 encoding). */
  update: Uint8Array;
  /** `snapshot`: the merged state of every row up to and including this seq. */
  kind: 'update' | 'snapshot';
  at: string;
}

/**
 * Rows after which a log is merged into one snapshot. Every row is read (and decrypted) on each
 * open, so a short log keeps opening a large brief fast; merging happens when idle.
 */
export const COMPACT_AFTER = 20;

type Database = DelegateDatabase;

const range = (table: Table<DocUpdateRow, [string, number]>, docId: string) => table.where('[docId+seq]').between([docId, Dexie.minKey], [docId, Dexie.maxKey]);

export async function readDocUpdates(docId: string, database: Database = db): Promise<Uint8Array[]> {
  return (await range(database.ydocUpdates, docId).toArray()).map((row) => row.update);
}

export async function hasDocState(docId: string, database: Database = db): Promise<boolean> {
  return (await docLogLength(docId, database)) > 0;
}

export async function docLogLength(docId: string, database: Database = db): Promise<number> {
  return range(database.ydocUpdates, docId).count();
}

/** Appends one update; call inside a transaction that includes `ydocUpdates` to make it part of a bigger write. */
export async function appendDocUpdate(docId: string, update: Uint8Array, database: Database = db): Promise<number> {
  return database.transaction('rw', database.ydocUpdates, async () => {
    const last = await range(database.ydocUpdates, docId).last();
    const seq = (last?.seq ?? 0) + 1;
    await database.ydocUpdates.add({ docId, seq, update, kind: 'update', at: new Date().toISOString() });
    return seq;
  });
}

/** Replaces a document's whole log with one snapshot (import of a new briefing, restore). */
export async function replaceDocState(docId: string, update: Uint8Array, database: Database = db): Promise<void> {
  await database.transaction('rw', database.ydocUpdates, async () => {
    const last = await range(database.ydocUpdates, docId).last();
    await range(database.ydocUpdates, docId).delete();
    await database.ydocUpdates.add({ docId, seq: (last?.seq ?? 0) + 1, update, kind: 'snapshot', at: new Date().toISOString() });
  });
}

export async function deleteDocState(docId: string, database: Database = db): Promise<void> {
  await range(database.ydocUpdates, docId).delete();
}

/** The merged state of a log, garbage-collected (deleted text dropped), as one update. */
export function mergeLog(updates: readonly Uint8Array[]): Uint8Array {
  const doc = new Y.Doc();
  doc.transact(() => {
    for (const update of updates) Y.applyUpdate(doc, update);
  });
  const merged = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return merged;
}

/** Merges a long log into one snapshot row, atomically: a tab appending meanwhile waits for the transaction. */
export async function compactDoc(docId: string, database: Database = db, threshold = COMPACT_AFTER): Promise<boolean> {
  return database.transaction('rw', database.ydocUpdates, async () => {
    const rows = await range(database.ydocUpdates, docId).toArray();
    if (rows.length <= threshold) return false;
    const snapshot = mergeLog(rows.map((r) => r.update));
    await range(database.ydocUpdates, docId).delete();
    await database.ydocUpdates.add({ docId, seq: rows.at(-1)!.seq, update: snapshot, kind: 'snapshot', at: new Date().toISOString() });
    return true;
  });
}

/**
 * Compacts a log once the page is idle: merging a 300-item brief's log takes the main thread for
 * a while, which must not fall on the first paint of an editor or between keystrokes.
 */
export function compactDocWhenIdle(docId: string, database: Database = db): void {
  const task = () => void compactDoc(docId, database).catch((error: unknown) => console.warn('Could not compact the briefing document log', error));
  if (typeof requestIdleCallback === 'function') requestIdleCallback(task, { timeout: 10_000 });
  else setTimeout(task, 1000);
}

/** The whole state of a document from its log, for export and backup (undefined if it has none). */
export async function docStateOf(docId: string, database: Database = db): Promise<Uint8Array | undefined> {
  const updates = await readDocUpdates(docId, database);
  return updates.length === 0 ? undefined : updates.length === 1 ? updates[0] : Y.mergeUpdates(updates);
}
