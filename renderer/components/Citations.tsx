import { useLiveQuery } from 'dexie-react-hooks';
import { Link } from 'wouter';
import type { Citation } from '../../shared/model';
import { toSafeExternalUrl } from '../../shared/trusted-url';
import { db } from '../db/db';
import { useT } from '../i18n/use-t';
import { LocalText } from './LocalText';
import { TextPlaceholder } from './Placeholder';
import { QuoteLanguage } from './QuoteLanguage';
import { SourceAuthorityBadge } from '../features/facts/SourceAuthorityBadge';

/** The sources a record cites, each with its quoted passage in the original language. */
export function Citations({ citations }: { citations: Citation[] }) {
  const t = useT();
  const ids = [...new Set(citations.map((c) => c.sourceId))];
  const sources = useLiveQuery(() => db.sources.bulkGet(ids), [ids.join('|')]);
  return (
    <section className="citations" aria-labelledby="citations-heading">
      <h2 id="citations-heading">{t('common.sources')}</h2>
      <ol>
        {citations.map((c, i) => {
          const source = sources?.find((s) => s?.id === c.sourceId);
          return (
            <li key={`${c.sourceId}-${i}`}>
              {sources === undefined ? (
                <TextPlaceholder width="16em" />
              ) : source ? (
                <>
                  <Link href={`/sources/${c.sourceId}`}>
                    <LocalText value={source.title} />
                  </Link>
                  {source.authority && (
                    <>
                      {' '}
                      <SourceAuthorityBadge authority={source.authority} />
                    </>
                  )}
                </>
              ) : (
                <span className="muted">{t('records.missing', { id: c.sourceId })}</span>
              )}
              {c.quote && (
                <>
                  <blockquote lang={source?.language} cite={source?.url ? toSafeExternalUrl(source.url) : undefined}>
                    {c.quote}
                  </blockquote>
                  {source && <QuoteLanguage tag={source.language} />}
                </>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
