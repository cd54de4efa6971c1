import type { PackInput } from '../../../shared/pack/compose';
import { db } from '../../db/db';

/** Everything a briefing's pack is made from, read in one transaction (a snapshot: the pack does not follow edits). */
export async function loadPackInput(briefingId: string): Promise<PackInput | undefined> {
  return db.transaction('r', [db.briefings, db.sections, db.meetings, db.agendaItems, db.bodies, db.targets, db.frameworks, db.sources, db.referenceFlags, db.contacts], async () => {
    const briefing = await db.briefings.get(briefingId);
    if (!briefing) return undefined;
    const meeting = await db.meetings.get(briefing.meetingId);
    if (!meeting) return undefined;
    const [stored, agendaItems, bodies, previousMeeting, sources, contacts] = await Promise.all([
      db.sections.where('briefingId').equals(briefingId).sortBy('order'),
      db.agendaItems.where('meetingId').equals(meeting.id).toArray(),
      db.bodies.toArray(),
      meeting.previousMeetingId ? db.meetings.get(meeting.previousMeetingId) : undefined,
      db.sources.toArray(),
      // The delegation's contacts the datasets publish; the annex keeps those the meeting concerns.
      db.contacts.where('country').equals(briefing.delegation).toArray(),
    ]);
    const sections = stored.map(({ targetIds: _targetIds, ...section }) => section);
    const targetIds = [...new Set(sections.flatMap((s) => s.targets.map((a) => a.targetId)))];
    const targets = (await db.targets.bulkGet(targetIds)).filter((x) => x !== undefined);
    const frameworks = (await db.frameworks.bulkGet([...new Set(targets.map((x) => x.frameworkId))])).filter((x) => x !== undefined);
    // A layer's items that refer to records their base has since removed, marked in the programme.
    const flags = (await db.referenceFlags.bulkGet(agendaItems.map((i) => ['agendaItems', i.id] as [string, string]))).filter((f) => f !== undefined);
    const flaggedItems = new Map(flags.map((f) => [f.id, f.references.map((r) => r.targetId)]));
    return { briefing, sections, meeting, previousMeeting, agendaItems, bodies, targets, frameworks, sources, contacts, ...(flaggedItems.size > 0 ? { flaggedItems } : {}) };
  });
}
