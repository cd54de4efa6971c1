import { fieldChanges } from '../bundle/diff';
import type { Tombstone } from '../bundle/schema';
import { RECORD_KINDS, type DatasetRecords, type LocalizedText, type RecordKind, type RecordTypes } from '../model';
import type { ChangeCounts, RecordChange } from './types';

/** What one kind's records become. Ids only, so the plan stays small next to the records. */
export interface KindPlan {
  added: string[];
  changed: string[];
  unchanged: string[];
  removed: string[];
}

export interface UpdatePlan {
  kinds: Record<RecordKind, KindPlan>;
  /** Every change, in kind order; within a kind added, then changed, then removed, each in payload / installed order. */
  changes: RecordChange[];
  counts: ChangeCounts;
}

const text = (t: LocalizedText | undefined): string => (t ? (t.en ?? t.ms ?? t.id ?? '') : '');

/** A name a delegate recognises, for lists of changes. */
export function recordLabel(kind: RecordKind, record: RecordTypes[RecordKind]): string {
  switch (kind) {
    case 'bodies': {
      const b = record as RecordTypes['bodies'];
      return `${b.acronym} — ${text(b.name)}`;
    }
    case 'meetings': {
      const m = record as RecordTypes['meetings'];
      return `${m.code} — ${text(m.title)}`;
    }
    case 'targets': {
      const t = record as RecordTypes['targets'];
      return `${t.code}. ${text(t.text)}`;
    }
    default:
      return text((record as { title?: LocalizedText }).title) || record.id;
  }
}

/**
 * Compares the installed records of a dataset with a bundle's records. A record is changed
 * when its canonical JSON differs; its changes are then listed field by field. The cost is
 * linear in the number of records (each is stringified once per side).
 */
export function planUpdate(installed: DatasetRecords, next: DatasetRecords, removals: readonly Tombstone[] = []): UpdatePlan {
  const tombstones = new Set(removals.map((t) => `${t.kind}/${t.id}`));
  const kinds = {} as Record<RecordKind, KindPlan>;
  const changes: RecordChange[] = [];
  const counts = {} as ChangeCounts;
  for (const kind of RECORD_KINDS) {
    const before = new Map<string, RecordTypes[RecordKind]>(installed[kind].map((r) => [r.id, r]));
    const plan: KindPlan = { added: [], changed: [], unchanged: [], removed: [] };
    const added: RecordChange[] = [];
    const changed: RecordChange[] = [];
    for (const record of next[kind] as RecordTypes[RecordKind][]) {
      const previous = before.get(record.id);
      if (previous === undefined) {
        plan.added.push(record.id);
        added.push({ kind, id: record.id, label: recordLabel(kind, record), change: 'added', fields: [] });
        continue;
      }
      before.delete(record.id);
      // Records are compared as written; a difference only in key order is no change.
      if (JSON.stringify(previous) === JSON.stringify(record)) {
        plan.unchanged.push(record.id);
        continue;
      }
      const fields = fieldChanges(previous, record);
      if (fields.length === 0) {
        plan.unchanged.push(record.id);
        continue;
      }
      plan.changed.push(record.id);
      changed.push({ kind, id: record.id, label: recordLabel(kind, record), change: 'changed', fields });
    }
    const removed: RecordChange[] = [];
    for (const [id, record] of before) {
      plan.removed.push(id);
      removed.push({ kind, id, label: recordLabel(kind, record), change: 'removed', fields: [], tombstoned: tombstones.has(`${kind}/${id}`) });
    }
    // Not push(...list): 100k arguments overflow the call stack.
    for (const list of [added, changed, removed]) for (const c of list) changes.push(c);
    kinds[kind] = plan;
    counts[kind] = { added: plan.added.length, changed: plan.changed.length, removed: plan.removed.length };
  }
  return { kinds, changes, counts };
}

export function totalChanges(counts: ChangeCounts): number {
  return RECORD_KINDS.reduce((n, k) => n + counts[k].added + counts[k].changed + counts[k].removed, 0);
}
