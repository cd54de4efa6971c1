import type { ExternalReference } from '../dataset/dependencies';
import { fromUtf8, utf8 } from './encoding';
import type { RecordDigests } from './payload';
import type { PublicKey } from './keys';
import type { BoundSigners, SignerDecision } from './signers';
import { formatBytes, refuse, type Refusal } from './refusal';
import { MAX_HEADER_BYTES, type BundleManifest, type BundlePayload, type BundleSignature } from './schema';
import type { ByteReader } from './stream-parse';
import { verifyLegacyBundle } from './verify-legacy';
import { verifyLinesBundle } from './verify-lines';

export { MAX_MANIFEST_CHARS } from './verify-checks';

/**
 * Default size cap: a 100k-record bundle is about 50 MiB, so this leaves room for growth while
 * refusing files that could exhaust memory while being parsed.
 */
export const DEFAULT_MAX_BUNDLE_BYTES = 256 * 1024 * 1024;

export interface InstalledDataset {
  version: number;
  /** Content hash of the installed version (the provenance hash the app stores; see hashPayload). */
  contentSha256: string;
  /** The keys bound to the dataset; undefined when the app installed it itself (the built-in dataset). */
  signers?: BoundSigners;
}

export interface VerifyOptions {
  /**
   * The installed version of the bundle's dataset, looked up by the dataset id the bundle
   * names (the caller cannot know it before the bundle is read). Undefined: nothing installed.
   */
  installed?: (datasetId: string) => InstalledDataset | undefined;
  now: Date;
  /** Refuse larger files before decoding or parsing anything. */
  maxBytes: number;
  /** The running app's version, compared with the bundle's minAppVersion. */
  appVersion: string;
}

export interface Verified {
  ok: true;
  /** 2 for a header line and JSON lines (3: the same for a layer), 1 for a legacy single-document bundle. */
  format: 1 | 2 | 3;
  manifest: BundleManifest;
  /** The exact signed manifest text, to store as the record of what was accepted. */
  manifestText: string;
  payload: BundlePayload;
  /**
   * A layer's (format 3, dependsOn) references to ids the bundle does not hold: the app resolves
   * them against the declared bases before installing. Undefined for a dataset without bases.
   */
  externalReferences?: ExternalReference[];
  /**
   * SHA-256 of the payload's canonical JSON: what the app stores as the dataset's provenance
   * hash, the same for the same content in either format (format 1's payloadSha256).
   */
  contentSha256: string;
  /**
   * A SHA-256 per record, of its canonical text as the publisher wrote it (before defaults are
   * filled in), aligned with the payload's lists: the dataset engine's per-record digest index.
   */
  recordDigests?: RecordDigests;
  /** Key ids of the trusted keys whose signatures verified. */
  signedBy: string[];
  /** Every signature the bundle carries (to store with the accepted manifest). */
  signatures: BundleSignature[];
  /** Who may publish the dataset once this bundle is in, and what changed about it (see signers.ts). */
  signers: SignerDecision;
  /** Past its expiry time: accepted, but the interface must say so. */
  expired: boolean;
  /** Same version and same content as the installed one: nothing to do. */
  alreadyInstalled: boolean;
}

export type VerifyResult = Verified | Refusal;

/**
 * Bytes the verifier may take and let go of: `take()` is called once, and nothing keeps the
 * bytes after decoding, so a large file's bytes are freed before its records are hashed and
 * validated (the caller must not keep its own reference either).
 */
