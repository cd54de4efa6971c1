import { bundleManifest, hash, loadRecords, manifest } from 'virtual:builtin-dataset';
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
 * on the delegate's sections, a history entry with origin "builtin"), without a signature:
 * it is trusted as shipped inside the app. A built-in install is not undoable.
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
      manifest: { datasetId: manifest.datasetId, manifestText: bundleManifest, signatures: [], origin, acceptedAt: '' },
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
  const dataset = await database.datasets.get(manifest.datasetId);
  if (!dataset) throw new Error('The built-in dataset was written but is not registered.');
  return { state: current ? 'updated' : 'installed', dataset };
}
