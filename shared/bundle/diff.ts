import { canonicalJson } from '../dataset/hash';
import { RECORD_KINDS, type DatasetRecords, type RecordKind } from '../model';

export interface FieldChange {
  /** Where in the record: `title.en`, `days[2].date`, `chair`. */
  path: string;
  /** Undefined when the field was added. */
  before: unknown;
  /** Undefined when the field was removed. */
  after: unknown;
}

export interface KindDiff {
  added: string[];
  changed: { id: string; changes: FieldChange[] }[];
  removed: string[];
}

export type DatasetDiff = Record<RecordKind, KindDiff>;

/**
 * What changes, record by record, when `next` replaces `old`. Records are matched by id and
 * compared as JSON first (key order ignored), so only the few changed ones are walked field by field;
 * the cost stays linear in the number of records. `next` may be a bundle payload (its
 * removals are ignored: a bundle holds the full dataset).
 */
export function diffDatasets(old: DatasetRecords, next: DatasetRecords): DatasetDiff {
  const diff = {} as DatasetDiff;
  for (const kind of RECORD_KINDS) {
    const before = new Map<string, unknown>(old[kind].map((r) => [r.id, r]));
    const result: KindDiff = { added: [], changed: [], removed: [] };
    const seen = new Set<string>();
    for (const record of next[kind]) {
      seen.add(record.id);
      const previous = before.get(record.id);
      if (previous === undefined) result.added.push(record.id);
      else if (!sameJson(previous, record)) {
        result.changed.push({ id: record.id, changes: fieldChanges(previous, record) });
      }
    }
    for (const id of before.keys()) if (!seen.has(id)) result.removed.push(id);
    diff[kind] = result;
  }
  return diff;
}

/**
 * Plain JSON.stringify is native and fast, and records of the same kind usually keep their
 * key order; canonical JSON settles the rest (same fields written in another order).
 */
const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b) || canonicalJson(a) === canonicalJson(b);

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Field-level changes between two versions of a record. Objects are walked key by key; arrays
 * of the same length element by element (a changed day of a programme shows as `days[1].label.en`);
 * an array that grew or shrank is reported whole, which reads better than index shifts.
 */
export function fieldChanges(before: unknown, after: unknown, path = ''): FieldChange[] {
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((k) => fieldChanges(before[k], after[k], path === '' ? k : `${path}.${k}`));
  }
  if (Array.isArray(before) && Array.isArray(after) && before.length === after.length) {
    return before.flatMap((item, i) => fieldChanges(item, after[i], `${path}[${i}]`));
  }
  if (sameJson(before, after)) return [];
  return [{ path, before, after }];
}

export function diffCounts(diff: DatasetDiff): Record<RecordKind, { added: number; changed: number; removed: number }> {
  return Object.fromEntries(
    RECORD_KINDS.map((k) => [k, { added: diff[k].added.length, changed: diff[k].changed.length, removed: diff[k].removed.length }]),
  ) as Record<RecordKind, { added: number; changed: number; removed: number }>;
}
