import { ownerKey, type Paper, type PaperOwner, type PaperVersion } from '../../../shared/papers/model';
import { reanchor, type ReanchorSummary } from '../../../shared/papers/reanchor';
import { db } from '../../db/db';
import type { InspectedFile } from './intake';
import { deleteChunks, versionBlob, writeChunks } from './paper-chunks';

/*
 * Writing papers. Every attach is one transaction over the paper, its version, the bytes, the
 * text and the moved annotations: a full disk (QuotaExceededError) or any failure leaves
 * nothing partly written.
 */

export const newId = (): string => globalThis.crypto.randomUUID();

export class StorageFullError extends Error {
  constructor(cause: unknown) {
    super('storage full', { cause });
  }
}

/** Dexie wraps the browser's error (inner) and transactions wrap again: look through the chain. */
export function isQuotaError(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  const e = error as { name?: string; inner?: unknown; cause?: unknown };
  if (e.name === 'QuotaExceededError') return true;
  return isQuotaError(e.inner, depth + 1) || isQuotaError(e.cause, depth + 1);
}

async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw isQuotaError(error) ? new StorageFullError(error) : error;
  }
}

/** The meeting an owner belongs to, so the meeting page lists every paper of its items and sections. */
export async function meetingOf(owner: PaperOwner): Promise<string | undefined> {
  if (owner.kind === 'meeting') return owner.id;
  if (owner.kind === 'agendaItem') return (await db.agendaItems.get(owner.id))?.meetingId;
  const section = await db.sections.get(owner.id);
  return section ? (await db.briefings.get(section.briefingId))?.meetingId : undefined;
}

function titleFrom(name: string): string {
  return name.replace(/\.[A-Za-z0-9]{1,5}$/, '').replace(/[_]+/g, ' ').trim() || name;
}

function versionOf(file: InspectedFile, paperId: string, revision: number, who: string, now: string, label?: string): PaperVersion {
  return {
    id: newId(),
    paperId,
    revision,
    label: label?.trim() || (revision === 0 ? 'Original' : `Rev.${revision}`),
    name: file.name,
    type: file.type,
    size: file.size,
    sha256: file.sha256,
    isPdf: file.isPdf,
    pageCount: file.pageCount,
    hasScripts: file.hasScripts,
    addedAt: now,
    addedBy: who,
  };
}

const TABLES = () => [db.papers, db.paperVersions, db.paperBlobs, db.paperChunks, db.paperTexts, db.annotations];

async function storeFile(version: PaperVersion, file: InspectedFile, now: string): Promise<void> {
  await db.paperVersions.add(version);
  await writeChunks(version.id, file.bytes);
  if (file.pages) await db.paperTexts.add({ versionId: version.id, paperId: version.paperId, pages: file.pages, extractedAt: now });
}

export async function attachPaper(owner: PaperOwner, file: InspectedFile, who: string): Promise<Paper> {
  const now = new Date().toISOString();
  const id = newId();
  const version = versionOf(file, id, 0, who, now);
  const paper: Paper = { id, title: titleFrom(file.name), owner, ownerKey: ownerKey(owner), meetingId: await meetingOf(owner), currentVersionId: version.id, createdAt: now, createdBy: who, updatedAt: now };
  await guarded(() =>
    db.transaction('rw', TABLES(), async () => {
      await db.papers.add(paper);
      await storeFile(version, file, now);
    }),
  );
  return paper;
}

/** Attaches a re-issued file as the paper's next version and moves its annotations onto it. */
export async function attachRevision(paperId: string, file: InspectedFile, who: string, label?: string): Promise<{ version: PaperVersion; summary: ReanchorSummary }> {
  const now = new Date().toISOString();
  return guarded(() =>
    db.transaction('rw', TABLES(), async () => {
      const paper = await db.papers.get(paperId);
      if (!paper) throw new Error(`no paper ${paperId}`);
      const revisions = await db.paperVersions.where('paperId').equals(paperId).toArray();
      const version = versionOf(file, paperId, Math.max(...revisions.map((v) => v.revision)) + 1, who, now, label);
      await storeFile(version, file, now);
      const existing = await db.annotations.where('paperId').equals(paperId).toArray();
      const moved = reanchor(existing, version.id, file.pages ?? [], now);
      await db.annotations.bulkPut(moved.annotations);
      await db.papers.update(paperId, { currentVersionId: version.id, updatedAt: now });
      return { version, summary: moved.summary };
    }),
  );
}

export async function renamePaper(paperId: string, title: string): Promise<void> {
  if (title.trim() === '') return;
  await guarded(() => db.papers.update(paperId, { title: title.trim(), updatedAt: new Date().toISOString() }).then(() => undefined));
}

/** Removes a paper with every version, its bytes, text and annotations, in one transaction. */
export async function deletePaper(paperId: string): Promise<void> {
  await db.transaction('rw', TABLES(), async () => {
    const versions = await db.paperVersions.where('paperId').equals(paperId).primaryKeys();
    await db.paperBlobs.bulkDelete(versions);
    await deleteChunks(versions);
    await db.paperTexts.bulkDelete(versions);
    await db.paperVersions.bulkDelete(versions);
    await db.annotations.where('paperId').equals(paperId).delete();
    await db.papers.delete(paperId);
  });
}

/** The whole file, for pdf.js and the annex (assembled from a Blob of its pieces: one copy in the heap, no ciphertext beside it). */
export async function versionBytes(versionId: string): Promise<Uint8Array | undefined> {
  const blob = await versionBlob(versionId);
  return blob ? new Uint8Array(await blob.arrayBuffer()) : undefined;
}

/** Opens a kept file with the system: the browser's download in web mode, Electron's download handling on the desktop. */
export async function saveVersionFile(versionId: string): Promise<void> {
  const [blob, version] = await Promise.all([versionBlob(versionId), db.paperVersions.get(versionId)]);
  if (!blob || !version) return;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = version.name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
