import * as Y from 'yjs';
import { readThreads, type CommentThread } from '../../shared/collab/comments-doc';
import { readDelegationAnnotations, type DelegationAnnotation } from '../../shared/collab/delegation-annotations';
import type { RelayErrorCode, Role } from '../../shared/collab/relay-protocol';
import { PRESENCE_FIELD, presentMembers, type PresenceState, type PresentMember } from './awareness-presence';
import { relayTargetFor } from './briefing-relay';
import { connectComments, type CommentsRelay, type CommentsRelayState } from './comments-relay';
import { appendDocUpdate, compactDoc } from './doc-log';
import { companionDocId, guardCompanionWrite } from './companion-docs';
import { PersistedDocSession } from './persisted-doc-session';
import { MarkingNeedsPassphraseError } from '../features/lock/marking-guard';

/**
 * One briefing's comments while it is open in this tab: the comments Yjs document, persisted in
 * the same IndexedDB log as the briefing documents (table `ydocUpdates`, document id
 * `comments:<briefing id>`, so at-rest encryption and backups cover it), kept live with other
 * tabs over the tab channel, and synced with the relay when the briefing is shared (which also
 * carries presence). An unshared briefing's comments live here only and go to the relay with
 * everything else once it is shared. Shared by every component of the editor (refcounted).
 */
export const commentsDocId = (briefingId: string) => companionDocId('comments', briefingId);

const SAVE_DELAY_MS = 300;
const COMPACT_EVERY = 50;

export interface Me {
  memberId: string | null;
  name: string;
  role: Role | undefined;
}

export interface CommentsSnapshot {
  loaded: boolean;
  threads: CommentThread[];
  /** Annotations shared with the delegation (on papers: renderer/papers/annotations/use-delegation.ts). */
  annotations: DelegationAnnotation[];
  present: PresentMember[];
  /** `local` for a briefing that is not shared. */
  relay: CommentsRelayState | 'local';
  /** Why the relay refused the comments (e.g. `not-comment-author`), when it did. */
  refusal?: RelayErrorCode;
  /** False for a reader (the relay says so too, and drops their comments). */
  canComment: boolean;
  /** Set while the comments are kept in memory only: the briefing's marking, which needs a passphrase this app has not. */
  unsavedMarking?: string;
}

export class CommentsWorkspace {
  readonly doc = new Y.Doc();
  /** The origin of comments written in this tab. */
  readonly origin = { comments: 'local' };
  private snapshot: CommentsSnapshot = { loaded: false, threads: [], annotations: [], present: [], relay: 'local', canComment: true };
  private readonly listeners = new Set<() => void>();
  private readonly persisted: PersistedDocSession;
  private relay: CommentsRelay | undefined;
  private me: Me | undefined;
  private section: string | null = null;
  private closed = false;
  /** The network went away: the relay connection is taken down until it is back. */
  private shared = false;
  private offline = typeof navigator !== 'undefined' && navigator.onLine === false;
  private offRelay: (() => void) | undefined;
  private unsavedMarking: string | undefined;

  constructor(readonly briefingId: string) {
    const docId = commentsDocId(briefingId);
    this.persisted = new PersistedDocSession(docId, this.doc, {
      saveDelayMs: SAVE_DELAY_MS,
      write: guardCompanionWrite(briefingId, (update) => appendDocUpdate(docId, update)),
      onSaveState: (state) => {
        const refused = typeof state !== 'string' && state.error instanceof MarkingNeedsPassphraseError ? state.error.marking : undefined;
        if (typeof state !== 'string' && !refused) console.error('Could not save the comments', state.error);
        // Told in the panel (kept in memory only) until a save goes through, e.g. once a passphrase is set.
        if ((state === 'saved' || refused) && refused !== this.unsavedMarking) {
          this.unsavedMarking = refused;
          this.refresh();
        }
      },
      afterSave: async (saves) => {
        if (saves % COMPACT_EVERY === 0) await compactDoc(docId).catch((error: unknown) => console.warn('Could not compact the comments log', error));
      },
    });
    this.doc.on('afterTransaction', () => this.refresh());
  }

  /** Reads the stored comments, then connects to the relay if the briefing is shared. */
  async start(): Promise<void> {
    await this.persisted.loadLog();
    if (this.closed) return;
    this.persisted.catchUpWithTabs();
    this.snapshot = { ...this.snapshot, loaded: true };
    this.refresh();
    if (typeof window !== 'undefined') {
      window.addEventListener('offline', this.goOffline);
      window.addEventListener('online', this.goOnline);
    }
    await this.connect();
  }

