import { argon2id } from 'hash-wasm';
import type { KdfParams } from './keyring-row';

/** The floor the app accepts (issue 13): at least 64 MiB and 3 passes. Stored parameters may be higher. */
export const MIN_KDF = { memoryKiB: 64 * 1024, iterations: 3 } as const;

/**
 * The passphrase's key-encryption key: Argon2id, then imported as a non-extractable AES-GCM
 * key, so the derived bytes never leave the thread that derived them (a worker posts the
 * CryptoKey itself, which stays non-extractable on the page).
 */
export async function deriveKek(passphrase: string, params: KdfParams): Promise<CryptoKey> {
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
    return await crypto.subtle.importKey('raw', hash as Uint8Array<ArrayBuffer>, { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);
  } finally {
    hash.fill(0);
  }
}
