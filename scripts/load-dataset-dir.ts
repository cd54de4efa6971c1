import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseJsonLimited } from '../shared/bundle/json-depth';
import { readBundleUnverified } from '../shared/bundle/build';
import { idsOf, type BaseIds } from '../shared/dataset/layer-validation';
import { DATASET_FILES, DatasetManifest } from '../shared/dataset/manifest';
import { DatasetRecords } from '../shared/model';
import { RECORD_KINDS, isLaterRecordKind } from '../shared/model';

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
  for (const kind of RECORD_KINDS) {
    // A kind brought in later (contacts.json) may be missing from a folder written before it.
    if (isLaterRecordKind(kind) && !existsSync(join(dir, DATASET_FILES[kind]))) continue;
    records[kind] = readJson(DATASET_FILES[kind]);
  }
  return { manifest: readJson('manifest.json'), records };
}

/**
 * A base dataset for checking a layer's references (`--base`): a dataset folder or a bundle
 * (its signature is not checked: this is the publisher's own copy). Ids and version only.
 */
export function readBase(path: string): BaseIds {
  if (statSync(path).isDirectory()) {
    const raw = readDatasetDir(path);
    const manifest = DatasetManifest.safeParse(raw.manifest);
    if (!manifest.success) throw new Error(`${path}/manifest.json is invalid: ${manifest.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    const records = DatasetRecords.safeParse(raw.records);
    if (!records.success) throw new Error(`${path}: its records are invalid (validate it first: npm run validate:dataset ${path})`);
    return { datasetId: manifest.data.datasetId, version: manifest.data.version, ids: idsOf(records.data) };
  }
  const { manifest, payload } = readBundleUnverified(readFileSync(path, 'utf8'));
  return { datasetId: manifest.datasetId, version: manifest.version, ids: idsOf(payload) };
}

export { DatasetManifest };
