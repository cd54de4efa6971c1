import type { DelegateDatabase } from '../../db/db';
import type { StoredContact } from '../../db/schema';

/**
 * The contacts a meeting's page lists: those holding a role at the meeting (its heads of
 * delegation, its delegates), then the focal points of the bodies the meeting is of, each once.
 */
export async function meetingContacts(database: DelegateDatabase, meeting: { id: string; bodyIds: readonly string[] }): Promise<StoredContact[]> {
  const [atMeeting, ofBodies] = await Promise.all([
    database.contacts.where('meetingIds').equals(meeting.id).toArray(),
    meeting.bodyIds.length === 0 ? [] : database.contacts.where('bodyIds').anyOf([...meeting.bodyIds]).toArray(),
  ]);
  const bodies = new Set(meeting.bodyIds);
  // A body's contact counts when they are its focal point (not merely working for the body).
  const focal = ofBodies.filter((c) => c.roles.some((r) => r.role === 'focal-point' && r.bodyId !== undefined && bodies.has(r.bodyId)));
  const seen = new Set<string>();
  return [...atMeeting, ...focal].filter((c) => !seen.has(c.id) && seen.add(c.id) !== undefined);
}
