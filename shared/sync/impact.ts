import type { AgendaItemText, DatasetReview } from '../briefing/model';
import type { AgendaItem } from '../model';
import type { BriefingImpact, RecordChange } from './types';

export function agendaItemText(item: AgendaItem): AgendaItemText {
  return item.description === undefined ? { title: item.title } : { title: item.title, description: item.description };
}

export interface SectionRef {
  id: string;
  briefingId: string;
  agendaItemId: string;
}

/**
 * Which of the delegate's sections an update concerns: those whose agenda item changes (any
 * field) or disappears, with the item's text before and after for a side-by-side view.
 * `changes` are the update's agenda-item changes; `before`/`after` look items up by id.
 */
export function briefingImpact(
  changes: readonly RecordChange[],
  sections: readonly SectionRef[],
  briefingTitles: ReadonlyMap<string, string>,
  before: ReadonlyMap<string, AgendaItem>,
  after: ReadonlyMap<string, AgendaItem>,
): BriefingImpact[] {
  const byItem = new Map<string, RecordChange>();
  for (const c of changes) if (c.kind === 'agendaItems' && c.change !== 'added') byItem.set(c.id, c);
  const impact: BriefingImpact[] = [];
  for (const section of sections) {
    const change = byItem.get(section.agendaItemId);
    if (!change) continue;
    const old = before.get(section.agendaItemId);
    const next = change.change === 'removed' ? undefined : after.get(section.agendaItemId);
    impact.push({
      briefingId: section.briefingId,
      briefingTitle: briefingTitles.get(section.briefingId) ?? '',
      sectionId: section.id,
      agendaItemId: section.agendaItemId,
      change: change.change === 'removed' ? 'removed' : 'changed',
      fields: change.fields.map((f) => f.path),
      ...(old ? { before: agendaItemText(old) } : {}),
      ...(next ? { after: agendaItemText(next) } : {}),
    });
  }
  return impact.sort((a, b) => (a.briefingTitle === b.briefingTitle ? cmp(a.sectionId, b.sectionId) : cmp(a.briefingTitle, b.briefingTitle)));
}

/**
 * The flag an update puts on a section. A flag the delegate has not cleared yet keeps its
 * `before`: the text the delegate last reviewed against, not an intermediate version.
 */
export function reviewFlag(
  impact: BriefingImpact,
  update: { datasetId: string; datasetVersion: number; historyId: string; at: string },
  existing: DatasetReview | undefined,
): DatasetReview {
  const before = existing?.datasetId === update.datasetId && existing.before ? existing.before : impact.before;
  const fields = existing?.datasetId === update.datasetId ? [...new Set([...existing.fields, ...impact.fields])] : impact.fields;
  return {
    change: impact.change,
    datasetId: update.datasetId,
    datasetVersion: update.datasetVersion,
    historyId: update.historyId,
    fields: fields.slice(0, 200),
    ...(before ? { before } : {}),
    ...(impact.after ? { after: impact.after } : {}),
    at: update.at,
  };
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
