import { useEffect, useState, useSyncExternalStore } from 'react';
import { Link, useLocation } from 'wouter';
import { useT } from '../../i18n/use-t';
import { checkUpdate, discardUpdate } from '../../datasets/dataset-updates';
import { fetchFeed, loadFeedSettings } from './feed-settings';
import type { UpdatePreview } from '../../datasets/types';

/*
 * "Check at start when online": once per app start, if the delegate asked for it and the
 * browser says it is online, the feed is fetched and checked in the background. An update
 * shows a small notice that never blocks the page; its preview waits here until the Datasets
 * page takes it (or the notice is dismissed, which discards it).
 */

let pending: UpdatePreview | undefined;
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((l) => l());

function setPending(preview: UpdatePreview | undefined): void {
  if (pending && pending.token !== preview?.token) discardUpdate(pending.token);
  pending = preview;
  notify();
}

/** The Datasets page takes the startup preview to show it; the notice then goes away. */
export function takeStartupPreview(): UpdatePreview | undefined {
  const preview = pending;
  pending = undefined;
  notify();
  return preview;
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => void listeners.delete(listener);
};

let started = false;

/** Runs the start-up check (at most once per app start). Returns what it found, for tests. */
export async function runStartupCheck(): Promise<UpdatePreview | undefined> {
  if (started) return undefined;
  started = true;
  const settings = await loadFeedSettings();
  if (!settings.checkAtStart || !settings.url || !navigator.onLine) return undefined;
  const fetched = await fetchFeed(settings.url);
  if (!fetched.ok) {
    console.info('Start-up dataset check: the feed could not be fetched:', fetched.code, fetched.message);
    return undefined;
  }
  const result = await checkUpdate(fetched.bytes, { kind: 'feed', url: settings.url });
  if (!result.ok) {
    // Up to date (no-update, older-version) is the usual answer; refusals are shown on a manual check.
    if (result.code !== 'no-update') console.info('Start-up dataset check:', result.code, result.message);
    return undefined;
  }
  setPending(result.preview);
  return result.preview;
}

/** For tests: forget that the start-up check ran. */
export function resetStartupCheck(): void {
  started = false;
  setPending(undefined);
}

/** The preview the start-up check found and nobody has taken yet. */
export function useStartupPreview(): UpdatePreview | undefined {
  return useSyncExternalStore(subscribe, () => pending);
}

/** Mounted once by the app when the database is ready; shows the notice when an update was found. */
export function StartupUpdateCheck({ ready }: { ready: boolean }) {
  const t = useT();
  const [location] = useLocation();
  const preview = useStartupPreview();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (!ready) return;
    runStartupCheck().catch((error: unknown) => {
      console.warn('Start-up dataset check failed', error);
      setFailed(true);
    });
  }, [ready]);
  if (!preview || failed || location === '/datasets') return null;
  return (
    <div role="status" className="sync-notice">
      <p>
        {t('sync.notice.available', { title: preview.title, version: preview.toVersion })} <Link href="/datasets">{t('sync.notice.review')}</Link>{' '}
        <button type="button" className="link-button" onClick={() => setPending(undefined)}>
          {t('sync.dismiss')}
        </button>
      </p>
    </div>
  );
}
