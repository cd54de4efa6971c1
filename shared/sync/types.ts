import type { FieldChange } from '../bundle/diff';
import type { AgendaItemText } from '../briefing/model';
import type { RecordKind } from '../model';

export type { FieldChange };

/** One record an update adds, changes or removes, with its field-by-field changes. */
export interface RecordChange {
  kind: RecordKind;
  id: string;
  /** A readable name: title / name / acronym / code and text, English first, then Malay, then Indonesian. */
  label: string;
  change: 'added' | 'changed' | 'removed';
  /** Empty for added and removed records. */
  fields: FieldChange[];
  /** Removed records only: the publisher listed a tombstone for it. */
  tombstoned?: boolean;
}

export type ChangeCounts = Record<RecordKind, { added: number; changed: number; removed: number }>;

/** A briefing section an update concerns: its agenda item changes or disappears. */
export interface BriefingImpact {
  briefingId: string;
  briefingTitle: string;
  sectionId: string;
  agendaItemId: string;
  change: 'changed' | 'removed';
  fields: string[];
  before?: AgendaItemText;
  after?: AgendaItemText;
}
