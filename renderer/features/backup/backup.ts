import * as Y from 'yjs';
import { BACKUP_FILE_FORMAT, BACKUP_FILE_VERSION, readBackupFile, type BackupFile } from '../../../shared/briefing/file-format';
import type { Section } from '../../../shared/briefing/model';
import { base64ToUpdate, briefingDocUpdate, updateToBase64 } from '../../../shared/collab/briefing-doc';
import { announceReplaced } from '../../collab/tab-channel';
import { docStateOf, type DocUpdateRow } from '../../collab/doc-log';
import { db } from '../../db/db';
import { toStoredSection, type StoredSection } from '../../db/schema';

const strip = (s: StoredSection): Section => {
  const { targetIds: _targetIds, ...section } = s;
  return section;
};

/** Every piece of the delegate's own work in one file: rows, settings and each briefing's document state. */
export async function makeBackup(): Promise<{ fileName: string; text: string; file: BackupFile }> {
  const file = await db.transaction('r', db.briefings, db.sections, db.settings, db.ydocUpdates, async () => {
    const briefings = await db.briefings.toArray();
    const documents: { briefingId: string; state: string }[] = [];
    for (const b of briefings) {
      const state = await docStateOf(b.id);
      if (state) documents.push({ briefingId: b.id, state: updateToBase64(state) });
    }
    return {
      format: BACKUP_FILE_FORMAT,
      formatVersion: BACKUP_FILE_VERSION,
      appVersion: __APP_VERSION__,
      schemaVersion: db.verno,
      createdAt: new Date().toISOString(),
      tables: { briefings, sections: (await db.sections.toArray()).map(strip), settings: await db.settings.toArray(), documents },
    } satisfies BackupFile;
  });
  const stamp = file.createdAt.slice(0, 19).replace(/[:T]/g, '-');
  return { fileName: `asean-delegate-backup-${stamp}.json`, text: JSON.stringify(file), file };
}

export type RestoreCheck = { kind: 'invalid'; message: string } | { kind: 'ok'; file: BackupFile };

/** Reads a backup, its documents included: a damaged one is refused before anything is changed. */
export function checkBackup(text: string): RestoreCheck {
  const read = readBackupFile(text, db.verno);
  if (!read.ok) return { kind: 'invalid', message: read.message };
  for (const d of read.value.tables.documents ?? []) {
    try {
      Y.applyUpdate(new Y.Doc(), base64ToUpdate(d.state));
    } catch {
      return { kind: 'invalid', message: `The backup is damaged or incomplete: the document of briefing ${d.briefingId} cannot be read. Nothing was changed.` };
    }
  }
  return { kind: 'ok', file: read.value };
}

/**
 * Replaces all user data with the backup's, in one transaction: all of it, or none. A briefing
 * the backup has no document for (a backup from before documents) gets one built from its rows.
 */
export async function restoreBackup(file: BackupFile): Promise<void> {
  const replaced = new Set<string>();
  await db.transaction('rw', [db.briefings, db.sections, db.settings, db.ydocUpdates], async () => {
    for (const id of (await db.briefings.toCollection().primaryKeys()) as string[]) replaced.add(id);
    await Promise.all([db.briefings.clear(), db.sections.clear(), db.settings.clear(), db.ydocUpdates.clear()]);
    await db.briefings.bulkAdd(file.tables.briefings);
    await db.sections.bulkAdd(file.tables.sections.map(toStoredSection));
    await db.settings.bulkAdd(file.tables.settings as { key: string; value: unknown }[]);
    const states = new Map((file.tables.documents ?? []).map((d) => [d.briefingId, base64ToUpdate(d.state)]));
    const at = new Date().toISOString();
    const rows: DocUpdateRow[] = file.tables.briefings.map((b) => ({
      docId: b.id,
      seq: 1,
      kind: 'snapshot',
      at,
      update: states.get(b.id) ?? briefingDocUpdate(b, file.tables.sections.filter((s) => s.briefingId === b.id).sort((x, y) => x.order - y.order)),
    }));
    await db.ydocUpdates.bulkAdd(rows);
    for (const b of file.tables.briefings) replaced.add(b.id);
  });
  for (const id of replaced) announceReplaced(id);
}
