import { liveQuery } from 'dexie';
import * as Y from 'yjs';
import { readAssignments } from '../../../shared/assignments/assignment';
import { clearanceHistory, clearedMarking, currentClearance } from '../../../shared/clearance/control-doc';
import { parseRelayDocumentName, relayDocumentName } from '../../../shared/collab/relay-protocol';
import { relayTargetFor } from '../../collab/briefing-relay';
import { connectToRelay, type RelayConnection, type RelayStatus, type RelayTarget } from '../../collab/connection';
import { appendDocUpdate } from '../../collab/doc-log';
import { FROM_LOG, FROM_TAB, PersistedDocSession } from '../../collab/persisted-doc-session';
import { db } from '../../db/db';
import { assignmentRowId, type AssignmentRow, type ClearanceRow } from '../assignments/assignment-rows';
import { companionDocId, guardCompanionWrite } from '../../collab/companion-docs';
import { MarkingNeedsPassphraseError } from '../lock/marking-guard';

/*
 * A briefing's control document in this tab (assignments and clearances, shared/clearance/
 * control-doc.ts): read from its log in `ydocUpdates` (doc id `control:<briefing id>`, so the
 * at-rest encryption covers it like every briefing document), saved back with the
 * `assignments` and `clearances` rows projected from it in one transaction, kept live with the
 * app's other tabs, and connected to the relay's `control` document when the briefing is
 * shared. Components share one session per briefing (ref-counted, `acquireControl`).
 */

export const controlDocId = (briefingId: string) => companionDocId('control', briefingId);

const SAVE_DELAY_MS = 200;

type Listener = () => void;

export class ControlSession {
  readonly doc = new Y.Doc();
  readonly origin = { user: 'local-control' };
  private readonly persisted: PersistedDocSession;
  private relay: RelayConnection | undefined;
  private readonly listeners = new Set<Listener>();
  private closed = false;
  relayStatus: RelayStatus | undefined;
  private targetWatch: { unsubscribe(): void } | undefined;
  private connectedTo: string | undefined;
  /** Set while the document is kept in memory only: the briefing's marking, which needs a passphrase this app has not. */
  unsavedMarking: string | undefined;

  constructor(readonly briefingId: string) {
    this.persisted = new PersistedDocSession(controlDocId(briefingId), this.doc, {
      saveDelayMs: SAVE_DELAY_MS,
      // The log and the rows projected from the document, in one transaction.
      // The cleared state is the briefing's words with its own marking: checked too, so a raise no
      // content session of this profile has seen still keeps a RESTRICTED clearance off the disk.
      write: guardCompanionWrite(
        briefingId,
        (update) =>
          db.transaction('rw', db.ydocUpdates, db.assignments, db.clearances, async () => {
            await appendDocUpdate(controlDocId(briefingId), update);
            await projectControlRows(briefingId, this.doc);
          }),
        () => clearedMarking(this.doc),
      ),
      onSaveState: (state) => {
        const refused = typeof state !== 'string' && state.error instanceof MarkingNeedsPassphraseError ? state.error.marking : undefined;
        if (typeof state !== 'string' && !refused) console.error('Could not save the assignments and clearances', state.error);
        // Shown where the assignments and clearances are (use-control.ts) until a save goes through.
        if ((state === 'saved' || refused) && refused !== this.unsavedMarking) {
          this.unsavedMarking = refused;
          this.emit();
        }
      },
    });
  }

  async open(): Promise<void> {
    await this.persisted.loadLog();
    this.doc.on('afterTransaction', (tr: Y.Transaction) => {
      if (tr.origin !== FROM_LOG && tr.changed.size > 0) this.emit();
    });
    this.persisted.catchUpWithTabs();
    // The rows need no projection here: every save writes the log and the rows in one transaction.
    // Connected once the briefing is shared (now, or later while this session is open: the lead shares from the editor).
    this.targetWatch = liveQuery(() => relayTargetFor(this.briefingId)).subscribe({
      next: (target) => this.connect(target),
      error: (error: unknown) => console.error('Could not read the relay of this briefing', error),
    });
  }

