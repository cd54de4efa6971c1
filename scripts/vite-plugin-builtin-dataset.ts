import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { canonicalJson } from '../shared/dataset/hash';
import { DatasetManifest } from '../shared/dataset/manifest';
import { formatProblem, validateDataset } from '../shared/dataset/validate';
import { readDatasetDir } from './load-dataset-dir';

const MANIFEST_ID = 'virtual:builtin-dataset';
const RECORDS_ID = 'virtual:builtin-dataset/records';

/**
 * Serves the built-in dataset from assets/dataset as two modules: a tiny one with the
 * manifest and payload hash (read at every start-up) and a lazily loaded one with the
 * records (read only when the installed dataset is missing or older).
 * The build fails on an invalid dataset, so a broken one can never ship.
 */
export function builtinDataset(dir = resolve('assets/dataset')): Plugin {
  const load = () => {
    const raw = readDatasetDir(dir);
    const manifest = DatasetManifest.parse(raw.manifest);
    const result = validateDataset(raw.records);
    if (!result.ok) {
      throw new Error(`built-in dataset is invalid:\n${result.problems.map(formatProblem).join('\n')}`);
    }
    const payload = canonicalJson(result.records);
    const hash = createHash('sha256').update(payload).digest('hex');
    return { manifest, payload, hash };
  };
  return {
    name: 'builtin-dataset',
    resolveId(id) {
      if (id === MANIFEST_ID || id === RECORDS_ID) return `\0${id}`;
      return null;
    },
    load(id) {
      if (id === `\0${MANIFEST_ID}`) {
        const { manifest, hash } = load();
        for (const file of ['manifest.json']) this.addWatchFile(resolve(dir, file));
        return [
          `export const manifest = ${JSON.stringify(manifest)};`,
          `export const hash = ${JSON.stringify(hash)};`,
          `export const loadRecords = () => import(${JSON.stringify(RECORDS_ID)}).then((m) => m.default);`,
        ].join('\n');
      }
      if (id === `\0${RECORDS_ID}`) {
        const { payload } = load();
        return `export default JSON.parse(${JSON.stringify(payload)});`;
      }
      return null;
    },
  };
}
