import { carryOver, createBriefing } from '../../../shared/briefing/create';
import type { Briefing, Section } from '../../../shared/briefing/model';
import type { AgendaItem } from '../../../shared/model';
import { DEFAULT_CLASSIFICATIONS } from '../../../shared/briefing/model';
import { db } from '../../db/db';
import { markingNeedsPassphrase, MarkingNeedsPassphraseError } from '../lock/marking-guard';
import { toStoredSection, type StoredSection } from '../../db/schema';

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

/** Creates a briefing for a meeting, pre-filled from the dataset, and stores it in one transaction. */
export async function createBriefingForMeeting(options: NewBriefingOptions): Promise<string> {
  const markings = ((await db.settings.get('classifications'))?.value as string[] | undefined) ?? [...DEFAULT_CLASSIFICATIONS];
  if (markingNeedsPassphrase(options.classification, markings)) throw new MarkingNeedsPassphraseError(options.classification);
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
  await db.transaction('rw', db.briefings, db.sections, async () => {
    await db.briefings.add(made.briefing);
    await db.sections.bulkAdd(made.sections.map(toStoredSection));
  });
  return id;
}

/**
 * Writes edited sections and the briefing header together, so a save is never half done.
 * A section's dataset-review flag is not the editor's to write: a dataset update may set it
 * while the brief is open, and "Mark reviewed" clears it in the database directly. So the flag
 * stored now is kept, whatever the editor's (possibly older) copy of the section says.
 */
export async function saveBriefingChanges(briefing: Briefing | undefined, sections: Section[]): Promise<void> {
  await db.transaction('rw', db.briefings, db.sections, async () => {
    if (briefing) await db.briefings.put(briefing);
    if (sections.length === 0) return;
    const stored = await db.sections.bulkGet(sections.map((s) => s.id));
    await db.sections.bulkPut(
      sections.map((section, i) => {
        const { datasetReview: _editorCopy, ...rest } = section;
        const flag = stored[i]?.datasetReview;
        return toStoredSection(flag ? { ...rest, datasetReview: flag } : rest);
      }),
    );
  });
}

/** The delegate has read what a dataset update changed under this section. */
export async function clearDatasetReview(sectionId: string): Promise<void> {
  await db.sections.update(sectionId, { datasetReview: undefined });
}

export async function loadBriefing(id: string): Promise<{ briefing: Briefing; sections: StoredSection[] } | undefined> {
  return db.transaction('r', db.briefings, db.sections, async () => {
    const briefing = await db.briefings.get(id);
    if (!briefing) return undefined;
    const sections = await db.sections.where('briefingId').equals(id).sortBy('order');
    return { briefing, sections };
  });
}

export async function deleteBriefing(id: string): Promise<void> {
  await db.transaction('rw', db.briefings, db.sections, async () => {
    await db.sections.where('briefingId').equals(id).delete();
    await db.briefings.delete(id);
  });
}
