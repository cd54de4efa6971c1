import { z } from 'zod';
import { DatasetDependencies } from '../dataset/dependencies';
import { DatasetRecords, RECORD_KINDS, Slug } from '../model';

/**
 * The bundle format this app writes: a header line (manifest and signatures), then the payload
 * as JSON lines, hashed over its raw bytes (docs/dataset-bundles.md). Any other number but the
 * legacy format 1 is refused, not guessed at.
 */
export const BUNDLE_FORMAT_VERSION = 2;
/**
 * Format 3: format 2's file, with a manifest that may declare the datasets the bundle builds on
 * (`dependsOn`: a layer). Written only for layers, so apps that read format 2 still read every
 * other bundle, and refuse a layer plainly ("update the app") instead of misreading it.
 */
export const LAYERED_FORMAT_VERSION = 3;
/** The line formats this app reads (and the header of either may carry). */
export type LinesFormatVersion = typeof BUNDLE_FORMAT_VERSION | typeof LAYERED_FORMAT_VERSION;
/** Format 1: one JSON document, the payload hashed over its canonical JSON. Still read, no longer written. */
export const LEGACY_FORMAT_VERSION = 1;

/**
 * Version of the record shapes in shared/model/records.ts: the highest this app reads. Bumped
 * when a change would make an older app misread records; a bundle with a higher one asks for a
 * newer app. A bundle declares the lowest its records need (record-schema.ts says what each adds).
 */
export const RECORD_SCHEMA_VERSION = 4;

const Hex64 = z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hex characters (SHA-256)');
const IsoDateTime = z.iso.datetime({ offset: true });
/** Semantic version without build metadata: `1.4.0`, `2.0.0-beta.1`. */
export const SemverText = z
  .string()
  .regex(/^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/, 'must be a semantic version such as 1.2.0');

const count = z.number().int().nonnegative();
export const RecordCounts = z
  .object({
    sources: count,
    bodies: count,
    meetings: count,
    agendaItems: count,
    frameworks: count,
    targets: count,
    /** Record schema 4: left out when the bundle holds no contacts (so such a manifest is what it was). */
    contacts: count.optional(),
    removals: count,
  })
  .strict();
export type RecordCounts = z.infer<typeof RecordCounts>;

export const ChangelogEntry = z.union([
  z.string().min(1),
  z.object({ version: z.number().int().positive(), notes: z.string().min(1) }).strict(),
]);
export type ChangelogEntry = z.infer<typeof ChangelogEntry>;

/** Highest dataset version: versions are bounded so that a signed huge version cannot freeze a dataset for ever. */
export const MAX_DATASET_VERSION = 2 ** 31 - 1;

const KeyId = z.string().regex(/^[0-9a-f]{16}$/, 'must be 16 lowercase hex characters');

/** The keys allowed to sign a dataset and how many of them must (a threshold, as TUF roles). */
export const SignerPolicy = z
  .object({
    keyIds: z.array(KeyId).min(1).max(16),
    threshold: z.number().int().min(1).max(16),
  })
  .strict()
  .refine((p) => p.threshold <= p.keyIds.length && new Set(p.keyIds).size === p.keyIds.length, { message: 'threshold must not exceed the number of distinct keys' });
export type SignerPolicy = z.infer<typeof SignerPolicy>;

/**
 * A key rotation's signed statement, as canonical JSON: from now on the dataset is signed by
 * these keys (public key texts), `threshold` of them. Signed by the keys it replaces.
 */
export const RotationStatement = z
  .object({
    datasetId: Slug,
    keys: z.array(z.string().min(1).max(200)).min(1).max(16),
    threshold: z.number().int().min(1).max(16),
    created: IsoDateTime,
    /** The new keys may publish a version lower than the installed one (recovery from a fast-forward). */
    resetVersion: z.literal(true).optional(),
  })
  .strict()
  .refine((s) => s.threshold <= s.keys.length, { message: 'threshold must not exceed the number of keys', path: ['threshold'] });
export type RotationStatement = z.infer<typeof RotationStatement>;

/** One link of a rotation chain: the statement text and the old keys' signatures over its UTF-8 bytes. */
export const KeyRotation = z
  .object({
    statement: z.string().min(1).max(16 * 1024),
    signatures: z.array(z.object({ keyId: KeyId, algorithm: z.literal('ed25519'), signature: z.string().min(1).max(200) }).strict()).max(16),
  })
  .strict();
export type KeyRotation = z.infer<typeof KeyRotation>;

