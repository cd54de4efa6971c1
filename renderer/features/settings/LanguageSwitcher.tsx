import { useId } from 'react';
import type { Language } from '../../../shared/model';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../store/store';
import { LANGUAGES, saveLanguage } from './language';

/** A select of the three interface languages, each named in its own language. */
export function LanguageSwitcher({ className, label }: { className?: string; label?: string }) {
  const t = useT();
  const id = useId();
  const language = useAppStore((s) => s.language);
  return (
    <span className={className}>
      <label htmlFor={id}>{label ?? t('settings.language')}</label>
      <select
        id={id}
        value={language}
        onChange={(e) => {
          void saveLanguage(e.target.value as Language).catch((error: unknown) => console.error('Could not save the language', error));
        }}
      >
        {LANGUAGES.map((lang) => (
          <option key={lang} value={lang} lang={lang}>
            {t(`settings.lang.${lang}`)}
          </option>
        ))}
      </select>
    </span>
  );
}