  private connect(target: RelayTarget | undefined): void {
    const parsed = target && parseRelayDocumentName(target.documentName);
    const key = target ? `${target.url} ${target.documentName} ${target.credential}` : undefined;
    if (this.closed || key === this.connectedTo) return;
    this.relay?.destroy();
    this.relay = undefined;
    this.connectedTo = key;
    if (!target || !parsed) return;
    this.relay = connectToRelay(
      this.doc,
      { url: target.url, credential: target.credential, documentName: relayDocumentName(parsed.documentId, 'control') },
      { foreignOrigins: [FROM_LOG, FROM_TAB], network: typeof window === 'undefined' ? undefined : window },
    );
    this.relayStatus = this.relay.status;
    this.relay.onStatus((status) => {
      this.relayStatus = status;
      this.emit();
    });
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }

  /** One change by this user (the lead): one update, saved within a fraction of a second. */
  change(apply: (doc: Y.Doc) => void): void {
    this.doc.transact(() => apply(this.doc), this.origin);
  }

  /** Writes the pending updates and the rows projected from the document, in one transaction. */
  async flush(): Promise<void> {
    await this.persisted.flush();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.targetWatch?.unsubscribe();
    await this.persisted.close();
    this.relay?.destroy();
    this.listeners.clear();
    this.doc.destroy();
  }
}

/** The one place the `assignments` and `clearances` rows of a briefing are written: from its control document. */
export async function projectControlRows(briefingId: string, doc: Y.Doc): Promise<void> {
  const assignments: AssignmentRow[] = [...readAssignments(doc)].map(([sectionId, a]) => ({ ...a, id: assignmentRowId(briefingId, sectionId), briefingId, sectionId }));
  const current = currentClearance(doc);
  const history = clearanceHistory(doc);
  if (current && !history.some((h) => h.id === current.id)) history.push(current);
  const clearances: ClearanceRow[] = history.map((meta) => (current && meta.id === current.id ? { ...current, briefingId, current: true } : { ...meta, briefingId, current: false }));
  await db.transaction('rw', db.assignments, db.clearances, async () => {
    await db.assignments.where('briefingId').equals(briefingId).delete();
    await db.clearances.where('briefingId').equals(briefingId).delete();
    if (assignments.length) await db.assignments.bulkPut(assignments);
    if (clearances.length) await db.clearances.bulkPut(clearances);
  });
}

interface Held {
  session: ControlSession;
  ready: Promise<ControlSession>;
  count: number;
}
const held = new Map<string, Held>();

/** The briefing's control session, opened on first use; `release` closes it when the last user lets go. */
export function acquireControl(briefingId: string): { ready: Promise<ControlSession>; release: () => void } {
  let entry = held.get(briefingId);
  if (!entry) {
    const session = new ControlSession(briefingId);
    entry = { session, ready: session.open().then(() => session), count: 0 };
    held.set(briefingId, entry);
  }
  entry.count++;
  const mine = entry;
  let released = false;
  return {
    ready: mine.ready,
    release: () => {
      if (released) return;
      released = true;
      if (--mine.count > 0) return;
      held.delete(briefingId);
      void mine.ready.then((s) => s.close()).catch(() => undefined);
    },
  };
}

/**
 * Runs one change on a briefing's control document (opening it for the change if no screen has
 * it open), saved before it resolves. Rejects with MarkingNeedsPassphraseError when the save is
 * refused: the change then lives only as long as some screen keeps the document open.
 */
export async function changeControl(briefingId: string, apply: (doc: Y.Doc) => void): Promise<void> {
  const handle = acquireControl(briefingId);
  try {
    const session = await handle.ready;
    session.change(apply);
    await session.flush();
    if (session.unsavedMarking !== undefined) throw new MarkingNeedsPassphraseError(session.unsavedMarking);
  } finally {
    handle.release();
  }
}
