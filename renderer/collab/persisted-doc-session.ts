import * as Y from 'yjs';
import { readDocUpdates } from './doc-log';
import { openTabChannel, type TabChannel, type TabMessage } from './tab-channel';

/** Origin of updates read from the log (they are neither saved again nor sent to other tabs). */
export const FROM_LOG = Symbol('from-log');

/** Origin of updates that came from another tab of this machine (saved here too, not sent back). */
export const FROM_TAB = Symbol('from-tab');

export interface PersistedDocOptions {
  /** How long after the last change the pending updates are written (well within a second). */
  saveDelayMs: number;
  /**
   * Writes the updates made since the last save (merged into one) and whatever the document
   * projects into rows, in one transaction. A rejection keeps the updates for the next save.
   */
  write: (update: Uint8Array) => Promise<void>;
  /** Told when changes wait, when a save starts, ends and fails (for a save indicator). */
  onSaveState?: (state: 'pending' | 'saving' | 'saved' | { error: unknown }) => void;
  /** Runs after each successful save with the number of saves so far (to compact the log now and then). */
  afterSave?: (saves: number) => void | Promise<void>;
  /** The briefing was replaced as a whole (import, restore) in some tab. */
  onReplaced?: () => void;
}

/**
 * A Yjs document kept in this tab and persisted in the app's IndexedDB log (`ydocUpdates`,
 * `doc-log.ts`): every change (this tab's or another's) is written within `saveDelayMs`, in one
 * transaction with what the caller projects from it, and kept live with the app's other tabs
 * over the tab channel (its updates as they are made, a catch-up on open). The briefing, its
 * comments and its control document each hold one; what they do with the document is theirs.
 */
export class PersistedDocSession {
  private pending: Uint8Array[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private saving: Promise<void> = Promise.resolve();
  private saves = 0;
  private closed = false;
  private readonly channel: TabChannel;

  constructor(
    readonly docId: string,
    readonly doc: Y.Doc,
    private readonly options: PersistedDocOptions,
  ) {
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === FROM_LOG) return;
      // Updates from other tabs are saved here too: whichever tab writes first, nothing waits on one tab alone.
      this.pending.push(update);
      if (origin !== FROM_TAB) this.channel.post({ kind: 'update', docId, update });
      this.schedule();
    });
    // Listening from the start: what another tab sends while the log is read is applied too.
    this.channel = openTabChannel(docId, (message) => this.receive(message));
  }

  /** Applies the stored log to the document (as `FROM_LOG`: not saved again, not sent to other tabs). */
  async loadLog(): Promise<void> {
    const updates = await readDocUpdates(this.docId);
    if (this.closed) return;
    this.doc.transact(() => {
      for (const update of updates) Y.applyUpdate(this.doc, update, FROM_LOG);
    }, FROM_LOG);
  }

  /** Asks the other tabs for what this copy lacks (once the log is applied). */
  catchUpWithTabs(): void {
    this.channel.post({ kind: 'sync', docId: this.docId, stateVector: Y.encodeStateVector(this.doc) });
  }

  private receive(message: TabMessage): void {
    if (message.kind === 'update') Y.applyUpdate(this.doc, message.update, FROM_TAB);
    else if (message.kind === 'sync') {
      const missing = Y.encodeStateAsUpdate(this.doc, message.stateVector);
      // An update of an empty delta is a few bytes; skip it.
      if (missing.length > 2) this.channel.post({ kind: 'update', docId: this.docId, update: missing, to: message.from });
    } else if (message.kind === 'replaced') this.options.onReplaced?.();
  }

  /** Changes not yet in IndexedDB. */
  get pendingCount(): number {
    return this.pending.length;
  }

  private schedule(): void {
    if (this.closed) return;
    if (this.timer) clearTimeout(this.timer);
    this.options.onSaveState?.('pending');
    this.timer = setTimeout(() => void this.flush(), this.options.saveDelayMs);
  }

  /** Writes what is pending now. */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.saving;
    if (this.pending.length === 0) return;
    const updates = this.pending;
    this.pending = [];
    this.options.onSaveState?.('saving');
    this.saving = this.options.write(updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates)).then(
      async () => {
        if (this.pending.length === 0) this.options.onSaveState?.('saved');
        await this.options.afterSave?.(++this.saves);
      },
      (error: unknown) => {
        // Keep what failed, ahead of anything newer, so the next attempt writes it again.
        this.pending = [...updates, ...this.pending];
        this.options.onSaveState?.({ error });
      },
    );
    await this.saving;
  }

  /**
   * Saves what is pending (unless `save: false`: the stored document was replaced as a whole,
   * and this copy's unsaved changes belong to the old one) and stops the tab sync. The caller
   * destroys the document.
   */
  async close({ save = true }: { save?: boolean } = {}): Promise<void> {
    if (save) await this.flush();
    else if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.closed = true;
    this.channel.close();
  }
}
