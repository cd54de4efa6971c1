import * as Y from 'yjs';
import { briefingRoots, migrateBriefingDoc, readBriefing, transactionParts, type ChangedParts } from '../../shared/collab/briefing-doc';
import { MarkingNeedsPassphraseError, refuseStoringMarking } from '../features/lock/marking-guard';
import { db } from '../db/db';
import { loadBriefingDoc } from './briefing-docs';
import { appendDocUpdate, compactDocWhenIdle } from './doc-log';
import { FROM_LOG, PersistedDocSession } from './persisted-doc-session';
import { noteHeardMarking, raisedMarking } from './raised-markings';
import { projectBriefingRows } from './row-projector';

/** Origin of updates that came from another tab of this machine. */
export { FROM_TAB } from './persisted-doc-session';

/** Origin of the format migration made on open (saved like an edit, never undone). */
export const FROM_MIGRATION = Symbol('from-migration');

/** How long after the last change the document and its rows are written to IndexedDB (well within a second). */
export const SAVE_DELAY_MS = 300;
/** Typing in one field within this time is one undo step, as people expect. */
export const UNDO_CAPTURE_MS = 1000;
/** Saves between checks whether the log should be compacted. */
const COMPACT_EVERY = 25;

export type SessionSaveState = { state: 'saved' | 'pending' | 'saving'; at?: string } | { state: 'error'; message: string; /** Set when the brief's marking needs a passphrase this app has not: not written. */ marking?: string };

export interface SessionEvents {
  /** The document changed (any origin): the parts to read again. */
  change: (parts: ChangedParts) => void;
  save: (state: SessionSaveState) => void;
  undo: (can: { undo: boolean; redo: boolean }) => void;
  /** The briefing was replaced as a whole (import, restore) in some tab: open it again. */
  replaced: () => void;
}

/**
 * The briefing sessions open in this tab, by briefing id (the latest opened last): their marking is
 * the one in memory. One briefing may have two (its editor, and a page's marking watch).
 */
const openSessions = new Map<string, BriefingSession[]>();

/**
 * The marking of a briefing open in this tab, as its document has it now: a colleague's raise
 * is here at once, while the stored row keeps the old marking when the session may not write
 * it. `heard`: the marking changed while the session was open (else it is the one read from
 * the log, which a raise heard earlier may have outdated: raised-markings.ts). Undefined when no
 * session of it is open here.
 */
export function openBriefingMarking(briefingId: string): { marking: string; heard: boolean } | undefined {
  const sessions = openSessions.get(briefingId) ?? [];
  const session = sessions.find((s) => s.markingHeard) ?? sessions.at(-1);
  return session ? { marking: readBriefing(session.doc).classification, heard: session.markingHeard } : undefined;
}

/**
 * The marking the briefing's writes are guarded with: an open session's that changed while open,
 * else a raise heard in another tab or kept from before, else the open session's or the stored row's.
 */
export async function guardingMarking(briefingId: string): Promise<string | undefined> {
  const open = openBriefingMarking(briefingId);
  if (open?.heard) return open.marking;
  return (await raisedMarking(briefingId)) ?? open?.marking ?? (await db.briefings.get(briefingId))?.classification;
}

const merge = (a: ChangedParts, b: ChangedParts): ChangedParts => ({ briefing: a.briefing || b.briefing, sections: new Set([...a.sections, ...b.sections]) });
const none = (): ChangedParts => ({ briefing: false, sections: new Set() });

/**
 * One open briefing document in this tab: loaded from the log, saved back to it with its
 * rows projected (debounced, one transaction), kept live with other tabs, and undone per
 * user: the undo manager tracks only this session's own origin, so undo never takes back a
 * colleague's or another tab's text.
 */
export class BriefingSession {
  readonly doc: Y.Doc;
  /** The origin of this user's edits in this tab; the only one the undo manager tracks. */
  readonly origin = { user: 'local' };
  readonly undoManager: Y.UndoManager;
  /** The parts changed since the last save: the rows projected with it. */
  private dirty: ChangedParts = none();
  private lastField: string | undefined;
  private readonly persisted: PersistedDocSession;
  /** Whether the marking changed while this session was open (raised-markings.ts). */
  markingHeard = false;
  private readonly listeners: { [K in keyof SessionEvents]: Set<SessionEvents[K]> } = { change: new Set(), save: new Set(), undo: new Set(), replaced: new Set() };

