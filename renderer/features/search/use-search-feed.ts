import { useEffect } from 'react';
import { getSearchClient } from './client';
import { startSearchFeed } from './index-follower';

/** Starts the search index once the database is ready and keeps it fed until unmount. */
export function useSearchFeed(ready: boolean): void {
  useEffect(() => {
    if (!ready) return;
    return startSearchFeed(getSearchClient());
  }, [ready]);
}
