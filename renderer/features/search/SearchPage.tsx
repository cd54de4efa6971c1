import { useEffect, useId, useRef, useState } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import type { SearchHit, SearchResult } from '../../../shared/search';
import { Page } from '../../components/Page';
import type { T } from '../../i18n/use-t';
import { useT } from '../../i18n/use-t';
import { HitView, useKindLabel } from './HitView';
import { recordRecent } from './recent';
import type { IndexStatus } from './protocol';
import { groupByKind, preparingText, useIndexStatus, useSearchResults } from './use-search';

const LIMIT = 100;

/** What the status line says: how many match every word, how many only some, or nothing and what is near. */
function statusText(t: T, query: string, result: SearchResult | undefined, indexReady: boolean, index: IndexStatus): string {
  if (!query.trim()) return t('search.typeToSearch');
  if (!index.ready) return preparingText(t, index);
  if (!result) return t('common.loading');
  if (result.total === 0) return indexReady ? t('search.noResults', { query: query.trim() }) : t('search.preparing');
  if (result.complete === result.total) return t('search.resultCount', { count: result.total });
  if (result.complete === 0) return t('search.partialOnly', { count: result.total });
  return t('search.resultCountPartial', { complete: result.complete, partial: result.total - result.complete });
}

/**
 * /search?q=...: every result, those matching every word first, grouped by kind, then the
 * partial matches; updated as the delegate types, and following the address when it changes
 * from outside (the palette's Ctrl+Enter, back and forward).
 */
export function SearchPage() {
  const t = useT();
  const id = useId();
  const urlQuery = new URLSearchParams(useSearch()).get('q') ?? '';
  const [, navigate] = useLocation();
  const [query, setQuery] = useState(urlQuery);
  // The address this page last wrote: any other change of it comes from outside and replaces the box.
  const written = useRef(urlQuery);
  useEffect(() => {
    if (urlQuery === written.current) return;
    written.current = urlQuery;
    setQuery(urlQuery);
  }, [urlQuery]);
  const { result, indexReady } = useSearchResults(query, LIMIT);
  const indexStatus = useIndexStatus();
  const shown = result && result.query === query.trim() ? result : undefined;
  const hits = shown?.hits ?? [];

  const onChange = (value: string) => {
    setQuery(value);
    written.current = value.trim() ? value : '';
    // The address follows the query so a search can be bookmarked and reached with back.
    navigate(value.trim() ? `/search?q=${encodeURIComponent(value)}` : '/search', { replace: true });
  };

  return (
    <Page title={t('search.title')}>
      <form role="search" className="search-form" onSubmit={(e) => e.preventDefault()}>
        <label htmlFor={`${id}-q`}>{t('search.inputLabel')}</label>
        <input id={`${id}-q`} type="search" value={query} placeholder={t('search.placeholder')} onChange={(e) => onChange(e.target.value)} autoComplete="off" />
      </form>
      <p role="status" className="result-count">
        {statusText(t, query, shown, indexReady, indexStatus)}
      </p>
      {shown && indexReady && shown.total === 0 && (shown.suggestions?.length ?? 0) > 0 && (
        <div className="suggestions">
          <span>{t('search.suggestions')}</span>
          <ul className="plain-list inline-list">
            {shown.suggestions!.map((word) => (
              <li key={word}>
                <button type="button" className="link-button" aria-label={t('search.suggestionSearch', { word })} onClick={() => onChange(word)}>
                  {word}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      <HitGroups hits={hits.filter((h) => !h.partial)} totals={shown?.complete === shown?.total ? shown?.totals : undefined} idPrefix={`${id}-all`} />
      {hits.some((h) => h.partial) && (
        <section aria-labelledby={`${id}-partial`} className="partial-results">
          <h2 id={`${id}-partial`}>{t('search.partialHeading')}</h2>
          <HitGroups hits={hits.filter((h) => h.partial)} idPrefix={`${id}-some`} level={3} />
        </section>
      )}
    </Page>
  );
}

function HitGroups({ hits, totals, idPrefix, level = 2 }: { hits: SearchHit[]; totals?: Record<string, number>; idPrefix: string; level?: 2 | 3 }) {
  const kindLabel = useKindLabel();
  const Heading = level === 2 ? 'h2' : 'h3';
  return groupByKind(hits).map((group) => (
    <section key={group.kind} aria-labelledby={`${idPrefix}-${group.kind}`} className="panel search-group">
      <Heading id={`${idPrefix}-${group.kind}`}>
        {kindLabel(group.kind)} <span className="muted">({totals?.[group.kind] ?? group.hits.length})</span>
      </Heading>
      <ul className="plain-list">
        {group.hits.map((hit) => (
          <li key={hit.key}>
            <Link href={hit.href} className="hit-link" onClick={() => void recordRecent(hit.key).catch(() => undefined)}>
              <HitView hit={hit} />
            </Link>
          </li>
        ))}
      </ul>
    </section>
  ));
}
