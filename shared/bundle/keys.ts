import { fromBase64, sha256Bytes, toBase64, toHex, utf8, type Bytes } from './encoding';

/** Prefix of the one-line public key text a delegate pastes or compares. */
export const PUBLIC_KEY_PREFIX = 'aseandb-ed25519:';
/** Prefix of the private key inside a private key file (base64 PKCS#8, what Web Crypto imports). */
export const PRIVATE_KEY_PREFIX = 'aseandb-ed25519-secret:';
const ED25519 = { name: 'Ed25519' } as const;
// Named through Web Crypto itself: the Node and DOM type libraries declare CryptoKey differently.
type SubtleKey = Awaited<ReturnType<typeof globalThis.crypto.subtle.importKey>>;
type SubtleKeyPair = { publicKey: SubtleKey; privateKey: SubtleKey };

export interface PublicKey {
  keyId: string;
  /** The raw 32-byte Ed25519 public key. */
  raw: Bytes;
}

/** Contents of a private key file, as JSON: the secret plus the public half it belongs to. */
export interface PrivateKeyFile {
  comment: string;
  keyId: string;
  publicKey: string;
  privateKey: string;
}

export async function keyIdOf(raw: Bytes): Promise<string> {
  return toHex(await sha256Bytes(raw)).slice(0, 16);
}

/** The full SHA-256 of the key in groups of four, for reading aloud; it starts with the key id. */
export async function fingerprintOf(raw: Bytes): Promise<string> {
  return toHex(await sha256Bytes(raw)).match(/.{4}/g)!.join(' ');
}

export function formatPublicKey(raw: Bytes): string {
  return `${PUBLIC_KEY_PREFIX}${toBase64(raw)}`;
}

/** Reads pasted or file text (surrounding whitespace allowed); undefined when it is not a public key. */
export async function parsePublicKey(text: string): Promise<PublicKey | undefined> {
  const trimmed = text.trim();
  if (!trimmed.startsWith(PUBLIC_KEY_PREFIX)) return undefined;
  const raw = fromBase64(trimmed.slice(PUBLIC_KEY_PREFIX.length));
  if (raw?.length !== 32) return undefined;
  return { keyId: await keyIdOf(raw), raw };
}

export async function generateKeyPair(): Promise<{ publicKey: PublicKey; privateKeyFile: PrivateKeyFile }> {
  const pair = (await globalThis.crypto.subtle.generateKey(ED25519, true, ['sign', 'verify'])) as SubtleKeyPair;
  const raw = new Uint8Array(await globalThis.crypto.subtle.exportKey('raw', pair.publicKey));
  const pkcs8 = new Uint8Array(await globalThis.crypto.subtle.exportKey('pkcs8', pair.privateKey));
  const publicKey = { keyId: await keyIdOf(raw), raw };
  return {
    publicKey,
    privateKeyFile: {
      comment: 'ASEAN Delegate Briefing dataset signing key. SECRET: never share, commit or e-mail this file.',
      keyId: publicKey.keyId,
      publicKey: formatPublicKey(raw),
      privateKey: `${PRIVATE_KEY_PREFIX}${toBase64(pkcs8)}`,
    },
  };
}

export interface Signer {
  publicKey: PublicKey;
  sign(message: Bytes): Promise<Bytes>;
}

/**
 * Loads a private key file. The signer checks its own first signature against the public key
 * in the file, so a file whose halves do not match cannot produce bundles nobody can verify.
 */
export async function loadSigner(fileText: string): Promise<Signer> {
  let file: Partial<PrivateKeyFile>;
  try {
    file = JSON.parse(fileText) as Partial<PrivateKeyFile>;
  } catch {
    throw new Error('not a private key file (it is not JSON)');
  }
  const publicKey = typeof file.publicKey === 'string' ? await parsePublicKey(file.publicKey) : undefined;
  if (!publicKey) throw new Error('not a private key file (no valid "publicKey")');
  const pkcs8 = typeof file.privateKey === 'string' && file.privateKey.startsWith(PRIVATE_KEY_PREFIX)
    ? fromBase64(file.privateKey.slice(PRIVATE_KEY_PREFIX.length))
    : undefined;
  if (!pkcs8) throw new Error('not a private key file (no valid "privateKey")');
  let key: SubtleKey;
  try {
    key = await globalThis.crypto.subtle.importKey('pkcs8', pkcs8, ED25519, false, ['sign']);
  } catch {
    throw new Error('the private key in this file cannot be read as an Ed25519 key');
  }
  const probe = utf8('aseandb key check');
  const probeSignature = new Uint8Array(await globalThis.crypto.subtle.sign(ED25519, key, probe));
  if (!(await verifySignature(publicKey, probe, probeSignature))) {
    throw new Error('the private and public keys in this file do not belong together');
  }
  return {
    publicKey,
    sign: async (message) => new Uint8Array(await globalThis.crypto.subtle.sign(ED25519, key, message)),
  };
}

export async function verifySignature(publicKey: PublicKey, message: Bytes, signature: Bytes): Promise<boolean> {
  if (signature.length !== 64) return false;
  try {
    const key = await globalThis.crypto.subtle.importKey('raw', publicKey.raw, ED25519, false, ['verify']);
    return await globalThis.crypto.subtle.verify(ED25519, key, signature, message);
  } catch {
    // A key Web Crypto will not import (not a curve point) verifies nothing.
    return false;
  }
}
