import { argon2id } from 'hash-wasm';
import type { KdfParams, WrappedKey } from './keyring-row';

/*
 * Key-encryption keys and the wrapping of the data key. The data key is 32 random bytes,
 * imported as a non-extractable AES-GCM key for use; its raw bytes exist only while being
 * wrapped or unwrapped.
 */

/** The floor the app accepts (issue 13): at least 64 MiB and 3 passes. Stored parameters may be higher. */
export const MIN_KDF = { memoryKiB: 64 * 1024, iterations: 3 } as const;
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

export async function passphraseKey(passphrase: string, params: KdfParams): Promise<CryptoKey> {
  if (params.algorithm !== 'argon2id' || params.memoryKiB < MIN_KDF.memoryKiB || params.iterations < MIN_KDF.iterations) {
    throw new Error('The stored key-derivation parameters are below the minimum the app accepts.');
  }
  const hash = await argon2id({
    password: passphrase.normalize('NFC'),
    salt: params.salt,
    parallelism: params.parallelism,
    iterations: params.iterations,
    memorySize: params.memoryKiB,
    hashLength: 32,
    outputType: 'binary',
  });
  try {
    return await aesKey(hash, ['encrypt', 'decrypt']);
  } finally {
    hash.fill(0);
  }
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
