import { sha256 } from '@noble/hashes/sha2.js';
import { createSHA256 } from 'hash-wasm';

/**
 * Streaming SHA-256 for the bundle's large hashes (the payload's raw bytes, its canonical
 * text, one digest per record). hash-wasm's WebAssembly SHA-256 is two to three times faster
 * than @noble/hashes' JavaScript on a 50 MiB payload, and the app already runs hash-wasm (its
 * Argon2id) under the same CSP ('wasm-unsafe-eval'). Where WebAssembly cannot start (a policy
 * without it, an old engine) the audited @noble/hashes gives the same digests; a unit test
 * holds the two to the same output.
 */
export interface StreamingSha256 {
  /** Starts a new digest (the hasher is reused: no allocation per record). */
  init(): StreamingSha256;
  update(bytes: Uint8Array): StreamingSha256;
  /** The 32-byte digest of what was fed since init(). */
  digest(): Uint8Array;
}

/** Which implementation createSha256 gives (tests pin one). */
export type Sha256Engine = 'wasm' | 'js';

function nobleHasher(): StreamingSha256 {
  let hasher = sha256.create();
  const self: StreamingSha256 = {
    init() {
      hasher = sha256.create();
      return self;
    },
    update(bytes) {
      hasher.update(bytes);
      return self;
    },
    digest: () => hasher.digest(),
  };
  return self;
}

let wasmUnavailable = false;

/** A SHA-256 hasher, WebAssembly where it runs, else JavaScript. */
export async function createSha256(engine: Sha256Engine = 'wasm'): Promise<StreamingSha256> {
  if (engine === 'wasm' && !wasmUnavailable) {
    try {
      const wasm = await createSHA256();
      wasm.init();
      const self: StreamingSha256 = {
        init() {
          wasm.init();
          return self;
        },
        update(bytes) {
          wasm.update(bytes);
          return self;
        },
        digest: () => wasm.digest('binary'),
      };
      return self;
    } catch {
      // A CSP without 'wasm-unsafe-eval' or no WebAssembly: the JavaScript hasher from now on.
      wasmUnavailable = true;
    }
  }
  return nobleHasher();
}
