import type { StateCreator } from 'zustand';
import type { Briefing, Section } from '../../shared/briefing/model';
import { UndoHistory } from '../../shared/briefing/history';
import { saveBriefingChanges } from '../features/briefings/repo';
import type { AppState } from './store';

/** How long after the last change the draft is written to IndexedDB (well within a second). */
export const AUTOSAVE_DELAY_MS = 300;

export type SaveState = { state: 'saved' | 'pending' | 'saving'; at?: string } | { state: 'error'; message: string };

export interface BriefingDraft {
  briefing: Briefing;
  sections: Record<string, Section>;
  order: string[];
}

type Snapshot = Briefing | Section;

export interface BriefingEditorSlice {
  draft: BriefingDraft | undefined;
  save: SaveState;
  canUndo: boolean;
  canRedo: boolean;
  openDraft: (briefing: Briefing, sections: Section[]) => void;
  closeDraft: () => Promise<void>;
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

export const createBriefingEditorSlice: StateCreator<AppState, [], [], BriefingEditorSlice> = (set, get) => {
  const history = new UndoHistory<Snapshot>();
  const dirtySections = new Set<string>();
  let dirtyBriefing = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let saving: Promise<void> = Promise.resolve();

  const schedule = () => {
    if (timer) clearTimeout(timer);
    set({ save: { state: 'pending' }, canUndo: history.canUndo, canRedo: history.canRedo });
    timer = setTimeout(() => void get().flush(), AUTOSAVE_DELAY_MS);
  };

  const apply = (target: string, value: Snapshot) => {
    const draft = get().draft;
    if (!draft) return;
    if (target === 'briefing') {
      dirtyBriefing = true;
      set({ draft: { ...draft, briefing: value as Briefing } });
    } else {
      const id = target.slice('section:'.length);
      dirtySections.add(id);
      set({ draft: { ...draft, sections: { ...draft.sections, [id]: value as Section } } });
    }
    schedule();
  };

  const stamp = <T extends { updatedAt: string }>(v: T): T => ({ ...v, updatedAt: new Date().toISOString() });

  return {
    draft: undefined,
    save: { state: 'saved' },
    canUndo: false,
    canRedo: false,
    openDraft: (briefing, sections) => {
      history.clear();
      dirtySections.clear();
      dirtyBriefing = false;
      set({
        draft: { briefing, sections: Object.fromEntries(sections.map((s) => [s.id, s])), order: [...sections].sort((a, b) => a.order - b.order).map((s) => s.id) },
        save: { state: 'saved', at: briefing.updatedAt },
        canUndo: false,
        canRedo: false,
      });
    },
    closeDraft: async () => {
      await get().flush();
      history.clear();
      set({ draft: undefined, canUndo: false, canRedo: false });
    },
    editSection: (id, field, update) => {
      const draft = get().draft;
      const before = draft?.sections[id];
      if (!draft || !before) return;
      const after = stamp(touched(update(before), field));
      history.record({ target: `section:${id}`, before, after, field, at: Date.now() });
      apply(`section:${id}`, after);
      // The briefing's last change moves with every edit of its parts.
      dirtyBriefing = true;
      set({ draft: { ...get().draft!, briefing: stamp(get().draft!.briefing) } });
    },
    editBriefing: (field, update) => {
      const draft = get().draft;
      if (!draft) return;
      const before = draft.briefing;
      const after = stamp(touched(update(before), field));
      history.record({ target: 'briefing', before, after, field, at: Date.now() });
      apply('briefing', after);
    },
    undo: () => {
      const entry = history.undo();
      if (entry) apply(entry.target, entry.before);
    },
    redo: () => {
      const entry = history.redo();
      if (entry) apply(entry.target, entry.after);
    },
    flush: async () => {
      if (timer) clearTimeout(timer);
      timer = undefined;
      await saving;
      const draft = get().draft;
      if (!draft || (dirtySections.size === 0 && !dirtyBriefing)) return;
      const sections = [...dirtySections].map((id) => draft.sections[id]!).filter(Boolean);
      const briefing = dirtyBriefing ? draft.briefing : undefined;
      dirtySections.clear();
      dirtyBriefing = false;
      set({ save: { state: 'saving' } });
      saving = saveBriefingChanges(briefing, sections).then(
        () => {
          if (get().save.state === 'saving') set({ save: { state: 'saved', at: new Date().toISOString() } });
        },
        (error: unknown) => {
          // Keep the changes marked unsaved so the next attempt writes them again.
          for (const s of sections) dirtySections.add(s.id);
          if (briefing) dirtyBriefing = true;
          set({ save: { state: 'error', message: error instanceof Error ? error.message : String(error) } });
        },
      );
      await saving;
    },
  };
};
