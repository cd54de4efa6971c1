import { hash, loadRecords, manifest } from 'virtual:builtin-dataset';
import type { DelegateDatabase } from './db';
import { installDataset, type InstallProgress } from './install';
import type { InstalledDataset } from './schema';

export const BUILTIN_DATASET_ID = manifest.datasetId;

export type BuiltinState = 'current' | 'installed' | 'updated';

/**
 * Installs the built-in dataset on first run, and again when the app ships a newer
 * version (or different content) than the one in the database. Reads only the tiny
 * manifest when the database is current, so start-up does not grow with the dataset.
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
  const dataset = await installDataset(database, manifest, records, hash, onProgress);
  return { state: current ? 'updated' : 'installed', dataset };
}
