import { safeStorage } from 'electron';
import type { IpcRequest, OsKeyStatus, OsSealResult, OsUnsealResult } from '../shared/ipc/contract';
import { DATA_KEY_BYTES } from '../shared/ipc/contract';

/*
 * Quick unlock through the operating system: the data key sealed by safeStorage (Keychain on
 * macOS, DPAPI on Windows, the Secret Service or KWallet on Linux). On Linux with no keyring
 * running, safeStorage falls back to "basic_text", a hard-coded key: that would be a plaintext
 * copy of the data key in all but name, so it is refused, never used silently.
 */
const PLAIN_BACKENDS = new Set(['basic_text', 'unknown']);

export function osKeyStatus(): OsKeyStatus {
  const backend = process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : process.platform === 'darwin' ? 'keychain' : 'dpapi';
  return { available: safeStorage.isEncryptionAvailable() && !PLAIN_BACKENDS.has(backend), backend };
}

export function sealKeyWithOs({ key }: IpcRequest<'os-key:seal'>): OsSealResult {
  const status = osKeyStatus();
  if (!status.available) return { ok: false, reason: 'unavailable', backend: status.backend };
  const sealed = safeStorage.encryptString(Buffer.from(key).toString('base64'));
  return { ok: true, sealed: new Uint8Array(sealed), backend: status.backend };
}

export function unsealKeyWithOs({ sealed }: IpcRequest<'os-key:unseal'>): OsUnsealResult {
  const status = osKeyStatus();
  if (!status.available) return { ok: false, reason: 'unavailable', backend: status.backend };
  try {
    const key = Buffer.from(safeStorage.decryptString(Buffer.from(sealed)), 'base64');
    if (key.byteLength !== DATA_KEY_BYTES) return { ok: false, reason: 'failed', backend: status.backend };
    return { ok: true, key: new Uint8Array(key) };
  } catch {
    return { ok: false, reason: 'failed', backend: status.backend };
  }
}
