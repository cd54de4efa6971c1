import * as Y from 'yjs';
import { BACKUP_FILE_FORMAT, BACKUP_FILE_VERSION, BackupFile, BRIEFING_FILE_FORMAT, MAX_BACKUP_BYTES, readBackupFile } from '../../../shared/briefing/file-format';
import { issuePlace } from './stream/backup-problem';

import type { MessageKey } from '../../i18n/translate';
import { collectPapers, paperTables, papersProblem, writePapers } from './backup-papers';
import { settingsProblem } from './settings-check';
import { refuseMarkingsWithoutPassphrase } from './backup-markings';
import type { Section } from '../../../shared/briefing/model';

type BackupDocument = NonNullable<BackupFile['tables']['documents']>[number];
import { base64ToUpdate, briefingDocUpdate, updateToBase64 } from '../../../shared/collab/briefing-doc';
import { announceReplaced } from '../../collab/tab-channel';
import { docStateOf, type DocUpdateRow } from '../../collab/doc-log';
import { COMPANION_PARTS, companionDocId } from '../../collab/companion-docs';
import { projectControlRows } from '../clearance/control-session';
import { db } from '../../db/db';
import { toStoredSection, type StoredSection } from '../../db/schema';

export const strip = (s: StoredSection): Section => {
  const { targetIds: _targetIds, ...section } = s;
  return section;
};

/** A backup that cannot be saved or restored, with a message in the delegate's language. */
export class BackupRefused extends Error {
  constructor(
    readonly key: MessageKey,
    readonly vars: Record<string, string | number>,
  ) {
    super(`${key} ${JSON.stringify(vars)}`);
    this.name = 'BackupRefused';
  }
}

const megabytes = (n: number) => Math.ceil(n / 1024 / 1024);

/**
 * A backup of format 3, one JSON text: what earlier versions of the app wrote (the app now
 * writes format 4, stream/backup-writer.ts); kept so the restore of older backups stays tested.
 * Every piece of the delegate's own work in one file: rows, settings, each briefing's document
 * state, and the meeting papers with their files. The restore's own check runs on it before it
 * is handed back: a backup that could not be restored is never saved.
 */
/** One briefing's stored documents as a backup holds them: its content, then each companion part it has. */
export async function briefingDocuments(briefingId: string): Promise<BackupDocument[]> {
  const documents: BackupDocument[] = [];
  const state = await docStateOf(briefingId);
  if (state) documents.push({ briefingId, state: updateToBase64(state) });
  for (const part of COMPANION_PARTS) {
    const companion = await docStateOf(companionDocId(part, briefingId));
    if (companion) documents.push({ briefingId, part, state: updateToBase64(companion) });
  }
  return documents;
}

export async function makeBackup(): Promise<{ fileName: string; text: string; file: BackupFile }> {
  const rows = await db.transaction('r', db.briefings, db.sections, db.settings, db.ydocUpdates, async () => {
    const briefings = await db.briefings.toArray();
    const documents: BackupDocument[] = [];
    for (const b of briefings) documents.push(...(await briefingDocuments(b.id)));
    return {
      format: BACKUP_FILE_FORMAT,
      formatVersion: BACKUP_FILE_VERSION,
      appVersion: __APP_VERSION__,
      schemaVersion: db.verno,
      createdAt: new Date().toISOString(),
      tables: { briefings, sections: (await db.sections.toArray()).map(strip), settings: await db.settings.toArray(), documents },
    } satisfies BackupFile;
  });
  const file: BackupFile = { ...rows, tables: { ...rows.tables, papers: await collectPapers() } };
  const text = JSON.stringify(file);
  if (text.length > MAX_BACKUP_BYTES) throw new BackupRefused('backup.tooLarge', { size: megabytes(text.length), max: megabytes(MAX_BACKUP_BYTES) });
  const check = checkBackup(text);
  const problem = check.kind === 'ok' ? await verifyBackup(check.file) : check;
  if (problem) throw new BackupRefused('backup.notRestorable', { message: problem.message });
  const stamp = file.createdAt.slice(0, 19).replace(/[:T]/g, '-');
  return { fileName: `asean-delegate-backup-${stamp}.json`, text, file };
}

export type RestoreProblem = { kind: 'invalid'; message: string; key?: MessageKey; vars?: Record<string, string | number> };
export type RestoreCheck = RestoreProblem | { kind: 'ok'; file: BackupFile };

/**
 * Reads a backup of format 1 to 3 (one JSON text), its documents and settings included: a damaged
 * one is refused before anything is changed, with a message key (the delegate's language).
 */
