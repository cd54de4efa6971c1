import type { FeedErrorCode, FeedFetchResult } from './ipc/contract';
import { isPublicHost } from './trusted-url';

/*
 * The rules every feed download follows, whoever fetches it (main in the desktop app, the page
 * in web mode): https to a public host only — never this computer, the local network,
 * link-local or unique-local addresses, checked for the first address and every redirect; an
 * idle timeout plus a generous total one; never more than the size cap in memory
 * (Content-Length first, then the bytes counted as they stream in).
 */

/** No byte for this long ends the download (a dead link, a server that stopped). */
export const FEED_IDLE_TIMEOUT_MS = 60_000;
/** The whole download: 50 MiB over a 128 kbit/s hotel link takes under an hour. */
export const FEED_TOTAL_TIMEOUT_MS = 60 * 60_000;

export const NOT_ALLOWED_MESSAGE = 'feed addresses must use https and name a public server (not this computer or the local network)';

export interface FeedAddressOptions {
  /**
   * Also allow http and https on 127.0.0.1 (any port). Only for tests, which serve feeds there;
   * a delegate's app never sets it. Other loopback names (localhost, ::1) stay refused.
   */
  allowLoopback?: boolean;
}

/** Why the app may not fetch a feed from `url`, or undefined when it may. */
export function feedAddressProblem(url: string, options: FeedAddressOptions = {}): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'not a web address';
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return `${parsed.protocol} addresses are not feeds`;
  if (parsed.username !== '' || parsed.password !== '') return 'feed addresses may not carry a user name or password';
  if (options.allowLoopback && parsed.hostname === '127.0.0.1') return undefined;
  if (parsed.protocol !== 'https:') return 'feed addresses must use https';
  if (!isPublicHost(parsed.hostname)) return `${parsed.hostname} is not a public server (this computer, the local network, or a reserved address)`;
  return undefined;
}

/** Whether the app may fetch a feed from `url` (see feedAddressProblem). */
export function isAllowedFeedUrl(url: string, options: FeedAddressOptions = {}): boolean {
  return feedAddressProblem(url, options) === undefined;
}

export const feedFailure = (code: FeedErrorCode, message: string, status?: number): FeedFetchResult =>
  status === undefined ? { ok: false, code, message } : { ok: false, code, message, status };

/**
 * The two time limits of a download as one signal: the idle one restarts at every `touch()`
 * (response headers, each chunk), the total one never does. `reason()` says which fired.
 */
export interface FeedDeadline {
  signal: AbortSignal;
  touch(): void;
  /** Stops both timers once the download is over. */
  done(): void;
  reason(): 'idle' | 'total' | undefined;
}

export function feedDeadline(idleMs = FEED_IDLE_TIMEOUT_MS, totalMs = FEED_TOTAL_TIMEOUT_MS): FeedDeadline {
  const controller = new AbortController();
  let fired: 'idle' | 'total' | undefined;
  const fire = (which: 'idle' | 'total') => {
    if (fired) return;
    fired = which;
    controller.abort(new DOMException(`the feed ${which === 'idle' ? 'stopped sending' : 'took too long'}`, 'TimeoutError'));
  };
  let idle = setTimeout(() => fire('idle'), idleMs);
  const total = setTimeout(() => fire('total'), totalMs);
  return {
    signal: controller.signal,
    touch() {
      if (fired) return;
      clearTimeout(idle);
      idle = setTimeout(() => fire('idle'), idleMs);
    },
    done() {
      clearTimeout(idle);
      clearTimeout(total);
    },
    reason: () => fired,
  };
}

/** The timeout failure for whichever limit fired. */
export function timeoutFailure(deadline: FeedDeadline, idleMs = FEED_IDLE_TIMEOUT_MS, totalMs = FEED_TOTAL_TIMEOUT_MS): FeedFetchResult {
  return deadline.reason() === 'total'
    ? feedFailure('timeout', `the feed did not finish within ${Math.round(totalMs / 60_000)} minutes`)
    : feedFailure('timeout', `the feed sent nothing for ${idleMs >= 1000 ? `${Math.round(idleMs / 1000)} seconds` : `${idleMs} ms`}`);
}

/**
 * Reads a body up to `maxBytes`; more than that cancels the stream and answers undefined.
 * `onChunk` is told of every chunk (the idle timer restarts there).
 */
export async function readCapped(
  body: ReadableStream<Uint8Array> | null,
  maxBytes: number,
  onChunk: (bytes: number) => void = () => undefined,
): Promise<Uint8Array<ArrayBuffer> | undefined> {
  if (body === null) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    onChunk(value.byteLength);
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

/** A final (non-redirect) response to the feed's bytes: its status, its declared size, then its actual size. */
export async function readFeedResponse(response: Response, url: string, maxBytes: number, onChunk?: (bytes: number) => void): Promise<FeedFetchResult> {
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    return feedFailure('http-status', `the server answered ${response.status}`, response.status);
  }
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    return feedFailure('too-large', `the feed declares ${declared} bytes, more than the ${maxBytes} allowed`);
  }
  const bytes = await readCapped(response.body, maxBytes, onChunk);
  if (bytes === undefined) return feedFailure('too-large', `the feed sent more than the ${maxBytes} bytes allowed`);
  return { ok: true, bytes, url };
}
