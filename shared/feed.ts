import type { FeedErrorCode, FeedFetchResult } from './ipc/contract';

/*
 * The rules every feed download follows, whoever fetches it (main in the desktop app, the page
 * in web mode): https, or plain http on this machine's loopback only; a timeout; never more than
 * the size cap in memory — Content-Length is checked first, then the bytes are counted as they
 * stream in.
 */

export const FEED_TIMEOUT_MS = 60_000;

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]', 'localhost']);

export const NOT_HTTPS_MESSAGE = 'feed addresses must use https (plain http only on 127.0.0.1, ::1 or localhost)';

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

export const feedFailure = (code: FeedErrorCode, message: string, status?: number): FeedFetchResult =>
  status === undefined ? { ok: false, code, message } : { ok: false, code, message, status };

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

/** A final (non-redirect) response to the feed's bytes: its status, its declared size, then its actual size. */
export async function readFeedResponse(response: Response, url: string, maxBytes: number): Promise<FeedFetchResult> {
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    return feedFailure('http-status', `the server answered ${response.status}`, response.status);
  }
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    return feedFailure('too-large', `the feed declares ${declared} bytes, more than the ${maxBytes} allowed`);
  }
  const bytes = await readCapped(response.body, maxBytes);
  if (bytes === undefined) return feedFailure('too-large', `the feed sent more than the ${maxBytes} bytes allowed`);
  return { ok: true, bytes, url };
}
