import { canonicalJson } from '../dataset/hash';
import { fromBase64, utf8 } from './encoding';
import { parsePublicKey, verifySignature, type PublicKey } from './keys';
import { refuse, type Refusal } from './refusal';
import { RotationStatement, type BundleManifest, type KeyRotation, type SignerPolicy } from './schema';

/**
 * Who may publish a dataset. A dataset id is bound to the keys that installed it (and the
 * number of their signatures it needs): a bundle signed by any other key, trusted or not, is
 * refused unless it carries a key rotation signed by the bound keys, as TUF's root rotation.
 * A bound key the delegate has removed from the trusted keys counts as revoked: it signs nothing,
 * not even a rotation. See docs/dataset-bundles.md, "Keys, thresholds and rotation".
 */

/** What the app keeps with a dataset's accepted manifest: the key ids bound to it and how many must sign. */
export interface BoundSigners {
  keyIds: string[];
  threshold: number;
}

/** What changed about who publishes the dataset, for the preview to say plainly. */
export type PublisherChange =
  /** The dataset shipped with the app is replaced by a publisher's. */
  | { kind: 'replaces-builtin' }
  /** A key rotation signed by the installed keys hands the dataset to new keys. */
  | { kind: 'rotated'; fromKeyIds: string[]; toKeyIds: string[]; threshold: number };

export interface SignerDecision {
  ok: true;
  signers: BoundSigners;
  change?: PublisherChange;
  /** Keys named by the rotations this bundle applies (the app adds them to the trusted keys on apply). */
  rotatedKeys: PublicKey[];
  /** An applied rotation allows a version lower than the installed one (a fast-forwarded dataset reset). */
  resetVersion: boolean;
}

export interface InstalledSigners {
  /** Installed by the app itself (the built-in dataset): bound to no key. */
  builtin: boolean;
  /** The bound keys (for a row kept before bindings were, the keys that signed it, one needed). */
  signers: BoundSigners;
}

/** The keys a manifest's rotations name, to verify signatures by them (bound or not: signerDecision decides). */
export async function rotationKeys(rawRotations: unknown): Promise<PublicKey[]> {
  if (!Array.isArray(rawRotations)) return [];
  const keys: PublicKey[] = [];
  for (const r of rawRotations.slice(0, 16)) {
    const statement = parseStatement((r as { statement?: unknown } | null)?.statement);
    for (const text of statement?.keys ?? []) {
      const key = await parsePublicKey(text);
      if (key) keys.push(key);
    }
  }
  return keys;
}