  /*
   * Off the network the provider is taken down, as the briefing's own connection is
   * (connection.ts): a socket the network dropped may never say so. What is written meanwhile
   * stays in the log and goes to the relay in one diff when a new provider connects.
   */
  private readonly goOffline = () => {
    this.offline = true;
    this.disconnect();
    this.refresh();
  };
  private readonly goOnline = () => {
    this.offline = false;
    void this.connect();
  };

  private disconnect(): void {
    this.offRelay?.();
    this.offRelay = undefined;
    this.relay?.destroy();
    this.relay = undefined;
  }

  /** (Re)connects to the relay: after opening, and after the briefing was shared. */
  async connect(): Promise<void> {
    const target = await relayTargetFor(this.briefingId);
    if (this.closed) return;
    this.disconnect();
    this.shared = target !== undefined;
    this.relay = target && !this.offline ? connectComments(this.doc, target) : undefined;
    if (this.relay) {
      const awareness = this.relay.awareness;
      const onAwareness = () => this.refresh();
      awareness.on('change', onAwareness);
      const offState = this.relay.onChange(() => this.refresh());
      this.offRelay = () => {
        awareness.off('change', onAwareness);
        offState();
      };
      this.publishPresence();
    }
    this.refresh();
  }

  /** Who writes comments from here, and whose presence this tab shows. */
  setMe(me: Me): void {
    this.me = me;
    this.publishPresence();
    this.refresh();
  }

  /** The section open in this tab's editor (presence). */
  setSection(sectionId: string | null): void {
    this.section = sectionId;
    this.publishPresence();
  }

  private publishPresence(): void {
    if (!this.relay || !this.me?.memberId) return;
    const state: PresenceState = { memberId: this.me.memberId, name: this.me.name, role: this.me.role ?? null, sectionId: this.section };
    this.relay.awareness.setLocalStateField(PRESENCE_FIELD, state);
  }

  get current(): CommentsSnapshot {
    return this.snapshot;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Writes a change to the comments as this tab's user. */
  change(apply: (doc: Y.Doc) => void): void {
    this.doc.transact(() => apply(this.doc), this.origin);
  }

  private refresh(): void {
    if (this.closed) return;
    const awareness = this.relay?.awareness;
    const present = awareness ? presentMembers(awareness.getStates() as Map<number, Record<string, unknown>>, this.me?.memberId ?? null, awareness.clientID) : [];
    const canComment = this.relay?.scope === 'readonly' ? false : this.me?.role !== 'reader';
    const refusal = this.relay?.refusal;
    this.snapshot = { loaded: this.snapshot.loaded, threads: readThreads(this.doc), annotations: readDelegationAnnotations(this.doc), present, relay: this.relay?.state ?? (this.shared ? 'offline' : 'local'), canComment, ...(refusal ? { refusal } : {}), ...(this.unsavedMarking ? { unsavedMarking: this.unsavedMarking } : {}) };
    for (const listener of this.listeners) listener();
  }

  /** Writes the comments made or received since the last save. */
  async flush(): Promise<void> {
    await this.persisted.flush();
  }

  async close(): Promise<void> {
    await this.persisted.close();
    this.closed = true;
    if (typeof window !== 'undefined') {
      window.removeEventListener('offline', this.goOffline);
      window.removeEventListener('online', this.goOnline);
    }
    this.disconnect();
    this.doc.destroy();
    this.listeners.clear();
  }
}

/** A workspace nobody uses is kept this long: moving between sections remounts components, and must not reconnect. */
const KEEP_MS = 2000;
const open = new Map<string, { workspace: CommentsWorkspace; users: number; closing?: ReturnType<typeof setTimeout> }>();

/** The briefing's comments workspace, opened on first use; `release` when done with it. */
export function acquireCommentsWorkspace(briefingId: string): CommentsWorkspace {
  const entry = open.get(briefingId);
  if (entry) {
    entry.users++;
    if (entry.closing) clearTimeout(entry.closing);
    entry.closing = undefined;
    return entry.workspace;
  }
  const workspace = new CommentsWorkspace(briefingId);
  open.set(briefingId, { workspace, users: 1 });
  void workspace.start().catch((error: unknown) => console.error('Could not open the comments', error));
  return workspace;
}

export function releaseCommentsWorkspace(workspace: CommentsWorkspace): void {
  const entry = open.get(workspace.briefingId);
  if (!entry || entry.workspace !== workspace) return;
  if (--entry.users > 0) return;
  entry.closing = setTimeout(() => {
    if (entry.users > 0 || open.get(workspace.briefingId) !== entry) return;
    open.delete(workspace.briefingId);
    void workspace.close();
  }, KEEP_MS);
}
