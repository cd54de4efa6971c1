import { inThreadPort, WorkerClient, workerPort } from '../workers/worker-client';
import { deriveKek } from './argon2-derive';
import type { FromArgon2Worker, ToArgon2Worker } from './argon2.worker';
import type { KdfParams } from './keyring-row';

/*
 * Key derivation through the app's generic worker client: the lock screen keeps painting (and
 * its progress moving) while Argon2id runs. Where there are no workers (unit and component
 * tests) the same derivation runs on this thread.
 *
 * Progress: Argon2id is one WebAssembly call that reports nothing until it ends, so the
 * fraction shown is the time since the derivation started against how long the last one took
 * on this machine (remembered, it is no secret), held below 95 % until the key is there.
 */
export interface DerivationProgress {
  /** 0..1, or undefined while the worker is still loading. */
  fraction: number | undefined;
}

const EXPECTED_KEY = 'asean-delegate/argon2-ms';
const FIRST_GUESS_MS = 1000;
const listeners = new Set<(progress: DerivationProgress | undefined) => void>();
let current: DerivationProgress | undefined;

function publish(progress: DerivationProgress | undefined): void {
  current = progress;
  for (const listener of listeners) listener(progress);
}

/** The derivation in progress (undefined when none runs), and its changes. */
export function derivationProgress(): DerivationProgress | undefined {
  return current;
}
export function onDerivationProgress(listener: (progress: DerivationProgress | undefined) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function expectedMs(): number {
  try {
    const stored = Number(globalThis.localStorage?.getItem(EXPECTED_KEY));
    return Number.isFinite(stored) && stored > 0 ? stored : FIRST_GUESS_MS;
  } catch {
    return FIRST_GUESS_MS;
  }
}

function remember(ms: number): void {
  try {
    globalThis.localStorage?.setItem(EXPECTED_KEY, String(Math.round(ms)));
  } catch {
    // Storage refused: the next estimate is the first guess again.
  }
}

let client: WorkerClient<ToArgon2Worker, FromArgon2Worker> | undefined;

function argon2Client(): WorkerClient<ToArgon2Worker, FromArgon2Worker> {
  client ??= new WorkerClient<ToArgon2Worker, FromArgon2Worker>({
    name: 'key derivation',
    start: () =>
      typeof Worker === 'undefined'
        ? inThreadPort<ToArgon2Worker, FromArgon2Worker>((post) => ({
            handle: async (message) => {
              if (message.kind !== 'derive') return;
              post({ reqId: message.reqId, kind: 'started' });
              try {
                post({ reqId: message.reqId, kind: 'done', key: await deriveKek(message.passphrase, message.params) });
              } catch (error) {
                post({ reqId: message.reqId, kind: 'failed', message: error instanceof Error ? error.message : String(error) });
              }
            },
          }))
        : workerPort(new Worker(new URL('./argon2.worker.ts', import.meta.url), { type: 'module', name: 'argon2' })),
    requestOf: (message) => message.reqId,
    isFinal: (message) => message.kind !== 'started',
  });
  return client;
}

/** Starts the worker ahead of need (the lock screen does, so its module is loaded before the click). */
export function warmUpKeyDerivation(): void {
  if (typeof Worker !== 'undefined') argon2Client().send({ kind: 'start' });
}

/** The passphrase's key-encryption key, derived in the worker. */
export async function derivePassphraseKey(passphrase: string, params: KdfParams): Promise<CryptoKey> {
  let startedAt: number | undefined;
  let timer: ReturnType<typeof setInterval> | undefined;
  const expected = expectedMs();
  publish({ fraction: undefined });
  try {
    const reply = await argon2Client().request((reqId) => ({ kind: 'derive', reqId, passphrase, params }), {
      onProgress: () => {
        startedAt = performance.now();
        publish({ fraction: 0 });
        timer = setInterval(() => publish({ fraction: Math.min(0.95, (performance.now() - (startedAt ?? 0)) / expected) }), 100);
      },
    });
    if (reply.kind === 'failed') throw new Error(reply.message);
    if (reply.kind !== 'done') throw new Error('The key derivation answered out of turn.');
    if (startedAt !== undefined) remember(performance.now() - startedAt);
    return reply.key;
  } finally {
    if (timer !== undefined) clearInterval(timer);
    publish(undefined);
  }
}
