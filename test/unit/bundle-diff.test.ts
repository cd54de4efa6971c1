import { fromStored } from '../../renderer/datasets/stored-records';
import { describe, expect, it } from 'vitest';
import { applyPayloadToRecords, diffCounts, diffDatasets, fieldChanges } from '../../shared/bundle';
import { countsFor, generateSynthetic } from '../../bench/synthetic';
import { RECORD_KINDS, type DatasetRecords, type Meeting } from '../../shared/model';
import { builtinRecords } from './bundle-fixtures';

const records = builtinRecords();
const clone = (r: DatasetRecords): DatasetRecords => structuredClone(r);

describe('diffDatasets', () => {
  it('finds nothing between a dataset and its copy', () => {
    const diff = diffDatasets(records, clone(records));
    for (const kind of RECORD_KINDS) expect(diff[kind]).toEqual({ added: [], changed: [], removed: [] });
  });

  it('ignores key order inside records', () => {
    const reordered = clone(records);
    reordered.meetings = reordered.meetings.map((m) => Object.fromEntries(Object.entries(m).reverse()) as Meeting);
    expect(diffDatasets(records, reordered).meetings.changed).toEqual([]);
  });

  it('lists added, changed and removed records per kind with field-by-field changes', () => {
    const next = clone(records);
    const asoen = next.meetings.find((m) => m.id === 'asoen-36')!;
    const before = records.meetings.find((m) => m.id === 'asoen-36')!;
    asoen.title = { ...asoen.title, en: 'The 36th ASOEN (revised)' };
    asoen.days = asoen.days.map((d, i) => (i === 1 ? { ...d, date: undefined } : d));
    asoen.bodyIds = [...asoen.bodyIds, 'asean-secretariat-extra'];
    const droppedItem = next.agendaItems.pop()!;
    next.targets.push({ ...next.targets[0]!, id: 'new-target' });

    const diff = diffDatasets(records, next);
    expect(diff.meetings.changed).toHaveLength(1);
    const changes = diff.meetings.changed[0]!;
    expect(changes.id).toBe('asoen-36');
    expect(changes.changes).toContainEqual({ path: 'title.en', before: before.title.en, after: 'The 36th ASOEN (revised)' });
    expect(changes.changes).toContainEqual({ path: 'days[1].date', before: before.days[1]!.date, after: undefined });
    // An array that grew is shown whole.
    expect(changes.changes).toContainEqual({ path: 'bodyIds', before: before.bodyIds, after: [...before.bodyIds, 'asean-secretariat-extra'] });
    expect(changes.changes).toHaveLength(3);
    expect(diff.agendaItems).toEqual({ added: [], changed: [], removed: [droppedItem.id] });
    expect(diff.targets).toEqual({ added: ['new-target'], changed: [], removed: [] });
    expect(diffCounts(diff).meetings).toEqual({ added: 0, changed: 1, removed: 0 });
    expect(diffCounts(diff).bodies).toEqual({ added: 0, changed: 0, removed: 0 });
  });

  it('reports a field added or removed with undefined on the missing side', () => {
    expect(fieldChanges({ a: 1 }, { a: 1, b: { en: 'x' } })).toEqual([{ path: 'b', before: undefined, after: { en: 'x' } }]);
    expect(fieldChanges({ a: 1, b: 2 }, { a: 1 })).toEqual([{ path: 'b', before: 2, after: undefined }]);
    expect(fieldChanges([1, 2], [1, 3])).toEqual([{ path: '[1]', before: 2, after: 3 }]);
  });

  it('scales to a 100k-record dataset with one change per kind', () => {
    const data = generateSynthetic(countsFor(100_000), 'diff');
    const old = Object.fromEntries(RECORD_KINDS.map((k) => [k, (data[k] as never[]).map((r) => fromStored(k, r))])) as unknown as DatasetRecords;
    const next = { ...old, meetings: old.meetings.map((m, i) => (i === 500 ? { ...m, status: 'cancelled' as const } : m)) };
    const diff = diffDatasets(old, next);
    expect(diff.meetings.changed).toEqual([{ id: 'syn-meeting-500', changes: [{ path: 'status', before: 'held', after: 'cancelled' }] }]);
    expect(RECORD_KINDS.reduce((n, k) => n + diff[k].added.length + diff[k].removed.length, 0)).toBe(0);
  }, 30_000);
});

describe('applyPayloadToRecords', () => {
  it('installs the payload as the full dataset and lists what disappears; tombstones never remove present records', () => {
    const next = clone(records);
    const gone = next.targets.shift()!;
    const result = applyPayloadToRecords(records, { ...next, removals: [{ kind: 'bodies', id: 'long-gone' }] });
    expect(result.records).toEqual(next);
    expect('removals' in result.records).toBe(false);
    expect(result.removed.targets).toEqual([gone.id]);
    expect(result.removed.bodies).toEqual([]);
  });
});
