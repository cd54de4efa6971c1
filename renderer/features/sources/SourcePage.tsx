import { useLiveQuery } from 'dexie-react-hooks';
import { Link } from 'wouter';
import { LocalText, OriginalText } from '../../components/LocalText';
import { QuoteLanguage } from '../../components/QuoteLanguage';
import { Field, Page } from '../../components/Page';
import { RecordPage } from '../../components/RecordPage';
import { db } from '../../db/db';
import type { StoredSource } from '../../db/schema';
import { formatPartialDate, languageName } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { toSafeExternalUrl } from '../../../shared/trusted-url';
import { openExternal } from '../../platform/platform';
import { SourceAuthorityBadge } from '../facts/SourceAuthorityBadge';
import { useAppStore } from '../../store/store';

/** How many citing records of each kind the page lists. */
const CITED_SHOWN = 50;

export function SourcePage({ id }: { id: string }) {
  const t = useT();
  return (
    <RecordPage table={db.sources} id={id} what={t('sources.title')}>
      {(source) => <SourceDetail source={source} />}
    </RecordPage>
  );
}

function SourceDetail({ source }: { source: StoredSource }) {
  const t = useT();
  const language = useAppStore((s) => s.language);
  const citedBy = useLiveQuery(async () => {
    const [bodies, meetings, targets, frameworks] = await Promise.all([
      db.bodies.where('sourceIds').equals(source.id).limit(CITED_SHOWN).toArray(),
      db.meetings.where('sourceIds').equals(source.id).limit(CITED_SHOWN).toArray(),
      db.targets.where('sourceIds').equals(source.id).limit(CITED_SHOWN).toArray(),
      db.frameworks.where('sourceIds').equals(source.id).limit(CITED_SHOWN).toArray(),
    ]);
    return [
      ...bodies.map((b) => ({ href: `/bodies/${b.id}`, label: b.acronym, quote: b.sources.find((c) => c.sourceId === source.id)?.quote })),
      ...meetings.map((m) => ({ href: `/meetings/${m.id}`, label: m.code, quote: m.sources.find((c) => c.sourceId === source.id)?.quote })),
      ...frameworks.map((f) => ({ href: `/frameworks/${f.id}`, label: f.title.en ?? f.title.ms ?? f.title.id ?? f.id, quote: undefined })),
      ...targets.map((x) => ({ href: `/targets/${x.id}`, label: `${x.code}. ${x.text.en ?? x.text.ms ?? x.text.id ?? ''}`, quote: undefined })),
    ];
  }, [source.id]);
  return (
    <Page title={<LocalText value={source.title} />} subtitle={t(`sourceKind.${source.kind}`)}>
      <OriginalText value={source.title} />
      <dl className="facts">
        <Field label={t('sources.publisher')}>{source.publisher}</Field>
        <Field label={t('sources.date')}>{source.date && formatPartialDate(source.date, language)}</Field>
        <Field label={t('facts.authority')}>{source.authority && <SourceAuthorityBadge authority={source.authority} />}</Field>
        <Field label={t('sources.language')}>{languageName(source.language, language)}</Field>
        <Field label={t('sources.reference')}>{source.referenceNumber}</Field>
        <Field label={t('sources.url')}>{source.url && <SourceLink url={source.url} />}</Field>
      </dl>
      <section aria-labelledby="excerpt-heading">
        <h2 id="excerpt-heading">{t('sources.excerpt')}</h2>
        {source.excerpt ? (
          <blockquote className="excerpt" lang={source.language}>
            {source.excerpt.split(/\n{2,}/).map((para, i) => (
              <p key={i}>{para}</p>
            ))}
          </blockquote>
        ) : (
          <p className="muted">{t('facts.noExcerpt')}</p>
        )}
        {source.excerpt && <QuoteLanguage tag={source.language} />}
        <p className="muted">{t('sources.provenance', { datasetId: source.prov.datasetId, version: source.prov.version })}</p>
      </section>
      <section aria-labelledby="cited-heading">
        <h2 id="cited-heading">{t('sources.citedBy')}</h2>
        <ul className="cited-by">
          {citedBy?.map((c) => (
            <li key={c.href}>
              <Link href={c.href}>{c.label}</Link>
              {c.quote && (
                <>
                  <blockquote lang={source.language} className="quote">
                    {c.quote}
                  </blockquote>
                  <QuoteLanguage tag={source.language} />
                </>
              )}
            </li>
          ))}
        </ul>
      </section>
    </Page>
  );
}

/**
 * The document's address: a link only when it passes the safe-link check (a public https
 * address, shared/trusted-url.ts), so a stored record from before the schema said https only,
 * or one that slipped past it, shows as plain text and can never run or open anything.
 */
function SourceLink({ url }: { url: string }) {
  const safe = toSafeExternalUrl(url);
  if (safe === undefined) return <span className="unsafe-link">{url}</span>;
  return (
    <a
      href={safe}
      rel="noreferrer noopener"
      target="_blank"
      onClick={(event) => {
        event.preventDefault();
        void openExternal(safe);
      }}
    >
      {safe}
    </a>
  );
}
