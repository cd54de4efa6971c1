import type { BackupPapers } from '../../../shared/briefing/backup-papers';
import { base64ToUpdate, updateToBase64 } from '../../../shared/collab/briefing-doc';
import type { Annotation, Paper, PaperText, PaperVersion } from '../../../shared/papers/model';
import { db, PAPER_TABLES } from '../../db/db';
import { sha256Hex } from '../../papers/pdf/inspect-bytes';
import { versionBlob, writeChunks } from '../../papers/storage/paper-chunks';

/*
 * The meeting papers in a backup (issue 14: they were missing): every paper, version, file,
 * text and annotation. Files go one at a time into base64, so only one file's bytes are held
 * beside the text being built.
 */
export const paperTables = () => PAPER_TABLES.map((name) => db.table(name));

export async function collectPapers(): Promise<BackupPapers> {
  // Rows are read in one transaction; the bytes after it, one file at a time, each from its pieces.
  const read = await db.transaction('r', paperTables(), async () => ({
    papers: await db.papers.toArray(),
    versions: await db.paperVersions.toArray(),
    texts: await db.paperTexts.toArray(),
    annotations: await db.annotations.toArray(),
  }));
  const blobs: BackupPapers['blobs'] = [];
  for (const version of read.versions) {
    const blob = await versionBlob(version.id);
    if (blob) blobs.push({ versionId: version.id, type: blob.type, data: updateToBase64(new Uint8Array(await blob.arrayBuffer())) });
  }
  return {
    papers: read.papers as unknown as BackupPapers['papers'],
    versions: read.versions as unknown as BackupPapers['versions'],
    blobs,
    texts: read.texts,
    annotations: read.annotations as unknown as BackupPapers['annotations'],
  };
}

/**
 * Every file of the backup is the one its version describes (size and SHA-256), checked before
 * a restore writes anything: a damaged or altered file is named, and nothing changes.
 */
export async function papersProblem(papers: BackupPapers): Promise<{ key: 'backup.problem.fileUnreadable' | 'backup.problem.fileAltered'; name: string } | undefined> {
  const versions = new Map(papers.versions.map((v) => [v.id, v]));
  for (const blob of papers.blobs) {
    const version = versions.get(blob.versionId);
    let bytes: Uint8Array;
    try {
      bytes = base64ToUpdate(blob.data);
    } catch {
      return { key: 'backup.problem.fileUnreadable', name: version?.name ?? blob.versionId };
    }
    if (!version || bytes.byteLength !== version.size || (await sha256Hex(bytes)) !== version.sha256) {
      return { key: 'backup.problem.fileAltered', name: version?.name ?? blob.versionId };
    }
  }
  return undefined;
}

/** Inside the restore's transaction: the papers' tables replaced by the backup's. */
export async function writePapers(papers: BackupPapers | undefined): Promise<void> {
  await Promise.all(paperTables().map((t) => t.clear()));
  if (!papers) return;
  await db.papers.bulkAdd(papers.papers as unknown as Paper[]);
  await db.paperVersions.bulkAdd(papers.versions as unknown as PaperVersion[]);
  for (const b of papers.blobs) await writeChunks(b.versionId, base64ToUpdate(b.data));
  await db.paperTexts.bulkAdd(papers.texts as PaperText[]);
  await db.annotations.bulkAdd(papers.annotations as unknown as Annotation[]);
}
