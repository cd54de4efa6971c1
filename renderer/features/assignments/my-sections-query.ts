import { LOCAL_MEMBER } from '../../../shared/assignments/assignment';
import { mySectionRow, type MySectionRow } from '../../../shared/assignments/my-sections';
import { db } from '../../db/db';
import { shareRecordFor } from '../sharing/share-record';

export interface MySectionsGroup {
  briefingId: string;
  title: string;
  meetingCode: string | undefined;
  updatedAt: string;
  rows: (MySectionRow | { briefingId: string; sectionId: string; missing: true })[];
}

/**
 * Who "me" is differs per briefing: my member id on a shared one (and, for its lead, the
 * assignments made before it was shared), the person at this computer on one that is not.
 */
export async function myMemberIds(briefingId: string): Promise<Set<string>> {
  const record = await shareRecordFor(briefingId);
  return new Set(record ? [record.memberId, ...(record.role === 'lead' ? [LOCAL_MEMBER] : [])] : [LOCAL_MEMBER]);
}

/** Every section assigned to me, grouped by briefing (most recently changed first), with its draft and clearance state. */
export async function loadMySections(): Promise<MySectionsGroup[]> {
  const assignments = await db.assignments.toArray();
  const briefingIds = [...new Set(assignments.map((a) => a.briefingId))];
  const groups: MySectionsGroup[] = [];
  const briefings = await db.briefings.bulkGet(briefingIds);
  for (const [i, briefingId] of briefingIds.entries()) {
    const briefing = briefings[i];
    if (!briefing) continue;
    const me = await myMemberIds(briefingId);
    const mine = assignments.filter((a) => a.briefingId === briefingId && me.has(a.memberId));
    if (mine.length === 0) continue;
    const [sections, clearance, meeting] = await Promise.all([
      db.sections.bulkGet(mine.map((a) => a.sectionId)),
      db.clearances.where('briefingId').equals(briefingId).filter((c) => c.current).first(),
      db.meetings.get(briefing.meetingId),
    ]);
    const rows: MySectionsGroup['rows'] = mine.map((a, j) => {
      const section = sections[j];
      return section ? mySectionRow(section, clearance?.sectionHashes) : { briefingId, sectionId: a.sectionId, missing: true as const };
    });
    const order = new Map(sections.map((s) => [s?.id, s?.order ?? Infinity]));
    rows.sort((x, y) => (order.get(x.sectionId) ?? Infinity) - (order.get(y.sectionId) ?? Infinity));
    groups.push({ briefingId, title: briefing.title, meetingCode: meeting?.code, updatedAt: briefing.updatedAt, rows });
  }
  return groups.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}
