/**
 * Signed dataset bundles at 100k records, measured in Node (no browser): build and sign,
 * verify (hash, signature, schema and integrity), diff against a modified copy, and the peak
 * memory of a verification compared with the bundle's size.
 *
 * Peak memory is measured in a child process (this file, run with --verify-child), because a
 * process's peak resident size only ever grows: in the bench process it would show the peak
 * of whatever ran before, not that of verifying.
 */
import { fromStored } from '../../renderer/datasets/stored-records';
import { execFileSync } from 'node:child_process';
import { closeSync, fstatSync, mkdtempSync, openSync, readFileSync, readSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateDataset } from '../../shared/dataset/validate';
import { RECORD_KINDS, type DatasetRecords } from '../../shared/model';
import {
  buildBundle,
  diffDatasets,
  formatPublicKey,
  generateKeyPair,
  loadSigner,
  parsePublicKey,
  serializeBundle,
  signBundle,
  verifyBundle,
  type PublicKey,
} from '../../shared/bundle';
import type { BenchContext } from '../context';
import { median } from '../measure';
import { countsFor, generateSynthetic } from '../synthetic';
import { largeLayerSuite } from './bundle-layer';

const TOTAL = 100_000;
const SIZE = '100k';
const MiB = 1024 * 1024;

/** The synthetic records without the fields the app adds when it stores them. */
export function syntheticRecords(total: number): DatasetRecords {
  const data = generateSynthetic(countsFor(total), 'bench-bundle');
  const raw = Object.fromEntries(RECORD_KINDS.map((k) => [k, (data[k] as never[]).map((r) => fromStored(k, r))]));
  const result = validateDataset(raw);
  if (!result.ok) throw new Error('bench: the synthetic dataset is not valid');
  return result.records;
}

/** A next version: 1% of meetings rescheduled, 200 agenda items dropped, 200 added. */
function modifiedCopy(records: DatasetRecords): DatasetRecords {
  const meetings = records.meetings.map((m, i) => (i % 100 === 0 ? { ...m, status: 'postponed' as const, title: { en: `${m.title.en ?? ''} (postponed)` } } : m));
  const kept = records.agendaItems.slice(200);
  const added = records.agendaItems.slice(0, 200).map((a) => ({ ...a, id: `${a.id}-new`, order: a.order + 1 }));
  return { ...records, meetings, agendaItems: [...kept, ...added] };
}

const options = { now: new Date(), maxBytes: 1024 * MiB, appVersion: '99.0.0' };

const time = async <T>(run: () => Promise<T> | T): Promise<{ ms: number; value: T }> => {
  const started = performance.now();
  const value = await run();
  return { ms: performance.now() - started, value };
};

