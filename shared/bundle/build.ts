import type { z } from 'zod';
import type { DatasetDependency } from '../dataset/dependencies';
import { canonicalJson } from '../dataset/hash';
import { RECORD_KINDS, withoutEmptyLaterKinds, type DatasetRecords } from '../model';
import { toBase64, utf8 } from './encoding';
import { parseJsonLimited, TooDeepError } from './json-depth';
import type { Signer } from './keys';
import { countRecords, hashPayload } from './payload';
import { hashPayloadLines, payloadLines } from './payload-lines';
import { recordSchemaNeeded } from './record-schema';
import {
  BUNDLE_FORMAT_VERSION,
  BundleFile,
  BundleHeader,
  BundleManifest,
  BundlePayload,
  LAYERED_FORMAT_VERSION,
  LEGACY_FORMAT_VERSION,
  PAYLOAD_LINE_KINDS,
  type ChangelogEntry,
  type KeyRotation,
  type LinesFormatVersion,
  type SignerPolicy,
  type Tombstone,
} from './schema';

export interface BuildInput {
  /** Validated records (validateDataset's output, defaults filled in). */
  records: DatasetRecords;
  removals?: Tombstone[];
  publisherId: string;
  publisherName: string;
  datasetId: string;
  title: string;
  description?: string;
  version: number;
  created: Date;
  expires: Date;
  minAppVersion: string;
  changelog?: ChangelogEntry[];
  /** The keys that may sign the dataset and how many must (absent: the signers of its first install, one needed). */
  signers?: SignerPolicy;
  /** Key rotations, oldest first (see rotation.ts). */
  rotations?: KeyRotation[];
  /** The datasets this one builds on (a layer): the bundle is then written in format 3. */
  dependsOn?: DatasetDependency[];
}

/**
 * An unsigned bundle: the manifest is written in canonical form, and that exact text is what
 * gets signed. `formatVersion` 1 (the legacy format, for tests and tools that must still make
 * one) hashes the canonical JSON of the payload; 2 hashes the payload lines serializeBundle writes,
 * and a layer (with `dependsOn`) is written in format 3, the same lines with bases declared.
 */
export async function buildBundle(input: BuildInput, format: 1 | 2 = BUNDLE_FORMAT_VERSION): Promise<BundleFile> {
  const layered = input.dependsOn !== undefined && input.dependsOn.length > 0;
  if (layered && format === LEGACY_FORMAT_VERSION) throw new Error('a layer (dependsOn) cannot be written in the legacy format 1');
  const formatVersion = layered ? LAYERED_FORMAT_VERSION : format;
  const removals = [...(input.removals ?? [])].sort((a, b) => (a.kind === b.kind ? cmp(a.id, b.id) : cmp(a.kind, b.kind)));
  // An empty removals list is left out so that the content hash equals the app's provenance hash of the same records.
  // Every object is rebuilt with its keys in sorted order: the file then holds records in
  // canonical form, which makes hashing them on verification several times faster.
  // A later kind the dataset holds none of (contacts) is left out likewise: the same records keep the same hash.
  const records = withoutEmptyLaterKinds(input.records);
  const payload = JSON.parse(canonicalJson(removals.length > 0 ? { ...records, removals } : records)) as BundlePayload;
  const { sha256, bytes } = formatVersion === LEGACY_FORMAT_VERSION ? await hashPayload(payload) : hashPayloadLines(payload);
  const manifest = BundleManifest.parse({
    formatVersion,
    publisherId: input.publisherId,
    publisherName: input.publisherName,
    datasetId: input.datasetId,
    title: input.title,
    ...(input.description === undefined ? {} : { description: input.description }),
    version: input.version,
    created: input.created.toISOString(),
    expires: input.expires.toISOString(),
    // The lowest record schema these records need: an app that reads it reads them.
    schemaVersion: recordSchemaNeeded(input.records),
    minAppVersion: input.minAppVersion,
    recordCounts: countRecords(payload),
    payloadSha256: sha256,
    payloadBytes: bytes,
    changelog: input.changelog ?? [],
    ...(input.signers ? { signers: input.signers } : {}),
    ...(input.rotations && input.rotations.length > 0 ? { rotations: input.rotations } : {}),
    ...(layered ? { dependsOn: input.dependsOn } : {}),
  });
  return { manifest: canonicalJson(manifest), signatures: [], payload };
}

/** Adds one signer's signature over the manifest text; a bundle may carry several. */
export async function signBundle(file: BundleFile, signer: Signer): Promise<BundleFile> {
  const { keyId } = signer.publicKey;
  if (file.signatures.some((s) => s.keyId === keyId)) throw new Error(`the bundle is already signed by key ${keyId}`);
  const signature = toBase64(await signer.sign(utf8(file.manifest)));
  return { ...file, signatures: [...file.signatures, { keyId, algorithm: 'ed25519', signature }] };
}

