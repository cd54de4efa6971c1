import type { z } from 'zod';
import { canonicalJson } from '../dataset/hash';
import { formatProblem } from '../dataset/validate';
import { RECORD_KINDS } from '../model';
import { fromBase64, fromUtf8, utf8 } from './encoding';
import { verifySignature, type PublicKey } from './keys';
import { countRecords, hashPayload, tombstoneProblems } from './payload';
import { formatBytes, refuse, type Refusal } from './refusal';
import { parseBundleDocument, type ByteReader } from './stream-parse';
import { validateRecordsInPlace } from './validate-records';
import { BUNDLE_FORMAT_VERSION, BundleFile, BundleManifest, RECORD_SCHEMA_VERSION, Tombstone, type BundlePayload, type BundleSignature, type RecordCounts } from './schema';
import { compareSemver } from './semver';

/**
 * Default size cap: a 100k-record bundle is about 50 MiB, so this leaves room for growth while
 * refusing files that could exhaust memory while being parsed.
 */
export const DEFAULT_MAX_BUNDLE_BYTES = 256 * 1024 * 1024;

/** A manifest is a few kilobytes; anything longer is not one (and is not worth parsing). */
export const MAX_MANIFEST_CHARS = 64 * 1024;

export interface InstalledDataset {
  version: number;
  /** payloadSha256 of the installed version (for the built-in dataset, its provenance hash). */
  payloadSha256: string;
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
  manifest: BundleManifest;
  /** The exact signed manifest text, to store as the record of what was accepted. */
  manifestText: string;
  payload: BundlePayload;
  /** Key ids of the trusted keys whose signatures verified. */
  signedBy: string[];
  /** Every signature the bundle carries (to store with the accepted manifest). */
  signatures: BundleSignature[];
  /** Past its expiry time: accepted, but the interface must say so. */
  expired: boolean;
  /** Same version and same payload as the installed one: nothing to do. */
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
   * Random access to the file's bytes. When given, the file is parsed piece by piece (see
   * stream-parse.ts): neither its whole bytes nor its whole text are ever held, and take() is
   * only called when that reading fails (to give the exact refusal).
   */
  read?(start: number, end: number): Promise<Uint8Array>;
  /** Each read gives a fresh buffer the verifier may detach once used (see ByteReader.fresh). */
  readonly fresh?: boolean;
  /** Called once the document is parsed: the file is not needed any more. */
  release?(): void;
}

/** The document could not be parsed piece by piece (or there was no random access). */
const UNPARSED = Symbol('unparsed');

const zodProblems = (error: z.ZodError): string[] => error.issues.map((i) => `${i.path.join('.') || '(top)'}: ${i.message}`);

/**
 * Checks a bundle completely before anything is written: size, shape, signature by a trusted
 * key, payload hash, record schema and integrity, and the version against the installed one.
 * Cheap checks come first, and nothing untrusted is parsed beyond the small manifest until a
 * trusted signature has been found valid.
 */
