/**
 * Byte helpers for bundles, on Web Crypto and the WHATWG encoders only, so the same code runs
 * in the renderer, the main process and the command-line tools.
 */

/** A Uint8Array over a plain ArrayBuffer: what Web Crypto accepts as BufferSource. */
export type Bytes = Uint8Array<ArrayBuffer>;

export function utf8(text: string): Bytes {
  return new TextEncoder().encode(text);
}

/** Decodes UTF-8, throwing on invalid sequences instead of inserting U+FFFD (a tampered byte must not pass silently). */
export function fromUtf8(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

export function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Strict base64 (padded, no whitespace); undefined for anything else, so a mangled value never decodes to something. */
export function fromBase64(text: string): Bytes | undefined {
  if (!BASE64.test(text)) return undefined;
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  // Re-encoding must give the same text: rejects non-zero padding bits, which atob tolerates.
  return toBase64(bytes) === text ? bytes : undefined;
}

export async function sha256Bytes(bytes: Bytes): Promise<Bytes> {
  return new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', bytes));
}

export async function sha256HexOfBytes(bytes: Bytes): Promise<string> {
  return toHex(await sha256Bytes(bytes));
}
