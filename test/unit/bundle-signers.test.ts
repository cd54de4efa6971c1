/** No silent takeover: a dataset is bound to its keys; only a rotation signed by them hands it on; thresholds; bounded versions. */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildRotation, MAX_DATASET_VERSION, verifyBundle, type BoundSigners, type KeyRotation, type PublicKey, type Signer, type SignerPolicy } from '../../shared/bundle';
import type { DatasetRecords } from '../../shared/model';
import { baseInput, newSigner, NOW, options, resignedWith, signedBundle, smallDataset } from './bundle-fixtures';

let a: Signer, b: Signer, c: Signer;
let records: DatasetRecords;
beforeAll(async () => {
  [a, b, c] = [await newSigner(), await newSigner(), await newSigner()];
  records = smallDataset();
});

const DATASET = 'asean-builtin';
const bound = (...signers: Signer[]): BoundSigners => ({ keyIds: signers.map((s) => s.publicKey.keyId), threshold: 1 });
const installedAs = (signers: BoundSigners, version = 2) => ({ installed: (id: string) => (id === DATASET ? { version, contentSha256: 'x', signers } : undefined) });
const keysOf = (...signers: Signer[]): PublicKey[] => signers.map((s) => s.publicKey);
const rotate = (to: Signer[], by: Signer[], threshold = 1, resetVersion = false): Promise<KeyRotation> =>
  buildRotation({ datasetId: DATASET, keys: keysOf(...to), threshold, created: NOW, resetVersion }, by);
const bundle = (signers: Signer[], extra: { version?: number; rotations?: KeyRotation[]; signers?: SignerPolicy } = {}) =>
  signedBundle({ ...baseInput(records), version: 3, ...extra }, signers);

describe('a dataset is bound to the keys that installed it', () => {
  it('refuses a bundle signed by another key, even a trusted one (takeover)', async () => {
    const result = await verifyBundle(await bundle([b]), keysOf(a, b), options(installedAs(bound(a))));
    expect(result).toMatchObject({ ok: false, code: 'publisher-key-changed' });
  });

  it('still accepts the installed key, and binds a first install to the keys that signed it', async () => {
    expect(await verifyBundle(await bundle([a]), keysOf(a, b), options(installedAs(bound(a))))).toMatchObject({ ok: true, signers: { signers: bound(a) } });
    const first = await verifyBundle(await bundle([b]), keysOf(a, b), options());
    expect(first).toMatchObject({ ok: true, signers: { signers: bound(b) } });
    expect(first.ok && first.signers.change).toBeUndefined();
  });

  it('says so when a publisher replaces the dataset the app shipped (installed with no key)', async () => {
    const result = await verifyBundle(await bundle([b]), keysOf(b), options({ installed: () => ({ version: 1, contentSha256: 'x' }) }));
    expect(result).toMatchObject({ ok: true, signers: { change: { kind: 'replaces-builtin' } } });
  });

  it('accepts a new key with a rotation signed by the installed key, and says the key changed', async () => {
    // The new key need not be trusted yet: the rotation vouches for it (the app then adds it to the trusted keys).
    const result = await verifyBundle(await bundle([b], { rotations: [await rotate([b], [a])] }), keysOf(a), options(installedAs(bound(a))));
    expect(result).toMatchObject({
      ok: true,
      signers: { signers: bound(b), change: { kind: 'rotated', fromKeyIds: [a.publicKey.keyId], toKeyIds: [b.publicKey.keyId] } },
    });
    expect(result.ok && result.signers.rotatedKeys.map((k) => k.keyId)).toEqual([b.publicKey.keyId]);
  });

  it('refuses a rotation signed by any key but the installed one', async () => {
    const result = await verifyBundle(await bundle([c], { rotations: [await rotate([c], [c])] }), keysOf(a, c), options(installedAs(bound(a))));
    expect(result).toMatchObject({ ok: false, code: 'publisher-key-changed' });
  });

  it('refuses a rotation signed by a key the delegate removed (revoked)', async () => {
    const result = await verifyBundle(await bundle([b], { rotations: [await rotate([b], [a])] }), keysOf(b), options(installedAs(bound(a))));
    expect(result).toMatchObject({ ok: false, code: 'rotation-revoked-key' });
  });

  it('follows chained rotations from wherever the installed keys are', async () => {
    const chain = [await rotate([b], [a]), await rotate([c], [b])];
    const fromA = await verifyBundle(await bundle([c], { rotations: chain }), keysOf(a), options(installedAs(bound(a))));
    expect(fromA).toMatchObject({ ok: true, signers: { signers: bound(c), change: { kind: 'rotated', fromKeyIds: [a.publicKey.keyId] } } });
    // An app that applied the first rotation already starts at b.
    const fromB = await verifyBundle(await bundle([c], { rotations: chain }), keysOf(b), options(installedAs(bound(b))));
    expect(fromB).toMatchObject({ ok: true, signers: { signers: bound(c) } });
    // A broken link (the second not signed by b) is refused.
    const broken = [await rotate([b], [a]), await rotate([c], [c])];
    expect(await verifyBundle(await bundle([c], { rotations: broken }), keysOf(a), options(installedAs(bound(a))))).toMatchObject({ ok: false, code: 'rotation-invalid' });
  });

  it('refuses a rotation for another dataset', async () => {
    const other = await buildRotation({ datasetId: 'another-dataset', keys: keysOf(b), threshold: 1, created: NOW }, [a]);
    expect(await verifyBundle(await bundle([b], { rotations: [other] }), keysOf(a), options(installedAs(bound(a))))).toMatchObject({ ok: false, code: 'rotation-invalid' });
  });
});

