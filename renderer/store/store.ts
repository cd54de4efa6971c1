import { create } from 'zustand';
import { createBodiesTreeSlice, type BodiesTreeSlice } from './bodies-tree-slice';
import { createBriefingEditorSlice, type BriefingEditorSlice } from './briefing-editor-slice';
import { createPrefsSlice, type PrefsSlice } from './prefs-slice';

/**
 * Interface state only, and the briefing draft in flight; records live in the database and
 * are read with useLiveQuery.
 */
export type AppState = PrefsSlice & BodiesTreeSlice & BriefingEditorSlice;

export const useAppStore = create<AppState>()((...a) => ({
  ...createPrefsSlice(...a),
  ...createBodiesTreeSlice(...a),
  ...createBriefingEditorSlice(...a),
}));

/** The state a fresh app starts with, for resetting between tests. */
export const initialAppState = useAppStore.getState();
