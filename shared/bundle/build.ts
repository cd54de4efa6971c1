import { canonicalJson } from '../dataset/hash';
import { RECORD_KINDS, type DatasetRecords } from '../model';
import { toBase64, utf8 } from './encoding';
import type { Signer } from './keys';
import { countRecords, hashPayload } from './payload';
import { BUNDLE_FORMAT_VERSION, BundleFile, BundleManifest, BundlePayload, RECORD_SCHEMA_VERSION, type ChangelogEntry, type Tombstone } from './schema';

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
}

/** An unsigned bundle: the manifest is written in canonical form, and that exact text is what gets signed. */
export async function buildBundle(input: BuildInput): Promise<BundleFile> {
  const removals = [...(input.removals ?? [])].sort((a, b) => (a.kind === b.kind ? cmp(a.id, b.id) : cmp(a.kind, b.kind)));
  // An empty removals list is left out so that the hash equals the app's provenance hash of the same records.
  // Every object is rebuilt with its keys in sorted order: the file then holds records in
  // canonical form, which makes hashing them on verification several times faster.
  const payload = JSON.parse(canonicalJson(removals.length > 0 ? { ...input.records, removals } : input.records)) as BundlePayload;
  const { sha256, bytes } = await hashPayload(payload);
  const manifest = BundleManifest.parse({
    formatVersion: BUNDLE_FORMAT_VERSION,
    publisherId: input.publisherId,
    publisherName: input.publisherName,
    datasetId: input.datasetId,
    title: input.title,
    ...(input.description === undefined ? {} : { description: input.description }),
    version: input.version,
    created: input.created.toISOString(),
    expires: input.expires.toISOString(),
    schemaVersion: RECORD_SCHEMA_VERSION,
    minAppVersion: input.minAppVersion,
    recordCounts: countRecords(payload),
    payloadSha256: sha256,
    payloadBytes: bytes,
    changelog: input.changelog ?? [],
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

/**
 * Writes a bundle with one record per line, so two versions of a bundle compare well in a
 * text diff while staying far smaller than fully indented JSON.
 */
export function serializeBundle(file: BundleFile): string {
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
 * Reads a bundle for the publisher's own tools (sign, diff, --previous) without checking any
 * signature. Never use it to install a bundle: that is verifyBundle's job.
 */
export function readBundleUnverified(text: string): { file: BundleFile; manifest: BundleManifest; payload: BundlePayload } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error('it is not valid JSON (truncated or not a bundle)');
  }
  const file = BundleFile.safeParse(json);
  if (!file.success) throw new Error(`it is not a dataset bundle (${file.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')})`);
  let rawManifest: unknown;
  try {
    rawManifest = JSON.parse(file.data.manifest);
  } catch {
    throw new Error('its manifest is not valid JSON');
  }
  const manifest = BundleManifest.safeParse(rawManifest);
  if (!manifest.success) throw new Error(`its manifest is invalid (${manifest.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')})`);
  const payload = BundlePayload.safeParse(file.data.payload);
  if (!payload.success) throw new Error(`its payload is invalid (${payload.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')})`);
  return { file: file.data, manifest: manifest.data, payload: payload.data };
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
