import { useLiveQuery } from 'dexie-react-hooks';
import { DEFAULT_MAX_BUNDLE_BYTES } from '../../../shared/bundle/verify';
import type { FeedErrorCode, FeedFetchResult } from '../../../shared/ipc/contract';
import { db } from '../../db/db';
import { desktopApi } from '../../platform/platform';

/*
 * A feed is an address that serves the latest bundle file itself (docs/sync.md). In the
 * desktop app main fetches it (electron/feed-fetch.ts); in web mode this module does, with the
 * same rules: https, or plain http on loopback only; a timeout; a size cap checked against
 * Content-Length and again while the bytes stream in; redirects left to the browser, which
 * follows at most 20 and never from https to http (mixed content).
 */

export const FEED_TIMEOUT_MS = 60_000;
const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]', 'localhost']);

/** Setting keys: the feed address and whether to check it at start. */
export const FEED_URL_KEY = 'sync.feedUrl';
export const CHECK_AT_START_KEY = 'sync.checkAtStart';

export interface FeedSettings {
  url: string;
  checkAtStart: boolean;
}

export function isAllowedFeedUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === 'https:') return true;
  return parsed.protocol === 'http:' && LOOPBACK_HOSTS.has(parsed.hostname);
}

const failure = (code: FeedErrorCode, message: string, status?: number): FeedFetchResult =>
  status === undefined ? { ok: false, code, message } : { ok: false, code, message, status };

async function readCapped(body: ReadableStream<Uint8Array> | null, maxBytes: number): Promise<Uint8Array<ArrayBuffer> | undefined> {
  if (body === null) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

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
  if (!isAllowedFeedUrl(url)) return failure('not-https', 'feed addresses must use https (plain http only on 127.0.0.1, ::1 or localhost)');
  const timeout = AbortSignal.timeout(options.timeoutMs ?? FEED_TIMEOUT_MS);
  const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
  try {
    const response = await (options.fetch ?? fetch)(url, { signal, cache: 'no-store', credentials: 'omit', headers: { accept: 'application/json' } });
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      return failure('http-status', `the server answered ${response.status}`, response.status);
    }
    const declared = Number(response.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > maxBytes) {
      await response.body?.cancel().catch(() => undefined);
      return failure('too-large', `the feed declares ${declared} bytes, more than the ${maxBytes} allowed`);
    }
    const bytes = await readCapped(response.body, maxBytes);
    if (bytes === undefined) return failure('too-large', `the feed sent more than the ${maxBytes} bytes allowed`);
    return { ok: true, bytes, url: response.url || url };
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
