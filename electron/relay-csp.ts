import { readFileSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isAllowedRelayUrl } from '../shared/collab/relay-token';

/*
 * The desktop CSP allows the configured relays only. The renderer tells main which relays its
 * shared briefings use (`relay:set-origins`, validated against the relay address rules); main
 * keeps the list in a small file in its user-data folder and puts each relay's origin in
 * `connect-src`: the WebSocket origin (`wss://host:port`, or `ws://` on loopback) and the same
 * host over `https://` (`http://` on loopback) for the members API. A document's CSP is fixed
 * when it loads, so a new relay takes effect once the window reloads (the answer says so).
 */

export const MAX_RELAYS = 50;

/** `connect-src` sources for relay addresses; addresses the rules refuse are left out. */
export function relayConnectSources(urls: readonly string[]): string[] {
  const sources = new Set<string>();
  for (const url of urls) {
    if (!isAllowedRelayUrl(url)) continue;
    const parsed = new URL(url);
    const secure = parsed.protocol === 'wss:';
    sources.add(`${secure ? 'wss' : 'ws'}://${parsed.host}`);
    sources.add(`${secure ? 'https' : 'http'}://${parsed.host}`);
  }
  return [...sources].sort();
}

export function contentSecurityPolicy(relaySources: readonly string[] = []): string {
  return [
    "default-src 'self'",
    // WebAssembly only (Argon2id for the passphrase, hash-wasm); no JavaScript eval.
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    ["connect-src 'self'", ...relaySources].join(' '),
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** The relays main allows, kept across restarts. */
export class RelayOrigins {
  private urls: string[] = [];
  private file: string | undefined;

  /** Reads the saved list (a missing or damaged file is an empty list); at start-up, before the first page is served. */
  load(file: string): void {
    this.file = file;
    try {
      const value: unknown = JSON.parse(readFileSync(file, 'utf8'));
      this.urls = Array.isArray(value) ? value.filter((u): u is string => typeof u === 'string' && isAllowedRelayUrl(u)).slice(0, MAX_RELAYS) : [];
    } catch {
      this.urls = [];
    }
  }

  get sources(): string[] {
    return relayConnectSources(this.urls);
  }

  get policy(): string {
    return contentSecurityPolicy(this.sources);
  }

  /** Replaces the list; `changed` when the CSP differs (the window must reload to use it). */
  async set(urls: readonly string[]): Promise<{ changed: boolean }> {
    const before = this.policy;
    this.urls = [...new Set(urls.filter(isAllowedRelayUrl))].slice(0, MAX_RELAYS);
    const changed = this.policy !== before;
    if (changed && this.file) {
      await mkdir(path.dirname(this.file), { recursive: true });
      const temp = `${this.file}.tmp`;
      await writeFile(temp, JSON.stringify(this.urls), 'utf8');
      await rename(temp, this.file);
    }
    return { changed };
  }
}

/** The one list the protocol handler and the IPC handler share. */
export const relayOrigins = new RelayOrigins();
