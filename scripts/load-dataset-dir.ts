import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseJsonLimited } from '../shared/bundle/json-depth';
import { DATASET_FILES, DatasetManifest } from '../shared/dataset/manifest';
import { RECORD_KINDS } from '../shared/model';

/**
 * Reads a dataset folder (manifest.json plus one JSON file per record kind) without validating it.
 * A file nested deeper than any record is refused before it is parsed (validation recurses per level).
 */
export function readDatasetDir(dir: string): { manifest: unknown; records: Record<string, unknown> } {
  const readJson = (file: string): unknown => {
    const path = join(dir, file);
    try {
      return parseJsonLimited(readFileSync(path, 'utf8'));
    } catch (error) {
      throw new Error(`${path}: ${(error as Error).message}`);
    }
  };
  const records: Record<string, unknown> = {};
  for (const kind of RECORD_KINDS) records[kind] = readJson(DATASET_FILES[kind]);
  return { manifest: readJson('manifest.json'), records };
}

export { DatasetManifest };
