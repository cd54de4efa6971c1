/**
 * Validates a dataset folder: schema, duplicate ids, dangling references, dates, sources.
 * Usage: tsx scripts/validate-dataset.ts [folder] [--base <folder|bundle>]...   (default: assets/dataset)
 * A layer (manifest.json with dependsOn) is checked against its bases, each given with --base.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { validateLayer, type BaseIds } from '../shared/dataset/layer-validation';
import { formatProblem } from '../shared/dataset/validate';
import { RECORD_KINDS } from '../shared/model';
import { DatasetManifest, readBase, readDatasetDir } from './load-dataset-dir';

const { values, positionals } = parseArgs({ args: process.argv.slice(2), options: { base: { type: 'string', multiple: true } }, allowPositionals: true });
const dir = resolve(positionals[0] ?? 'assets/dataset');
let raw: ReturnType<typeof readDatasetDir>;
let bases: BaseIds[];
try {
  raw = readDatasetDir(dir);
  bases = (values.base ?? []).map((b) => readBase(resolve(b)));
} catch (error) {
  console.error(`dataset: cannot read ${dir}: ${(error as Error).message}`);
  process.exit(1);
}
const manifest = DatasetManifest.safeParse(raw.manifest);
const result = validateLayer(raw.records, manifest.success ? manifest.data.datasetId : '', manifest.success ? manifest.data.dependsOn : undefined, bases);
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
