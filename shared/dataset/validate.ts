import type { z } from 'zod';
import { DatasetRecords, RECORD_KINDS, partialDateEnd, partialDateStart, type DatasetRecords as Records, type RecordKind } from '../model';
import type { ExternalReference, ReferenceTarget } from './dependencies';
import { checkFacts } from './validate-facts';

export interface DatasetProblem {
  kind: RecordKind | 'dataset';
  id?: string;
  path?: string;
  message: string;
}

export type ValidationResult =
  | { ok: true; records: Records; problems: [] }
  | { ok: false; problems: DatasetProblem[] };

function zodProblems(error: z.ZodError, input: unknown): DatasetProblem[] {
  return error.issues.map((issue) => {
    const [kind, index, ...rest] = issue.path;
    const list = (input as Record<string, unknown[]> | undefined)?.[String(kind)];
    const record = typeof index === 'number' && Array.isArray(list) ? (list[index] as { id?: unknown }) : undefined;
    return {
      kind: (RECORD_KINDS as readonly string[]).includes(String(kind)) ? (kind as RecordKind) : 'dataset',
      id: typeof record?.id === 'string' ? record.id : undefined,
      path: rest.join('.'),
      message: issue.message,
    };
  });
}

export interface IntegrityOptions {
  /**
   * For a layer (a dataset that declares bases): called for each reference to an id the dataset
   * itself does not hold. True: it resolves in a base (no problem); false: a dangling reference.
   * Without it every reference must resolve inside the dataset.
   */
  external?: (reference: ExternalReference) => boolean;
}

/**
 * Checks a dataset beyond its schema: duplicate ids, references that point nowhere,
 * meetings that end before they start, acronyms claimed by two bodies.
 */
