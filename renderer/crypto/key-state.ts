/*
 * What the middleware needs to know, synchronously, on every request: is there a data key in
 * memory, and which tables still hold plain rows from before encryption was set up. The key
 * is a non-extractable CryptoKey held in this module only; lock() drops it.
 */
export type CryptoMode =
  /** No keyring yet (first run) or the delegate chose to work without a passphrase: rows pass through plain. */
  | 'plain'
  /** A passphrase is set and the key is not in memory: encrypted tables refuse every read and write. */
  | 'locked'
  | 'unlocked';

export class LockedError extends Error {
  constructor(table: string) {
    super(`The app is locked: ${table} cannot be read or written until it is unlocked.`);
    this.name = 'LockedError';
  }
}

interface State {
  mode: CryptoMode;
  key?: CryptoKey;
  /** Tables whose rows may still be plain (encryption of an existing database in progress). */
  migrating: Set<string>;
}

const state: State = { mode: 'plain', migrating: new Set() };
const listeners = new Set<(mode: CryptoMode) => void>();

export function cryptoMode(): CryptoMode {
  return state.mode;
}

export function dataKey(): CryptoKey | undefined {
  return state.mode === 'unlocked' ? state.key : undefined;
}

export function isMigrating(table: string): boolean {
  return state.migrating.has(table);
}

export function migratingTables(): string[] {
  return [...state.migrating];
}

export function setMigrating(tables: Iterable<string>): void {
  state.migrating = new Set(tables);
  notify();
}

function notify(): void {
  for (const listener of listeners) listener(state.mode);
}

export function setPlainMode(): void {
  state.mode = 'plain';
  state.key = undefined;
  notify();
}

export function setLocked(): void {
  state.mode = 'locked';
  state.key = undefined;
  notify();
}

export function setUnlocked(key: CryptoKey): void {
  state.key = key;
  state.mode = 'unlocked';
  notify();
}

export function onModeChange(listener: (mode: CryptoMode) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/* Writes in flight through the middleware: lock waits for them so nothing typed is lost. */
let pending = 0;
let drained: (() => void)[] = [];

export function trackWrite<T>(work: Promise<T>): Promise<T> {
  pending += 1;
  const done = () => {
    pending -= 1;
    if (pending === 0) {
      const waiting = drained;
      drained = [];
      waiting.forEach((resolve) => resolve());
    }
  };
  work.then(done, done);
  return work;
}

export function writesSettled(): Promise<void> {
  return pending === 0 ? Promise.resolve() : new Promise((resolve) => drained.push(resolve));
}
