import { fromUtf8 } from './encoding';
import type { PublicKey } from './keys';
import { hashPayload } from './payload';
import { refuse } from './refusal';
import { BundleFile } from './schema';
import { parseBundleDocument, type ByteReader } from './stream-parse';
import type { BundleBytes, VerifyOptions, VerifyResult } from './verify';
import { checkPayload, checkSignedManifest, sameVersionRefusal, zodProblems } from './verify-checks';
import { MAX_JSON_DEPTH, jsonDepth } from './json-depth';

/**
 * Format 1, still read (no longer written): one JSON document with the manifest as a string,
 * the signatures, and the payload, whose hash is over its canonical JSON. The whole document
 * has to be parsed before the manifest can be found, so an untrusted file's records are parsed
 * before any signature covers them: format 2 fixes exactly that. The file is read piece by
 * piece where it can be (stream-parse.ts), and nesting deeper than any record is refused.
 */

/** The document could not be parsed piece by piece (or there was no random access). */
const UNPARSED = Symbol('unparsed');

/** A format-1 document: parsed (piece by piece where possible), then the same checks as format 2 on its parts. */
export async function verifyLegacyBundle(input: Uint8Array | string | BundleBytes, reader: ByteReader, trustedKeys: readonly PublicKey[], options: VerifyOptions): Promise<VerifyResult> {
  let document: unknown = UNPARSED;
  try {
    document = await parseBundleDocument(reader);
  } catch {
    // Not valid UTF-8 JSON (or a shape left to the plain path): the whole text below gives the refusal.
  }
  if (document === UNPARSED) {
    // A failure to read the file is not the file's fault: it propagates, it is no refusal.
    const bytes = await reader.read(0, reader.size);
    let text: string;
    try {
      text = fromUtf8(bytes);
    } catch {
      return refuse('not-json', 'The file is not a dataset bundle: it is not UTF-8 text.');
    }
    // Deeper than any bundle can be: what follows JSON.parse (hashing, validation) would overflow the stack.
    if (jsonDepth(text) > MAX_JSON_DEPTH) return refuse('not-a-bundle', `The file is not a dataset bundle: it is nested deeper than ${MAX_JSON_DEPTH} levels.`);
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

  const signed = await checkSignedManifest(manifestText, file.data.signatures, trustedKeys, options, 1);
  if (!signed.ok) return signed;
  const m = signed.manifest;
  // In format 1 the signed payload hash is the content hash itself.
  const sameVersion = sameVersionRefusal(m, m.payloadSha256, signed.installed);
  if (sameVersion) return sameVersion;

  // The payload as JSON.parse gave it, not zod's copy: the hash must cover exactly what is read.
  const rawPayload = (document as { payload: Record<string, unknown> }).payload;
  const { sha256, bytes, recordDigests } = await hashPayload(rawPayload, { recordDigests: true });
  if (sha256 !== m.payloadSha256 || bytes !== m.payloadBytes) {
    return refuse('payload-hash-mismatch', "The bundle's records do not match its signed manifest: they were changed after signing. Do not use this file.");
  }

  const payload = checkPayload(rawPayload, m.recordCounts);
  if (!payload.ok) return payload;

  const { installed } = signed;
  return {
    ok: true,
    format: 1,
    manifest: m,
    manifestText,
    payload: payload.payload,
    contentSha256: m.payloadSha256,
    ...(recordDigests ? { recordDigests } : {}),
    signedBy: signed.signedBy,
    signers: signed.signers,
    signatures: file.data.signatures,
    expired: options.now.getTime() > Date.parse(m.expires),
    alreadyInstalled: installed !== undefined && m.version === installed.version,
  };
}

