import { otherLanguageText, pickText, type LocalizedText } from '../../shared/model';
import { useT } from '../i18n/use-t';
import { useAppStore } from '../store/store';

/** Dataset text in the interface language, or in the language it exists in with a visible marker. */
export function LocalText({ value }: { value: LocalizedText }) {
  const language = useAppStore((s) => s.language);
  const t = useT();
  const picked = pickText(value, language);
  if (!picked.fallback) return <span lang={picked.lang}>{picked.text}</span>;
  const marker = t('common.fallbackMarker', { lang: t(`lang.${picked.lang}`) });
  return (
    <span lang={picked.lang}>
      {picked.text}{' '}
      <abbr className="lang-marker" title={marker} aria-label={marker}>
        {picked.lang.toUpperCase()}
      </abbr>
    </span>
  );
}

/** Plain string for attributes and titles. */
export function useLocalString(): (value: LocalizedText | undefined) => string {
  const language = useAppStore((s) => s.language);
  return (value) => (value ? pickText(value, language).text : '');
}

/** The original Malay or Indonesian wording under an English name. */
export function OriginalText({ value }: { value: LocalizedText }) {
  const language = useAppStore((s) => s.language);
  const t = useT();
  const shown = pickText(value, language);
  const other = otherLanguageText(value, shown.lang);
  if (!other) return null;
  return (
    <p className="original">
      <span className="label">{t('common.originalLanguage', { lang: t(`lang.${other.lang}`) })}: </span>
      <span lang={other.lang}>{other.text}</span>
    </p>
  );
}