export function checkBackup(text: string): RestoreCheck {
  if (text.length > MAX_BACKUP_BYTES) {
    const vars = { size: megabytes(text.length), max: megabytes(MAX_BACKUP_BYTES) };
    return { kind: 'invalid', message: `The file is larger than ${vars.max} MB.`, key: 'backup.fileTooLarge', vars };
  }
  const known = headProblem(text);
  if (known) return known;
  const read = readBackupFile(text, db.verno);
  if (!read.ok) {
    const parsed = BackupFile.safeParse(JSON.parse(text));
    const where = parsed.success ? 'file' : issuePlace(parsed.error.issues, 'file');
    return { kind: 'invalid', message: read.message, key: 'backup.problem.damaged', vars: { where } };
  }
  const setting = settingsProblem(read.value.tables.settings);
  if (setting) return { kind: 'invalid', message: `The setting "${setting.key}" is not valid: ${setting.issue}.`, key: 'backup.problem.setting', vars: { key: setting.key } };
  for (const d of read.value.tables.documents ?? []) {
    try {
      Y.applyUpdate(new Y.Doc(), base64ToUpdate(d.state));
    } catch {
      return { kind: 'invalid', message: `The document of briefing ${d.briefingId} cannot be read.`, key: 'backup.problem.document', vars: { briefing: d.briefingId } };
    }
  }
  return { kind: 'ok', file: read.value };
}

/** What a file is, when it is not a backup this app can read (each with its own message key). */
function headProblem(text: string): RestoreProblem | undefined {
  let head: { format?: unknown; formatVersion?: unknown; schemaVersion?: unknown; appVersion?: unknown } | null;
  try {
    head = JSON.parse(text) as typeof head;
  } catch {
    return { kind: 'invalid', message: 'not JSON', key: 'backup.problem.notJson' };
  }
  if (head?.format === BRIEFING_FILE_FORMAT) return { kind: 'invalid', message: 'a briefing file', key: 'backup.problem.isBriefing' };
  if (head?.format !== BACKUP_FILE_FORMAT) return { kind: 'invalid', message: 'not a backup', key: 'backup.problem.notBackup' };
  if ((typeof head.formatVersion === 'number' && head.formatVersion > BACKUP_FILE_VERSION) || (typeof head.schemaVersion === 'number' && head.schemaVersion > db.verno)) {
    return { kind: 'invalid', message: 'newer', key: 'backup.problem.newer', vars: { version: String(head.appVersion ?? '?') } };
  }
  return undefined;
}

/** The checks that read the papers' files (their SHA-256): undefined when the whole backup is sound. */
export async function verifyBackup(file: BackupFile): Promise<RestoreProblem | undefined> {
  const issue = file.tables.papers ? await papersProblem(file.tables.papers) : undefined;
  return issue ? { kind: 'invalid', message: `${issue.key} ${issue.name}`, key: issue.key, vars: { name: issue.name } } : undefined;
}

/**
 * Replaces all user data with the backup's, in one transaction: all of it, or none. A briefing
 * the backup has no document for (a backup from before documents) gets one built from its rows.
 */
export async function restoreBackup(file: BackupFile, { announce = true }: { announce?: boolean } = {}): Promise<string[]> {
  const problem = await verifyBackup(file);
  if (problem) throw new BackupRefused(problem.key ?? 'backup.problem.damaged', problem.vars ?? {});
  await refuseMarkingsWithoutPassphrase(file.tables.briefings.map((b) => b.classification), file.tables.settings as { key: string; value: unknown }[]);
  const replaced = new Set<string>();
  await db.transaction('rw', [db.briefings, db.sections, db.settings, db.ydocUpdates, db.assignments, db.clearances, ...paperTables()], async () => {
    for (const id of (await db.briefings.toCollection().primaryKeys()) as string[]) replaced.add(id);
    await Promise.all([db.briefings.clear(), db.sections.clear(), db.settings.clear(), db.ydocUpdates.clear(), db.assignments.clear(), db.clearances.clear()]);
    await db.briefings.bulkAdd(file.tables.briefings);
    await db.sections.bulkAdd(file.tables.sections.map(toStoredSection));
    await db.settings.bulkAdd(file.tables.settings as { key: string; value: unknown }[]);
    const states = new Map((file.tables.documents ?? []).filter((d) => !d.part).map((d) => [d.briefingId, base64ToUpdate(d.state)]));
    const at = new Date().toISOString();
    const rows: DocUpdateRow[] = file.tables.briefings.map((b) => ({
      docId: b.id,
      seq: 1,
      kind: 'snapshot',
      at,
      update: states.get(b.id) ?? briefingDocUpdate(b, file.tables.sections.filter((s) => s.briefingId === b.id).sort((x, y) => x.order - y.order)),
    }));
    const known = new Set(file.tables.briefings.map((b) => b.id));
    for (const d of file.tables.documents ?? []) {
      if (d.part && known.has(d.briefingId)) rows.push({ docId: companionDocId(d.part, d.briefingId), seq: 1, kind: 'snapshot', at, update: base64ToUpdate(d.state) });
    }
    await db.ydocUpdates.bulkAdd(rows);
    // A backup from before papers (format 2) holds none: the papers go too, as everything else is replaced.
    await writePapers(file.tables.papers);
    for (const b of file.tables.briefings) replaced.add(b.id);
  });
  // The assignments and clearances rows are projections of the control documents just restored.
  for (const d of file.tables.documents ?? []) {
    if (d.part !== 'control') continue;
    const doc = new Y.Doc();
    Y.applyUpdate(doc, base64ToUpdate(d.state));
    await projectControlRows(d.briefingId, doc);
    doc.destroy();
  }
  if (announce) for (const id of replaced) announceReplaced(id);
  return [...replaced];
}
