import type { Briefing, Section } from '../../../shared/briefing/model';
import {
  BACKUP_FILE_FORMAT,
  BACKUP_FILE_VERSION,
  BRIEFING_FILE_FORMAT,
  BRIEFING_FILE_VERSION,
  asCopy,
  briefingDifferences,
  hasDifferences,
  readBackupFile,
  readBriefingFile,
  type BackupFile,
  type BriefingDifferences,
  type BriefingFile,
} from '../../../shared/briefing/transfer';
import { db } from '../../db/db';
import { toStoredSection, type StoredSection } from '../../db/schema';
import { loadBriefing, newId } from './repo';

const strip = (s: StoredSection): Section => {
  const { targetIds: _targetIds, ...section } = s;
  return section;
};

/** One briefing as a versioned JSON file for a colleague. */
export async function exportBriefing(id: string): Promise<{ fileName: string; text: string }> {
  const loaded = await loadBriefing(id);
  if (!loaded) throw new Error('This briefing no longer exists.');
  const file: BriefingFile = {
    format: BRIEFING_FILE_FORMAT,
    formatVersion: BRIEFING_FILE_VERSION,
    appVersion: __APP_VERSION__,
    exportedAt: new Date().toISOString(),
    briefing: loaded.briefing,
    sections: loaded.sections.map(strip),
  };
  return { fileName: `${loaded.briefing.title}.briefing.json`, text: JSON.stringify(file, null, 2) };
}

export type ImportCheck =
  | { kind: 'invalid'; message: string }
  | { kind: 'new'; file: BriefingFile }
  | { kind: 'same'; file: BriefingFile }
  | { kind: 'conflict'; file: BriefingFile; existing: Briefing; differences: BriefingDifferences };

/** Reads a briefing file and says what importing it would do, changing nothing yet. */
export async function checkBriefingImport(text: string): Promise<ImportCheck> {
  const read = readBriefingFile(text);
  if (!read.ok) return { kind: 'invalid', message: read.message };
  const existing = await loadBriefing(read.value.briefing.id);
  if (!existing) return { kind: 'new', file: read.value };
  const differences = briefingDifferences({ briefing: existing.briefing, sections: existing.sections.map(strip) }, read.value);
  return hasDifferences(differences) ? { kind: 'conflict', file: read.value, existing: existing.briefing, differences } : { kind: 'same', file: read.value };
}

/** Writes an imported briefing: as it is (new, or replacing the one with its id), or as a copy. */
export async function applyBriefingImport(file: BriefingFile, mode: 'replace' | 'copy', copyTitle?: string): Promise<string> {
  const data = mode === 'copy' ? asCopy(file, newId(), copyTitle ?? `${file.briefing.title} (copy)`) : file;
  await db.transaction('rw', db.briefings, db.sections, async () => {
    await db.sections.where('briefingId').equals(data.briefing.id).delete();
    await db.briefings.put(data.briefing);
    await db.sections.bulkPut(data.sections.map(toStoredSection));
  });
  return data.briefing.id;
}

/** Every piece of the delegate's own work in one file. */
export async function makeBackup(): Promise<{ fileName: string; text: string; file: BackupFile }> {
  const file = await db.transaction('r', db.briefings, db.sections, db.settings, async () => ({
    format: BACKUP_FILE_FORMAT,
    formatVersion: BACKUP_FILE_VERSION,
    appVersion: __APP_VERSION__,
    schemaVersion: db.verno,
    createdAt: new Date().toISOString(),
    tables: {
      briefings: await db.briefings.toArray(),
      sections: (await db.sections.toArray()).map(strip),
      settings: await db.settings.toArray(),
    },
  })) as BackupFile;
  const stamp = file.createdAt.slice(0, 19).replace(/[:T]/g, '-');
  return { fileName: `asean-delegate-backup-${stamp}.json`, text: JSON.stringify(file), file };
}

export type RestoreCheck = { kind: 'invalid'; message: string } | { kind: 'ok'; file: BackupFile };

export function checkBackup(text: string): RestoreCheck {
  const read = readBackupFile(text, db.verno);
  return read.ok ? { kind: 'ok', file: read.value } : { kind: 'invalid', message: read.message };
}

/** Replaces all user data with the backup's, in one transaction: all of it, or none. */
export async function restoreBackup(file: BackupFile): Promise<void> {
  await db.transaction('rw', db.briefings, db.sections, db.settings, async () => {
    await Promise.all([db.briefings.clear(), db.sections.clear(), db.settings.clear()]);
    await db.briefings.bulkAdd(file.tables.briefings);
    await db.sections.bulkAdd(file.tables.sections.map(toStoredSection));
    await db.settings.bulkAdd(file.tables.settings as { key: string; value: unknown }[]);
  });
}
