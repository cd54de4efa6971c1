/**
 * Validates a dataset folder: schema, duplicate ids, dangling references, dates, sources.
 * Usage: tsx scripts/validate-dataset.ts [folder]   (default: assets/dataset)
 */
import { resolve } from 'node:path';
import { formatProblem, validateDataset } from '../shared/dataset/validate';
import { RECORD_KINDS } from '../shared/model';
import { DatasetManifest, readDatasetDir } from './load-dataset-dir';

const dir = resolve(process.argv[2] ?? 'assets/dataset');
let raw: ReturnType<typeof readDatasetDir>;
try {
  raw = readDatasetDir(dir);
} catch (error) {
  console.error(`dataset: cannot read ${dir}: ${(error as Error).message}`);
  process.exit(1);
}
const manifest = DatasetManifest.safeParse(raw.manifest);
const result = validateDataset(raw.records);
const problems = [
  ...(manifest.success ? [] : manifest.error.issues.map((i) => `manifest › ${i.path.join('.')}: ${i.message}`)),
  ...(result.ok ? [] : result.problems.map(formatProblem)),
];
if (problems.length > 0) {
  console.error(`dataset: ${problems.length} problem(s) in ${dir}`);
  for (const p of problems) console.error(`  - ${p}`);
  process.exit(1);
}
if (result.ok && manifest.success) {
  const counts = RECORD_KINDS.map((k) => `${result.records[k].length} ${k}`).join(', ');
  console.log(`dataset ${manifest.data.datasetId} v${manifest.data.version}: valid (${counts})`);
}
