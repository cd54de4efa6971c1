import type { z } from 'zod';
import type { ExternalReference } from '../dataset/dependencies';
import { canonicalJson } from '../dataset/hash';
import { formatProblem } from '../dataset/validate';
import { RECORD_KINDS } from '../model';
import { fromBase64, utf8 } from './encoding';
import { verifySignature, type PublicKey } from './keys';
import { countRecords, tombstoneProblems } from './payload';
import { refuse, type Refusal } from './refusal';
import { signerDecision, rotationKeys, type SignerDecision } from './signers';
import { BundleManifest, MAX_DATASET_VERSION, RECORD_SCHEMA_VERSION, Tombstone, type BundlePayload, type BundleSignature, type RecordCounts } from './schema';
import { compareSemver } from './semver';
import { validateRecordsInPlace } from './validate-records';
import type { InstalledDataset, VerifyOptions } from './verify';

/** The checks both bundle formats share: the signed manifest, the version rules, the records. */

/** A manifest is a few kilobytes; anything longer is not one (and is not worth parsing). */
export const MAX_MANIFEST_CHARS = 64 * 1024;

export const zodProblems = (error: z.ZodError): string[] => error.issues.map((i) => `${i.path.join('.') || '(top)'}: ${i.message}`);

export const wrongFormat = (formatVersion: number, reads: string): Refusal =>
  refuse(
    'wrong-format-version',
    `This bundle uses format version ${formatVersion}; this app reads format versions ${reads}.` + (formatVersion > 3 ? ' Update the app to read it.' : ''),
  );

/**
 * The checks on the signed statement, the same in both formats: the manifest's own format
 * version (it must be the file's), a valid signature by a trusted key, then the manifest's
 * schema and canonical text, the app version and the version order. Nothing of the payload.
 */
export async function checkSignedManifest(
  manifestText: string,
  signatures: BundleSignature[],
  trustedKeys: readonly PublicKey[],
  options: VerifyOptions,
  fileFormat: 1 | 2 | 3,
): Promise<{ ok: true; manifest: BundleManifest; signedBy: string[]; installed: InstalledDataset | undefined; signers: SignerDecision } | Refusal> {
  if (manifestText.length > MAX_MANIFEST_CHARS) {
    return refuse('manifest-invalid', `The bundle's manifest is longer than ${MAX_MANIFEST_CHARS} characters, so it is not a manifest.`);
  }
  let rawManifest: unknown;
  try {
    rawManifest = JSON.parse(manifestText);
  } catch {
    return refuse('manifest-invalid', "The bundle's manifest is not valid JSON.");
  }
  // Read only the format version before anything else, so a future format gets a clear answer.
  const formatVersion = (rawManifest as { formatVersion?: unknown } | null)?.formatVersion;
  if (typeof formatVersion === 'number' && formatVersion !== fileFormat) {
    return fileFormat !== 1 && formatVersion > 3
      ? wrongFormat(formatVersion, '1, 2 and 3')
      : refuse('wrong-format-version', `The bundle's manifest says format version ${formatVersion}, but the file is written in format ${fileFormat}.`);
  }
  // Keys a rotation names verify too; whether their signatures count is signerDecision's to say.
  const named = (await rotationKeys((rawManifest as { rotations?: unknown } | null)?.rotations)).filter((k) => !trustedKeys.some((t) => t.keyId === k.keyId));
  const signed = await checkSignatures(signatures, [...trustedKeys, ...named], utf8(manifestText));
  if (!signed.ok) return signed;
  // A newer record schema (a record kind this app does not know, such as a count field it would
  // refuse) gets "update the app", read before the manifest's shape is checked.
  const rawSchema = (rawManifest as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof rawSchema === 'number' && rawSchema > RECORD_SCHEMA_VERSION) {
    const minApp = (rawManifest as { minAppVersion?: unknown } | null)?.minAppVersion;
    return refuse('app-too-old', `This bundle's records need record schema ${rawSchema}; this app (${options.appVersion}) reads up to ${RECORD_SCHEMA_VERSION}${typeof minApp === 'string' ? ` and the bundle asks for ${minApp.slice(0, 40)} or later` : ''}. Update the app first.`);
  }
  const rawVersion = (rawManifest as { version?: unknown } | null)?.version;
  if (typeof rawVersion === 'number' && (!Number.isSafeInteger(rawVersion) || rawVersion > MAX_DATASET_VERSION)) {
    return refuse('version-out-of-range', `The bundle's version ${rawVersion} is not a whole number from 1 to ${MAX_DATASET_VERSION}; it cannot be installed.`);
  }

  const manifest = BundleManifest.safeParse(rawManifest);
  if (!manifest.success) return refuse('manifest-invalid', "The bundle's manifest is invalid.", zodProblems(manifest.error));
  // One text per manifest: no duplicate keys, spacing or number spellings that parsers might read differently.
  if (canonicalJson(rawManifest) !== manifestText) {
    return refuse('manifest-invalid', "The bundle's manifest is not in canonical form (sorted keys, no spaces).");
  }
  const m = manifest.data;
  if (compareSemver(options.appVersion, m.minAppVersion) < 0 || m.schemaVersion > RECORD_SCHEMA_VERSION) {
    return refuse('app-too-old', `This bundle needs ASEAN Delegate Briefing ${m.minAppVersion} or later (this is ${options.appVersion}); update the app first.`);
  }
  const installed = options.installed?.(m.datasetId);
  const signers = await signerDecision(
    m,
    signed.keyIds,
    trustedKeys,
    installed === undefined ? undefined : { builtin: installed.signers === undefined, signers: installed.signers ?? { keyIds: [], threshold: 1 } },
  );
  if (!signers.ok) return signers;
  if (installed && m.version < installed.version && !signers.resetVersion) {
    return refuse('older-version', `This bundle is version ${m.version} of "${m.datasetId}", older than the installed version ${installed.version}.`);
  }
  return { ok: true, manifest: m, signedBy: signed.keyIds, installed, signers };
}

