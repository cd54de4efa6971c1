import { derivePassphraseKey } from './argon2-client';
import type { KdfParams, WrappedKey } from './keyring-row';

export { MIN_KDF } from './argon2-derive';

/*
 * Key-encryption keys and the wrapping of the data key. The data key is 32 random bytes,
 * imported as a non-extractable AES-GCM key for use; its raw bytes exist only while being
 * wrapped or unwrapped.
 */

export const DEFAULT_KDF = { algorithm: 'argon2id', memoryKiB: 64 * 1024, iterations: 3, parallelism: 1 } as const;

export class WrongSecretError extends Error {
  constructor() {
    super('The passphrase or recovery key is not the right one.');
    this.name = 'WrongSecretError';
  }
}

export function newKdfParams(): KdfParams {
  return { ...DEFAULT_KDF, salt: crypto.getRandomValues(new Uint8Array(16)) };
}

const aesKey = (raw: Uint8Array, usages: KeyUsage[]) => crypto.subtle.importKey('raw', raw as Uint8Array<ArrayBuffer>, { name: 'AES-GCM' }, false, usages);

/** Argon2id in a worker (renderer/crypto/argon2.worker.ts): the interface keeps running meanwhile. */
export function passphraseKey(passphrase: string, params: KdfParams): Promise<CryptoKey> {
  return derivePassphraseKey(passphrase, params);
}

export async function recoveryKeyKek(secret: Uint8Array, salt: Uint8Array): Promise<CryptoKey> {
  const base = await crypto.subtle.importKey('raw', secret as Uint8Array<ArrayBuffer>, 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: salt as Uint8Array<ArrayBuffer>, info: new TextEncoder().encode('asean-delegate/recovery-key/v1') },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

const WRAP_AAD = (purpose: string) => new TextEncoder().encode(`asean-delegate/data-key/v1/${purpose}`);

export async function wrapDataKey(kek: CryptoKey, raw: Uint8Array, purpose: 'passphrase' | 'recovery'): Promise<WrappedKey> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: WRAP_AAD(purpose) }, kek, raw as Uint8Array<ArrayBuffer>));
  return { iv, sealed };
}

export async function unwrapDataKey(kek: CryptoKey, wrapped: WrappedKey, purpose: 'passphrase' | 'recovery'): Promise<Uint8Array> {
  try {
    const raw = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: wrapped.iv as Uint8Array<ArrayBuffer>, additionalData: WRAP_AAD(purpose) }, kek, wrapped.sealed as Uint8Array<ArrayBuffer>);
    return new Uint8Array(raw);
  } catch {
    throw new WrongSecretError();
  }
}

export function newRawDataKey(): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(32));
}

/** The data key for use: non-extractable, so no script can read it back out of memory as bytes. */
export function importDataKey(raw: Uint8Array): Promise<CryptoKey> {
  return aesKey(raw, ['encrypt', 'decrypt']);
}
