import type { SearchHit } from '../../../shared/search';
import { formatPartialDate, languageName } from '../../i18n/format';
import type { MessageKey } from '../../i18n/translate';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../store/store';
import { Highlighted } from './Highlighted';

const KNOWN_KINDS = ['body', 'meeting', 'agendaItem', 'framework', 'target', 'source', 'contact', 'briefing', 'note', 'paper'];

/** "Bodies", "Meetings"... for a group heading; an unknown kind shows as it is named. */
export function useKindLabel(): (kind: string) => string {
  const t = useT();
  return (kind) => (KNOWN_KINDS.includes(kind) ? t(`search.kind.${kind}` as MessageKey) : kind);
}

/** One result: acronym, title (in the chosen language or marked), why it matched, and its date. */
export function HitView({ hit }: { hit: SearchHit }) {
  const t = useT();
  const language = useAppStore((s) => s.language);
  const marker = hit.titleFallback ? t('common.fallbackMarker', { lang: languageName(hit.titleLang, language) }) : undefined;
  return (
    <span className="hit">
      <span className="hit-main">
        {hit.acronym && (
          <strong className="hit-acronym">
            <Highlighted text={hit.acronym} ranges={hit.acronymRanges} />
          </strong>
        )}
        <span className="hit-title" lang={hit.titleLang}>
          <Highlighted text={hit.title} ranges={hit.titleRanges} />
        </span>
        {marker && (
          <abbr className="lang-marker" title={marker} aria-label={marker}>
            {languageAbbreviation(hit.titleLang)}
          </abbr>
        )}
        {hit.partial && <span className="hit-partial">{t('search.partialMatch', hit.partial)}</span>}
        {hit.date && <span className="hit-date">{formatPartialDate(hit.date, language)}</span>}
      </span>
      {hit.snippet && (
        <span className="hit-snippet" lang={hit.snippetLang}>
          <Highlighted text={hit.snippet} ranges={hit.snippetRanges} />
        </span>
      )}
    </span>
  );
}

/**
 * The marker's short form for any BCP 47 tag: its language subtag in capitals ("TH" for th-TH,
 * "ZH" for zh-Hant), with the script when the tag names one ("ZH-HANT", "MS-ARAB": Jawi is not
 * Rumi). The full name is in the marker's title and accessible name.
 */
export function languageAbbreviation(tag: string): string {
  const [language = tag, ...rest] = tag.split(/[-_]/);
  const script = rest.find((part) => /^[A-Za-z]{4}$/.test(part));
  return (script ? `${language}-${script}` : language).toUpperCase();
}
