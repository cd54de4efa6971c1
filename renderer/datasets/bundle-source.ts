/*
 * The bundle file a check message carries, handed over once to the verifier: a File or Blob
 * (read a slice at a time inside the worker) or bytes whose buffer was transferred.
 */

/** A bundle file handed over once: its size, random access to its bytes, and all of them on request. */
export interface BundleSource {
  readonly size: number;
  /** Bytes start..end of the file (a File/Blob is read a slice at a time). */
  readRange(start: number, end: number): Promise<Uint8Array>;
  /** The whole file's bytes; the source lets go of the file afterwards. */
  read(): Promise<Uint8Array>;
  /** Lets go of the file (bytes handed over are freed at once). */
  release(): void;
  /** readRange gives fresh buffers (slices of a Blob), which the reader may detach once used. */
  readonly fresh: boolean;
}

/**
 * Takes the file out of a check message (the message no longer holds it afterwards), so that
 * nothing but the verifier keeps the bytes. Bytes from another realm count as bytes
 * (ArrayBuffer.isView, not instanceof).
 */
export function takeSource(message: { input?: Blob | Uint8Array }): BundleSource {
  let input = message.input;
  message.input = undefined;
  if (input === undefined) throw new Error('the check message holds no file');
  const size = ArrayBuffer.isView(input) ? input.byteLength : input.size;
  const held = () => {
    if (input === undefined) throw new Error('the file was released');
    return input;
  };
  return {
    size,
    fresh: !ArrayBuffer.isView(input),
    readRange(start, end) {
      const taken = held();
      if (ArrayBuffer.isView(taken)) return Promise.resolve(new Uint8Array(taken.buffer, taken.byteOffset + start, end - start));
      // Slices of the Blob: a picked file is read from disk a piece at a time, never whole.
      return readBlobBytes(taken.slice(start, end));
    },
    async read() {
      const taken = held();
      input = undefined;
      if (ArrayBuffer.isView(taken)) return new Uint8Array(taken.buffer, taken.byteOffset, taken.byteLength);
      // Bytes, decoded strictly by the verifier: Blob.text() would turn invalid UTF-8 into U+FFFD,
      // and in Chromium it gave two-byte strings that doubled the memory of the parsed records.
      return readBlobBytes(taken);
    },
    release() {
      const taken = input;
      input = undefined;
      // Transferred bytes are ours alone: detaching the buffer gives its memory back at once
      // instead of at the next full collection.
      if (ArrayBuffer.isView(taken) && taken.byteOffset === 0 && taken.byteLength === taken.buffer.byteLength) {
        (taken.buffer as { transfer?: (length: number) => unknown }).transfer?.(0);
      }
    },
  };
}

/** A Blob's bytes; through FileReader where Blob has no arrayBuffer() (jsdom). */
function readBlobBytes(blob: Blob): Promise<Uint8Array> {
  if (typeof blob.arrayBuffer === 'function') return blob.arrayBuffer().then((b) => new Uint8Array(b));
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsArrayBuffer(blob);
  });
}
