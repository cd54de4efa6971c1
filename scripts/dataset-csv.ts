import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readBundleUnverified } from '../shared/bundle';
import { CSV_FILES } from '../shared/csv/dataset-columns';
import { csvToRecords, formatCsvProblem, recordsToCsv } from '../shared/csv/dataset-csv';
import { DATASET_FILES, DatasetManifest } from '../shared/dataset/manifest';
import { formatProblem, validateDataset } from '../shared/dataset/validate';
import { RECORD_KINDS, isLaterRecordKind, type DatasetRecords, type RecordKind } from '../shared/model';
import { readDatasetDir } from './load-dataset-dir';

/**
 * `dataset export-csv` and `import-csv`: a dataset as one CSV file per record kind, for
 * publishers who keep their lists in spreadsheets (docs/dataset-csv.md). The manifest travels
 * as manifest.json beside the CSV files. A round trip gives back the same records.
 */

function writeAtomic(path: string, text: string): void {
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}

/** A dataset folder or a bundle file (not verified: export only reads it), as manifest and records. */
function readSource(path: string): { manifest: DatasetManifest; records: DatasetRecords } {
  if (!existsSync(path)) throw new Error(`${path}: no such file or folder`);
  if (statSync(path).isDirectory()) {
    const raw = readDatasetDir(path);
    const result = validateDataset(raw.records);
    if (!result.ok) throw new Error(`${path} is not a valid dataset:\n${result.problems.map(formatProblem).join('\n')}`);
    return { manifest: DatasetManifest.parse(raw.manifest), records: result.records };
  }
  const { manifest, payload } = readBundleUnverified(readFileSync(path, 'utf8'));
  const { removals: _removals, ...rest } = payload as DatasetRecords & { removals?: unknown };
  const result = validateDataset(rest);
  if (!result.ok) throw new Error(`${path} holds invalid records:\n${result.problems.map(formatProblem).join('\n')}`);
  return {
    manifest: {
      datasetId: manifest.datasetId,
      version: manifest.version,
      title: manifest.title,
      publisher: manifest.publisherName,
      created: manifest.created.slice(0, 10),
      ...(manifest.description ? { description: manifest.description } : {}),
    },
    records: result.records,
  };
}

export function exportCsv(source: string, outDir: string): string {
  const { manifest, records } = readSource(source);
  mkdirSync(outDir, { recursive: true });
  const files = recordsToCsv(records);
  for (const kind of RECORD_KINDS) writeAtomic(join(outDir, CSV_FILES[kind]), files[kind]);
  writeAtomic(join(outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return `wrote ${RECORD_KINDS.length} CSV files and manifest.json to ${outDir} (${RECORD_KINDS.map((k) => `${records[k].length} ${k}`).join(', ')})`;
}

/** Reads a CSV folder; every problem is named with its file, row and column. Writes a dataset folder only when all is valid. */
export function importCsv(csvDir: string, outDir: string): string {
  const files: Partial<Record<RecordKind, string>> = {};
  const missing: string[] = [];
  for (const kind of RECORD_KINDS) {
    const path = join(csvDir, CSV_FILES[kind]);
    if (existsSync(path)) files[kind] = readFileSync(path, 'utf8');
    else missing.push(CSV_FILES[kind]);
  }
  if (missing.length === RECORD_KINDS.length) throw new Error(`${csvDir} holds none of ${Object.values(CSV_FILES).join(', ')}`);
  const manifestPath = join(csvDir, 'manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`${manifestPath}: no such file (the dataset id, version, title and publisher)`);
  const manifest = DatasetManifest.safeParse(JSON.parse(readFileSync(manifestPath, 'utf8')));
  if (!manifest.success) throw new Error(`${manifestPath}: ${manifest.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const result = csvToRecords(files);
  if (!result.ok) throw new Error(`${result.problems.length} problem(s), nothing written:\n${result.problems.map(formatCsvProblem).join('\n')}`);
  mkdirSync(outDir, { recursive: true });
  for (const kind of RECORD_KINDS) {
    // No contacts.json for a dataset without contacts: the folder is what it was before record schema 4.
    if (isLaterRecordKind(kind) && result.records[kind].length === 0) continue;
    writeAtomic(join(outDir, DATASET_FILES[kind]), `${JSON.stringify(result.records[kind], null, 2)}\n`);
  }
  writeAtomic(join(outDir, 'manifest.json'), `${JSON.stringify(manifest.data, null, 2)}\n`);
  return `wrote dataset ${manifest.data.datasetId} v${manifest.data.version} to ${outDir} (${RECORD_KINDS.map((k) => `${result.records[k].length} ${k}`).join(', ')})${missing.length > 0 ? `; no ${missing.join(', ')} (empty)` : ''}`;
}
