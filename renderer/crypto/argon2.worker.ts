// First: zod must be jitless before any schema exists (shared/zod-jitless.ts).
import '../../shared/zod-jitless';
import { deriveKek } from './argon2-derive';
import type { KdfParams } from './keyring-row';

/*
 * Argon2id off the interface thread: 64 MiB and 3 passes are most of a second of WebAssembly
 * that would otherwise freeze the lock screen. Each request is answered under its id with the
 * derived key (a non-extractable CryptoKey) or the error's message; `started` says the
 * derivation itself has begun (the module is loaded), for the progress shown.
 */
export type ToArgon2Worker = { kind: 'derive'; reqId: number; passphrase: string; params: KdfParams } | { kind: 'start' };
export type FromArgon2Worker =
  | { reqId: number; kind: 'started' }
  | { reqId: number; kind: 'done'; key: CryptoKey }
  | { reqId: number; kind: 'failed'; message: string };

// The renderer's TypeScript project has the DOM library, not the worker one: the two clash.
const scope = self as unknown as {
  postMessage(message: FromArgon2Worker): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ToArgon2Worker>) => void): void;
};

scope.addEventListener('message', (event) => {
  const message = event.data;
  if (message.kind !== 'derive') return;
  const { reqId } = message;
  scope.postMessage({ reqId, kind: 'started' });
  deriveKek(message.passphrase, message.params).then(
    (key) => scope.postMessage({ reqId, kind: 'done', key }),
    (error: unknown) => scope.postMessage({ reqId, kind: 'failed', message: error instanceof Error ? error.message : String(error) }),
  );
});
