import type { StateCreator } from 'zustand';
import type { Briefing, Section } from '../../shared/briefing/model';
import { briefingRoots, readBriefing, readBriefingDoc, readSection, type ChangedParts } from '../../shared/collab/briefing-doc';
import { updateBriefingHead, updateSection } from '../../shared/collab/briefing-doc-changes';
import { connectSharedBriefing } from '../collab/briefing-relay';
import { EarlyEdits, readBriefingRows } from '../collab/briefing-early-edits';
import { BriefingSession, SAVE_DELAY_MS, type SessionSaveState } from '../collab/briefing-session';
import type { RelayStatus } from '../collab/connection';
import type { RelayErrorCode } from '../../shared/collab/relay-protocol';
import type { AppState } from './store';
import { recordEditAuthors } from '../features/changes/edit-authors';

/** How long after the last change the draft is written to IndexedDB (well within a second). */
export const AUTOSAVE_DELAY_MS = SAVE_DELAY_MS;

export type SaveState = SessionSaveState;

/** The open briefing as the editor shows it: read from its document after every change. */
export interface BriefingDraft {
  briefing: Briefing;
  sections: Record<string, Section>;
  order: string[];
}

export interface BriefingEditorSlice {
  draft: BriefingDraft | undefined;
  save: SaveState;
  canUndo: boolean;
  canRedo: boolean;
  /** The open briefing's connection to its relay, if it is shared. */
  relay: RelayStatus | undefined;
  /** The last notice the relay sent about this briefing (e.g. `forbidden-write`). */
  relayNotice: RelayErrorCode | undefined;
  /** With an `edits-held` notice: the colleagues whose changes the relay holds (empty when it named none). */
  relayNoticeNames: string[];
  /** Counts the relay's "held changes changed" messages (a lead's connection): the held-changes list reads them again on each. */
  heldChanged: number;
  /** Counts the relay's "members list changed" messages for the open briefing: the members list reads it again on each. */
  membersChanged: number;
  /** Opens a briefing's document for editing; false if there is no such briefing. */
  openBriefing: (id: string) => Promise<boolean>;
  closeDraft: () => Promise<void>;
  /** Connects the open briefing to its relay again (after it was shared or its relay changed). */
  reconnectRelay: () => void;
  /** Changes one section; `field` names what changed, so keystrokes in one field undo together. */
  editSection: (id: string, field: string, update: (section: Section) => Section) => void;
  editBriefing: (field: string, update: (briefing: Briefing) => Briefing) => void;
  undo: () => void;
  redo: () => void;
  flush: () => Promise<void>;
}

/** Removes a field from the carried-over-for-review list once the delegate touches it. */
function touched<T extends { review: string[] }>(value: T, field: string): T {
  const key = field.startsWith('tp:') ? field : field.split('.')[0]!;
  return value.review.includes(key) ? { ...value, review: value.review.filter((r) => r !== key) } : value;
}

/**
 * Resolves once the page has had a chance to paint (what is rendered now reaches the screen
 * before a long task that follows); at once where nothing paints (a hidden tab, tests).
 */
function afterPaint(): Promise<void> {
  if (typeof requestAnimationFrame !== 'function' || typeof document === 'undefined' || document.visibilityState !== 'visible') return Promise.resolve();
  return new Promise((resolve) => {
    // A frame that never comes (the window hidden meanwhile) does not hold the open up.
    const fallback = setTimeout(resolve, 100);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(fallback);
        resolve();
      }, 0),
    );
  });
}

function orderOf(sections: Record<string, Section>): string[] {
  return Object.values(sections)
    .sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1))
    .map((s) => s.id);
}