export async function verifyBundle(input: Uint8Array | string | BundleBytes, trustedKeys: readonly PublicKey[], options: VerifyOptions): Promise<VerifyResult> {
  const tooLarge = sizeRefusal(typeof input === 'string' || ArrayBuffer.isView(input) ? input : input.size, options.maxBytes);
  if (tooLarge) return tooLarge;

  let document: unknown = UNPARSED;
  const reader = readerOf(input);
  if (reader) {
    try {
      document = await parseBundleDocument(reader);
    } catch {
      // Not valid UTF-8 JSON (or a shape left to the plain path): the whole text below gives the refusal.
    }
  }
  if (document === UNPARSED) {
    // A failure to read the file is not the file's fault: it propagates, it is no refusal.
    const taken = typeof input === 'string' || ArrayBuffer.isView(input) ? input : await input.take();
    let text: string;
    try {
      text = typeof taken === 'string' ? taken : fromUtf8(taken);
    } catch {
      return refuse('not-json', 'The file is not a dataset bundle: it is not UTF-8 text.');
    }
    try {
      document = JSON.parse(text);
      // The decoded text is as large as the file; let it go before the payload is hashed and validated.
      text = '';
    } catch {
      const t = text.trim();
      // A bundle starts with "{" and ends with "}"; a cut-off download keeps the start only.
      if (t.startsWith('{') && !t.endsWith('}')) {
        return refuse('truncated', 'The bundle file is incomplete (it ends too early); download or copy it again.');
      }
      return refuse('not-json', 'The file is not a dataset bundle: it is not valid JSON.');
    }
  }
  if (typeof input === 'object' && !ArrayBuffer.isView(input)) input.release?.();
  const manifestText = (document as { manifest?: unknown } | null)?.manifest;
  if (typeof document !== 'object' || document === null || Array.isArray(document) || typeof manifestText !== 'string') {
    return refuse('not-a-bundle', 'The file is JSON but not a dataset bundle: it has no "manifest".');
  }

  // Read only the format version before anything else, so a future format gets a clear answer.
  if (manifestText.length > MAX_MANIFEST_CHARS) {
    return refuse('manifest-invalid', `The bundle's manifest is longer than ${MAX_MANIFEST_CHARS} characters, so it is not a manifest.`);
  }
  let rawManifest: unknown;
  try {
    rawManifest = JSON.parse(manifestText);
  } catch {
    return refuse('manifest-invalid', "The bundle's manifest is not valid JSON.");
  }
  const formatVersion = (rawManifest as { formatVersion?: unknown } | null)?.formatVersion;
  if (typeof formatVersion === 'number' && formatVersion !== BUNDLE_FORMAT_VERSION) {
    return refuse(
      'wrong-format-version',
      `This bundle uses format version ${formatVersion}; this app reads format version ${BUNDLE_FORMAT_VERSION}.` +
        (formatVersion > BUNDLE_FORMAT_VERSION ? ' Update the app to read it.' : ''),
    );
  }

  const signatures = (document as { signatures?: unknown }).signatures;
  if (!Array.isArray(signatures) || signatures.length === 0) {
    return refuse('signature-missing', 'The bundle is not signed, so its publisher cannot be checked. Ask the publisher for a signed bundle.');
  }
  const file = BundleFile.safeParse(document);
  if (!file.success) {
    const inSignatures = file.error.issues.some((i) => i.path[0] === 'signatures');
    return inSignatures
      ? refuse('bad-signature', 'A signature in the bundle is malformed; the bundle may have been tampered with.', zodProblems(file.error))
      : refuse('not-a-bundle', 'The file is not a well-formed dataset bundle.', zodProblems(file.error));
  }

  const signed = await checkSignatures(file.data.signatures, trustedKeys, utf8(manifestText));
  if (!signed.ok) return signed;

  const manifest = BundleManifest.safeParse(rawManifest);
  if (!manifest.success) return refuse('manifest-invalid', "The bundle's manifest is invalid.", zodProblems(manifest.error));
  // One text per manifest: no duplicate keys, spacing or number spellings that parsers might read differently.
  if (canonicalJson(rawManifest) !== manifestText) {
    return refuse('manifest-invalid', "The bundle's manifest is not in canonical form (sorted keys, no spaces).");
  }
  const m = manifest.data;

  if (compareSemver(options.appVersion, m.minAppVersion) < 0 || m.schemaVersion > RECORD_SCHEMA_VERSION) {
    return refuse(
      'app-too-old',
      `This bundle needs ASEAN Delegate Briefing ${m.minAppVersion} or later (this is ${options.appVersion}); update the app first.`,
    );
  }

  const installed = options.installed?.(m.datasetId);
  if (installed && m.version < installed.version) {
    return refuse('older-version', `This bundle is version ${m.version} of "${m.datasetId}", older than the installed version ${installed.version}.`);
  }
  if (installed && m.version === installed.version && m.payloadSha256 !== installed.payloadSha256) {
    return refuse(
      'same-version-different-content',
      `This bundle claims version ${m.version} of "${m.datasetId}", which is installed already with different content. A changed dataset must carry a new version.`,
    );
  }

  // The payload as JSON.parse gave it, not zod's copy: the hash must cover exactly what is read.
  const rawPayload = (document as { payload: Record<string, unknown> }).payload;
  const { sha256, bytes } = await hashPayload(rawPayload);
  if (sha256 !== m.payloadSha256 || bytes !== m.payloadBytes) {
    return refuse('payload-hash-mismatch', "The bundle's records do not match its signed manifest: they were changed after signing. Do not use this file.");
  }

  const payload = checkPayload(rawPayload, m.recordCounts);
  if (!payload.ok) return payload;

  return {
    ok: true,
    manifest: m,
    manifestText,
    payload: payload.payload,
    signedBy: signed.keyIds,
    signatures: file.data.signatures,
    expired: options.now.getTime() > Date.parse(m.expires),
    alreadyInstalled: installed !== undefined && m.version === installed.version,
  };
}