  private constructor(
    readonly id: string,
    doc: Y.Doc,
  ) {
    this.doc = doc;
    const roots = briefingRoots(doc);
    this.undoManager = new Y.UndoManager([roots.briefing, roots.sections], { trackedOrigins: new Set([this.origin]), captureTimeout: UNDO_CAPTURE_MS });
    const emitUndo = () => this.emit('undo', { undo: this.undoManager.canUndo(), redo: this.undoManager.canRedo() });
    this.undoManager.on('stack-item-added', emitUndo);
    this.undoManager.on('stack-item-popped', emitUndo);
    this.undoManager.on('stack-cleared', emitUndo);
    this.persisted = new PersistedDocSession(id, doc, {
      saveDelayMs: SAVE_DELAY_MS,
      write: (update) => this.write(update),
      onSaveState: (state) =>
        this.emit(
          'save',
          typeof state === 'string' ? (state === 'saved' ? { state, at: new Date().toISOString() } : { state }) : { state: 'error', message: state.error instanceof Error ? state.error.message : String(state.error), ...(state.error instanceof MarkingNeedsPassphraseError ? { marking: state.error.marking } : {}) },
        ),
      afterSave: (saves) => {
        if (saves % COMPACT_EVERY === 0) compactDocWhenIdle(id);
      },
      onReplaced: () => this.emit('replaced'),
    });
    doc.on('afterTransaction', (transaction: Y.Transaction) => {
      if (transaction.origin === FROM_LOG) return;
      const parts = transactionParts(doc, transaction);
      if (!parts.briefing && parts.sections.size === 0) return;
      this.dirty = merge(this.dirty, parts);
      this.emit('change', parts);
    });
    roots.briefing.observe((event, transaction) => {
      if (transaction.origin === FROM_LOG || !event.keysChanged.has('classification')) return;
      this.markingHeard = true;
      const marking = readBriefing(doc).classification;
      void noteHeardMarking(id, marking).catch((error: unknown) => console.error('Could not keep the marking of the briefing', error));
    });
    this.persisted.catchUpWithTabs();
    openSessions.set(id, [...(openSessions.get(id) ?? []), this]);
  }

  /** The document's new updates and the rows they change, in one transaction; the parts stay dirty if it fails. */
  private async write(update: Uint8Array): Promise<void> {
    // A colleague may raise the marking of a shared brief: without a passphrase it is no longer written here (kept pending, the save state says why).
    await refuseStoringMarking((await guardingMarking(this.id)) ?? readBriefing(this.doc).classification);
    const parts = this.dirty;
    this.dirty = none();
    try {
      await db.transaction('rw', db.briefings, db.sections, db.ydocUpdates, async () => {
        await appendDocUpdate(this.id, update);
        await projectBriefingRows(this.doc, parts);
      });
    } catch (error) {
      this.dirty = merge(parts, this.dirty);
      throw error;
    }
  }

  /** Opens a briefing's document (undefined if there is no such briefing). */
  static async open(id: string): Promise<BriefingSession | undefined> {
    const doc = await loadBriefingDoc(id);
    return doc ? new BriefingSession(id, doc) : undefined;
  }

  /**
   * Brings a format 1 document to format 2 (order keys on every list element; no text touched)
   * and saves that like an edit. Not for a shared briefing: a reader's or reviewer's relay would
   * refuse the change; shared lists are keyed one by one on their first reorder instead.
   */
  migrateFormat(): boolean {
    let changed = false;
    this.doc.transact(() => (changed = migrateBriefingDoc(this.doc)), FROM_MIGRATION);
    return changed;
  }

  on<K extends keyof SessionEvents>(event: K, listener: SessionEvents[K]): () => void {
    this.listeners[event].add(listener);
    return () => this.listeners[event].delete(listener);
  }

  private emit<K extends keyof SessionEvents>(event: K, ...args: Parameters<SessionEvents[K]>): void {
    for (const listener of this.listeners[event]) (listener as (...a: Parameters<SessionEvents[K]>) => void)(...args);
  }

  /**
   * One edit by this user: `field` names what is edited, so typing in one field undoes
   * together while a change of field starts a new undo step.
   */
  change(field: string, apply: (doc: Y.Doc) => void): void {
    if (field !== this.lastField) this.undoManager.stopCapturing();
    this.lastField = field;
    this.doc.transact(() => apply(this.doc), this.origin);
  }

  undo(): void {
    this.lastField = undefined;
    this.undoManager.undo();
  }

  redo(): void {
    this.lastField = undefined;
    this.undoManager.redo();
  }

  /** Local changes not yet in IndexedDB (what a relay connection shows as waiting, later). */
  get pendingCount(): number {
    return this.persisted.pendingCount;
  }

  /** Writes what is pending now: the document's new updates and the rows they change, in one transaction. */
  async flush(): Promise<void> {
    await this.persisted.flush();
  }

  /**
   * Saves what is pending and lets go of the document. `save: false` when the stored document
   * was replaced as a whole (import, restore): this copy's unsaved changes belong to the old one.
   */
  async close({ save = true }: { save?: boolean } = {}): Promise<void> {
    await this.persisted.close({ save });
    const others = (openSessions.get(this.id) ?? []).filter((s) => s !== this);
    if (others.length > 0) openSessions.set(this.id, others);
    else openSessions.delete(this.id);
    this.undoManager.destroy();
    this.doc.destroy();
    for (const set of Object.values(this.listeners)) set.clear();
  }
}
