import { languageName } from '../i18n/format';
import { useT } from '../i18n/use-t';
import { useAppStore } from '../store/store';

/** "In Malay" under a passage quoted in its original language, when that is not the interface's. */
export function QuoteLanguage({ tag }: { tag: string }) {
  const t = useT();
  const language = useAppStore((s) => s.language);
  if (tag === language) return null;
  return <small className="muted quote-language">{t('facts.language', { language: languageName(tag, language) })}</small>;
}
