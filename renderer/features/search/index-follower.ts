import { liveQuery } from 'dexie';
import { db } from '../../db/db';
import type { SearchClient } from './client';
import { referenceSignature } from './saved-index';
import { onSearchSourcesChange, registeredSearchSources, type SearchSource } from './sources';

/**
 * Keeps the index current. Reference tables change only through dataset installs, and every
 * install rewrites the `datasets` register, so watching that small table (with table counts as
 * a guard) is enough to know when to re-read them — no need to observe 50k rows. Registered
 * sources (briefings, notes) are loaded and followed through their own subscriptions.
 */
export function startSearchFeed(client: SearchClient): () => void {
  let signature: string | undefined;
  const reference = liveQuery(() => referenceSignature(db)).subscribe({
    next: (next) => {
      if (next === signature) return;
      signature = next;
      client.send({ type: 'load-reference' });
    },
    error: (error: unknown) => console.error('Search index cannot follow the database', error),
  });

  const followed = new Map<string, () => void>();
  const follow = (source: SearchSource) => {
    followed.get(source.kind)?.();
    const reload = () => {
      source.load().then(
        (docs) => client.send({ type: 'replace-kind', kind: source.kind, docs }),
        (error: unknown) => console.error(`Search source ${source.kind} failed to load`, error),
      );
    };
    reload();
    const unsubscribe =
      source.subscribe?.((change) => {
        if (!change) return reload();
        if (change.upsert?.length) client.send({ type: 'upsert', docs: change.upsert });
        if (change.remove?.length) client.send({ type: 'remove', kind: source.kind, ids: change.remove });
      }) ?? (() => undefined);
    followed.set(source.kind, unsubscribe);
  };
  registeredSearchSources().forEach(follow);
  const stopRegistry = onSearchSourcesChange(({ type, source }) => {
    if (type === 'added') follow(source);
    else {
      followed.get(source.kind)?.();
      followed.delete(source.kind);
      client.send({ type: 'replace-kind', kind: source.kind, docs: [] });
    }
  });

  return () => {
    reference.unsubscribe();
    stopRegistry();
    for (const stop of followed.values()) stop();
  };
}
