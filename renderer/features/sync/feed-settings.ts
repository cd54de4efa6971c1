import { useLiveQuery } from 'dexie-react-hooks';
import { DEFAULT_MAX_BUNDLE_BYTES } from '../../../shared/bundle/verify';
import { FEED_TIMEOUT_MS, NOT_HTTPS_MESSAGE, feedFailure, isAllowedFeedUrl, readFeedResponse } from '../../../shared/feed';
import type { FeedFetchResult } from '../../../shared/ipc/contract';
import { db } from '../../db/db';
import { desktopApi } from '../../platform/platform';

/*
 * A feed is an address that serves the latest bundle file itself (docs/sync.md). In the
 * desktop app main fetches it (electron/feed-fetch.ts); in web mode this module does, with the
 * same rules: https, or plain http on loopback only; a timeout; a size cap checked against
 * Content-Length and again while the bytes stream in; redirects left to the browser, which
 * follows at most 20 and never from https to http (mixed content).
 */


/** Setting keys: the feed address and whether to check it at start. */
export const FEED_URL_KEY = 'sync.feedUrl';
export const CHECK_AT_START_KEY = 'sync.checkAtStart';

export interface FeedSettings {
  url: string;
  checkAtStart: boolean;
}

export { isAllowedFeedUrl };

const failure = feedFailure;

export interface WebFeedOptions {
  maxBytes?: number;
  timeoutMs?: number;
  /** Cancels the download (the delegate pressed Cancel). */
  signal?: AbortSignal;
  fetch?: typeof fetch;
}

/** Web mode: fetches the feed with the browser's fetch under the same rules as main. */
export async function fetchFeedInPage(url: string, options: WebFeedOptions = {}): Promise<FeedFetchResult> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BUNDLE_BYTES;
  if (!isAllowedFeedUrl(url)) return failure('not-https', NOT_HTTPS_MESSAGE);
  const timeout = AbortSignal.timeout(options.timeoutMs ?? FEED_TIMEOUT_MS);
  const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
  try {
    const response = await (options.fetch ?? fetch)(url, { signal, cache: 'no-store', credentials: 'omit', headers: { accept: 'application/json' } });
    return await readFeedResponse(response, response.url || url, maxBytes);
  } catch (error) {
    if (timeout.aborted) return failure('timeout', 'the feed did not answer in time');
    if (options.signal?.aborted) return failure('network', 'cancelled');
    return failure('network', error instanceof Error ? error.message : String(error));
  }
}

/** The feed's bytes: through main in the desktop app, with fetch in web mode. */
export async function fetchFeed(url: string, options: WebFeedOptions = {}): Promise<FeedFetchResult> {
  const api = desktopApi();
  if (!api) return fetchFeedInPage(url, options);
  const result = await api.fetchDatasetFeed(url);
  return result.ok ? result.value : failure('network', result.error.message);
}

export async function loadFeedSettings(): Promise<FeedSettings> {
  const [url, checkAtStart] = await Promise.all([db.settings.get(FEED_URL_KEY), db.settings.get(CHECK_AT_START_KEY)]);
  return { url: typeof url?.value === 'string' ? url.value : '', checkAtStart: checkAtStart?.value === true };
}

export function useFeedSettings(): FeedSettings | undefined {
  return useLiveQuery(loadFeedSettings, []);
}

export async function saveFeedUrl(url: string): Promise<void> {
  await db.settings.put({ key: FEED_URL_KEY, value: url.trim() });
}

export async function saveCheckAtStart(enabled: boolean): Promise<void> {
  await db.settings.put({ key: CHECK_AT_START_KEY, value: enabled });
}