describe('thresholds', () => {
  const twoOf = (...signers: Signer[]): SignerPolicy => ({ keyIds: signers.map((s) => s.publicKey.keyId), threshold: 2 });

  it('a first install needs the declared number of trusted signatures', async () => {
    expect(await verifyBundle(await bundle([a], { signers: twoOf(a, b) }), keysOf(a, b), options())).toMatchObject({ ok: false, code: 'threshold-not-met' });
    expect(await verifyBundle(await bundle([a, b], { signers: twoOf(a, b) }), keysOf(a, b), options())).toMatchObject({ ok: true, signers: { signers: twoOf(a, b) } });
  });

  it('one stolen key cannot publish alone, nor lower the threshold without a rotation', async () => {
    const installed = options(installedAs(twoOf(a, b)));
    expect(await verifyBundle(await bundle([a]), keysOf(a, b), installed)).toMatchObject({ ok: false, code: 'threshold-not-met' });
    expect(await verifyBundle(await bundle([a], { signers: { keyIds: [a.publicKey.keyId], threshold: 1 } }), keysOf(a, b), installed)).toMatchObject({ ok: false, code: 'threshold-not-met' });
    const byOne = await rotate([c], [a]);
    expect(await verifyBundle(await bundle([c], { rotations: [byOne] }), keysOf(a, b), installed)).toMatchObject({ ok: false });
    expect(await verifyBundle(await bundle([a, b]), keysOf(a, b), installed)).toMatchObject({ ok: true });
  });

  it('a rotation by enough of the old keys hands the dataset to a new threshold', async () => {
    const rotation = await rotate([a, c], [a, b], 2);
    const result = await verifyBundle(await bundle([a, c], { rotations: [rotation] }), keysOf(a, b), options(installedAs(twoOf(a, b))));
    expect(result).toMatchObject({ ok: true, signers: { signers: { keyIds: [a.publicKey.keyId, c.publicKey.keyId], threshold: 2 } } });
  });
});

describe('bounded versions and recovery from a fast-forward', () => {
  it('refuses versions that are not whole numbers up to 2^31-1', async () => {
    for (const version of [Number.MAX_SAFE_INTEGER, MAX_DATASET_VERSION + 1, 1.5]) {
      const text = await resignedWith(await bundle([a]), a, (m) => ({ ...m, version }));
      expect(await verifyBundle(text, keysOf(a), options()), String(version)).toMatchObject({ ok: false, code: 'version-out-of-range' });
    }
    expect(await verifyBundle(await bundle([a], { version: MAX_DATASET_VERSION }), keysOf(a), options())).toMatchObject({ ok: true });
  });

  it('a rotation with resetVersion lets the new key start again below a fast-forwarded version', async () => {
    const frozen = options(installedAs(bound(a), MAX_DATASET_VERSION));
    expect(await verifyBundle(await bundle([b], { version: 1, rotations: [await rotate([b], [a])] }), keysOf(a), frozen)).toMatchObject({ ok: false, code: 'older-version' });
    expect(await verifyBundle(await bundle([b], { version: 1, rotations: [await rotate([b], [a], 1, true)] }), keysOf(a), frozen)).toMatchObject({
      ok: true,
      manifest: { version: 1 },
    });
    // Without a rotation, the installed key cannot reset.
    expect(await verifyBundle(await bundle([a], { version: 1 }), keysOf(a), frozen)).toMatchObject({ ok: false, code: 'older-version' });
  });
});
