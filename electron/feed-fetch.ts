import type { FeedFetchResult } from '../shared/ipc/contract';
import {
  FEED_IDLE_TIMEOUT_MS,
  FEED_TOTAL_TIMEOUT_MS,
  NOT_ALLOWED_MESSAGE,
  feedAddressProblem,
  feedDeadline,
  feedFailure,
  isAllowedFeedUrl,
  readFeedResponse,
  timeoutFailure,
  type FeedAddressOptions,
} from '../shared/feed-rules';
import { isPublicIpAddress } from '../shared/trusted-url';
import { DEFAULT_MAX_BUNDLE_BYTES } from '../shared/bundle/verify';

/*
 * Fetching a dataset feed in the main process. The feed address serves the bundle file itself
 * (docs/sync.md). The renderer only names the address; main decides whether it may be fetched
 * (https to a public host: shared/feed-rules.ts), follows a few redirects checking every hop
 * with the same rule, resolves each host name first so a public name that points into the
 * local network is refused too, gives up when the server stops sending (idle limit) or after a
 * generous total, and never holds more than the size cap.
 */

export interface FeedFetchOptions extends FeedAddressOptions {
  /** The fetch to use: Electron's net.fetch in the app, Node's fetch in tests. */
  fetch: (url: string, init: RequestInit) => Promise<Response>;
  /**
   * The addresses a host name resolves to (dns.lookup in the app). Any that is not public
   * refuses the hop. Left out, names are checked by their spelling only.
   */
  resolveHost?: (hostname: string) => Promise<string[]>;
  maxBytes?: number;
  /** No byte for this long ends the download. */
  idleTimeoutMs?: number;
  /** For the whole exchange, redirects and body included. */
  totalTimeoutMs?: number;
  maxRedirects?: number;
}

export const FEED_MAX_REDIRECTS = 5;

export { isAllowedFeedUrl };

const failure = feedFailure;

function isAbort(error: unknown): boolean {
  return error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
}

/** Why a hop may not be fetched, by its address and, with a resolver, by where its name points. */
async function hopProblem(url: string, options: FeedFetchOptions): Promise<string | undefined> {
  const problem = feedAddressProblem(url, options);
  if (problem || !options.resolveHost) return problem;
  const { hostname } = new URL(url);
  if (hostname.startsWith('[') || /^[\d.]+$/.test(hostname)) return undefined; // an address, already checked
  const addresses = await options.resolveHost(hostname);
  const inside = addresses.find((address) => !isPublicIpAddress(address));
  return inside === undefined ? undefined : `${hostname} points to ${inside}, which is not a public server`;
}

export async function fetchFeed(url: string, options: FeedFetchOptions): Promise<FeedFetchResult> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BUNDLE_BYTES;
  const maxRedirects = options.maxRedirects ?? FEED_MAX_REDIRECTS;
  const idleMs = options.idleTimeoutMs ?? FEED_IDLE_TIMEOUT_MS;
  const totalMs = options.totalTimeoutMs ?? FEED_TOTAL_TIMEOUT_MS;
  const deadline = feedDeadline(idleMs, totalMs);
  let current = url;
  try {
    for (let hop = 0; ; hop++) {
      const problem = await hopProblem(current, options);
      if (problem) return failure('not-https', hop === 0 ? `${NOT_ALLOWED_MESSAGE}: ${problem}` : `redirected to an address that is not allowed: ${current} (${problem})`);
      const response = await options.fetch(current, { redirect: 'manual', signal: deadline.signal, headers: { accept: 'application/json' } });
      deadline.touch();
      if (response.status >= 300 && response.status < 400 && response.headers.has('location')) {
        await response.body?.cancel().catch(() => undefined);
        if (hop >= maxRedirects) return failure('network', `more than ${maxRedirects} redirects`);
        const next = new URL(response.headers.get('location')!, current).href;
        // A redirect may not leave https, even for the loopback tests allow.
        if (new URL(current).protocol === 'https:' && !next.startsWith('https:')) {
          return failure('not-https', `redirected to an address that is not allowed: ${next} (not https)`);
        }
        current = next;
        continue;
      }
      if (response.type === 'opaqueredirect') return failure('network', 'the redirect could not be followed');
      return await readFeedResponse(response, current, maxBytes, () => deadline.touch());
    }
  } catch (error) {
    if (deadline.reason()) return timeoutFailure(deadline, idleMs, totalMs);
    if (isAbort(error)) return failure('network', 'cancelled');
    return failure('network', error instanceof Error ? error.message : String(error));
  } finally {
    deadline.done();
  }
}
