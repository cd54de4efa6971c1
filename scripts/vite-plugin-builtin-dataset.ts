import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { recordSchemaNeeded } from '../shared/bundle/record-schema';
import { BundleManifest, LEGACY_FORMAT_VERSION } from '../shared/bundle/schema';
import { canonicalJson } from '../shared/dataset/hash';
import { DatasetManifest } from '../shared/dataset/manifest';
import { formatProblem, validateDataset } from '../shared/dataset/validate';
import { resolveBuiltinSigning, shippedPolicy, signManifest, type BuiltinSigning } from './builtin-signing';
import { readDatasetDir } from './load-dataset-dir';
import { LATER_RECORD_KINDS, withoutEmptyLaterKinds } from '../shared/model';

const MANIFEST_ID = 'virtual:builtin-dataset';
const RECORDS_ID = 'virtual:builtin-dataset/records';

/** A dataset manifest's partial date (2026, 2026-11, 2026-11-23) as the bundle manifest's date-time. */
const isoDateTime = (date: string) => `${date}${['-01-01', '-01', ''][date.split('-').length - 1] ?? ''}T00:00:00Z`;

/**
 * The built-in dataset in the bundle format: the records (payload) and a bundle manifest with
 * their hash, signed at build time and bound to the publisher keys the app ships
 * (scripts/builtin-signing.ts): only those keys, or a key rotation they sign, may replace it.
 */
export async function builtinBundle(dir: string, signing: BuiltinSigning) {
  const raw = readDatasetDir(dir);
  const manifest = DatasetManifest.parse(raw.manifest);
  const result = validateDataset(raw.records);
  if (!result.ok) {
    throw new Error(`built-in dataset is invalid:\n${result.problems.map(formatProblem).join('\n')}`);
  }
  // A later record kind the dataset holds none of (contacts) is left out, as bundles leave it out.
  const records = withoutEmptyLaterKinds(result.records);
  const payload = canonicalJson(records);
  const hash = createHash('sha256').update(payload).digest('hex');
  const bundleManifest = canonicalJson(
    BundleManifest.parse({
      // Format 1's definition: payloadSha256 is the content hash (canonical JSON), which is the
      // provenance hash the app stores for every dataset, whichever format it arrived in.
      formatVersion: LEGACY_FORMAT_VERSION,
      publisherId: 'builtin',
      publisherName: manifest.publisher,
      datasetId: manifest.datasetId,
      title: manifest.title,
      ...(manifest.description ? { description: manifest.description } : {}),
      version: manifest.version,
      created: isoDateTime(manifest.created),
      // Shipped inside the signed app: it never expires, it is replaced by the next app or update.
      expires: '9999-12-31T23:59:59Z',
      schemaVersion: recordSchemaNeeded(records),
      minAppVersion: '0.0.0',
      recordCounts: { ...Object.fromEntries(Object.entries(records).map(([k, v]) => [k, v.length])), removals: 0 },
      payloadSha256: hash,
      payloadBytes: Buffer.byteLength(payload, 'utf8'),
      changelog: [],
      signers: shippedPolicy(signing.shipped),
    }),
  );
  const signatures = await signManifest(bundleManifest, signing.signer);
  return { manifest, payload, hash, bundleManifest, signatures, publisherKeys: signing.shipped };
}

/**
 * Serves the built-in dataset from assets/dataset as two modules: a tiny one with the
 * manifest and payload hash (read at every start-up) and a lazily loaded one with the
 * records (read only when the installed dataset is missing or older).
 * The build fails on an invalid dataset, so a broken one can never ship.
 */
export function builtinDataset(dir = resolve('assets/dataset')): Plugin {
  let signing: Promise<BuiltinSigning> | undefined;
  const load = async () => {
    signing ??= resolveBuiltinSigning().then((resolved) => {
      // Tests build the app many times over: the warning is for a build someone might ship.
      if (resolved.development && !process.env.VITEST) {
        console.warn(
          `builtin-dataset: signed with this checkout's development key (${resolved.shipped[0]?.keyId}); a release build sets ASEANDB_BUILTIN_SIGNING_KEY to the publisher's key file`,
        );
      }
      return resolved;
    });
    return builtinBundle(dir, await signing);
  };
  return {
    name: 'builtin-dataset',
    resolveId(id) {
      if (id === MANIFEST_ID || id === RECORDS_ID) return `\0${id}`;
      return null;
    },
    async load(id) {
      if (id === `\0${MANIFEST_ID}`) {
        const { manifest, hash, bundleManifest, signatures, publisherKeys } = await load();
        for (const file of ['manifest.json']) this.addWatchFile(resolve(dir, file));
        return [
          `export const manifest = ${JSON.stringify(manifest)};`,
          `export const hash = ${JSON.stringify(hash)};`,
          `export const bundleManifest = ${JSON.stringify(bundleManifest)};`,
          `export const signatures = ${JSON.stringify(signatures)};`,
          `export const publisherKeys = ${JSON.stringify(publisherKeys)};`,
          `export const loadRecords = () => import(${JSON.stringify(RECORDS_ID)}).then((m) => m.default);`,
        ].join('\n');
      }
      if (id === `\0${RECORDS_ID}`) {
        const { payload } = await load();
        // The payload leaves out a later kind it holds none of (contacts); the app's records list every kind.
        const empty = Object.fromEntries(LATER_RECORD_KINDS.map((k) => [k, []]));
        return `export default { ...${JSON.stringify(empty)}, ...JSON.parse(${JSON.stringify(payload)}) };`;
      }
      return null;
    },
  };
}
