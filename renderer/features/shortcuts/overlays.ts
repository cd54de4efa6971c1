import { create } from 'zustand';

/**
 * Which overlay is open (command palette, keyboard help). Interface state only. Kept in its
 * own small store because the app's bound store (renderer/store/store.ts) belongs to the shell;
 * it can become a slice there without changing callers (they use the hook and actions below).
 */
interface OverlayState {
  overlay: 'palette' | 'help' | undefined;
  open: (overlay: 'palette' | 'help') => void;
  toggle: (overlay: 'palette' | 'help') => void;
  close: () => void;
}

export const useOverlayStore = create<OverlayState>()((set) => ({
  overlay: undefined,
  open: (overlay) => set({ overlay }),
  toggle: (overlay) => set((s) => ({ overlay: s.overlay === overlay ? undefined : overlay })),
  close: () => set({ overlay: undefined }),
}));
