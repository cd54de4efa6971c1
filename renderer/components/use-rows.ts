import { useCallback, useEffect, useMemo, useRef, useState } from 'react';

interface KeyedTable<T> {
  bulkGet(keys: string[]): Promise<(T | undefined)[]>;
}

/**
 * The keys of a list in display order, read a page at a time: a list of 100k rows needs its
 * count to lay out its scroll height, and the keys of the rows on screen, not all 100k keys
 * before its first row. Made anew whenever the list's query re-runs.
 */
export interface KeyList {
  readonly count: number;
  /** Keys from..to (exclusive), in display order. */
  keys(from: number, to: number): Promise<readonly string[]>;
}

/** A key list already held in full (a filtered list, a short one). */
export function keyListOf(keys: readonly string[]): KeyList {
  return { count: keys.length, keys: (from, to) => Promise.resolve(keys.slice(from, to)) };
}

const PAGE = 64;

interface Page<T> {
  keys: readonly string[];
  rows: (T | undefined)[];
}

/**
 * Loads the keys and records of a list page by page, as the rows come on screen. A new key list
 * (the list query re-runs whenever its table changes) starts a fresh cache, so edited or
 * replaced records are never shown stale.
 */
export function usePagedRows<T>(table: KeyedTable<T>, list: KeyList | undefined) {
  const [cache, setCache] = useState<{ list: KeyList | undefined; pages: Map<number, Page<T>> }>({ list, pages: new Map() });
  const pending = useRef(new Set<number>());
  const latest = useRef(list);
  const current = cache.list === list ? cache : { list, pages: new Map<number, Page<T>>() };

  useEffect(() => {
    latest.current = list;
    pending.current.clear();
  }, [list]);

  const onRangeChange = useCallback(
    (start: number, end: number) => {
      if (!list) return;
      for (let page = Math.floor(start / PAGE); page <= Math.floor(end / PAGE); page++) {
        const from = page * PAGE;
        if (current.pages.has(page) || pending.current.has(page) || from >= list.count) continue;
        pending.current.add(page);
        void list
          .keys(from, Math.min(from + PAGE, list.count))
          .then(async (keys) => ({ keys, rows: await table.bulkGet([...keys]) }))
          .then((loaded) => {
            // A reply for a key list that has since been replaced is dropped.
            if (latest.current !== list) return;
            setCache((prev) => {
              const pages = prev.list === list ? new Map(prev.pages) : new Map<number, Page<T>>();
              pages.set(page, loaded);
              return { list, pages };
            });
          });
      }
    },
    [list, table, current.pages],
  );

  const rowAt = useCallback((index: number) => current.pages.get(Math.floor(index / PAGE))?.rows[index % PAGE], [current.pages]);
  /** The key of a row, once its page is loaded. */
  const keyAt = useCallback((index: number) => current.pages.get(Math.floor(index / PAGE))?.keys[index % PAGE], [current.pages]);
  return { rowAt, keyAt, onRangeChange };
}

/** usePagedRows over a key list held in full. */
export function useRowsByKeys<T>(table: KeyedTable<T>, keys: readonly string[] | undefined) {
  const list = useMemo(() => (keys ? keyListOf(keys) : undefined), [keys]);
  return usePagedRows(table, list);
}