function parseStatement(text: unknown): RotationStatement | undefined {
  if (typeof text !== 'string' || text.length > 16 * 1024) return undefined;
  try {
    const raw: unknown = JSON.parse(text);
    const parsed = RotationStatement.safeParse(raw);
    return parsed.success && canonicalJson(raw) === text ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

const sameSigners = (a: SignerPolicy | BoundSigners, b: BoundSigners) =>
  a.threshold === b.threshold && a.keyIds.length === b.keyIds.length && a.keyIds.every((k) => b.keyIds.includes(k));

/**
 * Decides whether the bundle's valid signatures (`signedBy`, verified against the trusted keys
 * and the keys its rotations name) may publish this dataset, and what it is bound to afterwards.
 */
export async function signerDecision(
  manifest: BundleManifest,
  signedBy: readonly string[],
  trustedKeys: readonly PublicKey[],
  installed: InstalledSigners | undefined,
): Promise<SignerDecision | Refusal> {
  const trusted = new Map(trustedKeys.map((k) => [k.keyId, k]));
  const declared = manifest.signers;
  if (installed === undefined || installed.builtin) {
    // A first install: the signatures that count are by keys the delegate trusts.
    const byTrusted = signedBy.filter((k) => trusted.has(k));
    if (byTrusted.length === 0) return refuse('unknown-key', `The bundle is signed by no key you have added as trusted (key ids ${signedBy.join(', ')}).`);
    let signers: BoundSigners = { keyIds: byTrusted, threshold: 1 };
    if (declared) {
      const counted = byTrusted.filter((k) => declared.keyIds.includes(k));
      if (counted.length < declared.threshold) return thresholdRefusal(manifest.datasetId, counted.length, declared.threshold);
      signers = { keyIds: [...declared.keyIds], threshold: declared.threshold };
    }
    return { ok: true, signers, rotatedKeys: [], resetVersion: false, ...(installed?.builtin ? { change: { kind: 'replaces-builtin' as const } } : {}) };
  }

  // The bound keys the delegate still trusts; a removed one is revoked and signs nothing.
  let current = { keyIds: installed.signers.keyIds, threshold: installed.signers.threshold };
  let keys = new Map(installed.signers.keyIds.flatMap((id) => (trusted.has(id) ? [[id, trusted.get(id)!] as const] : [])));
  const revoked = installed.signers.keyIds.filter((id) => !trusted.has(id));
  const rotatedKeys: PublicKey[] = [];
  let rotated = false;
  let resetVersion = false;
  let signedByRevoked = false;
  for (const [index, rotation] of (manifest.rotations ?? []).entries()) {
    const statement = parseStatement(rotation.statement);
    if (!statement || statement.datasetId !== manifest.datasetId) {
      return refuse('rotation-invalid', `Key rotation ${index + 1} of the bundle is malformed or names another dataset than "${manifest.datasetId}".`);
    }
    const count = await countSignatures(rotation, keys);
    if (count >= current.threshold) {
      const next = new Map<string, PublicKey>();
      for (const text of statement.keys) {
        const key = await parsePublicKey(text);
        if (!key) return refuse('rotation-invalid', `Key rotation ${index + 1} names a key that is not a publisher key.`);
        next.set(key.keyId, key);
        rotatedKeys.push(key);
      }
      current = { keyIds: [...next.keys()], threshold: statement.threshold };
      keys = next;
      rotated = true;
      resetVersion ||= statement.resetVersion === true;
    } else if (rotated) {
      // Once the chain has started, every later link must be signed by the keys before it.
      return refuse('rotation-invalid', `Key rotation ${index + 1} is not signed by the keys the rotation before it named (${count} of ${current.threshold} signatures).`);
    } else if (rotation.signatures.some((s) => revoked.includes(s.keyId))) {
      // Refused either way; named so the delegate knows why (a removed key's public half is gone, so it is not verified).
      signedByRevoked = true;
    }
  }
  const counted = signedBy.filter((k) => current.keyIds.includes(k));
  if (counted.length < current.threshold) {
    if (signedByRevoked) {
      return refuse('rotation-revoked-key', `The bundle's key rotation for "${manifest.datasetId}" is signed by a key you removed from the trusted keys (${revoked.join(', ')}); a removed key cannot hand the dataset on.`);
    }
    if (counted.length > 0) return thresholdRefusal(manifest.datasetId, counted.length, current.threshold);
    return refuse(
      'publisher-key-changed',
      `The installed dataset "${manifest.datasetId}" was published with key ${current.keyIds.join(', ')}; this bundle is signed by ${signedBy.join(', ')} and carries no key rotation signed by the installed key. It was not installed.`,
    );
  }
  if (declared && !sameSigners(declared, current)) {
    return refuse(
      'publisher-key-changed',
      `The bundle declares signing keys for "${manifest.datasetId}" (${declared.keyIds.join(', ')}, ${declared.threshold} needed) other than those bound to it (${current.keyIds.join(', ')}, ${current.threshold} needed), without a key rotation that says so.`,
    );
  }
  const change: PublisherChange | undefined = rotated
    ? { kind: 'rotated', fromKeyIds: installed.signers.keyIds, toKeyIds: current.keyIds, threshold: current.threshold }
    : undefined;
  return { ok: true, signers: current, rotatedKeys, resetVersion: rotated && resetVersion, ...(change ? { change } : {}) };
}

async function countSignatures(rotation: KeyRotation, keys: ReadonlyMap<string, PublicKey>): Promise<number> {
  const message = utf8(rotation.statement);
  const counted = new Set<string>();
  for (const entry of rotation.signatures) {
    const key = keys.get(entry.keyId);
    const signature = fromBase64(entry.signature);
    if (key && signature && !counted.has(entry.keyId) && (await verifySignature(key, message, signature))) counted.add(entry.keyId);
  }
  return counted.size;
}

function thresholdRefusal(datasetId: string, count: number, threshold: number): Refusal {
  return refuse(
    'threshold-not-met',
    `The dataset "${datasetId}" needs ${threshold} signatures by its keys; this bundle has ${count}. One key alone cannot publish it.`,
  );
}
