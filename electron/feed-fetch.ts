import type { FeedErrorCode, FeedFetchResult } from '../shared/ipc/contract';
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

export const FEED_TIMEOUT_MS = 60_000;
export const FEED_MAX_REDIRECTS = 5;

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]', 'localhost']);

/** Whether the app may fetch a feed from `url`: https anywhere, plain http only on loopback. */
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

function isAbort(error: unknown): boolean {
  return error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
}

/** Reads a body up to `maxBytes`; more than that cancels the stream and answers undefined. */
export async function readCapped(body: ReadableStream<Uint8Array> | null, maxBytes: number): Promise<Uint8Array<ArrayBuffer> | undefined> {
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

export async function fetchFeed(url: string, options: FeedFetchOptions): Promise<FeedFetchResult> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BUNDLE_BYTES;
  const maxRedirects = options.maxRedirects ?? FEED_MAX_REDIRECTS;
  if (!isAllowedFeedUrl(url)) return failure('not-https', 'feed addresses must use https (plain http only on 127.0.0.1, ::1 or localhost)');
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
      return { ok: true, bytes, url: current };
    }
  } catch (error) {
    if (isAbort(error) || signal.aborted) return failure('timeout', 'the feed did not answer in time');
    return failure('network', error instanceof Error ? error.message : String(error));
  }
}
