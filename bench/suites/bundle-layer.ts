/**
 * A large national layer over a 100k-record base, in Node: what grows with the layer's size.
 *
 * - The publisher's side: building and signing a layer bundle, verifying it (which returns its
 *   references to the base for the app to resolve), and the publisher tool's check of those
 *   references against the base's ids (`validate:dataset --base`).
 * - The app's side: recomputing a layer's flags (renderer/datasets/layers/reference-flags.ts),
 *   which runs inside every apply and undo of the layer or of its bases and reads all of the
 *   layer's records. Run on the app's own database code over fake-indexeddb (an in-memory
 *   IndexedDB, slower than Chromium's, so the figures are an upper bound), after a base update
 *   that removed 10 of the base bodies the layer refers to. Two layer sizes show how it scales.
 */
import { fromStored } from '../../renderer/datasets/stored-records';
import { buildBundle, generateKeyPair, loadSigner, serializeBundle, signBundle, verifyBundle } from '../../shared/bundle';
import { idsOf, validateLayer } from '../../shared/dataset/layer-validation';
import { RECORD_KINDS, type DatasetRecords } from '../../shared/model';
import type { BenchContext } from '../context';
import { median } from '../measure';
import { countsFor, generateSynthetic } from '../synthetic';

const BASE_ID = 'bench-base';
const LAYER_ID = 'bench-layer';
const MiB = 1024 * 1024;

type Stored = Record<string, unknown> & { id: string };

/**
 * A layer of `total` records in stored form: its own ids (`lyr-…`), its bodies reporting to the
 * base's, its meetings held by base bodies and its agenda items on base meetings (as a ministry's
 * own items in an ASEAN meeting's programme): about two references into the base per record.
 */
function layerStored(total: number): Record<(typeof RECORD_KINDS)[number], Stored[]> {
  const data = generateSynthetic(countsFor(total), LAYER_ID) as unknown as Record<(typeof RECORD_KINDS)[number], Stored[]>;
  const own = (id: string) => id.replace(/^syn-/, 'lyr-');
  const out = {} as Record<(typeof RECORD_KINDS)[number], Stored[]>;
  for (const kind of RECORD_KINDS) {
    out[kind] = data[kind].map((r) => {
      const record: Stored = { ...r, id: own(r.id) };
      if (Array.isArray(r.sources)) record.sources = (r.sources as { sourceId: string }[]).map((c) => ({ ...c, sourceId: own(c.sourceId) }));
      if (Array.isArray(r.sourceIds)) record.sourceIds = (r.sourceIds as string[]).map(own);
      if (kind === 'frameworks') record.ownerBodyIds = r.ownerBodyIds;
      if (kind === 'targets') record.frameworkId = own(r.frameworkId as string);
      if (kind === 'targets') record.meetingIds = (r.meetingIds as string[]).map(own);
      if (kind === 'bodies') {
        const n = Number(r.id.split('-').pop());
        record.acronym = `LYR${n}`;
        record.reportsTo = [`syn-body-${n % 100}`];
      }
      if (kind === 'meetings') record.series = own(r.series as string);
      return record;
    });
  }
  return out;
}

/** The records without the fields the app adds when it stores them. */
function asDataset(stored: Record<(typeof RECORD_KINDS)[number], Stored[]>): DatasetRecords {
  return Object.fromEntries(RECORD_KINDS.map((k) => [k, stored[k].map((r) => fromStored(k, r as never))])) as unknown as DatasetRecords;
}

const time = async <T>(run: () => Promise<T> | T): Promise<{ ms: number; value: T }> => {
  const started = performance.now();
  const value = await run();
  return { ms: performance.now() - started, value };
};

