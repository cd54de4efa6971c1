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
    case 'contacts': {
      const c = record as RecordTypes['contacts'];
      const title = text(c.title);
      return title ? `${c.name} — ${title}` : c.name;
    }
    default:
      return text((record as { title?: LocalizedText }).title) || record.id;
  }
}

/**
 * Builds an UpdatePlan a kind at a time (in RECORD_KINDS order) and, within a kind, a record
 * at a time: first every bundle record with its installed counterpart, then the installed
 * records the bundle no longer holds. The caller need not hold all installed records at once
 * (the sync engine reads them a chunk at a time).
 */
export class PlanBuilder {
  private readonly tombstones: Set<string>;
  private readonly kinds = {} as Record<RecordKind, KindPlan>;
  private readonly changes: RecordChange[] = [];
  private readonly counts = {} as ChangeCounts;
  private current: { kind: RecordKind; plan: KindPlan; added: RecordChange[]; changed: RecordChange[]; removed: RecordChange[] } | undefined;

  constructor(removals: readonly Tombstone[] = []) {
    this.tombstones = new Set(removals.map((t) => `${t.kind}/${t.id}`));
  }

  startKind(kind: RecordKind): void {
    if (this.current) throw new Error(`plan: ${this.current.kind} is not finished`);
    this.current = { kind, plan: { added: [], changed: [], unchanged: [], removed: [] }, added: [], changed: [], removed: [] };
  }

  /** A bundle record and its installed counterpart (undefined when none): what it becomes. */
  compare(record: RecordTypes[RecordKind], previous: RecordTypes[RecordKind] | undefined): 'added' | 'changed' | 'unchanged' {
    const { kind, plan, added, changed } = this.open();
    if (previous === undefined) {
      plan.added.push(record.id);
      added.push({ kind, id: record.id, label: recordLabel(kind, record), change: 'added', fields: [] });
      return 'added';
    }
    // Records are compared as written; a difference only in key order is no change.
    if (JSON.stringify(previous) === JSON.stringify(record)) {
      plan.unchanged.push(record.id);
      return 'unchanged';
    }
    const fields = fieldChanges(previous, record);
    if (fields.length === 0) {
      plan.unchanged.push(record.id);
      return 'unchanged';
    }
    plan.changed.push(record.id);
    changed.push({ kind, id: record.id, label: recordLabel(kind, record), change: 'changed', fields });
    return 'changed';
  }

  /** A bundle record known to be the installed one as it is (their digests are equal): unchanged, without comparing. */
  keep(id: string): void {
    this.open().plan.unchanged.push(id);
  }

  /** An installed record the bundle does not hold, in installed order. */
  remove(record: RecordTypes[RecordKind]): void {
    const { kind, plan, removed } = this.open();
    plan.removed.push(record.id);
    removed.push({ kind, id: record.id, label: recordLabel(kind, record), change: 'removed', fields: [], tombstoned: this.tombstones.has(`${kind}/${record.id}`) });
  }

  endKind(): void {
    const { kind, plan, added, changed, removed } = this.open();
    // Not push(...list): 100k arguments overflow the call stack.
    for (const list of [added, changed, removed]) for (const c of list) this.changes.push(c);
    this.kinds[kind] = plan;
    this.counts[kind] = { added: plan.added.length, changed: plan.changed.length, removed: plan.removed.length };
    this.current = undefined;
  }

  finish(): UpdatePlan {
    if (this.current) throw new Error(`plan: ${this.current.kind} is not finished`);
    const missing = RECORD_KINDS.filter((k) => !this.kinds[k]);
    if (missing.length > 0) throw new Error(`plan: no records compared for ${missing.join(', ')}`);
    return { kinds: this.kinds, changes: this.changes, counts: this.counts };
  }

  private open() {
    if (!this.current) throw new Error('plan: no kind started');
    return this.current;
  }
}

/**
 * Compares the installed records of a dataset with a bundle's records. A record is changed
 * when its canonical JSON differs; its changes are then listed field by field. The cost is
 * linear in the number of records (each is stringified once per side).
 */
export function planUpdate(installed: DatasetRecords, next: DatasetRecords, removals: readonly Tombstone[] = []): UpdatePlan {
  const builder = new PlanBuilder(removals);
  for (const kind of RECORD_KINDS) {
    const before = new Map<string, RecordTypes[RecordKind]>(installed[kind].map((r) => [r.id, r]));
    builder.startKind(kind);
    for (const record of next[kind] as RecordTypes[RecordKind][]) {
      const previous = before.get(record.id);
      if (previous !== undefined) before.delete(record.id);
      builder.compare(record, previous);
    }
    for (const record of before.values()) builder.remove(record);
    builder.endKind();
  }
  return builder.finish();
}

export function totalChanges(counts: ChangeCounts): number {
  return RECORD_KINDS.reduce((n, k) => n + counts[k].added + counts[k].changed + counts[k].removed, 0);
}
