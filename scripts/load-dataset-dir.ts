import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATASET_FILES, DatasetManifest } from '../shared/dataset/manifest';
import { RECORD_KINDS } from '../shared/model';

/** Reads a dataset folder (manifest.json plus one JSON file per record kind) without validating it. */
export function readDatasetDir(dir: string): { manifest: unknown; records: Record<string, unknown> } {
  const readJson = (file: string): unknown => {
    const path = join(dir, file);
    try {
      return JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      throw new Error(`${path}: ${(error as Error).message}`);
    }
  };
  const records: Record<string, unknown> = {};
  for (const kind of RECORD_KINDS) records[kind] = readJson(DATASET_FILES[kind]);
  return { manifest: readJson('manifest.json'), records };
}

export { DatasetManifest };