export async function bundleSuite({ runs, record }: BenchContext): Promise<void> {
  const records = syntheticRecords(TOTAL);
  // BENCH_LAYER=only: the large-layer part alone (bundle-layer.ts).
  if (process.env.BENCH_LAYER === 'only') return largeLayerSuite({ runs, record }, records);
  const { privateKeyFile, publicKey } = await generateKeyPair();
  const signer = await loadSigner(JSON.stringify(privateKeyFile));
  const input = {
    records,
    publisherId: 'bench',
    publisherName: 'Benchmark',
    datasetId: 'bench-bundle',
    title: 'Synthetic 100k',
    version: 2,
    created: new Date(),
    expires: new Date(Date.now() + 86_400_000),
    minAppVersion: '0.1.0',
  };

  const samples = Math.min(runs, 3);
  const builds: number[] = [];
  let text = '';
  for (let i = 0; i < samples; i++) {
    const built = await time(async () => serializeBundle(await signBundle(await buildBundle(input), signer)));
    builds.push(built.ms);
    text = built.value;
  }
  const bytes = new TextEncoder().encode(text);
  record({ name: 'bundle size', value: bytes.length / MiB, unit: 'MiB', datasetSize: SIZE });
  record({ name: 'bundle build + sign (hash, manifest, Ed25519, serialise)', value: median(builds), unit: 'ms', datasetSize: SIZE });

  const verifies: number[] = [];
  for (let i = 0; i < samples; i++) {
    const verified = await time(() => verifyBundle(bytes, [publicKey], options));
    if (!verified.value.ok) throw new Error(`bench: the bundle was refused: ${verified.value.message}`);
    verifies.push(verified.ms);
  }
  record({ name: 'bundle verify (size, signature, SHA-256, schema, integrity)', value: median(verifies), unit: 'ms', datasetSize: SIZE });

  const next = modifiedCopy(records);
  const diffs: number[] = [];
  for (let i = 0; i < samples; i++) {
    const diffed = await time(() => diffDatasets(records, next));
    if (diffed.value.meetings.changed.length === 0) throw new Error('bench: the diff found no change');
    diffs.push(diffed.ms);
  }
  record({ name: 'bundle diff against a modified copy (1% changed)', value: median(diffs), unit: 'ms', datasetSize: SIZE });

  const dir = mkdtempSync(join(tmpdir(), 'bench-bundle-'));
  try {
    const path = join(dir, 'bundle.json');
    writeFileSync(path, bytes);
    const child = execFileSync(process.execPath, ['--import', import.meta.resolve('tsx'), fileURLToPath(import.meta.url), '--verify-child', path, formatPublicKey(publicKey.raw)], {
      encoding: 'utf8',
      maxBuffer: 1024 * 1024,
    });
    const memory = JSON.parse(child.trim().split('\n').at(-1)!) as { peakRssGrowth: number; heapUsedPeak: number; ms: number };
    const ratio = memory.peakRssGrowth / bytes.length;
    record({ name: 'bundle verify, fresh process', value: memory.ms, unit: 'ms', datasetSize: SIZE });
    record({ name: 'bundle verify peak memory (resident growth)', value: memory.peakRssGrowth / MiB, unit: 'MiB', datasetSize: SIZE });
    record({ name: 'bundle verify heap used (sampled peak growth)', value: memory.heapUsedPeak / MiB, unit: 'MiB', datasetSize: SIZE });
    record({ name: 'bundle verify peak memory / bundle size', value: ratio, unit: 'ratio', datasetSize: SIZE, goal: '<= 3', pass: ratio <= 3 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  // A large national layer over these 100k records (bundle-layer.ts). BENCH_LAYER=0 leaves it out, =only runs it alone.
  if (process.env.BENCH_LAYER !== '0') await largeLayerSuite({ runs, record }, records);
}

/** Child mode: read and verify one bundle, print time and memory growth as one JSON line. */
async function verifyChild(path: string, keyText: string): Promise<void> {
  const key = (await parsePublicKey(keyText)) as PublicKey;
  const rssBase = process.resourceUsage().maxRSS * 1024;
  const heapBase = process.memoryUsage().heapUsed;
  let heapPeak = heapBase;
  // Samples land between the verifier's awaits (decode, digest, signature): a lower bound of the heap peak.
  const sampler = setInterval(() => (heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed)), 1);
  const started = performance.now();
  // Handed over as the app's worker hands over a Blob: read a piece at a time (here from the
  // file on disk), so neither the whole bytes nor the whole text are held; the whole file is
  // only read if that fails. A file on disk is cheap to read again (reread): the payload is
  // hashed in one pass and parsed in a second, as the publisher's tool reads a file.
  const fd = openSync(path, 'r');
  const size = fstatSync(fd).size;
  let result: Awaited<ReturnType<typeof verifyBundle>>;
  try {
    result = await verifyBundle(
      {
        size,
        read: (start, end) => {
          const piece = new Uint8Array(end - start);
          readSync(fd, piece, 0, piece.length, start);
          return Promise.resolve(piece);
        },
        take: () => readFileSync(path),
        fresh: true,
        reread: true,
      },
      [key],
      options,
    );
  } finally {
    closeSync(fd);
  }
  const ms = performance.now() - started;
  clearInterval(sampler);
  heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
  if (!result.ok) throw new Error(result.message);
  console.log(JSON.stringify({ ms, peakRssGrowth: process.resourceUsage().maxRSS * 1024 - rssBase, heapUsedPeak: heapPeak - heapBase }));
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2] === '--verify-child') {
  await verifyChild(process.argv[3]!, process.argv[4]!);
}
