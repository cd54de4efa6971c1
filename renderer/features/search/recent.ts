import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import { useLocation } from 'wouter';
import { docKey } from '../../../shared/search';
import { db } from '../../db/db';

/** Recently opened records, newest first, as search keys ("meeting:asoen-36"), in settings key 'recent'. */
export const RECENT_KEY = 'recent';
export const RECENT_MAX = 10;

export async function recordRecent(key: string): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    const current = (await db.settings.get(RECENT_KEY))?.value;
    const list = Array.isArray(current) ? current.filter((k): k is string => typeof k === 'string' && k !== key) : [];
    await db.settings.put({ key: RECENT_KEY, value: [key, ...list].slice(0, RECENT_MAX) });
  });
}

export function useRecentKeys(): string[] {
  const value = useLiveQuery(async () => (await db.settings.get(RECENT_KEY))?.value, []);
  return Array.isArray(value) ? value.filter((k): k is string => typeof k === 'string') : [];
}

/** Which record a route opens; others (lists, settings) are not "items". */
const ROUTES: [RegExp, string][] = [
  [/^\/bodies\/([a-z0-9-]+)$/, 'body'],
  [/^\/meetings\/([a-z0-9-]+)$/, 'meeting'],
  [/^\/frameworks\/([a-z0-9-]+)$/, 'framework'],
  [/^\/targets\/([a-z0-9-]+)$/, 'target'],
  [/^\/sources\/([a-z0-9-]+)$/, 'source'],
];

export function recentKeyFor(path: string): string | undefined {
  for (const [pattern, kind] of ROUTES) {
    const match = pattern.exec(path);
    if (match) return docKey(kind, match[1]!);
  }
  return undefined;
}

/** Remembers every record page the delegate opens, however they got there. */
export function useTrackRecent(enabled: boolean): void {
  const [location] = useLocation();
  useEffect(() => {
    const key = enabled ? recentKeyFor(location) : undefined;
    if (key) recordRecent(key).catch((error: unknown) => console.warn('Could not remember a recent item', error));
  }, [location, enabled]);
}
