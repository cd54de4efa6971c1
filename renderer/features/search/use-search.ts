import { useEffect, useState, useSyncExternalStore } from 'react';
import type { SearchHit, SearchResult } from '../../../shared/search';
import type { T } from '../../i18n/use-t';
import { useAppStore } from '../../store/store';
import { getSearchClient, QuerySkippedError } from './client';
import type { IndexStatus } from './protocol';

/** The index status (ready, document count, revision), re-rendering on every index change. */
export function useIndexStatus(): IndexStatus {
  const client = getSearchClient();
  return useSyncExternalStore(
    (onChange) => client.onStatus(onChange),
    () => client.status,
  );
}

export interface SearchState {
  /** The query the shown result answers (lags the typed one by one round trip). */
  result: SearchResult | undefined;
  searching: boolean;
  /** False until the reference index is first built: an empty answer then means "not yet", never "nothing". */
  indexReady: boolean;
}

/** What to say while the index is not built yet: how far it is, once the worker has begun. */
export function preparingText(t: T, status: IndexStatus): string {
  return status.percent === undefined ? t('search.preparing') : t('search.preparingPercent', { percent: status.percent });
}

/** Results for `q` as it is typed; a stale answer never replaces a newer one. */
export function useSearchResults(q: string, limit = 30): SearchState {
  const language = useAppStore((s) => s.language);
  const { revision, ready } = useIndexStatus();
  // Each answer remembers whether the index was built when it was asked: an answer from before
  // the first build may stay on screen for a moment after it, and must not read as "nothing".
  const [answer, setAnswer] = useState<{ result: SearchResult; indexReady: boolean } | undefined>(undefined);
  const trimmed = q.trim();
  useEffect(() => {
    if (!trimmed) return;
    let current = true;
    // Typing on cancels the previous query: if the worker has not begun it, it never runs.
    const stale = new AbortController();
    getSearchClient()
      .query(trimmed, language, limit, stale.signal)
      .then(
        (result) => {
          if (current) setAnswer({ result, indexReady: ready });
        },
        (error: unknown) => {
          if (!(error instanceof QuerySkippedError)) console.error('Search failed', error);
        },
      );
    return () => {
      current = false;
      stale.abort();
    };
  }, [trimmed, language, limit, revision, ready]);
  if (!trimmed) return { result: undefined, searching: false, indexReady: ready };
  return { result: answer?.result, searching: answer?.result.query !== trimmed, indexReady: answer?.indexReady ?? false };
}

/** Display forms of documents by key (recently opened items). */
export function useDescribedHits(keys: readonly string[]): SearchHit[] {
  const language = useAppStore((s) => s.language);
  const { revision } = useIndexStatus();
  const [hits, setHits] = useState<SearchHit[]>([]);
  const joined = keys.join('\n');
  useEffect(() => {
    let current = true;
    const wanted = joined ? joined.split('\n') : [];
    if (wanted.length === 0) {
      setHits([]);
      return;
    }
    getSearchClient()
      .describe(wanted, language)
      .then((h) => current && setHits(h), (error: unknown) => console.error('Search describe failed', error));
    return () => {
      current = false;
    };
  }, [joined, language, revision]);
  return hits;
}

export interface HitGroup {
  kind: string;
  hits: SearchHit[];
}

/** Hits grouped by kind, groups ordered by their best hit (hits arrive best first). */
export function groupByKind(hits: readonly SearchHit[]): HitGroup[] {
  const groups = new Map<string, SearchHit[]>();
  for (const hit of hits) {
    const list = groups.get(hit.kind);
    if (list) list.push(hit);
    else groups.set(hit.kind, [hit]);
  }
  return [...groups].map(([kind, list]) => ({ kind, hits: list }));
}
