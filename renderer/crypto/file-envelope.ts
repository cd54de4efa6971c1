import { newKdfParams, passphraseKey, recoveryKeyKek, unwrapDataKey, importDataKey, WrongSecretError } from './key-wrap';
import type { KdfParams, KeyringRow, WrappedKey } from './keyring-row';
import { parseRecoveryKey } from './recovery-key';

/*
 * Backups and exported briefings as encrypted files. Two ways to lock one:
 * - "keyring": under the delegate's own data key, with the keyring's wrapped copies of that
 *   key inside, so the file opens on a new computer with the passphrase (as it was when the
 *   file was made) or the recovery key, and at once on this one while unlocked;
 * - "export-passphrase": under a key derived (Argon2id, fresh salt) from a passphrase chosen
 *   for this file only, to hand it to a colleague.
 * The header is the additional data of the AES-GCM ciphertext: it cannot be altered either.
 */
export const ENCRYPTED_FILE_FORMAT = 'asean-delegate/encrypted-file';

type B64 = string;
interface KdfJson extends Omit<KdfParams, 'salt'> {
  salt: B64;
}
interface WrappedJson {
  iv: B64;
  sealed: B64;
}
/** How a file's key is found: the keyring's wrapped copies of the data key, or a passphrase for the file alone. */
export type Lock = { kind: 'keyring'; passphrase: { kdf: KdfJson; wrapped: WrappedJson }; recovery: { salt: B64; wrapped: WrappedJson } } | { kind: 'export-passphrase'; kdf: KdfJson };

export interface EncryptedFile {
  format: typeof ENCRYPTED_FILE_FORMAT;
  formatVersion: 1;
  content: 'backup' | 'briefing';
  lock: Lock;
  iv: B64;
  ciphertext: B64;
}

export type OpenSecret = { dataKey: CryptoKey } | { passphrase: string } | { recoveryKey: string };

export function toB64(bytes: Uint8Array): B64 {
  let out = '';
  for (let i = 0; i < bytes.length; i += 0x8000) out += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(out);
}
export function fromB64(text: B64): Uint8Array<ArrayBuffer> {
  const raw = atob(text);
  const out = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
  return out;
}
const kdfToJson = (k: KdfParams): KdfJson => ({ ...k, salt: toB64(k.salt) });
const kdfFromJson = (k: KdfJson): KdfParams => ({ ...k, salt: fromB64(k.salt) });
const wrappedToJson = (w: WrappedKey): WrappedJson => ({ iv: toB64(w.iv), sealed: toB64(w.sealed) });
const wrappedFromJson = (w: WrappedJson): WrappedKey => ({ iv: fromB64(w.iv), sealed: fromB64(w.sealed) });

const headerAad = (file: Pick<EncryptedFile, 'format' | 'formatVersion' | 'content' | 'lock'>) =>
  new TextEncoder().encode(JSON.stringify([file.format, file.formatVersion, file.content, file.lock]));

async function seal(text: string, content: EncryptedFile['content'], lock: Lock, key: CryptoKey): Promise<string> {
  const header = { format: ENCRYPTED_FILE_FORMAT, formatVersion: 1, content, lock } as const;
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const ciphertext = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: headerAad(header) }, key, new TextEncoder().encode(text)));
  return JSON.stringify({ ...header, iv: toB64(iv), ciphertext: toB64(ciphertext) } satisfies EncryptedFile);
}

/** Under the delegate's data key, carrying the keyring's wrapped copies (needs an unlocked app). */
export function sealWithDataKey(text: string, content: EncryptedFile['content'], keyring: KeyringRow, dataKey: CryptoKey): Promise<string> {
  return seal(text, content, keyringLock(keyring), dataKey);
}

/** The keyring's wrapped copies of the data key, as a file carries them (opens elsewhere with the passphrase or recovery key). */
export function keyringLock(keyring: KeyringRow): Lock {
  if (!keyring.passphrase || !keyring.recovery) throw new Error('No passphrase is set.');
  return {
    kind: 'keyring',
    passphrase: { kdf: kdfToJson(keyring.passphrase.kdf), wrapped: wrappedToJson(keyring.passphrase.wrapped) },
    recovery: { salt: toB64(keyring.recovery.salt), wrapped: wrappedToJson(keyring.recovery.wrapped) },
  };
}

/** A lock for a passphrase chosen for one file, and the key it gives. */
export async function exportPassphraseLock(passphrase: string): Promise<{ lock: Lock; key: CryptoKey }> {
  const kdf = newKdfParams();
  return { lock: { kind: 'export-passphrase', kdf: kdfToJson(kdf) }, key: await passphraseKey(passphrase, kdf) };
}

/** Under a passphrase chosen for this file (for a colleague). */
export async function sealWithExportPassphrase(text: string, content: EncryptedFile['content'], passphrase: string): Promise<string> {
  const kdf = newKdfParams();
  return seal(text, content, { kind: 'export-passphrase', kdf: kdfToJson(kdf) }, await passphraseKey(passphrase, kdf));
}

/** The envelope if `text` is one (checked loosely: a wrong one fails to open, not to parse). */
export function readEnvelope(text: string): EncryptedFile | undefined {
  if (!text.trimStart().startsWith('{') || !text.includes(ENCRYPTED_FILE_FORMAT)) return undefined;
  try {
    const value = JSON.parse(text) as Partial<EncryptedFile>;
    return value.format === ENCRYPTED_FILE_FORMAT && value.formatVersion === 1 && typeof value.ciphertext === 'string' && typeof value.iv === 'string' && value.lock ? (value as EncryptedFile) : undefined;
  } catch {
    return undefined;
  }
}

/** The key a lock gives for `secret`, or WrongSecretError (a streamed backup's chunks then fail to open as well). */
export async function keyForLock(lock: Lock, secret: OpenSecret): Promise<CryptoKey> {
  if ('dataKey' in secret) {
    if (lock.kind !== 'keyring') throw new WrongSecretError();
    return secret.dataKey;
  }
  if (lock.kind === 'export-passphrase') {
    if (!('passphrase' in secret)) throw new WrongSecretError();
    return passphraseKey(secret.passphrase, kdfFromJson(lock.kdf));
  }
  let raw: Uint8Array;
  if ('passphrase' in secret) {
    raw = await unwrapDataKey(await passphraseKey(secret.passphrase, kdfFromJson(lock.passphrase.kdf)), wrappedFromJson(lock.passphrase.wrapped), 'passphrase');
  } else {
    const bytes = parseRecoveryKey(secret.recoveryKey);
    if (!bytes) throw new WrongSecretError();
    raw = await unwrapDataKey(await recoveryKeyKek(bytes, fromB64(lock.recovery.salt)), wrappedFromJson(lock.recovery.wrapped), 'recovery');
  }
  try {
    return await importDataKey(raw);
  } finally {
    raw.fill(0);
  }
}

/** The file's text, or WrongSecretError (wrong secret, or a file altered in any byte). */
export async function openEnvelope(file: EncryptedFile, secret: OpenSecret): Promise<string> {
  const key = await keyForLock(file.lock, secret);
  try {
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: fromB64(file.iv), additionalData: headerAad(file) }, key, fromB64(file.ciphertext));
    return new TextDecoder().decode(plain);
  } catch {
    throw new WrongSecretError();
  }
}
