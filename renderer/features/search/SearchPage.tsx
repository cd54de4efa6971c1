import { useId, useState } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { Page } from '../../components/Page';
import { useT } from '../../i18n/use-t';
import { HitView, useKindLabel } from './HitView';
import { recordRecent } from './recent';
import { groupByKind, useSearchResults } from './use-search';

const LIMIT = 100;

/** /search?q=...: every result, grouped by kind, updated as the delegate types. */
export function SearchPage() {
  const t = useT();
  const kindLabel = useKindLabel();
  const params = new URLSearchParams(useSearch());
  const [, navigate] = useLocation();
  const [query, setQuery] = useState(params.get('q') ?? '');
  const { result } = useSearchResults(query, LIMIT);
  const id = useId();
  const groups = groupByKind(result?.hits ?? []);

  const onChange = (value: string) => {
    setQuery(value);
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
        {!query.trim()
          ? t('search.typeToSearch')
          : result
            ? result.total === 0
              ? t('search.noResults', { query: query.trim() })
              : t('search.resultCount', { count: result.total })
            : t('common.loading')}
      </p>
      {groups.map((group) => (
        <section key={group.kind} aria-labelledby={`${id}-${group.kind}`} className="panel search-group">
          <h2 id={`${id}-${group.kind}`}>
            {kindLabel(group.kind)} <span className="muted">({result?.totals[group.kind] ?? group.hits.length})</span>
          </h2>
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
      ))}
    </Page>
  );
}
