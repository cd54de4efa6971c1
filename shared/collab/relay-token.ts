import { sha256 } from '@noble/hashes/sha2.js';
import { randomBytes } from '@noble/hashes/utils.js';
import { fromBase64, toBase64 } from '../bundle/encoding';
import { RELAY_PROTOCOL } from './relay-protocol';

/*
 * Member tokens: 256 random bits, base64url (43 characters). The lead's app creates one per
 * invitation and gives the relay only its SHA-256 hash, so the relay's data folder never holds a
 * token that would let anyone in. A member sends `adb-relay-1.<token>` as the Hocuspocus token
 * (and as `Authorization: Bearer …` to the members API), which carries the contract version.
 */

export const TOKEN_BYTES = 32;
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export function toBase64Url(bytes: Uint8Array): string {
  return toBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Strict base64url without padding; undefined for anything else. */
export function fromBase64Url(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return undefined;
  const padded = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  return fromBase64(padded);
}

export function newMemberToken(): string {
  return toBase64Url(randomBytes(TOKEN_BYTES));
}

/** Random id for a shared briefing or a member (128 bits, 22 characters). */
export function newRelayId(): string {
  return toBase64Url(randomBytes(16));
}

export function isMemberToken(token: string): boolean {
  return TOKEN.test(token) && fromBase64Url(token)?.length === TOKEN_BYTES;
}

/** base64url SHA-256 of the token's bytes: what the relay stores and compares. */
export function hashMemberToken(token: string): string {
  const bytes = isMemberToken(token) ? fromBase64Url(token) : undefined;
  if (!bytes) throw new Error('not a member token');
  return toBase64Url(sha256(bytes));
}

export const TOKEN_HASH = /^[A-Za-z0-9_-]{43}$/;

/** The string a client passes as the Hocuspocus `token` and as the bearer credential. */
export function relayCredential(token: string): string {
  return `${RELAY_PROTOCOL}.${token}`;
}

export type ParsedCredential = { ok: true; token: string } | { ok: false; code: 'protocol-mismatch' | 'bad-token' };

export function parseRelayCredential(credential: string | undefined | null): ParsedCredential {
  if (typeof credential !== 'string') return { ok: false, code: 'protocol-mismatch' };
  const dot = credential.lastIndexOf('.');
  if (dot === -1 || credential.slice(0, dot) !== RELAY_PROTOCOL) return { ok: false, code: 'protocol-mismatch' };
  const token = credential.slice(dot + 1);
  return isMemberToken(token) ? { ok: true, token } : { ok: false, code: 'bad-token' };
}

const MAX_RELAY_URL_LENGTH = 2048;

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]', 'localhost']);

/**
 * Whether the app may connect to a relay at `url`: `wss://` to any named or numbered host (a
 * ministry's own network included, unlike dataset feeds, which must be public), plain `ws://`
 * only on this machine's loopback, and no credentials, query or fragment in the address.
 */
export function isAllowedRelayUrl(url: string): boolean {
  if (typeof url !== 'string' || url.length > MAX_RELAY_URL_LENGTH) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.username !== '' || parsed.password !== '' || parsed.search !== '' || parsed.hash !== '') return false;
  if (parsed.hostname === '') return false;
  if (parsed.protocol === 'wss:') return true;
  return parsed.protocol === 'ws:' && LOOPBACK_HOSTS.has(parsed.hostname.toLowerCase());
}

/** The members API lives on the same host and port: `wss://host/x` → `https://host/x`. */
export function relayHttpUrl(relayUrl: string, path: string): string {
  const parsed = new URL(relayUrl);
  parsed.protocol = parsed.protocol === 'wss:' ? 'https:' : 'http:';
  parsed.pathname = `${parsed.pathname.replace(/\/$/, '')}${path}`;
  return parsed.href;
}
