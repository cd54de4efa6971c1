import agendaItemsJson from '../../assets/dataset/agenda-items.json';
import bodiesJson from '../../assets/dataset/bodies.json';
import frameworksJson from '../../assets/dataset/frameworks.json';
import meetingsJson from '../../assets/dataset/meetings.json';
import sourcesJson from '../../assets/dataset/sources.json';
import targetsJson from '../../assets/dataset/targets.json';
import { createBriefing } from '../../shared/briefing/create';
import type { Briefing, Section } from '../../shared/briefing/model';
import { validateDataset } from '../../shared/dataset/validate';
import type { PackFormat, PackInput } from '../../shared/pack/compose';
import { en } from '../../renderer/i18n/en';

/*
 * Packs composed from the built-in dataset: a Malaysia brief created for one of its meetings,
 * the input composePack takes for it, and an English format whose countries, dates and times
 * are tagged ("country:MY", "time:…") so a test can tell where each was used.
 */

const result = validateDataset({ sources: sourcesJson, bodies: bodiesJson, meetings: meetingsJson, agendaItems: agendaItemsJson, frameworks: frameworksJson, targets: targetsJson });
if (!result.ok) throw new Error('the built-in dataset does not validate');
/** The built-in dataset's records, validated. */
export const datasetRecords = result.records;

const meetingOf = (meetingId: string) => {
  const meeting = datasetRecords.meetings.find((m) => m.id === meetingId);
  if (!meeting) throw new Error(`no meeting ${meetingId} in the built-in dataset`);
  return meeting;
};
const agendaOf = (meetingId: string) => datasetRecords.agendaItems.filter((i) => i.meetingId === meetingId);

let n = 0;
/** Malaysia's brief for a meeting (ASOEN-36 unless named), as "New briefing" creates it, background filled. */
export function malaysiaBrief(meetingId = 'asoen-36'): { briefing: Briefing; sections: Section[] } {
  const meeting = meetingOf(meetingId);
  return createBriefing({
    id: 'brief-1',
    meeting,
    agendaItems: agendaOf(meetingId),
    title: 'Malaysia brief for ASOEN-36',
    delegation: 'MY',
    author: 'Aminah',
    classification: 'RESTRICTED',
    now: '2026-11-23T10:00:00.000Z',
    newId: () => `id-${++n}`,
    background: { meeting, bodies: new Map(datasetRecords.bodies.map((b) => [b.id, b])), targets: datasetRecords.targets, sources: new Map(datasetRecords.sources.map((s) => [s.id, s])) },
  });
}

/** What composePack takes for a brief: its meeting and the one before, the agenda and the dataset's records. */
export function packInputFor(brief: { briefing: Briefing; sections: Section[] }): PackInput {
  const meeting = meetingOf(brief.briefing.meetingId);
  return {
    briefing: brief.briefing,
    sections: brief.sections,
    meeting,
    previousMeeting: datasetRecords.meetings.find((m) => m.id === meeting.previousMeetingId),
    agendaItems: agendaOf(meeting.id),
    bodies: datasetRecords.bodies,
    targets: datasetRecords.targets,
    frameworks: datasetRecords.frameworks,
    sources: datasetRecords.sources,
  };
}

/** A new brief for the meeting and composePack's input for it. */
export function briefPackInput(meetingId = 'asoen-36'): { input: PackInput; sections: Section[] } {
  const made = malaysiaBrief(meetingId);
  return { input: packInputFor(made), sections: made.sections };
}

/** English labels with their variables filled, as the renderer's translate() does; the rest tagged. */
export const taggedFormat: PackFormat = {
  t: (key, vars) => en[`packs.${key}`].replace(/\{(\w+)\}/g, (_w, name: string) => String(vars?.[name] ?? `{${name}}`)),
  country: (code) => `country:${code}`,
  date: (d) => `date:${d}`,
  dateRange: (a, b) => `range:${a}..${b ?? ''}`,
  dateTime: (iso) => `time:${iso}`,
  language: (code) => `language:${code}`,
};
