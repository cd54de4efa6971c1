/**
 * Validation in place keeps a parsed record when its validated copy equals it (key order
 * aside), and takes the copy otherwise (a default filled in): the result is always what the
 * schema gives.
 */
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../shared/dataset/hash';
import { validateDataset } from '../../shared/dataset/validate';
import { sameValue, validateRecordsInPlace } from '../../shared/bundle/validate-records';
import { smallDataset } from './bundle-fixtures';

describe('validateRecordsInPlace', () => {
  it('gives the records the schema gives, keeping equal ones as parsed and copying the rest', () => {
    const records = smallDataset();
    // As a bundle file holds them: sorted keys, and one body without its defaulted lists.
    const raw = JSON.parse(canonicalJson(records)) as Record<string, Record<string, unknown>[]>;
    const { aliases: _a, reportsTo: _r, ...bare } = raw.bodies![0]!;
    raw.bodies![0] = bare;
    const firstMeeting = raw.meetings![0];
    const expected = validateDataset(JSON.parse(JSON.stringify(raw)));
    const result = validateRecordsInPlace(raw);
    expect(result.ok && expected.ok).toBe(true);
    if (!result.ok || !expected.ok) return;
    expect(canonicalJson(result.records)).toBe(canonicalJson(expected.records));
    // The meeting was valid as written: the very object stays; the body got its defaults.
    expect(result.records.meetings[0]).toBe(firstMeeting);
    expect(result.records.bodies[0]).not.toBe(bare);
    expect(result.records.bodies[0]).toMatchObject({ aliases: [], reportsTo: [] });
  });

  it('compares JSON values deeply, key order aside', () => {
    expect(sameValue({ a: 1, b: [1, { c: 'x' }] }, { b: [1, { c: 'x' }], a: 1 })).toBe(true);
    expect(sameValue({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(sameValue({ a: [1, 2] }, { a: [1, 2, 3] })).toBe(false);
    expect(sameValue({ a: [] }, { a: {} })).toBe(false);
    expect(sameValue({ a: null }, { a: {} })).toBe(false);
    expect(sameValue(0, -0)).toBe(false);
    expect(sameValue('1', 1)).toBe(false);
  });
});
