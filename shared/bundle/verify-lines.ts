import { RECORD_KINDS, isLaterRecordKind } from '../model';
import { hashPayload } from './payload';
import { parsePayloadLines, PayloadChangedError, readHashed } from './payload-lines';
import { refuse } from './refusal';
import { BUNDLE_FORMAT_VERSION, BundleHeader, LAYERED_FORMAT_VERSION } from './schema';
import type { ByteReader } from './stream-parse';
import type { HeaderLine, VerifyOptions, VerifyResult } from './verify';
import { checkPayload, checkSignedManifest, sameVersionRefusal, wrongFormat, zodProblems } from './verify-checks';
import type { PublicKey } from './keys';

/**
 * Format 2, in this order: the header line (manifest and signatures, a few kilobytes) is
 * parsed and the signature checked; the payload's raw bytes are hashed as they are read, a
 * block at a time, and compared with the signed hash and length; only then is a payload line
 * parsed. Nothing an outsider wrote reaches a parser but the short header.
 */
export async function verifyLinesBundle(reader: ByteReader, header: HeaderLine, trustedKeys: readonly PublicKey[], options: VerifyOptions): Promise<VerifyResult> {
  const formatVersion = header.value.formatVersion;
  if (typeof formatVersion === 'number' && formatVersion !== BUNDLE_FORMAT_VERSION && formatVersion !== LAYERED_FORMAT_VERSION) return wrongFormat(formatVersion, '1, 2 and 3');
  const signatures = header.value.signatures;
  if (!Array.isArray(signatures) || signatures.length === 0) {
    return refuse('signature-missing', 'The bundle is not signed, so its publisher cannot be checked. Ask the publisher for a signed bundle.');
  }
  const parsed = BundleHeader.safeParse(header.value);
  if (!parsed.success) {
    const inSignatures = parsed.error.issues.some((i) => i.path[0] === 'signatures');
    return inSignatures
      ? refuse('bad-signature', 'A signature in the bundle is malformed; the bundle may have been tampered with.', zodProblems(parsed.error))
      : refuse('not-a-bundle', "The file is not a well-formed dataset bundle: its first line is not a bundle header.", zodProblems(parsed.error));
  }
  const signed = await checkSignedManifest(parsed.data.manifest, parsed.data.signatures, trustedKeys, options, parsed.data.formatVersion);
  if (!signed.ok) return signed;
  const m = signed.manifest;

  // The signed length says where the payload ends: shorter is an interrupted download.
  const bytes = reader.size - header.payloadStart;
  const tampered = () => refuse('payload-hash-mismatch', "The bundle's records do not match its signed manifest: they were changed after signing. Do not use this file.");
  if (bytes < m.payloadBytes) {
    // Shorter than signed and cut inside a line: an interrupted download (a shorter file ending a line was edited).
    const last = bytes > 0 ? (await reader.read(reader.size - 1, reader.size))[0] : undefined;
    return last === 0x0a ? tampered() : refuse('truncated', 'The bundle file is incomplete (it ends too early); download or copy it again.');
  }
  if (bytes > m.payloadBytes) return tampered();
  // One read of the payload: hashed as it arrives, parsed from the same blocks only once the digest matches.
  const read = await readHashed(reader, header.payloadStart, reader.size);
  if (read.sha256 !== m.payloadSha256) {
    read.discard();
    return tampered();
  }

  // From here on the bytes are the publisher's, exactly as signed.
  let lines: Awaited<ReturnType<typeof parsePayloadLines>>;
  try {
    lines = await parsePayloadLines(read.blocks, header.payloadStart, reader.size);
  } catch (error) {
    // Read twice (a file on disk), and a block was not what was hashed the first time.
    if (error instanceof PayloadChangedError) return tampered();
    throw error;
  } finally {
    read.discard();
  }
  if (!lines.ok) {
    const problems = lines.problems.map((p) => `line ${p.line}: ${p.message}`);
    return refuse('records-invalid', `The bundle's payload is malformed (${problems[0]}${problems.length > 1 ? ` and ${problems.length - 1} more` : ''}).`, problems);
  }
  // Every record kind is present (a kind without lines is an empty list); removals only when there are some, as in format 1.
  // A later kind (contacts) without lines is left out, as the writer leaves it out: the content hash of a dataset without contacts is what it was.
  const raw: Record<string, unknown> = { ...Object.fromEntries(RECORD_KINDS.filter((k) => !isLaterRecordKind(k)).map((k) => [k, []])), ...lines.payload };
  // The content hash (provenance) is over the records as the publisher wrote them, before defaults are filled in.
  const { sha256: contentSha256, recordDigests } = await hashPayload(raw, { recordDigests: true });
  const sameVersion = sameVersionRefusal(m, contentSha256, signed.installed);
  if (sameVersion) return sameVersion;
  const payload = checkPayload(raw, m.recordCounts, m.dependsOn !== undefined);
  if (!payload.ok) return payload;
  const { installed } = signed;
  return {
    ok: true,
    format: parsed.data.formatVersion,
    manifest: m,
    manifestText: parsed.data.manifest,
    payload: payload.payload,
    ...(payload.externalReferences ? { externalReferences: payload.externalReferences } : {}),
    contentSha256,
    ...(recordDigests ? { recordDigests } : {}),
    signedBy: signed.signedBy,
    signers: signed.signers,
    signatures: parsed.data.signatures,
    expired: options.now.getTime() > Date.parse(m.expires),
    alreadyInstalled: installed !== undefined && m.version === installed.version,
  };
}
