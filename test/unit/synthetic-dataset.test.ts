import { describe, expect, it } from 'vitest';
import { countsFor, generateSynthetic } from '../../bench/synthetic';
import { formatProblem, validateDataset } from '../../shared/dataset/validate';
import { RECORD_KINDS, type RecordKind, type RecordTypes } from '../../shared/model';
import { toStored } from '../../renderer/datasets/stored-records';

/** Strips what the app adds on install, leaving the dataset record. */
function asDatasetRecord(stored: Record<string, unknown>): Record<string, unknown> {
  const { prov: _p, sourceIds: _s, from: _f, until: _u, country: _c, outcomeDocumentIds: _o, ...record } = stored;
  return record;
}

describe('benchmark synthetic dataset', () => {
  const counts = countsFor(2000);
  const data = generateSynthetic(counts, 'bench');

  it('has the requested size', () => {
    expect(RECORD_KINDS.reduce((n, k) => n + data[k].length, 0)).toBe(2000);
  });

  it('is a valid dataset once the stored fields are taken off', () => {
    const records = Object.fromEntries(RECORD_KINDS.map((k) => [k, (data[k] as Record<string, unknown>[]).map(asDatasetRecord)]));
    const result = validateDataset(records);
    expect(result.ok ? [] : result.problems.map(formatProblem).slice(0, 5)).toEqual([]);
  });

  it('is stored exactly as the app itself would store it', () => {
    // Contacts (record schema 4) are the one kind it leaves empty, so bundle benchmarks stay comparable across versions.
    expect(RECORD_KINDS.filter((k) => data[k].length === 0)).toEqual(['contacts']);
    for (const kind of RECORD_KINDS.filter((k) => data[k].length > 0)) {
      const stored = data[kind][0] as unknown as Record<string, unknown>;
      const record = asDatasetRecord(stored) as unknown as RecordTypes[RecordKind];
      expect(toStored(kind, record as never, stored.prov as never)).toEqual(stored);
    }
  });
});
