import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../db/db';
import { toHistoryEntry } from '../../datasets/history-entry';
import type { ReferenceFlagRow } from '../../db/schema';
import type { HistoryEntry, InstalledDatasetInfo, SectionNeedingReview, TrustedKey } from '../../datasets/types';

/** Trusted publisher keys, by label. Undefined while loading. */
export function useTrustedKeys(): TrustedKey[] | undefined {
  return useLiveQuery(async () => (await db.trustedKeys.toArray()).sort((a, b) => a.label.localeCompare(b.label)), []);
}

/** Installed versions, newest first (of one dataset, or of all). Undefined while loading. */
export function useDatasetHistory(datasetId?: string): HistoryEntry[] | undefined {
  return useLiveQuery(async () => {
    const rows = datasetId === undefined ? await db.datasetHistory.toArray() : await db.datasetHistory.where('datasetId').equals(datasetId).toArray();
    const registers = new Map((await db.datasets.toArray()).map((d) => [d.datasetId, d]));
    return rows
      .map((row) => toHistoryEntry(row, registers.get(row.datasetId), rows.filter((r) => r.datasetId === row.datasetId)))
      .sort((a, b) => (a.installedAt < b.installedAt ? 1 : a.installedAt > b.installedAt ? -1 : 0));
  }, [datasetId]);
}

/** The installed datasets with how their version arrived. Undefined while loading. */
export function useInstalledDatasets(): InstalledDatasetInfo[] | undefined {
  return useLiveQuery(async () => {
    const [registers, manifests] = await Promise.all([db.datasets.toArray(), db.acceptedManifests.toArray()]);
    const byId = new Map(manifests.map((m) => [m.datasetId, m]));
    return registers.map((d) => {
      const m = byId.get(d.datasetId);
      return {
        ...d,
        ...(m ? { origin: m.origin } : {}),
        ...(m?.expires !== undefined && m.origin.kind !== 'builtin' ? { expiresAt: m.expires } : {}),
        ...(m?.dependsOn ? { dependsOn: m.dependsOn } : {}),
      };
    });
  }, []);
}

/** Sections a dataset update flagged and the delegate has not marked reviewed yet. Undefined while loading. */
export function useSectionsNeedingReview(briefingId?: string): SectionNeedingReview[] | undefined {
  return useLiveQuery(async () => {
    const sections = briefingId === undefined ? await db.sections.toArray() : await db.sections.where('briefingId').equals(briefingId).toArray();
    const flagged = sections.filter((s) => s.datasetReview !== undefined);
    const briefings = await db.briefings.bulkGet([...new Set(flagged.map((s) => s.briefingId))]);
    const titles = new Map(briefings.flatMap((b) => (b ? [[b.id, b.title] as const] : [])));
    return flagged.map((s) => ({
      briefingId: s.briefingId,
      briefingTitle: titles.get(s.briefingId) ?? '',
      sectionId: s.id,
      agendaItemId: s.agendaItemId,
      agendaTitle: s.agendaTitle,
      review: s.datasetReview!,
    }));
  }, [briefingId]);
}

/** A layer's flagged records (all layers' when no id is given), with the meeting of each flagged agenda item. Undefined while loading. */
export function useReferenceFlags(): (ReferenceFlagRow & { meetingId?: string })[] | undefined {
  return useLiveQuery(async () => {
    const rows = await db.referenceFlags.toArray();
    const items = await db.agendaItems.bulkGet(rows.filter((r) => r.kind === 'agendaItems').map((r) => r.id));
    const meetings = new Map(items.flatMap((i) => (i ? [[i.id, i.meetingId] as const] : [])));
    return rows.map((r) => (r.kind === 'agendaItems' && meetings.has(r.id) ? { ...r, meetingId: meetings.get(r.id)! } : r));
  }, []);
}

/** The flag on one record (undefined while loading, null when it has none). */
export function useRecordFlag(kind: string, id: string): ReferenceFlagRow | null | undefined {
  return useLiveQuery(async () => (await db.referenceFlags.get([kind, id])) ?? null, [kind, id]);
}
