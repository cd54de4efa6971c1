import { z } from 'zod';
import { canonicalJson } from '../dataset/hash';
import { BackupPapers } from './backup-papers';
import { Briefing, Section } from './model';

/**
 * The files a delegate moves briefings with: one exported briefing, or a backup of all their
 * work. Since format 2 both carry each briefing's Yjs document state (base64 of a Yjs update),
 * so an import keeps the document's history and merges later with a colleague's copy; files
 * of format 1 (rows only) are still read, and their documents are built from the rows.
 */

/** Files larger than this are refused before they are parsed. */
export const MAX_TRANSFER_BYTES = 50 * 1024 * 1024;

export const BRIEFING_FILE_FORMAT = 'asean-delegate-briefing';
export const BACKUP_FILE_FORMAT = 'asean-delegate-backup';
/** 3: the briefing's comments and its control document (assignments, clearances) travel with it. */
export const BRIEFING_FILE_VERSION = 3;
/** 3: the meeting papers (with their files), their text and annotations are in the backup. */
export const BACKUP_FILE_VERSION = 3;

/**
 * A backup holds the papers' files too, so it may be larger than an exported briefing: up to
 * this many bytes of text (base64 files included; one string in memory, which browsers cap
 * a little above 500 MB). Applied when a backup is made as well as when one is restored.
 */
export const MAX_BACKUP_BYTES = 300 * 1024 * 1024;

/** A Yjs update as base64 (the state of one briefing's document). */
const DocState = z
  .string()
  .max(MAX_TRANSFER_BYTES)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'is not base64');

export const BriefingFile = z
  .object({
    format: z.literal(BRIEFING_FILE_FORMAT),
    formatVersion: z.union([z.literal(1), z.literal(2), z.literal(BRIEFING_FILE_VERSION)]),
    appVersion: z.string(),
    exportedAt: z.string().datetime({ offset: true }),
    briefing: Briefing,
    sections: z.array(Section),
    /** The briefing's document state (format 2); the rows above are its projection, for people and older readers. */
    doc: DocState.optional(),
    /** The states of its companion documents (format 3): its comments, and its control document (assignments and clearances). */
    companions: z.object({ comments: DocState.optional(), control: DocState.optional() }).strict().optional(),
  })
  .strict()
  .superRefine((file, ctx) => {
    for (const [i, s] of file.sections.entries()) {
      if (s.briefingId !== file.briefing.id) ctx.addIssue({ code: 'custom', path: ['sections', i, 'briefingId'], message: 'belongs to another briefing' });
    }
  });
export type BriefingFile = z.infer<typeof BriefingFile>;

export const Setting = z.object({ key: z.string().min(1).max(200), value: z.unknown() }).strict();

export const BackupFile = z
  .object({
    format: z.literal(BACKUP_FILE_FORMAT),
    formatVersion: z.number().int().positive(),
    appVersion: z.string(),
    schemaVersion: z.number().int().positive(),
    createdAt: z.string().datetime({ offset: true }),
    tables: z
      .object({
        briefings: z.array(Briefing),
        sections: z.array(Section),
        settings: z.array(Setting),
        /**
         * Each briefing's document state (format 2), and the states of its companion documents
         * (format 3): `part` names which, its comments or its control document (assignments and
         * clearances); without `part`, the briefing's content.
         */
        documents: z.array(z.object({ briefingId: z.string().min(1).max(100), part: z.enum(['comments', 'control']).optional(), state: DocState }).strict()).optional(),
        /** The meeting papers with their files, text and annotations (format 3). */
        papers: BackupPapers.optional(),
      })
      .strict(),
  })
  .strict();
export type BackupFile = z.infer<typeof BackupFile>;

export type ReadResult<T> = { ok: true; value: T } | { ok: false; message: string };

function parseJson(text: string, limit = MAX_TRANSFER_BYTES): ReadResult<unknown> {
  if (text.length > limit) return { ok: false, message: `The file is larger than ${limit / 1024 / 1024} MB; it is not a briefing or backup of this app.` };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, message: 'The file is not valid JSON: it may be damaged or of another kind.' };
  }
}

function describeIssues(error: z.ZodError): string {
  const first = error.issues.slice(0, 3).map((i) => `${i.path.join('.') || 'file'}: ${i.message}`);
  return `${first.join('; ')}${error.issues.length > 3 ? ` (and ${error.issues.length - 3} more)` : ''}`;
}

/** Reads an exported briefing; any problem is one clear message and nothing else happens. */
export function readBriefingFile(text: string): ReadResult<BriefingFile> {
  const json = parseJson(text);
  if (!json.ok) return json;
  const format = (json.value as { format?: unknown } | null)?.format;
  if (format === BACKUP_FILE_FORMAT) return { ok: false, message: 'This is a full backup, not a single briefing: restore it from Backup instead.' };
  if (format !== BRIEFING_FILE_FORMAT) return { ok: false, message: 'This file is not a briefing exported from ASEAN Delegate Briefing.' };
  const version = (json.value as { formatVersion?: unknown }).formatVersion;
  if (typeof version === 'number' && version > BRIEFING_FILE_VERSION) {
    return { ok: false, message: `This briefing was exported by a newer version of the app (file format ${version}); update the app to import it.` };
  }
  const parsed = BriefingFile.safeParse(json.value);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, message: `The briefing file is damaged or incomplete: ${describeIssues(parsed.error)}.` };
}