/** What a publisher signs: who, which dataset, which version, and the hash of the payload. */
export const BundleManifest = z
  .object({
    /** Signed, so a format-2 manifest cannot be passed off in a format-1 file or the reverse. */
    formatVersion: z.union([z.literal(LEGACY_FORMAT_VERSION), z.literal(BUNDLE_FORMAT_VERSION), z.literal(LAYERED_FORMAT_VERSION)]),
    publisherId: Slug,
    /** Shown to the delegate next to the key's fingerprint. */
    publisherName: z.string().min(1),
    datasetId: Slug,
    title: z.string().min(1),
    description: z.string().min(1).optional(),
    /** Only ever goes up for a dataset id. */
    version: z.number().int().positive().max(MAX_DATASET_VERSION),
    created: IsoDateTime,
    /** After this moment the bundle is still accepted but flagged as expired. */
    expires: IsoDateTime,
    schemaVersion: z.number().int().positive(),
    minAppVersion: SemverText,
    recordCounts: RecordCounts,
    /** Format 2: SHA-256 of the payload's raw bytes (every line after the header). Format 1: of the UTF-8 bytes of canonicalJson(payload). */
    payloadSha256: Hex64,
    /** Length of those bytes. */
    payloadBytes: z.number().int().nonnegative(),
    changelog: z.array(ChangelogEntry).default([]),
    /** The keys that may sign this dataset and how many must; absent: the keys that signed its first install, one needed. */
    signers: SignerPolicy.optional(),
    /** Key rotations, oldest first, each signed by the keys before it (docs/dataset-bundles.md). */
    rotations: z.array(KeyRotation).max(16).optional(),
    /** Format 3: the datasets this one builds on, id and lowest version; its records may refer to theirs. */
    dependsOn: DatasetDependencies.optional(),
  })
  .strict()
  .refine((m) => Date.parse(m.expires) > Date.parse(m.created), { message: 'expires must be later than created', path: ['expires'] })
  .refine((m) => m.dependsOn === undefined || m.formatVersion === LAYERED_FORMAT_VERSION, { message: 'dependsOn needs format version 3', path: ['dependsOn'] })
  .refine((m) => !m.dependsOn?.some((d) => d.datasetId === m.datasetId), { message: 'a dataset cannot build on itself', path: ['dependsOn'] });
export type BundleManifest = z.infer<typeof BundleManifest>;

/** A record deliberately removed by the publisher since an earlier version. */
export const Tombstone = z.object({ kind: z.enum(RECORD_KINDS), id: Slug }).strict();
export type Tombstone = z.infer<typeof Tombstone>;

/** The whole dataset (a bundle is never a delta) plus tombstones; `removals` is left out when empty. */
export const BundlePayload = DatasetRecords.extend({ removals: z.array(Tombstone).optional() }).strict();
export type BundlePayload = z.infer<typeof BundlePayload>;

export const BundleSignature = z
  .object({
    /** First 16 hex characters of SHA-256 of the raw 32-byte public key. */
    keyId: z.string().regex(/^[0-9a-f]{16}$/, 'must be 16 lowercase hex characters'),
    algorithm: z.literal('ed25519'),
    /** Base64 of the 64-byte Ed25519 signature over the UTF-8 bytes of the manifest string. */
    signature: z.string().min(1),
  })
  .strict();
export type BundleSignature = z.infer<typeof BundleSignature>;

/**
 * A bundle in memory (and the whole of a format-1 file): the manifest is kept as a string so the
 * bytes that were signed are exactly recoverable; the payload is bound to it by its hash.
 */
export const BundleFile = z
  .object({
    manifest: z.string().min(1),
    signatures: z.array(BundleSignature),
    payload: z.record(z.string(), z.unknown()),
  })
  .strict();
export type BundleFile = z.infer<typeof BundleFile>;

/** Longest header line of a format-2 file: a manifest of MAX_MANIFEST_CHARS, escaped, and a few signatures. */
export const MAX_HEADER_BYTES = 256 * 1024;

/** The first line of a format-2 file: everything needed to check the signature, before any payload byte is read. */
export const BundleHeader = z
  .object({
    formatVersion: z.union([z.literal(BUNDLE_FORMAT_VERSION), z.literal(LAYERED_FORMAT_VERSION)]),
    /** The manifest as canonical JSON text; signatures cover its UTF-8 bytes. */
    manifest: z.string().min(1),
    signatures: z.array(BundleSignature),
  })
  .strict();
export type BundleHeader = z.infer<typeof BundleHeader>;

/** What a payload line names: a record kind, or "removals" for a tombstone. */
export const PAYLOAD_LINE_KINDS = [...RECORD_KINDS, 'removals'] as const;
export type PayloadLineKind = (typeof PAYLOAD_LINE_KINDS)[number];
