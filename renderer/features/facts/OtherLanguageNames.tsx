import type { TaggedText } from '../../../shared/model';
import { languageName } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../store/store';

/**
 * A name or title in languages other than the app's three (Thai, Vietnamese, Khmer...), each
 * with its language named in the interface language and marked up with its BCP 47 tag, so a
 * screen reader and the browser's fonts treat it as that language.
 */
export function OtherLanguageNames({ texts }: { texts: readonly TaggedText[] | undefined }) {
  const t = useT();
  const language = useAppStore((s) => s.language);
  if (!texts || texts.length === 0) return null;
  return (
    <div className="other-languages">
      <span className="label">{t('facts.otherNames')}:</span>
      <ul className="inline-list">
        {texts.map((text) => (
          <li key={`${text.lang}:${text.text}`}>
            <span className="other-language-name">{languageName(text.lang, language)}</span>: <span lang={text.lang}>{text.text}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
