// First: zod must be jitless before any schema exists (shared/zod-jitless.ts).
import '../../shared/zod-jitless';
import { argon2id } from 'hash-wasm';
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

/*
 * 'start' (sent when the lock screen comes up) compiles and instantiates the WebAssembly with a
 * tiny derivation whose result is thrown away, so the delegate's click pays for Argon2id itself
 * only. The real derivation always runs with the stored parameters (never below MIN_KDF).
 */
let warm: Promise<unknown> | undefined;
function warmUp(): Promise<unknown> {
  warm ??= argon2id({ password: 'warm-up', salt: new Uint8Array(16), parallelism: 1, iterations: 1, memorySize: 8, hashLength: 32, outputType: 'binary' }).catch(() => undefined);
  return warm;
}

scope.addEventListener('message', (event) => {
  const message = event.data;
  if (message.kind === 'start') return void warmUp();
  if (message.kind !== 'derive') return;
  const { reqId } = message;
  scope.postMessage({ reqId, kind: 'started' });
  // After the warm-up (if one is running): the two never share the WebAssembly instance at once.
  (warm ?? Promise.resolve()).then(() => deriveKek(message.passphrase, message.params)).then(
    (key) => scope.postMessage({ reqId, kind: 'done', key }),
    (error: unknown) => scope.postMessage({ reqId, kind: 'failed', message: error instanceof Error ? error.message : String(error) }),
  );
});
