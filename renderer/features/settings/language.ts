import { useEffect } from 'react';
import { Language, LANGUAGES } from '../../../shared/model';
import { db } from '../../db/db';
import { desktopApi } from '../../platform/platform';
import { useAppStore } from '../../store/store';

/** The interface language is remembered in the settings table under this key. */
export const LANGUAGE_KEY = 'language';

export async function saveLanguage(language: Language): Promise<void> {
  useAppStore.getState().setLanguage(language);
  await db.settings.put({ key: LANGUAGE_KEY, value: language });
}

export async function loadSavedLanguage(): Promise<Language | undefined> {
  const parsed = Language.safeParse((await db.settings.get(LANGUAGE_KEY))?.value);
  return parsed.success ? parsed.data : undefined;
}

/**
 * Restores the remembered language once the database is open, keeps <html lang> on the
 * interface language so screen readers pronounce it right, and in the desktop app tells main,
 * which rebuilds the application menu in the same language.
 */
export function useLanguagePreference(ready: boolean): void {
  const language = useAppStore((s) => s.language);
  const setLanguage = useAppStore((s) => s.setLanguage);
  useEffect(() => {
    if (!ready) return;
    let current = true;
    loadSavedLanguage().then(
      (saved) => {
        if (current && saved) setLanguage(saved);
      },
      (error: unknown) => console.warn('Could not read the saved language', error),
    );
    return () => {
      current = false;
    };
  }, [ready, setLanguage]);
  useEffect(() => {
    document.documentElement.lang = language;
    desktopApi()
      ?.setLanguage(language)
      .then(
        (result) => {
          if (!result.ok) console.warn('The menu could not change language:', result.error.message);
        },
        (error: unknown) => console.warn('The menu could not change language', error),
      );
  }, [language]);
}

export { LANGUAGES };