/** Reads a backup; a backup from a newer app is refused with a clear message. */
export function readBackupFile(text: string, currentSchemaVersion: number): ReadResult<BackupFile> {
  const json = parseJson(text, MAX_BACKUP_BYTES);
  if (!json.ok) return json;
  const head = json.value as { format?: unknown; formatVersion?: unknown; schemaVersion?: unknown; appVersion?: unknown } | null;
  if (head?.format === BRIEFING_FILE_FORMAT) return { ok: false, message: 'This is a single exported briefing, not a backup: import it from Briefings instead.' };
  if (head?.format !== BACKUP_FILE_FORMAT) return { ok: false, message: 'This file is not a backup made by ASEAN Delegate Briefing.' };
  if ((typeof head.formatVersion === 'number' && head.formatVersion > BACKUP_FILE_VERSION) || (typeof head.schemaVersion === 'number' && head.schemaVersion > currentSchemaVersion)) {
    return { ok: false, message: `This backup was made by a newer version of the app (${String(head.appVersion ?? 'unknown')}); update the app to restore it. Nothing was changed.` };
  }
  const parsed = BackupFile.safeParse(json.value);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, message: `The backup is damaged or incomplete: ${describeIssues(parsed.error)}. Nothing was changed.` };
}

export interface BriefingDifferences {
  /** Header and general fields that differ. */
  fields: string[];
  sectionsAdded: string[];
  sectionsRemoved: string[];
  /** Section titles with the fields that differ in each. */
  sectionsChanged: { title: string; fields: string[] }[];
}

const IGNORED = new Set(['updatedAt', 'createdAt']);

function changedFields(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((k) => !IGNORED.has(k) && canonicalJson(a[k]) !== canonicalJson(b[k])).sort();
}

/** What an import would change in a briefing the delegate already has. */
export function briefingDifferences(current: { briefing: Briefing; sections: Section[] }, incoming: { briefing: Briefing; sections: Section[] }): BriefingDifferences {
  const before = new Map(current.sections.map((s) => [s.id, s]));
  const after = new Map(incoming.sections.map((s) => [s.id, s]));
  return {
    fields: changedFields(current.briefing, incoming.briefing),
    sectionsAdded: incoming.sections.filter((s) => !before.has(s.id)).map((s) => s.agendaTitle),
    sectionsRemoved: current.sections.filter((s) => !after.has(s.id)).map((s) => s.agendaTitle),
    sectionsChanged: incoming.sections
      .filter((s) => before.has(s.id))
      .map((s) => ({ title: s.agendaTitle, fields: changedFields(before.get(s.id)!, s) }))
      .filter((c) => c.fields.length > 0),
  };
}

export function hasDifferences(d: BriefingDifferences): boolean {
  return d.fields.length + d.sectionsAdded.length + d.sectionsRemoved.length + d.sectionsChanged.length > 0;
}

/** The id a section of a briefing has: one per agenda item, under the briefing's own id. */
export const sectionIdFor = (briefingId: string, agendaItemId: string) => `${briefingId}:${agendaItemId}`;

/**
 * The briefing an import writes, with ids of its own: every section's id is derived from the
 * briefing's id and its agenda item, so no record of another briefing can be named (and
 * overwritten) by a file. Two sections for one agenda item are refused.
 */
export function ownIds(content: { briefing: Briefing; sections: readonly Section[] }): ReadResult<{ briefing: Briefing; sections: Section[]; renamed: boolean }> {
  const seen = new Set<string>();
  let renamed = false;
  const sections: Section[] = [];
  for (const section of content.sections) {
    if (seen.has(section.agendaItemId)) return { ok: false, message: `The briefing file has two sections for agenda item "${section.agendaItemId}"; it is damaged.` };
    seen.add(section.agendaItemId);
    const id = sectionIdFor(content.briefing.id, section.agendaItemId);
    if (id !== section.id || section.briefingId !== content.briefing.id) renamed = true;
    sections.push({ ...section, id, briefingId: content.briefing.id });
  }
  return { ok: true, value: { briefing: content.briefing, sections, renamed } };
}

/** A copy of an imported briefing under new ids, for "import as a copy". */
export function asCopy(file: { briefing: Briefing; sections: readonly Section[] }, newId: string, title: string): { briefing: Briefing; sections: Section[] } {
  return {
    briefing: { ...file.briefing, id: newId, title },
    sections: file.sections.map((s) => ({ ...s, id: sectionIdFor(newId, s.agendaItemId), briefingId: newId })),
  };
}