export interface BundleBytes {
  /** Size of the file in bytes (checked against the cap before take() is called). */
  readonly size: number;
  /** The file's bytes, or its text when the caller decoded it already (strictly: invalid UTF-8 must not reach here as U+FFFD). */
  take(): Uint8Array | string | Promise<Uint8Array | string>;
  /**
   * Random access to the file's bytes. When given, the file is read piece by piece: neither its
   * whole bytes nor its whole text are ever held, and take() is only called when a legacy
   * bundle cannot be read that way (to give the exact refusal).
   */
  read?(start: number, end: number): Promise<Uint8Array>;
  /** Each read gives a fresh buffer the verifier may detach once used (see ByteReader.fresh). */
  readonly fresh?: boolean;
  /** A range can be read again cheaply (a file on disk; see ByteReader.reread): the file is read twice rather than held. */
  readonly reread?: boolean;
  /** Called once the file is parsed: it is not needed any more. */
  release?(): void;
}

/**
 * Checks a bundle completely before anything is written: size, shape, signature by a trusted
 * key, payload hash, record schema and integrity, and the version against the installed one.
 * Cheap checks come first. In format 2 the signature is checked on the header line alone and
 * the payload's raw bytes hashed before any of them is parsed; a legacy format-1 file is one
 * JSON document, parsed before its signature can be checked (see verify-legacy.ts).
 */
export async function verifyBundle(input: Uint8Array | string | BundleBytes, trustedKeys: readonly PublicKey[], options: VerifyOptions): Promise<VerifyResult> {
  const tooLarge = sizeRefusal(typeof input === 'string' || ArrayBuffer.isView(input) ? input : input.size, options.maxBytes);
  if (tooLarge) return tooLarge;
  const reader = await readerOf(input);
  const header = await readHeaderLine(reader);
  if (header) {
    try {
      return await verifyLinesBundle(reader, header, trustedKeys, options);
    } finally {
      if (typeof input === 'object' && !ArrayBuffer.isView(input)) input.release?.();
    }
  }
  return verifyLegacyBundle(input, reader, trustedKeys, options);
}

/** Random access to the input's bytes (a string is encoded once; bytes without random access are taken whole). */
async function readerOf(input: Uint8Array | string | BundleBytes): Promise<ByteReader> {
  const over = (bytes: Uint8Array): ByteReader => ({ size: bytes.length, read: (start, end) => Promise.resolve(bytes.subarray(start, end)) });
  if (typeof input === 'string') return over(utf8(input));
  if (ArrayBuffer.isView(input)) return over(input);
  const read = input.read?.bind(input);
  if (read) return { size: input.size, read, fresh: input.fresh === true, ...(input.reread ? { reread: true } : {}) };
  const taken = await input.take();
  return over(typeof taken === 'string' ? utf8(taken) : taken);
}

export interface HeaderLine {
  /** The first line as JSON.parse gave it (an object with a formatVersion member). */
  value: Record<string, unknown>;
  /** Byte offset of the payload: just after the header's line feed. */
  payloadStart: number;
}

/**
 * The header of a format-2 (or later) file: a first line, shorter than MAX_HEADER_BYTES, that
 * is a JSON object with a top-level formatVersion. Anything else is read as a legacy document
 * (format 1 keeps formatVersion inside its manifest string, and its first line is "{").
 */
async function readHeaderLine(reader: ByteReader): Promise<HeaderLine | undefined> {
  const head = await reader.read(0, Math.min(reader.size, MAX_HEADER_BYTES));
  const end = head.indexOf(0x0a);
  if (end < 0) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(fromUtf8(head.subarray(0, end)));
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value) || !Object.hasOwn(value, 'formatVersion')) return undefined;
  return { value: value as Record<string, unknown>, payloadStart: end + 1 };
}

function sizeRefusal(input: Uint8Array | string | number, maxBytes: number): Refusal | undefined {
  // A string's UTF-8 length is at least its length in UTF-16 units and at most three times it:
  // encode only when the bound does not decide.
  const size =
    typeof input === 'number' ? input : typeof input !== 'string' ? input.length : input.length > maxBytes || input.length * 3 <= maxBytes ? input.length : utf8(input).length;
  if (size <= maxBytes) return undefined;
  return refuse('too-large', `The bundle is larger than this app accepts (${formatBytes(maxBytes)}); it was not opened.`);
}