export function checkIntegrity(records: Records, options: IntegrityOptions = {}): DatasetProblem[] {
  const problems: DatasetProblem[] = [];
  const ids = {} as Record<RecordKind, Set<string>>;
  for (const kind of RECORD_KINDS) {
    ids[kind] = new Set();
    for (const record of records[kind]) {
      if (ids[kind].has(record.id)) problems.push({ kind, id: record.id, message: `duplicate id "${record.id}"` });
      ids[kind].add(record.id);
    }
  }
  const { external } = options;
  // Outcome documents the dataset holds itself are checked by checkFacts; here only whether a base has one.
  const resolves = (kind: RecordKind, id: string, path: string, target: ReferenceTarget, value: string) =>
    (target !== 'outcomeDocuments' && ids[target].has(value)) || (external !== undefined && external({ kind, id, path, target, targetId: value }));

  const ref = (kind: RecordKind, id: string, path: string, target: ReferenceTarget, value: string | undefined) => {
    if (value !== undefined && !resolves(kind, id, path, target, value)) {
      problems.push({ kind, id, path, message: `refers to unknown ${target} "${value}"` });
    }
  };
  const cite = (kind: RecordKind, record: { id: string; sources: { sourceId: string }[] }) => {
    record.sources.forEach((c, i) => ref(kind, record.id, `sources.${i}`, 'sources', c.sourceId));
  };

  const acronyms = new Map<string, string>();
  for (const body of records.bodies) {
    cite('bodies', body);
    body.reportsTo.forEach((r, i) => ref('bodies', body.id, `reportsTo.${i}`, 'bodies', r));
    if (body.reportsTo.includes(body.id)) problems.push({ kind: 'bodies', id: body.id, message: 'reports to itself' });
    for (const acronym of [body.acronym, ...body.aliases]) {
      const key = acronym.toUpperCase();
      const other = acronyms.get(key);
      if (other !== undefined && other !== body.id) {
        problems.push({ kind: 'bodies', id: body.id, message: `acronym "${acronym}" is also used by "${other}"` });
      }
      acronyms.set(key, body.id);
    }
  }
  // A reporting line must not loop back on itself.
  const byId = new Map(records.bodies.map((b) => [b.id, b]));
  for (const body of records.bodies) {
    const seen = new Set<string>();
    const stack = [...body.reportsTo];
    while (stack.length > 0) {
      const next = stack.pop()!;
      if (next === body.id) {
        problems.push({ kind: 'bodies', id: body.id, message: 'reporting line loops back to this body' });
        break;
      }
      if (seen.has(next)) continue;
      seen.add(next);
      stack.push(...(byId.get(next)?.reportsTo ?? []));
    }
  }

  for (const meeting of records.meetings) {
    cite('meetings', meeting);
    meeting.bodyIds.forEach((b, i) => ref('meetings', meeting.id, `bodyIds.${i}`, 'bodies', b));
    meeting.backToBackMeetingIds.forEach((m, i) => ref('meetings', meeting.id, `backToBackMeetingIds.${i}`, 'meetings', m));
    ref('meetings', meeting.id, 'previousMeetingId', 'meetings', meeting.previousMeetingId);
    if (meeting.previousMeetingId === meeting.id) {
      problems.push({ kind: 'meetings', id: meeting.id, message: 'is its own previous meeting' });
    }
    if (meeting.endDate !== undefined && partialDateEnd(meeting.endDate) < partialDateStart(meeting.startDate)) {
      problems.push({
        kind: 'meetings',
        id: meeting.id,
        path: 'endDate',
        message: `ends (${meeting.endDate}) before it starts (${meeting.startDate})`,
      });
    }
    const days = new Set<number>();
    for (const day of meeting.days) {
      if (days.has(day.day)) problems.push({ kind: 'meetings', id: meeting.id, path: 'days', message: `day ${day.day} listed twice` });
      days.add(day.day);
      if (day.date !== undefined && day.date.length === 10 && meeting.endDate !== undefined) {
        if (day.date < partialDateStart(meeting.startDate) || day.date > partialDateEnd(meeting.endDate)) {
          problems.push({ kind: 'meetings', id: meeting.id, path: 'days', message: `day ${day.day} (${day.date}) is outside the meeting's dates` });
        }
      }
    }
  }

  const meetingsById = new Map(records.meetings.map((m) => [m.id, m]));
  for (const item of records.agendaItems) {
    cite('agendaItems', item);
    ref('agendaItems', item.id, 'meetingId', 'meetings', item.meetingId);
    item.bodyIds.forEach((b, i) => ref('agendaItems', item.id, `bodyIds.${i}`, 'bodies', b));
    const meeting = meetingsById.get(item.meetingId);
    if (meeting && item.day !== undefined && meeting.days.length > 0 && !meeting.days.some((d) => d.day === item.day)) {
      problems.push({ kind: 'agendaItems', id: item.id, path: 'day', message: `day ${item.day} is not a day of ${meeting.id}` });
    }
  }

  for (const framework of records.frameworks) {
    cite('frameworks', framework);
    framework.ownerBodyIds.forEach((b, i) => ref('frameworks', framework.id, `ownerBodyIds.${i}`, 'bodies', b));
    if (
      framework.periodStart !== undefined &&
      framework.periodEnd !== undefined &&
      partialDateEnd(framework.periodEnd) < partialDateStart(framework.periodStart)
    ) {
      problems.push({ kind: 'frameworks', id: framework.id, message: 'period ends before it starts' });
    }
  }

  for (const target of records.targets) {
    cite('targets', target);
    ref('targets', target.id, 'frameworkId', 'frameworks', target.frameworkId);
    target.ownerBodyIds.forEach((b, i) => ref('targets', target.id, `ownerBodyIds.${i}`, 'bodies', b));
    target.meetingIds.forEach((m, i) => ref('targets', target.id, `meetingIds.${i}`, 'meetings', m));
  }
  for (const contact of records.contacts) {
    cite('contacts', contact);
    ref('contacts', contact.id, 'organisation.bodyId', 'bodies', contact.organisation.bodyId);
    contact.roles.forEach((role, i) => {
      ref('contacts', contact.id, `roles.${i}.bodyId`, 'bodies', role.bodyId);
      ref('contacts', contact.id, `roles.${i}.meetingId`, 'meetings', role.meetingId);
    });
  }
  problems.push(...checkFacts(records, ids, resolves));
  return problems;
}

/** Parses raw dataset records (as read from files or a bundle) and checks their integrity. */
export function validateDataset(input: unknown, options: IntegrityOptions = {}): ValidationResult {
  const parsed = DatasetRecords.safeParse(input);
  if (!parsed.success) return { ok: false, problems: zodProblems(parsed.error, input) };
  const problems = checkIntegrity(parsed.data, options);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, records: parsed.data, problems: [] };
}

export function formatProblem(p: DatasetProblem): string {
  const where = [p.kind, p.id, p.path].filter((x) => x !== undefined && x !== '').join(' › ');
  return `${where}: ${p.message}`;
}