/** The installed version with other content: refused (a changed dataset must carry a new version). */
export function sameVersionRefusal(m: BundleManifest, contentSha256: string, installed: InstalledDataset | undefined): Refusal | undefined {
  if (!installed || m.version !== installed.version || contentSha256 === installed.contentSha256) return undefined;
  return refuse(
    'same-version-different-content',
    `This bundle claims version ${m.version} of "${m.datasetId}", which is installed already with different content. A changed dataset must carry a new version.`,
  );
}

async function checkSignatures(signatures: BundleSignature[], trustedKeys: readonly PublicKey[], message: Uint8Array<ArrayBuffer>): Promise<{ ok: true; keyIds: string[] } | Refusal> {
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

/**
 * Schema and integrity of the records, the tombstones, and the counts the manifest gives. MUTATES
 * `raw` (see validateRecordsInPlace). For a layer, references to ids the bundle does not hold are
 * no problem here: they are returned, for the app to resolve against the declared bases.
 */
export function checkPayload(
  raw: Record<string, unknown>,
  counts: RecordCounts,
  layered = false,
): { ok: true; payload: BundlePayload; externalReferences?: ExternalReference[] } | Refusal {
  const { removals: rawRemovals, ...rawRecords } = raw;
  const externalReferences: ExternalReference[] = [];
  // In place: the raw records (parsed JSON, ours alone) are replaced by validated copies one by one.
  const records = validateRecordsInPlace(rawRecords, layered ? { external: (r) => externalReferences.push(r) > 0 } : {});
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
  const wrong = [...RECORD_KINDS, 'removals' as const].filter((k) => (actual[k] ?? 0) !== (counts[k] ?? 0));
  if (wrong.length > 0) {
    return refuse(
      'records-invalid',
      `The bundle's record counts do not match its manifest (${wrong.map((k) => `${k}: manifest ${counts[k] ?? 0}, payload ${actual[k] ?? 0}`).join('; ')}).`,
    );
  }
  return { ok: true, payload, ...(layered ? { externalReferences } : {}) };
}
