import { create } from 'zustand';
import { createBodiesTreeSlice, type BodiesTreeSlice } from './bodies-tree-slice';
import { createPrefsSlice, type PrefsSlice } from './prefs-slice';

/** Interface state only; records live in the database and are read with useLiveQuery. */
export type AppState = PrefsSlice & BodiesTreeSlice;

export const useAppStore = create<AppState>()((...a) => ({
  ...createPrefsSlice(...a),
  ...createBodiesTreeSlice(...a),
}));

/** The state a fresh app starts with, for resetting between tests. */
export const initialAppState = useAppStore.getState();
