import { useCallback, useEffect, useState } from 'react';
import { ensureBuiltinDataset } from '../db/builtin';
import { db } from '../db/db';
import { mark } from './perf';

export type BootState = { phase: 'opening' } | { phase: 'installing'; percent: number } | { phase: 'ready' } | { phase: 'failed'; message: string };

/** Opens the database and makes sure the built-in dataset is installed before the views query it. */
export function useBootstrap(): { state: BootState; retry: () => void } {
  const [state, setState] = useState<BootState>({ phase: 'opening' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let cancelled = false;
    const totals = new Map<string, number>();
    ensureBuiltinDataset(db, (p) => {
      totals.set(p.kind, p.done / Math.max(1, p.total));
      const percent = Math.round(([...totals.values()].reduce((a, b) => a + b, 0) / 6) * 100);
      if (!cancelled) setState({ phase: 'installing', percent });
    })
      .then(() => {
        if (!cancelled) setState({ phase: 'ready' });
        mark('app:ready');
        document.documentElement.dataset.appReady = 'true';
      })
      .catch((error: unknown) => {
        if (!cancelled) setState({ phase: 'failed', message: error instanceof Error ? error.message : String(error) });
      });
    return () => {
      cancelled = true;
    };
  }, [attempt]);
  const retry = useCallback(() => {
    setState({ phase: 'opening' });
    setAttempt((a) => a + 1);
  }, []);
  return { state, retry };
}
