/**
 * A Uint8Array from any realm. `instanceof` fails across realms (a jsdom window, a worker's
 * structured clone in some engines), and a ciphertext must not be refused for where it was made.
 */
export function isBytes(value: unknown): value is Uint8Array {
  return ArrayBuffer.isView(value) && Object.prototype.toString.call(value) === '[object Uint8Array]';
}

export function isArrayBuffer(value: unknown): value is ArrayBuffer {
  return Object.prototype.toString.call(value) === '[object ArrayBuffer]';
}
