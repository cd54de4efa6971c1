import { bundleManifest, hash, loadRecords, manifest, publisherKeys, signatures } from 'virtual:builtin-dataset';
import type { RecordKind } from '../../shared/model';
import { prepareUpdate } from '../datasets/prepare';
import { unwatched } from '../datasets/request-control';
import { writeUpdate } from '../datasets/write';
import type { DelegateDatabase } from './db';
import type { InstalledDataset } from './schema';

export interface InstallProgress {
  kind: RecordKind;
  done: number;
  total: number;
}

export const BUILTIN_DATASET_ID = manifest.datasetId;

export type BuiltinState = 'current' | 'installed' | 'updated';

/**
 * Installs the built-in dataset on first run, and again when the app ships a newer
 * version (or different content) than the one in the database. Reads only the tiny
 * manifest when the database is current, so start-up does not grow with the dataset.
 *
 * It goes through the same write path as a publisher's update (one transaction, review flags
 * on the delegate's sections, a history entry with origin "builtin"), without checking its
 * signature: it is trusted as shipped inside the app. It binds the dataset to the publisher keys
 * shipped with the app and adds them to the trusted keys (marked as shipped), so only those keys
 * can publish its updates. A built-in install is not undoable.
 */
export async function ensureBuiltinDataset(
  database: DelegateDatabase,
  onProgress?: (p: InstallProgress) => void,
): Promise<{ state: BuiltinState; dataset: InstalledDataset }> {
  const current = await database.datasets.get(manifest.datasetId);
  if (current && (current.version > manifest.version || (current.version === manifest.version && current.hash === hash))) {
    // A newer version from the publisher (installed by sync) wins over the shipped one.
    return { state: 'current', dataset: current };
  }
  const records = await loadRecords();
  const origin = { kind: 'builtin' } as const;
  const prepared = await prepareUpdate(
    database,
    {
      datasetId: manifest.datasetId,
      version: manifest.version,
      hash,
      title: manifest.title,
      publisherId: 'builtin',
      publisherName: manifest.publisher,
      changelog: [],
      signedBy: [],
      expired: false,
      origin,
      manifest: {
        datasetId: manifest.datasetId,
        manifestText: bundleManifest,
        signatures,
        origin,
        acceptedAt: '',
        signers: { keyIds: publisherKeys.map((k) => k.keyId), threshold: 1 },
      },
      undoable: false,
    },
    // The records module is shared (imported once, kept by the module system): copied, never stored in place.
    { owned: false, records },
    [],
  );
  if ('ok' in prepared) throw new Error(prepared.message);
  await writeUpdate({ database, appVersion: __APP_VERSION__ }, prepared, unwatched, (kind, done, total) =>
    onProgress?.({ kind, done, total }),
  );
  await trustShippedKeys(database);
  const dataset = await database.datasets.get(manifest.datasetId);
  if (!dataset) throw new Error('The built-in dataset was written but is not registered.');
  return { state: current ? 'updated' : 'installed', dataset };
}

/** The shipped publisher keys join the trusted keys once, marked as shipped; a key the delegate removed later stays removed until the next built-in install. */
async function trustShippedKeys(database: DelegateDatabase): Promise<void> {
  const addedAt = new Date().toISOString();
  for (const key of publisherKeys) {
    if (await database.trustedKeys.get(key.keyId)) continue;
    await database.trustedKeys.add({ ...key, label: `${manifest.publisher} (${manifest.datasetId})`.slice(0, 200), addedAt, builtIn: true });
  }
}