export const createBriefingEditorSlice: StateCreator<AppState, [], [], BriefingEditorSlice> = (set, get) => {
  let session: BriefingSession | undefined;
  let disconnect: (() => void) | undefined;
  let opening = 0;
  /** While the open briefing is shown from its rows and its document loads: the edits made meanwhile, and the load. */
  let early: { edits: EarlyEdits; loaded: Promise<unknown> } | undefined;

  /** Reads the changed parts of the document into the draft (the rest keeps its identity). */
  const refresh = (open: BriefingSession, parts: ChangedParts) => {
    const draft = get().draft;
    if (open !== session || !draft) return;
    const roots = briefingRoots(open.doc);
    const sections = { ...draft.sections };
    let reorder = false;
    for (const id of parts.sections) {
      const map = roots.sections.get(id);
      if (map) {
        const next = readSection(map);
        if (sections[id]?.order !== next.order || !sections[id]) reorder = true;
        sections[id] = next;
      } else {
        delete sections[id];
        reorder = true;
      }
    }
    set({ draft: { briefing: parts.briefing ? readBriefing(open.doc) : draft.briefing, sections, order: reorder ? orderOf(sections) : draft.order } });
  };

  let connecting = 0;
  const connect = (open: BriefingSession) => {
    disconnect?.();
    disconnect = undefined;
    const ticket = ++connecting;
    void connectSharedBriefing(
      open,
      (relay) => {
        if (session === open) set({ relay });
      },
      (relayNotice, notice) => {
        if (session === open) set({ relayNotice, relayNoticeNames: notice.names ?? [] });
      },
      () => {
        if (session === open) set({ membersChanged: get().membersChanged + 1 });
      },
      () => {
        if (session === open) set({ heldChanged: get().heldChanged + 1 });
      },
    ).then(
      (off) => {
        if (session === open && ticket === connecting) {
          disconnect = off;
          // A briefing kept on this machine only is brought to the current document format now;
          // a shared one is keyed list by list as it is edited (a reader's relay refuses changes).
          if (!off) open.migrateFormat();
        } else off?.();
      },
      (error: unknown) => console.error('Could not connect the briefing to its relay', error),
    );
  };

  const attach = (open: BriefingSession, edits?: EarlyEdits) => {
    const { briefing, sections } = readBriefingDoc(open.doc);
    session = open;
    recordEditAuthors(open.id, open.doc, open.origin);
    open.on('change', (parts) => refresh(open, parts));
    open.on('save', (save) => set({ save }));
    open.on('undo', ({ undo, redo }) => set({ canUndo: undo, canRedo: redo }));
    open.on('replaced', () => {
      // Another tab imported or restored this briefing: show what is stored now.
      if (session !== open) return;
      session = undefined;
      disconnect?.();
      disconnect = undefined;
      void open.close({ save: false }).then(() => get().openBriefing(briefing.id));
    });
    set({
      draft: { briefing, sections: Object.fromEntries(sections.map((s) => [s.id, s])), order: sections.map((s) => s.id) },
      save: { state: 'saved', at: briefing.updatedAt },
      canUndo: false,
      canRedo: false,
      relay: undefined,
      relayNotice: undefined,
    });
    // What was typed while the document loaded goes in now, before another tab's or the relay's changes.
    if (edits && !edits.empty) edits.applyTo(open);
    connect(open);
  };

  return {
    draft: undefined,
    save: { state: 'saved' },
    canUndo: false,
    canRedo: false,
    relay: undefined,
    relayNotice: undefined,
    relayNoticeNames: [],
    heldChanged: 0,
    membersChanged: 0,
    openBriefing: async (id) => {
      if (session || early) await get().closeDraft();
      const ticket = ++opening;
      // The editor is drawn from the rows first; the document (the long part) loads after that paint.
      const rows = await readBriefingRows(id);
      if (ticket !== opening) return false;
      const edits = new EarlyEdits();
      let done: () => void = () => undefined;
      if (rows) {
        early = { edits, loaded: new Promise<void>((resolve) => (done = resolve)) };
        set({
          draft: { briefing: rows.briefing, sections: Object.fromEntries(rows.sections.map((s) => [s.id, s])), order: rows.sections.map((s) => s.id) },
          save: { state: 'saved', at: rows.briefing.updatedAt },
          canUndo: false,
          canRedo: false,
          relay: undefined,
          relayNotice: undefined,
        });
        await afterPaint();
      }
      try {
        const open = await BriefingSession.open(id);
        if (ticket !== opening) {
          // Closed, or another briefing was asked for meanwhile: what was typed is still saved.
          if (open && !edits.empty) edits.applyTo(open);
          await open?.close();
          return false;
        }
        if (!open) {
          set({ draft: undefined });
          return false;
        }
        attach(open, edits);
        return true;
      } finally {
        if (early?.edits === edits) early = undefined;
        done();
      }
    },
    reconnectRelay: () => {
      if (session) connect(session);
    },
    closeDraft: async () => {
      opening++; // a briefing still opening is not wanted any more
      const loading = early?.loaded;
      early = undefined;
      const open = session;
      session = undefined;
      disconnect?.();
      disconnect = undefined;
      set({ draft: undefined, canUndo: false, canRedo: false, relay: undefined, relayNotice: undefined });
      await open?.close();
      // Edits made before its document loaded are saved by the open that is finishing.
      await loading;
    },
    editSection: (id, field, update) => {
      const draft = get().draft;
      const before = draft?.sections[id];
      if ((!session && !early) || !draft || !before) return;
      // Every change moves the last-change time: search re-indexes the rows whose time moved.
      const now = new Date().toISOString();
      const after = { ...touched(update(before), field), updatedAt: now };
      if (!session) {
        early!.edits.section(before, after);
        set({ draft: { ...draft, sections: { ...draft.sections, [id]: after } }, save: { state: 'pending' } });
        return;
      }
      session.change(`section:${id}:${field}`, (doc) => {
        updateSection(doc, after);
        // The briefing's last change moves with every edit of its parts.
        briefingRoots(doc).briefing.set('updatedAt', now);
      });
    },
    editBriefing: (field, update) => {
      const draft = get().draft;
      if ((!session && !early) || !draft) return;
      const after = { ...touched(update(draft.briefing), field), updatedAt: new Date().toISOString() };
      if (!session) {
        early!.edits.head(draft.briefing, after);
        set({ draft: { ...draft, briefing: after }, save: { state: 'pending' } });
        return;
      }
      session.change(`briefing:${field}`, (doc) => updateBriefingHead(doc, after));
    },
    undo: () => session?.undo(),
    redo: () => session?.redo(),
    flush: async () => {
      // A document still loading is written once it is in, with what was typed meanwhile.
      await early?.loaded;
      await session?.flush();
    },
  };
};
