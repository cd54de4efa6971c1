import type { FeedFetchResult } from '../shared/ipc/contract';
import { FEED_TIMEOUT_MS, NOT_HTTPS_MESSAGE, feedFailure, isAllowedFeedUrl, readFeedResponse } from '../shared/feed';
import { DEFAULT_MAX_BUNDLE_BYTES } from '../shared/bundle/verify';

/*
 * Fetching a dataset feed in the main process. The feed address serves the bundle file itself
 * (docs/sync.md). The renderer only names the address; main decides whether it may be fetched
 * (https, or plain http on this machine's loopback for a local publisher and the tests), follows
 * a few redirects checking each hop with the same rule, gives up after a timeout, and never
 * holds more than the size cap: Content-Length is checked first, then the bytes are counted as
 * they stream in.
 */

export interface FeedFetchOptions {
  /** The fetch to use: Electron's net.fetch in the app, Node's fetch in tests. */
  fetch: (url: string, init: RequestInit) => Promise<Response>;
  maxBytes?: number;
  /** For the whole exchange, redirects and body included. */
  timeoutMs?: number;
  maxRedirects?: number;
}

export const FEED_MAX_REDIRECTS = 5;

export { isAllowedFeedUrl };

const failure = feedFailure;

function isAbort(error: unknown): boolean {
  return error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
}

export async function fetchFeed(url: string, options: FeedFetchOptions): Promise<FeedFetchResult> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BUNDLE_BYTES;
  const maxRedirects = options.maxRedirects ?? FEED_MAX_REDIRECTS;
  if (!isAllowedFeedUrl(url)) return failure('not-https', NOT_HTTPS_MESSAGE);
  const signal = AbortSignal.timeout(options.timeoutMs ?? FEED_TIMEOUT_MS);
  let current = url;
  try {
    for (let hop = 0; ; hop++) {
      const response = await options.fetch(current, { redirect: 'manual', signal, headers: { accept: 'application/json' } });
      if (response.status >= 300 && response.status < 400 && response.headers.has('location')) {
        await response.body?.cancel().catch(() => undefined);
        if (hop >= maxRedirects) return failure('network', `more than ${maxRedirects} redirects`);
        const next = new URL(response.headers.get('location')!, current).href;
        // A redirect may not leave https, nor lead anywhere a first address could not.
        if (!isAllowedFeedUrl(next) || (new URL(current).protocol === 'https:' && !next.startsWith('https:'))) {
          return failure('not-https', `redirected to an address that is not allowed: ${next}`);
        }
        current = next;
        continue;
      }
      if (response.type === 'opaqueredirect') return failure('network', 'the redirect could not be followed');
      return await readFeedResponse(response, current, maxBytes);
    }
  } catch (error) {
    if (isAbort(error) || signal.aborted) return failure('timeout', 'the feed did not answer in time');
    return failure('network', error instanceof Error ? error.message : String(error));
  }
}
