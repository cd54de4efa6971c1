import { cryptoMode, dataKey, migratingTables, onModeChange, setLocked, setMigrating, setUnlocked, setPlainMode, type CryptoMode } from './key-state';

/*
 * A worker that opens the database (the dataset-sync worker) runs the same middleware and
 * needs the same key. The page hands it over by postMessage (a CryptoKey is structured-
 * cloneable and stays non-extractable) when the worker starts and whenever the state changes.
 * Until it hears from the page, a worker is locked: it can never write a row in the clear.
 */
export const CRYPTO_STATE_MESSAGE = 'asean-delegate/crypto-state';

interface CryptoStateMessage {
  type: typeof CRYPTO_STATE_MESSAGE;
  mode: CryptoMode;
  key?: CryptoKey;
  migrating: string[];
}

const isStateMessage = (data: unknown): data is CryptoStateMessage =>
  typeof data === 'object' && data !== null && (data as { type?: unknown }).type === CRYPTO_STATE_MESSAGE;

/** Page side: keeps `worker` in step with this page's key; returns a function that stops. */
export function shareKeyWith(worker: Pick<Worker, 'postMessage'>): () => void {
  const send = (mode: CryptoMode) => {
    const message: CryptoStateMessage = { type: CRYPTO_STATE_MESSAGE, mode, key: mode === 'unlocked' ? dataKey() : undefined, migrating: migratingTables() };
    worker.postMessage(message);
  };
  send(cryptoMode());
  return onModeChange(send);
}

export function isWorkerScope(): boolean {
  return typeof document === 'undefined' && typeof self !== 'undefined' && typeof (self as { importScripts?: unknown }).importScripts === 'function';
}

/** Worker side: starts locked and takes its state from the page's messages (which no other listener sees). */
export function acceptKeyFromPage(scope: { addEventListener(type: 'message', listener: (event: MessageEvent) => void): void }): void {
  setLocked();
  scope.addEventListener('message', (event) => {
    if (!isStateMessage(event.data)) return;
    event.stopImmediatePropagation();
    const { mode, key, migrating } = event.data;
    setMigrating(migrating);
    if (mode === 'unlocked' && key) setUnlocked(key);
    else if (mode === 'plain') setPlainMode();
    else setLocked();
  });
}


