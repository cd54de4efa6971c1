import { useCallback } from 'react';
import { useAppStore } from '../store/store';
import { translate, type MessageKey, type Vars } from './translate';

export type T = (key: MessageKey, vars?: Vars) => string;

/** The translation function for the current interface language. */
export function useT(): T {
  const language = useAppStore((s) => s.language);
  return useCallback((key: MessageKey, vars?: Vars) => translate(language, key, vars), [language]);
}
