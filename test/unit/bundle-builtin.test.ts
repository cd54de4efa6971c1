/**
 * The built-in dataset as a bundle: built in memory from assets/dataset, signed with a
 * throwaway key (the release key is never in the repository) and verified back.
 */
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../shared/dataset/hash';
import { DatasetManifest } from '../../shared/dataset/manifest';
import { verifyBundle } from '../../shared/bundle';
import { withoutEmptyLaterKinds } from '../../shared/model';
import { readDatasetDir } from '../../scripts/load-dataset-dir';
import { baseInput, builtinRecords, newSigner, options, signedBundle } from './bundle-fixtures';

describe('the built-in dataset as a bundle', () => {
  it('round-trips: build, sign, verify gives back the same records, with the hash the app already records', async () => {
    const source = DatasetManifest.parse(readDatasetDir(resolve('assets/dataset')).manifest);
    const records = builtinRecords();
    const release = await newSigner();
    const text = await signedBundle({ ...baseInput(records), datasetId: source.datasetId, title: source.title, version: source.version }, [release]);
    const result = await verifyBundle(text, [release.publicKey], options());
    expect(result.ok ? null : result).toBeNull();
    if (!result.ok) return;
    expect(result.payload).toEqual(records);
    expect(result.manifest).toMatchObject({ datasetId: source.datasetId, version: source.version });
    // Same formula as scripts/vite-plugin-builtin-dataset.ts, so an installed built-in dataset
    // and the same data arriving as a bundle are recognised as the same content.
    // It holds no contacts, so the `contacts` kind (record schema 4) is not in what is hashed:
    // the hash is the one an app installed before schema 4 stores.
    const { contacts, ...firstSchemaKinds } = records;
    expect(contacts).toEqual([]);
    expect(canonicalJson(withoutEmptyLaterKinds(records))).toBe(canonicalJson(firstSchemaKinds));
    expect(result.contentSha256).toBe(createHash('sha256').update(canonicalJson(withoutEmptyLaterKinds(records))).digest('hex'));
    expect(text.length).toBeLessThan(2 * canonicalJson(records).length);
  });
});