/** The format a bundle's manifest names (1, 2 or 3); 2 when it cannot be read. */
export function formatOf(file: BundleFile): 1 | LinesFormatVersion {
  try {
    const named = (JSON.parse(file.manifest) as { formatVersion?: unknown }).formatVersion;
    return named === LEGACY_FORMAT_VERSION ? 1 : named === LAYERED_FORMAT_VERSION ? LAYERED_FORMAT_VERSION : BUNDLE_FORMAT_VERSION;
  } catch {
    return BUNDLE_FORMAT_VERSION;
  }
}

/**
 * Writes a bundle in the format its manifest names. Format 2: the header line, then one line per
 * record (payload-lines.ts), exactly the bytes the manifest's hash covers. Format 1: one
 * document with one record per line. Both compare well in a text diff.
 */
export function serializeBundle(file: BundleFile): string {
  const format = formatOf(file);
  if (format === LEGACY_FORMAT_VERSION) return serializeLegacyBundle(file);
  const header = JSON.stringify({ formatVersion: format, manifest: file.manifest, signatures: file.signatures });
  return `${header}\n${[...payloadLines(file.payload as BundlePayload)].join('')}`;
}

function serializeLegacyBundle(file: BundleFile): string {
  const payload = file.payload as Record<string, unknown[] | undefined>;
  const kinds = [...RECORD_KINDS, 'removals'].filter((k) => payload[k] !== undefined);
  const lists = kinds.map((k) => {
    const items = payload[k]!;
    return items.length === 0 ? `${JSON.stringify(k)}: []` : `${JSON.stringify(k)}: [\n${items.map((r) => JSON.stringify(r)).join(',\n')}\n]`;
  });
  return [
    '{',
    `"manifest": ${JSON.stringify(file.manifest)},`,
    `"signatures": ${JSON.stringify(file.signatures)},`,
    `"payload": {\n${lists.join(',\n')}\n}`,
    '}',
    '',
  ].join('\n');
}

/**
 * Reads a bundle of either format for the publisher's own tools (sign, diff, --previous)
 * without checking any signature. Never use it to install a bundle: that is verifyBundle's job.
 * Text nested deeper than any record is refused before it is parsed.
 */
export function readBundleUnverified(text: string): { file: BundleFile; manifest: BundleManifest; payload: BundlePayload } {
  const json = (part: string, what: string): unknown => {
    try {
      return parseJsonLimited(part);
    } catch (error) {
      throw new Error(error instanceof TooDeepError ? `${what} is not a bundle: ${error.message}` : `${what} is not valid JSON (truncated or not a bundle)`, { cause: error });
    }
  };
  const newline = text.indexOf('\n');
  const first = newline < 0 ? undefined : (() => { try { return JSON.parse(text.slice(0, newline)) as unknown; } catch { return undefined; } })();
  let document: unknown;
  if (typeof first === 'object' && first !== null && !Array.isArray(first) && Object.hasOwn(first, 'formatVersion')) {
    const header = BundleHeader.safeParse(first);
    if (!header.success) throw new Error(`its first line is not a bundle header (${issues(header.error)})`);
    const payload: Record<string, unknown[]> = Object.fromEntries(RECORD_KINDS.map((k) => [k, []]));
    const lines = text.slice(newline + 1).split('\n');
    if (lines.at(-1) === '') lines.pop();
    lines.forEach((line, i) => {
      const value = json(line, `line ${i + 2}`);
      if (!Array.isArray(value) || value.length !== 2 || !(PAYLOAD_LINE_KINDS as readonly string[]).includes(value[0] as string)) throw new Error(`line ${i + 2} is not ["kind", record]`);
      (payload[value[0] as string] ??= []).push(value[1]);
    });
    document = { manifest: header.data.manifest, signatures: header.data.signatures, payload };
  } else {
    document = json(text, 'it');
  }
  const file = BundleFile.safeParse(document);
  if (!file.success) throw new Error(`it is not a dataset bundle (${issues(file.error)})`);
  let rawManifest: unknown;
  try {
    rawManifest = JSON.parse(file.data.manifest);
  } catch {
    throw new Error('its manifest is not valid JSON');
  }
  const manifest = BundleManifest.safeParse(rawManifest);
  if (!manifest.success) throw new Error(`its manifest is invalid (${issues(manifest.error)})`);
  const payload = BundlePayload.safeParse(file.data.payload);
  if (!payload.success) throw new Error(`its payload is invalid (${issues(payload.error, 5)})`);
  return { file: file.data, manifest: manifest.data, payload: payload.data };
}

const issues = (error: z.ZodError, limit = 20) => error.issues.slice(0, limit).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