/** Random access to the input's bytes, when it has any (a string is parsed whole, as given). */
function readerOf(input: Uint8Array | string | BundleBytes): ByteReader | undefined {
  if (typeof input === 'string') return undefined;
  if (ArrayBuffer.isView(input)) return { size: input.length, read: (start, end) => Promise.resolve(input.subarray(start, end)) };
  const read = input.read?.bind(input);
  return read ? { size: input.size, read, fresh: input.fresh === true } : undefined;
}

function sizeRefusal(input: Uint8Array | string | number, maxBytes: number): Refusal | undefined {
  // A string's UTF-8 length is at least its length in UTF-16 units and at most three times it:
  // encode only when the bound does not decide.
  const size =
    typeof input === 'number' ? input : typeof input !== 'string' ? input.length : input.length > maxBytes || input.length * 3 <= maxBytes ? input.length : utf8(input).length;
  if (size <= maxBytes) return undefined;
  return refuse('too-large', `The bundle is larger than this app accepts (${formatBytes(maxBytes)}); it was not opened.`);
}

async function checkSignatures(
  signatures: BundleFile['signatures'],
  trustedKeys: readonly PublicKey[],
  message: Uint8Array<ArrayBuffer>,
): Promise<{ ok: true; keyIds: string[] } | Refusal> {
  const keyIds: string[] = [];
  for (const entry of signatures) {
    // Signatures by keys the user does not trust are ignored: a bundle may carry co-signers.
    const candidates = trustedKeys.filter((k) => k.keyId === entry.keyId);
    if (candidates.length === 0) continue;
    const signature = fromBase64(entry.signature);
    const valid = signature !== undefined && (await anyVerifies(candidates, message, signature));
    // A trusted key's signature that fails means the manifest or the signature was changed.
    if (!valid) return refuse('bad-signature', `The signature by key ${entry.keyId} does not match the bundle: the bundle or its signature was changed after signing. Do not use this file.`);
    keyIds.push(entry.keyId);
  }
  if (keyIds.length === 0) {
    const ids = signatures.map((s) => s.keyId).join(', ');
    return refuse('unknown-key', `The bundle is signed by a key you have not added as trusted (key id ${ids}). Add the publisher's key only after checking its fingerprint with them.`);
  }
  return { ok: true, keyIds };
}

async function anyVerifies(keys: PublicKey[], message: Uint8Array<ArrayBuffer>, signature: Uint8Array<ArrayBuffer>): Promise<boolean> {
  for (const key of keys) if (await verifySignature(key, message, signature)) return true;
  return false;
}

function checkPayload(raw: Record<string, unknown>, counts: RecordCounts): { ok: true; payload: BundlePayload } | Refusal {
  const { removals: rawRemovals, ...rawRecords } = raw;
  // In place: the raw records (parsed JSON, ours alone) are replaced by validated copies one by one.
  const records = validateRecordsInPlace(rawRecords);
  const removals = Tombstone.array().optional().safeParse(rawRemovals);
  const problems: { id?: string; text: string }[] = [];
  if (!records.ok) problems.push(...records.problems.map((p) => ({ id: p.id, text: formatProblem(p) })));
  if (!removals.success) problems.push(...zodProblems(removals.error).map((text) => ({ text: `removals.${text}` })));
  if (records.ok && removals.success) {
    problems.push(...tombstoneProblems(records.records, removals.data ?? []).map((p) => ({ id: p.id, text: p.message })));
  }
  if (!records.ok || !removals.success || problems.length > 0) {
    const ids = [...new Set(problems.flatMap((p) => (p.id === undefined ? [] : [p.id])))];
    const listed = ids.length > 0 ? `: ${ids.slice(0, 20).join(', ')}${ids.length > 20 ? ` and ${ids.length - 20} more` : ''}` : '';
    return refuse('records-invalid', `The bundle contains invalid records${listed}.`, problems.map((p) => p.text), ids);
  }
  const payload: BundlePayload = removals.data === undefined ? records.records : { ...records.records, removals: removals.data };
  const actual = countRecords(payload);
  const wrong = [...RECORD_KINDS, 'removals' as const].filter((k) => actual[k] !== counts[k]);
  if (wrong.length > 0) {
    return refuse(
      'records-invalid',
      `The bundle's record counts do not match its manifest (${wrong.map((k) => `${k}: manifest ${counts[k]}, payload ${actual[k]}`).join('; ')}).`,
    );
  }
  return { ok: true, payload };
}
