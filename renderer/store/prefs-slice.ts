import type { StateCreator } from 'zustand';
import type { Language } from '../../shared/model';
import type { AppState } from './store';

export interface PrefsSlice {
  language: Language;
  setLanguage: (language: Language) => void;
}

export const createPrefsSlice: StateCreator<AppState, [], [], PrefsSlice> = (set) => ({
  language: 'en',
  setLanguage: (language) => set({ language }),
});
