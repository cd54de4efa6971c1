import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../shared/dataset/hash';
import { canonicalJsonFast } from '../../shared/bundle/canonical';
import { builtinRecords } from './bundle-fixtures';

describe('canonicalJsonFast', () => {
  it('writes exactly what canonicalJson writes, for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(canonicalJsonFast(value)).toBe(canonicalJson(value));
      }),
      { numRuns: 500 },
    );
  });

  it('...including payload-shaped values, with sorted or unsorted records, integer-like keys and undefined members', () => {
    const records = builtinRecords();
    const sorted = JSON.parse(canonicalJson(records)) as unknown;
    expect(canonicalJsonFast(records)).toBe(canonicalJson(records));
    expect(canonicalJsonFast(sorted)).toBe(canonicalJson(records));
    const odd = { b: [{ z: 1, a: undefined }, undefined], a: { 10: 'x', 9: 'y', c: null }, '01': 1 };
    expect(canonicalJsonFast(odd)).toBe(canonicalJson(odd));
    const deep = { kinds: [{ rec: { b: 1, a: { d: 1, c: 2 } } }] };
    expect(canonicalJsonFast(deep)).toBe(canonicalJson(deep));
  });
});
