import type { StateCreator } from 'zustand';
import type { AppState } from './store';

/** Which nodes of the bodies hierarchy are open; node keys are paths such as `socio-cultural/amme/asoen`. */
export interface BodiesTreeSlice {
  expanded: Record<string, true>;
  toggleNode: (key: string) => void;
  setExpanded: (keys: string[]) => void;
}

export const createBodiesTreeSlice: StateCreator<AppState, [], [], BodiesTreeSlice> = (set) => ({
  // Pillars start open so the top of each reporting line is in view.
  expanded: { 'political-security': true, economic: true, 'socio-cultural': true, 'cross-pillar': true },
  toggleNode: (key) =>
    set((state) => {
      const expanded = { ...state.expanded };
      if (expanded[key]) delete expanded[key];
      else expanded[key] = true;
      return { expanded };
    }),
  setExpanded: (keys) => set({ expanded: Object.fromEntries(keys.map((k) => [k, true as const])) }),
});
