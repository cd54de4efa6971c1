import { useLiveQuery } from 'dexie-react-hooks';
import { DEFAULT_MAX_BUNDLE_BYTES } from '../../../shared/bundle/verify';
import {
  FEED_IDLE_TIMEOUT_MS,
  FEED_TOTAL_TIMEOUT_MS,
  NOT_ALLOWED_MESSAGE,
  feedAddressProblem,
  feedDeadline,
  feedFailure,
  isAllowedFeedUrl as isAllowedByRules,
  readFeedResponse,
  timeoutFailure,
  type FeedAddressOptions,
} from '../../../shared/feed-rules';
import type { FeedFetchResult } from '../../../shared/ipc/contract';
import { db } from '../../db/db';
import { desktopApi } from '../../platform/platform';

/*
 * A feed is an address that serves the latest bundle file itself (docs/sync.md). In the
 * desktop app main fetches it (electron/feed-fetch.ts); in web mode this module does, with the
 * same rules (shared/feed-rules.ts): https to a public host only; an idle and a total time
 * limit; a size cap checked against Content-Length and again while the bytes stream in. A page
 * cannot see where a redirect leads (the browser hides it), so it cannot check the hop: web
 * mode refuses redirects and asks for the final address instead.
 */

/**
 * Tests serve feeds on 127.0.0.1 and ask for them explicitly with this key in the browser
 * profile's local storage (set to "yes"). It is not a setting: no screen sets it and backups
 * do not carry it.
 */
export const LOOPBACK_FEEDS_FOR_TESTS_KEY = 'delegate.loopbackFeedsForTests';

function addressOptions(): FeedAddressOptions {
  try {
    return { allowLoopback: globalThis.localStorage?.getItem(LOOPBACK_FEEDS_FOR_TESTS_KEY) === 'yes' };
  } catch {
    return {};
  }
}

/** Whether a feed address passes the rules (what the address field checks as the delegate types). */
export function isAllowedFeedUrl(url: string): boolean {
  return isAllowedByRules(url, addressOptions());
}

/** Setting keys: the feed address and whether to check it at start. */
export const FEED_URL_KEY = 'sync.feedUrl';
export const CHECK_AT_START_KEY = 'sync.checkAtStart';

export interface FeedSettings {
  url: string;
  checkAtStart: boolean;
}

const failure = feedFailure;

export interface WebFeedOptions extends FeedAddressOptions {
  maxBytes?: number;
  idleTimeoutMs?: number;
  totalTimeoutMs?: number;
  /** Cancels the download (the delegate pressed Cancel). */
  signal?: AbortSignal;
  fetch?: typeof fetch;
}

/** Web mode: fetches the feed with the browser's fetch under the same rules as main. */
export async function fetchFeedInPage(url: string, options: WebFeedOptions = {}): Promise<FeedFetchResult> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BUNDLE_BYTES;
  const idleMs = options.idleTimeoutMs ?? FEED_IDLE_TIMEOUT_MS;
  const totalMs = options.totalTimeoutMs ?? FEED_TOTAL_TIMEOUT_MS;
  const problem = feedAddressProblem(url, options.allowLoopback === undefined ? addressOptions() : options);
  if (problem) return failure('not-https', `${NOT_ALLOWED_MESSAGE}: ${problem}`);
  const deadline = feedDeadline(idleMs, totalMs);
  const signal = options.signal ? AbortSignal.any([deadline.signal, options.signal]) : deadline.signal;
  try {
    const response = await (options.fetch ?? fetch)(url, { signal, redirect: 'manual', cache: 'no-store', credentials: 'omit', headers: { accept: 'application/json' } });
    deadline.touch();
    if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
      return failure('not-https', 'the feed address redirects elsewhere, and a web page cannot check where to: use the address it leads to');
    }
    return await readFeedResponse(response, url, maxBytes, () => deadline.touch());
  } catch (error) {
    if (deadline.reason()) return timeoutFailure(deadline, idleMs, totalMs);
    if (options.signal?.aborted) return failure('network', 'cancelled');
    return failure('network', error instanceof Error ? error.message : String(error));
  } finally {
    deadline.done();
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
