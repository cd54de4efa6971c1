import * as Y from 'yjs';
import type { Briefing, Section } from '../../shared/briefing/model';
import { briefingDocUpdate, hasBriefing, transactionParts } from '../../shared/collab/briefing-doc';
import { db } from '../db/db';
import { toStoredSection } from '../db/schema';
import { appendDocUpdate, COMPACT_AFTER, compactDocWhenIdle, hasDocState, readDocUpdates, replaceDocState } from './doc-log';
import { projectBriefingRows } from './row-projector';
import { FROM_LOG } from './persisted-doc-session';
import { announceReplaced, openTabChannel } from './tab-channel';

/** Origin of updates read from the log (they are neither saved again nor sent to other tabs). */
export { FROM_LOG };

/**
 * Stores a new briefing: its document and the rows projected from it, in one transaction.
 * `state` is a document state the rows were read from (an imported file's); without it the
 * document is built from the rows.
 */
export async function storeNewBriefing(briefing: Briefing, sections: readonly Section[], state?: Uint8Array): Promise<void> {
  const update = state ?? briefingDocUpdate(briefing, sections);
  await db.transaction('rw', db.briefings, db.sections, db.ydocUpdates, async () => {
    await db.briefings.put(briefing);
    await db.sections.bulkPut(sections.map(toStoredSection));
    await replaceDocState(briefing.id, update);
  });
}

/**
 * Makes sure a briefing has its document: one made before documents existed, or whose rows
 * were written without one (old backups, fixtures), gets one built from its rows. In one
 * transaction, so two tabs opening it at once build it once. False if there is no such briefing.
 */
export async function ensureBriefingDoc(id: string): Promise<boolean> {
  // The usual case, without a read-write transaction over the rows.
  if (await hasDocState(id)) return true;
  return db.transaction('rw', db.briefings, db.sections, db.ydocUpdates, async () => {
    if (await hasDocState(id)) return true;
    const briefing = await db.briefings.get(id);
    if (!briefing) return false;
    const sections = await db.sections.where('briefingId').equals(id).sortBy('order');
    await replaceDocState(id, briefingDocUpdate(briefing, sections));
    return true;
  });
}

/** A briefing's document as the log has it (undefined if there is no such briefing). */
export async function loadBriefingDoc(id: string, doc = new Y.Doc()): Promise<Y.Doc | undefined> {
  const start = performance.now();
  // The usual case reads the log once; a briefing without a document gets one built first.
  let updates = await readDocUpdates(id);
  if (updates.length === 0) {
    if (!(await ensureBriefingDoc(id))) return undefined;
    updates = await readDocUpdates(id);
  }
  doc.transact(() => {
    for (const update of updates) Y.applyUpdate(doc, update, FROM_LOG);
  }, FROM_LOG);
  // For the bench and the browser's performance panel: how long reading and applying the log took.
  performance.measure(LOAD_MEASURE, { start, detail: { id, updates: updates.length } });
  // A log that grew over many short sessions is compacted after it has been read (in the background).
  // Not at once: merging a 300-item brief's log blocks the main thread while the editor is first drawn.
  if (updates.length > COMPACT_AFTER) compactDocWhenIdle(id);
  return hasBriefing(doc) ? doc : undefined;
}

/** The User Timing measure `loadBriefingDoc` records. */
export const LOAD_MEASURE = 'briefing-doc-load';

/**
 * Changes a briefing outside the editor (import, tests): the change is one update, saved with
 * the rows it changes in one transaction, and sent to tabs that have the briefing open.
 */
export async function changeBriefingDoc(id: string, change: (doc: Y.Doc) => void): Promise<void> {
  const doc = await loadBriefingDoc(id);
  if (!doc) throw new Error('This briefing no longer exists.');
  let update: Uint8Array | undefined;
  let parts = { briefing: false, sections: new Set<string>() };
  doc.on('update', (u: Uint8Array) => (update = update ? Y.mergeUpdates([update, u]) : u));
  doc.on('afterTransaction', (tr: Y.Transaction) => {
    const p = transactionParts(doc, tr);
    parts = { briefing: parts.briefing || p.briefing, sections: new Set([...parts.sections, ...p.sections]) };
  });
  doc.transact(() => change(doc));
  if (update) {
    const saved = update;
    await db.transaction('rw', db.briefings, db.sections, db.ydocUpdates, async () => {
      await appendDocUpdate(id, saved);
      await projectBriefingRows(doc, parts);
    });
    const channel = openTabChannel(id, () => undefined);
    channel.post({ kind: 'update', docId: id, update: saved });
    channel.close();
  }
  doc.destroy();
}

/** Replaces a briefing's document as a whole; open editors load it again. */
export async function replaceBriefingDoc(id: string, update: Uint8Array): Promise<void> {
  await replaceDocState(id, update);
  announceReplaced(id);
}