export async function largeLayerSuite({ runs, record }: Pick<BenchContext, 'runs' | 'record'>, baseRecords: DatasetRecords): Promise<void> {
  const samples = Math.min(runs, 3);
  const baseIds = idsOf(baseRecords);
  const { privateKeyFile, publicKey } = await generateKeyPair();
  const signer = await loadSigner(JSON.stringify(privateKeyFile));
  const options = { now: new Date(), maxBytes: 1024 * MiB, appVersion: '99.0.0' };

  const size = 20_000;
  const layer = asDataset(layerStored(size));
  const input = {
    records: layer,
    publisherId: 'bench-ministry',
    publisherName: 'Benchmark ministry',
    datasetId: LAYER_ID,
    title: 'Synthetic national layer',
    version: 1,
    created: new Date(),
    expires: new Date(Date.now() + 86_400_000),
    minAppVersion: '0.1.0',
    dependsOn: [{ datasetId: BASE_ID, minVersion: 1 }],
  };
  const label = `layer ${size / 1000}k over 100k`;
  const checks: number[] = [];
  for (let i = 0; i < samples; i++) {
    const checked = await time(() => validateLayer(layer, LAYER_ID, input.dependsOn, [{ datasetId: BASE_ID, version: 1, ids: baseIds }]));
    if (!checked.value.ok) throw new Error(`bench: the synthetic layer is invalid: ${JSON.stringify(checked.value.problems.slice(0, 3))}`);
    checks.push(checked.ms);
  }
  record({ name: 'layer check against its base (publisher tool, --base)', value: median(checks), unit: 'ms', datasetSize: label });

  const text = serializeBundle(await signBundle(await buildBundle(input), signer));
  const bytes = new TextEncoder().encode(text);
  const verifies: number[] = [];
  let references = 0;
  for (let i = 0; i < samples; i++) {
    const verified = await time(() => verifyBundle(bytes, [publicKey], options));
    if (!verified.value.ok) throw new Error(`bench: the layer bundle was refused: ${verified.value.message}`);
    references = verified.value.externalReferences?.length ?? 0;
    verifies.push(verified.ms);
  }
  record({ name: `layer bundle verify (${references} references to the base returned)`, value: median(verifies), unit: 'ms', datasetSize: label });

  await flagRefreshBench(samples, record, baseRecords);
}

/** Recomputing a layer's flags after its base dropped 10 of the bodies the layer names, at two layer sizes. */
async function flagRefreshBench(samples: number, record: BenchContext['record'], baseRecords: DatasetRecords): Promise<void> {
  // Here, not at load: the other suites of the bench process must not see an IndexedDB in Node.
  const { useFakeIndexedDb } = await import('../fake-indexeddb');
  useFakeIndexedDb();
  const { DelegateDatabase } = await import('../../renderer/db/db');
  const { toStored } = await import('../../renderer/datasets/stored-records');
  const { refreshReferenceFlags } = await import('../../renderer/datasets/layers/reference-flags');
  const { referenceTable, updateTables } = await import('../../renderer/datasets/reference-tables');
  const perRecord: number[] = [];
  for (const size of [10_000, 40_000]) {
    const database = new DelegateDatabase(`bench-layer-${size}`);
    await database.delete();
    await database.open();
    try {
      const baseProv = { datasetId: BASE_ID, version: 2, hash: 'bench' };
      // Base version 2: 10 of the first 100 base bodies, which the layer's records name, are gone (2% of the base's 500).
      const dropped = new Set(baseRecords.bodies.filter((_b, i) => i < 100 && i % 10 === 0).map((b) => b.id));
      for (const kind of RECORD_KINDS) {
        const rows = (baseRecords[kind] as { id: string }[]).filter((r) => kind !== 'bodies' || !dropped.has(r.id)).map((r) => toStored(kind, r as never, baseProv));
        await referenceTable(database, kind).bulkPut(rows as never);
      }
      const layer = layerStored(size);
      for (const kind of RECORD_KINDS) await referenceTable(database, kind).bulkPut(layer[kind] as never);
      const now = '2026-12-01T00:00:00.000Z';
      await database.datasets.bulkPut([
        { datasetId: BASE_ID, version: 2, hash: 'bench', title: 'Base', installedAt: now } as never,
        { datasetId: LAYER_ID, version: 1, hash: 'bench', title: 'Layer', installedAt: now } as never,
      ]);
      await database.acceptedManifests.bulkPut([
        { datasetId: BASE_ID, manifestText: '{}', signatures: [], origin: { kind: 'builtin' }, acceptedAt: now },
        { datasetId: LAYER_ID, manifestText: '{}', signatures: [], origin: { kind: 'builtin' }, acceptedAt: now, dependsOn: [{ datasetId: BASE_ID, minVersion: 1 }] },
      ]);
      const times: number[] = [];
      let flagged = 0;
      for (let i = 0; i < samples; i++) {
        const refreshed = await time(() =>
          database.transaction('rw', updateTables(database), () => refreshReferenceFlags(database, { datasetId: BASE_ID }, now)),
        );
        flagged = await database.referenceFlags.count();
        times.push(refreshed.ms);
      }
      if (flagged === 0) throw new Error('bench: the base update flagged none of the layer records');
      const ms = median(times);
      perRecord.push(ms / size);
      record({ name: `layer flag refresh after a base update (${flagged} records flagged; fake-indexeddb)`, value: ms, unit: 'ms', datasetSize: `layer ${size / 1000}k over 100k` });
    } finally {
      database.close();
      await database.delete();
    }
  }
  record({ name: 'layer flag refresh, time per layer record at 40k / at 10k (1 = linear)', value: perRecord[1]! / perRecord[0]!, unit: 'ratio', datasetSize: 'layer 10k–40k', goal: '<= 1.5', pass: perRecord[1]! / perRecord[0]! <= 1.5 });
}
