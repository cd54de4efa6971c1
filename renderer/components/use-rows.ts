import { useCallback, useEffect, useRef, useState } from 'react';

interface KeyedTable<T> {
  bulkGet(keys: string[]): Promise<(T | undefined)[]>;
}

const PAGE = 64;

/**
 * Loads the records of an ordered key list page by page, as the rows come on screen.
 * A new key list (the list query re-runs whenever its table changes) starts a fresh cache,
 * so edited or replaced records are never shown stale.
 */
export function useRowsByKeys<T>(table: KeyedTable<T>, keys: readonly string[] | undefined) {
  const [cache, setCache] = useState<{ keys: readonly string[] | undefined; rows: Map<number, T | undefined> }>({ keys, rows: new Map() });
  const pending = useRef(new Set<number>());
  const latestKeys = useRef(keys);
  const current = cache.keys === keys ? cache : { keys, rows: new Map<number, T | undefined>() };

  useEffect(() => {
    latestKeys.current = keys;
    pending.current.clear();
  }, [keys]);

  const onRangeChange = useCallback(
    (start: number, end: number) => {
      if (!keys) return;
      for (let page = Math.floor(start / PAGE); page <= Math.floor(end / PAGE); page++) {
        const from = page * PAGE;
        if (current.rows.has(from) || pending.current.has(page) || from >= keys.length) continue;
        pending.current.add(page);
        const slice = keys.slice(from, from + PAGE) as string[];
        void table.bulkGet(slice).then((records) => {
          // A reply for a key list that has since been replaced is dropped.
          if (latestKeys.current !== keys) return;
          setCache((prev) => {
            const rows = prev.keys === keys ? new Map(prev.rows) : new Map<number, T | undefined>();
            records.forEach((r, i) => rows.set(from + i, r));
            return { keys, rows };
          });
        });
      }
    },
    [keys, table, current.rows],
  );

  const rowAt = useCallback((index: number) => current.rows.get(index), [current.rows]);
  return { rowAt, onRangeChange };
}
