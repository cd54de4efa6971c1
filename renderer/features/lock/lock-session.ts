import { create } from 'zustand';
import { warmUpKeyDerivation } from '../../crypto/argon2-client';
import { encryptExistingRows } from '../../crypto/encrypt-existing';
import { cryptoMode, setLocked, writesSettled } from '../../crypto/key-state';
import type { KeyringRow } from '../../crypto/keyring-row';
import {
  applyStoredState,
  changePassphrase,
  chooseNoPassphrase,
  eraseAllData,
  readKeyring,
  setUpPassphrase,
  unlockWithPassphrase,
  unlockWithRawKey,
  unlockWithRecoveryKey,
  type UnlockResult,
} from '../../crypto/keyring';
import { db } from '../../db/db';
import { chunkStoredPapers } from '../../papers/storage/paper-chunks';
import { desktopApi } from '../../platform/platform';

/*
 * The lock as the interface sees it: which screen is up, and the steps between them. The app
 * itself (routes, stores, live queries, the search index) renders only in the 'open' phase.
 * Locking reloads the page: the one sure way to drop every decrypted copy at once (React
 * state, zustand stores, Dexie's caches, the workers' memory), and the route survives it.
 */
export type LockPhase =
  | { name: 'starting' }
  | { name: 'setup' }
  | { name: 'recovery'; recoveryKey: string }
  | { name: 'locked'; keyring: KeyringRow }
  | { name: 'new-passphrase'; recoveryKey: string }
  | { name: 'encrypting'; done: number; total: number }
  | { name: 'open' }
  | { name: 'locking' }
  | { name: 'failed'; message: string };

export const useLockStore = create<{ phase: LockPhase }>()(() => ({ phase: { name: 'starting' } }));
const show = (phase: LockPhase) => useLockStore.setState({ phase });

let reloadPage = () => location.reload();
/** Component tests cannot reload jsdom; they observe the call instead. */
export function setPageReloader(reload: () => void): void {
  reloadPage = reload;
}

/** Every tab of the web app locks together. */
const channel = typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel('asean-delegate/lock');
channel?.addEventListener('message', (event: MessageEvent) => {
  if (event.data === 'lock') void lockNow(false);
});

/**
 * The app opens; papers still stored whole (before schema 12) are converted to pieces behind it
 * (readers use the old rows meanwhile; a failure leaves them, and the next start goes on).
 */
function showOpen(): void {
  show({ name: 'open' });
  chunkStoredPapers().catch((error: unknown) => console.warn('Papers not yet stored in pieces:', error));
}

const failed = (error: unknown) => show({ name: 'failed', message: error instanceof Error ? error.message : String(error) });

async function finishEncrypting(): Promise<void> {
  const row = await readKeyring(db);
  if (row?.migration) {
    show({ name: 'encrypting', done: row.migration.done, total: row.migration.total });
    await encryptExistingRows(db, (p) => show({ name: 'encrypting', ...p }));
  }
  showOpen();
}

export async function startLockSession(): Promise<void> {
  try {
    const row = await applyStoredState(db);
    if (!row) show({ name: 'setup' });
    else if (row.mode === 'none') showOpen();
    else {
      // The key-derivation worker (and its WebAssembly) loads while the delegate types.
      warmUpKeyDerivation();
      show({ name: 'locked', keyring: row });
    }
  } catch (error) {
    failed(error);
  }
}

export async function setUpWithPassphrase(passphrase: string): Promise<void> {
  const { recoveryKey } = await setUpPassphrase(db, passphrase);
  show({ name: 'recovery', recoveryKey });
}

export async function continueWithoutPassphrase(): Promise<void> {
  await chooseNoPassphrase(db);
  showOpen();
}

/** After the recovery key was shown (set-up) or a new passphrase chosen (recovery). */
export function continueToApp(): void {
  finishEncrypting().catch(failed);
}

export async function unlock(passphrase: string): Promise<UnlockResult> {
  performance.mark('lock:unlock-start');
  const result = await unlockWithPassphrase(db, passphrase);
  // For the bench: how much of an unlock is the key derivation, how much the app starting.
  if (result.ok) performance.measure('lock:key-unwrapped', 'lock:unlock-start');
  if (result.ok) continueToApp();
  else await refreshKeyring();
  return result;
}

export async function unlockByRecoveryKey(recoveryKey: string): Promise<UnlockResult> {
  const result = await unlockWithRecoveryKey(db, recoveryKey);
  if (result.ok) show({ name: 'new-passphrase', recoveryKey });
  else await refreshKeyring();
  return result;
}

export async function chooseNewPassphraseAfterRecovery(recoveryKey: string, passphrase: string): Promise<void> {
  await changePassphrase(db, { recoveryKey }, passphrase);
  continueToApp();
}

/** Desktop quick unlock: the OS unseals the data key, which must pass the key check. */
export async function unlockWithOs(keyring: KeyringRow): Promise<boolean> {
  const api = desktopApi();
  if (!api || !keyring.os) return false;
  const result = await api.unsealKeyWithOs(keyring.os.sealed as Uint8Array<ArrayBuffer>);
  if (!result.ok || !result.value.ok) return false;
  const ok = await unlockWithRawKey(db, result.value.key);
  if (ok) continueToApp();
  return ok;
}

async function refreshKeyring(): Promise<void> {
  const row = await readKeyring(db);
  if (row) show({ name: 'locked', keyring: row });
}

/**
 * Locks: the app unmounts at once, writes already on their way finish under the key, then
 * the key is dropped and the page reloads onto the lock screen.
 */
export async function lockNow(tellOtherTabs = true): Promise<void> {
  if (cryptoMode() !== 'unlocked') return;
  if (tellOtherTabs) channel?.postMessage('lock');
  show({ name: 'locking' });
  // Let unmounting editors hand their last edits to the database before the key goes.
  await new Promise((resolve) => setTimeout(resolve, 0));
  await writesSettled();
  setLocked();
  reloadPage();
}

export async function eraseEverything(): Promise<void> {
  channel?.postMessage('lock');
  show({ name: 'locking' });
  await eraseAllData(db);
  reloadPage();
}
