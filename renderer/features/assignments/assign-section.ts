import { assignSection, type Assignment } from '../../../shared/assignments/assignment';
import { changeControl } from '../clearance/control-session';
import { whoAmI } from '../clearance/clear-version';

/** The lead assigns a section to a member (or no one). Refused here for anyone but the lead; the relay refuses it too. */
export async function setSectionAssignment(briefingId: string, sectionId: string, member: { memberId: string; name: string } | undefined, fallbackName: string, now = new Date()): Promise<void> {
  const me = await whoAmI(briefingId, fallbackName);
  if (me.role !== undefined && me.role !== 'lead') throw new Error('only the lead assigns sections');
  const assignment: Assignment | undefined = member ? { memberId: member.memberId, name: member.name, by: me.name, at: now.toISOString() } : undefined;
  await changeControl(briefingId, (doc) => assignSection(doc, sectionId, assignment));
}
