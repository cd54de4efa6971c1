/**
 * Layered datasets, the pure parts and the schema: a manifest's bases, references outside a
 * dataset found by the one integrity check, the publisher tool's check against the bases it is
 * given, bundle format 3, and schema 9's new table over an older database.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import Dexie from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import { buildBundle, BundleManifest, verifyBundle } from '../../shared/bundle';
import { DatasetManifest } from '../../shared/dataset/manifest';
import { idsOf, validateLayer } from '../../shared/dataset/layer-validation';
import { checkIntegrity, validateDataset } from '../../shared/dataset/validate';
import type { ExternalReference } from '../../shared/dataset/dependencies';
import { DelegateDatabase } from '../../renderer/db/db';
import { readDatasetDir } from '../../scripts/load-dataset-dir';
import { builtinRecords, newSigner, options, parseBundleText, signedBundle } from './bundle-fixtures';
import { BASE_ID, LAYER_DIR, LAYER_ID, layerInput, layerManifest, layerRecords } from './layer-fixtures';

const base = () => ({ datasetId: BASE_ID, version: 1, ids: idsOf(builtinRecords()) });

describe('a dataset manifest that builds on others', () => {
  it('names each base once, with a lowest version, and never itself (in a bundle manifest)', () => {
    const folder = { datasetId: 'my-national', version: 1, title: 'T', publisher: 'P', created: '2026-12-01' };
    expect(DatasetManifest.safeParse({ ...folder, dependsOn: [{ datasetId: 'asean-builtin', minVersion: 1 }] }).success).toBe(true);
    expect(DatasetManifest.safeParse({ ...folder, dependsOn: [] }).success).toBe(false);
    expect(DatasetManifest.safeParse({ ...folder, dependsOn: [{ datasetId: 'a', minVersion: 1 }, { datasetId: 'a', minVersion: 2 }] }).success).toBe(false);
    expect(DatasetManifest.safeParse({ ...folder, dependsOn: [{ datasetId: 'a', minVersion: 0 }] }).success).toBe(false);
  });

  it('is written in bundle format 3 (format 2 without bases), and a format-2 or self-based manifest with dependsOn is invalid', async () => {
    const layer = await buildBundle(layerInput());
    const manifest = BundleManifest.parse(JSON.parse(layer.manifest));
    expect(manifest.formatVersion).toBe(3);
    expect(manifest.dependsOn).toEqual([{ datasetId: BASE_ID, minVersion: 1 }]);
    expect(JSON.parse((await buildBundle({ ...layerInput(), dependsOn: undefined })).manifest).formatVersion).toBe(2);
    expect(BundleManifest.safeParse({ ...manifest, formatVersion: 2 }).success).toBe(false);
    expect(BundleManifest.safeParse({ ...manifest, dependsOn: [{ datasetId: LAYER_ID, minVersion: 1 }] }).success).toBe(false);
    await expect(buildBundle(layerInput(), 1)).rejects.toThrow(/legacy format 1/);
  });
});

describe('references outside a dataset', () => {
  it('are what the strict check calls dangling: the same records, paths and ids', () => {
    const records = layerRecords();
    const external: ExternalReference[] = [];
    expect(checkIntegrity(records, { external: (r) => external.push(r) > 0 })).toEqual([]);
    const strict = checkIntegrity(records);
    expect(strict.map((p) => [p.kind, p.id, p.path])).toEqual(external.map((r) => [r.kind, r.id, r.path]));
    expect(external).toContainEqual({ kind: 'meetings', id: 'my-aha-centre-briefing-2025', path: 'bodyIds.0', target: 'bodies', targetId: 'aha-centre' });
    expect(external).toContainEqual({ kind: 'agendaItems', id: 'my-bilateral-asoen-36', path: 'meetingId', target: 'meetings', targetId: 'asoen-36' });
    // A contact's roles name the base's body and meeting; its organisation, the layer's own desk.
    expect(external.filter((r) => r.kind === 'contacts').map((r) => [r.id, r.path, r.targetId])).toEqual([
      ['my-nres-asoen-focal-point', 'roles.0.bodyId', 'asoen'],
      ['my-nres-asoen-focal-point', 'roles.1.meetingId', 'asoen-36'],
      ['my-nres-asoen-36-head', 'roles.0.meetingId', 'asoen-36'],
    ]);
  });

  it('include those of the schema-2 facts (chair terms, certainty sources), named by their record', () => {
    const records = layerRecords();
    records.bodies[0] = { ...records.bodies[0]!, chairHistory: [{ role: { country: 'MY' }, meetingId: 'asoen-36', sources: [{ sourceId: 'src-asoen-36-media-statement' }] }] } as never;
    const external: ExternalReference[] = [];
    const problems = checkIntegrity(records, { external: (r) => external.push(r) > 0 });
    expect(problems).toEqual([]);
    expect(external.filter((r) => r.id === 'my-nres-asean-desk').map((r) => [r.path, r.target, r.targetId])).toEqual([
      ['chairHistory.0.meetingId', 'meetings', 'asoen-36'],
      ['chairHistory.0.sources.0', 'sources', 'src-asoen-36-media-statement'],
    ]);
  });
});

describe("the publisher tool's check of a layer against its bases", () => {
  const raw = () => readDatasetDir(LAYER_DIR).records;
  const m = () => layerManifest();

  it('passes when every reference resolves in a declared base given at its version', () => {
    expect(validateLayer(raw(), m().datasetId, m().dependsOn, [base()]).ok).toBe(true);
  });

  it('asks for each declared base, refuses an undeclared or too old one, and names each reference that resolves nowhere', () => {
    const problems = (result: ReturnType<typeof validateLayer>) => (result.ok ? [] : result.problems.map((p) => `${p.id ?? ''} ${p.path ?? ''} ${p.message}`));
    expect(problems(validateLayer(raw(), LAYER_ID, m().dependsOn, []))).toContainEqual(expect.stringContaining('builds on "asean-builtin": give its folder or bundle with --base'));
    expect(problems(validateLayer(raw(), LAYER_ID, [{ datasetId: BASE_ID, minVersion: 2 }], [base()]))).toContainEqual(expect.stringContaining('is version 1; "my-national" needs version 2 or later'));
    // Given but not declared: its ids do not count.
    const undeclared = problems(validateLayer(raw(), LAYER_ID, [{ datasetId: 'asean-core', minVersion: 1 }], [base()]));
    expect(undeclared).toContainEqual(expect.stringContaining('--base "asean-builtin" is not a dataset that "my-national" builds on'));
    expect(undeclared).toContainEqual(expect.stringContaining('my-aha-centre-briefing-2025 bodyIds.0 refers to unknown bodies "aha-centre"'));
    const dropped = { ...base(), ids: { ...base().ids, bodies: new Set([...base().ids.bodies].filter((id) => id !== 'aha-centre')) } };
    expect(problems(validateLayer(raw(), LAYER_ID, m().dependsOn, [dropped]))).toEqual([' bodyIds.0 refers to unknown bodies "aha-centre"'.replace(/^/, 'my-aha-centre-briefing-2025')]);
  });

  it('checks a dataset without bases exactly as before', () => {
    expect(validateLayer(readDatasetDir('assets/dataset').records, BASE_ID, undefined, [])).toEqual(validateDataset(readDatasetDir('assets/dataset').records));
  });
});

describe('a layer bundle in the verifier', () => {
  it('is read as format 3, with its references to its bases returned for the app to resolve', async () => {
    const signer = await newSigner();
    const text = await signedBundle(layerInput(), [signer]);
    const result = await verifyBundle(text, [signer.publicKey], options());
    if (!result.ok) throw new Error(result.message);
    expect(result.format).toBe(3);
    expect(result.externalReferences?.map((r) => `${r.kind}/${r.id}/${r.path}→${r.targetId}`).sort()).toEqual([
      'agendaItems/my-bilateral-asoen-36/bodyIds.0→asoen',
      'agendaItems/my-bilateral-asoen-36/meetingId→asoen-36',
      'agendaItems/my-bilateral-asoen-36/outcomeDocumentIds.0→asean-joint-statement-climate-change-cop30',
      'contacts/my-nres-asoen-36-head/roles.0.meetingId→asoen-36',
      'contacts/my-nres-asoen-focal-point/roles.0.bodyId→asoen',
      'contacts/my-nres-asoen-focal-point/roles.1.meetingId→asoen-36',
      'meetings/my-aha-centre-briefing-2025/bodyIds.0→aha-centre',
      'meetings/my-prep-asoen-36/backToBackMeetingIds.0→asoen-36',
      'meetings/my-prep-asoen-36/bodyIds.0→asoen',
    ]);
  });

  it('refuses the same references in a dataset that declares no base, and a format-2 file header over a format-3 manifest', async () => {
    const signer = await newSigner();
    const plain = await verifyBundle(await signedBundle({ ...layerInput(), dependsOn: undefined }, [signer]), [signer.publicKey], options());
    expect(plain.ok ? 'accepted' : plain.code).toBe('records-invalid');
    const text = await signedBundle(layerInput(), [signer]);
    const relabelled = text.replace('{"formatVersion":3,', '{"formatVersion":2,');
    const result = await verifyBundle(relabelled, [signer.publicKey], options());
    expect(result.ok ? 'accepted' : result.code).toBe('wrong-format-version');
    expect(parseBundleText(text).format).toBe(2);
  });
});

describe('schema version 9', () => {
  beforeEach(() => {
    Dexie.dependencies.indexedDB = new IDBFactory();
    Dexie.dependencies.IDBKeyRange = IDBKeyRange;
  });

  it('adds the reference flags to a database made at version 8, keeping what it held', async () => {
    const old = new DelegateDatabase('layers-migration', 8);
    await old.open();
    await old.acceptedManifests.put({ datasetId: BASE_ID, manifestText: '{}', signatures: [], origin: { kind: 'builtin' }, acceptedAt: '2026-11-01T00:00:00.000Z' });
    old.close();
    const now = new DelegateDatabase('layers-migration', 9);
    await now.open();
    expect(now.verno).toBe(9);
    expect((await now.acceptedManifests.get(BASE_ID))?.dependsOn).toBeUndefined();
    expect(await now.referenceFlags.count()).toBe(0);
    await now.referenceFlags.put({ kind: 'meetings', id: 'm', datasetId: LAYER_ID, references: [{ path: 'bodyIds.0', target: 'bodies', targetId: 'b', since: 'x' }] });
    expect(await now.referenceFlags.where('datasetId').equals(LAYER_ID).count()).toBe(1);
    now.close();
  });
});
