import { carryOver, createBriefing } from '../../../shared/briefing/create';
import type { Briefing } from '../../../shared/briefing/model';
import type { AgendaItem } from '../../../shared/model';
import { storeNewBriefing } from '../../collab/briefing-docs';
import { deleteDocState } from '../../collab/doc-log';
import { COMPANION_PARTS, companionDocId } from '../../collab/companion-docs';
import { raisedMarkingKey } from '../../collab/raised-markings';
import { forgetSeen } from '../changes/seen-baseline';
import { db } from '../../db/db';
import { refuseStoringMarking } from '../lock/marking-guard';
import type { StoredSection } from '../../db/schema';

export const newId = (): string => globalThis.crypto.randomUUID();

export interface NewBriefingOptions {
  meetingId: string;
  title: string;
  delegation: string;
  author: string;
  classification: string;
  /** An earlier brief to start from (the previous meeting's, or any). */
  fromBriefingId?: string;
}

async function itemsOf(meetingId: string): Promise<AgendaItem[]> {
  return db.agendaItems.where('meetingId').equals(meetingId).toArray();
}

/** Targets linked to the meeting, and those owned by the bodies its agenda concerns. */
async function targetsFor(meetingId: string, bodyIds: string[]) {
  const [linked, owned] = await Promise.all([
    db.targets.where('meetingIds').equals(meetingId).toArray(),
    db.targets.where('ownerBodyIds').anyOf([...new Set(bodyIds)]).toArray(),
  ]);
  return [...new Map([...linked, ...owned].map((t) => [t.id, t])).values()];
}

/** Creates a briefing for a meeting, pre-filled from the dataset, and stores its document and rows in one transaction. */
export async function createBriefingForMeeting(options: NewBriefingOptions): Promise<string> {
  await refuseStoringMarking(options.classification);
  const meeting = await db.meetings.get(options.meetingId);
  if (!meeting) throw new Error(`Meeting "${options.meetingId}" is not in the dataset.`);
  const [agendaItems, bodies, targets, sources, previousMeeting] = await Promise.all([
    itemsOf(meeting.id),
    db.bodies.toArray(),
    targetsFor(meeting.id, [...meeting.bodyIds, ...(await itemsOf(meeting.id)).flatMap((i) => i.bodyIds)]),
    db.sources.toArray(),
    meeting.previousMeetingId ? db.meetings.get(meeting.previousMeetingId) : undefined,
  ]);
  const id = newId();
  const now = new Date().toISOString();
  let made = createBriefing({
    id,
    meeting,
    agendaItems,
    title: options.title,
    delegation: options.delegation,
    author: options.author,
    classification: options.classification,
    now,
    newId,
    background: { meeting, bodies: new Map(bodies.map((b) => [b.id, b])), previousMeeting, targets, sources: new Map(sources.map((s) => [s.id, s])) },
  });
  if (options.fromBriefingId) {
    const previous = await db.briefings.get(options.fromBriefingId);
    if (!previous) throw new Error('The brief to start from no longer exists.');
    const previousSections = await db.sections.where('briefingId').equals(previous.id).toArray();
    const previousItems = await itemsOf(previous.meetingId);
    made = carryOver(made, { briefing: previous, sections: previousSections }, new Map(previousItems.map((i) => [i.id, i])), new Map(agendaItems.map((i) => [i.id, i])), newId);
    made.briefing.title = options.title;
  }
  await storeNewBriefing(made.briefing, made.sections);
  return id;
}

/**
 * The delegate has read what a dataset update changed under this section. The flag lives on
 * the section's row only (a dataset update sets it on this machine; it is not the briefing's
 * text), so the document is not involved.
 */
export async function clearDatasetReview(sectionId: string): Promise<void> {
  await db.sections.update(sectionId, { datasetReview: undefined });
}

/** A briefing's rows, as lists, packs and exports read them. */
export async function loadBriefing(id: string): Promise<{ briefing: Briefing; sections: StoredSection[] } | undefined> {
  return db.transaction('r', db.briefings, db.sections, async () => {
    const briefing = await db.briefings.get(id);
    if (!briefing) return undefined;
    const sections = await db.sections.where('briefingId').equals(id).sortBy('order');
    return { briefing, sections };
  });
}

export async function deleteBriefing(id: string): Promise<void> {
  await db.transaction('rw', [db.briefings, db.sections, db.ydocUpdates, db.settings, db.assignments, db.clearances], async () => {
    await db.sections.where('briefingId').equals(id).delete();
    await db.briefings.delete(id);
    await deleteDocState(id);
    // Its comments, control document (assignments, clearances with their cleared text) and the
    // "last looked" baseline hold its words too.
    await Promise.all([...COMPANION_PARTS.map((part) => deleteDocState(companionDocId(part, id))), forgetSeen(id), db.settings.delete(raisedMarkingKey(id))]);
    await Promise.all([db.assignments.where('briefingId').equals(id).delete(), db.clearances.where('briefingId').equals(id).delete()]);
  });
}
