import Dexie from 'dexie';
import * as Y from 'yjs';
import type { Briefing, Section } from '../../../../shared/briefing/model';
import { base64ToUpdate, briefingDocUpdate } from '../../../../shared/collab/briefing-doc';
import { companionDocId } from '../../../collab/companion-docs';
import type { DocUpdateRow } from '../../../collab/doc-log';
import { db } from '../../../db/db';
import { toStoredSection } from '../../../db/schema';
import { projectControlRows } from '../../clearance/control-session';
import { paperTables } from '../backup-papers';
import { BackupProblem } from './backup-problem';
import { refuseMarkingsWithoutPassphrase } from '../backup-markings';
import { ChunkChecker, type BackupDocument, type CheckedChunk } from './chunk-check';
import { ChunkOpener, ChunkUnreadable, keyChecks, LineTooLong, linesOf, MAX_STREAMED_BACKUP_BYTES, parseHeader, STREAMED_BACKUP_VERSION } from './stream-format';

/*
 * Restoring a backup of format 4, read as a stream twice: once to check all of it (nothing is
 * written), then again inside one transaction that replaces the delegate's work (all of it or
 * none: a problem found, or a cancel, aborts the transaction and nothing has changed). Runs in
 * the restore worker; the same code runs on the page where there are no workers (tests).
 */
export interface RestoreProgress {
  phase: 'checking' | 'writing';
  /** Bytes of the file read so far, of `total`. */
  done: number;
  total: number;
}

export interface RestoreRun {
  file: Blob;
  /** The chunks' key (undefined for a plain backup). */
  key: CryptoKey | undefined;
  onProgress?: (p: RestoreProgress) => void;
  signal?: AbortSignal;
}

export class RestoreCancelled extends Error {
  constructor() {
    super('The restore was cancelled; nothing was changed.');
    this.name = 'RestoreCancelled';
  }
}

export interface BackupSummary {
  createdAt: string;
  counts: Record<string, number>;
}

/** Every chunk of the file, checked, handed to `use` in order; the summary at the end. */
async function walk(run: RestoreRun, phase: RestoreProgress['phase'], write: ((chunk: CheckedChunk) => Promise<void>) | undefined, wait: <T>(p: Promise<T>) => Promise<T>, observe?: (chunk: CheckedChunk) => void): Promise<BackupSummary> {
  const total = run.file.size;
  if (total > MAX_STREAMED_BACKUP_BYTES) throw new BackupProblem('backup.fileTooLarge', { size: megabytes(total), max: megabytes(MAX_STREAMED_BACKUP_BYTES) });
  let lastReport = 0;
  const lines = linesOf(run.file, (done) => {
    if (done - lastReport < 256 * 1024 && done < total) return;
    lastReport = done;
    run.onProgress?.({ phase, done, total });
  });
  const first = await wait(lines.next());
  const headerLine = first.done ? '' : first.value;
  const header = parseHeader(headerLine);
  if (!header) throw new BackupProblem('backup.problem.notBackup');
  if (header.formatVersion > STREAMED_BACKUP_VERSION || header.schemaVersion > db.verno) throw new BackupProblem('backup.problem.newer', { version: header.appVersion });
  if ((header.protection.kind === 'plain') !== (run.key === undefined)) throw new BackupProblem(run.key ? 'backup.problem.damaged' : 'backup.problem.wrongKey', { where: 'protection' });
  if (run.key && !(typeof header.keyCheck === 'string' && (await wait(keyChecks(run.key, header.keyCheck))))) throw new BackupProblem('backup.problem.wrongKey');
  const opener = new ChunkOpener(headerLine, run.key);
  const checker = new ChunkChecker(write !== undefined);
  let index = 0;
  try {
    for (;;) {
      if (run.signal?.aborted) throw new RestoreCancelled();
      const next = await wait(lines.next());
      if (next.done) break;
      if (next.value === '') continue;
      const value = await wait(opener.open(next.value, index++));
      const chunk = checker.check(value);
      if (chunk) observe?.(chunk);
      if (chunk && write) await write(chunk);
    }
  } catch (error) {
    if (error instanceof ChunkUnreadable) throw new BackupProblem('backup.problem.chunk', { index: error.index });
    if (error instanceof LineTooLong) throw new BackupProblem('backup.problem.damaged', { where: `line ${index + 1}` });
    throw error;
  }
  if (!checker.ended) throw new BackupProblem('backup.problem.truncated');
  run.onProgress?.({ phase, done: total, total });
  return { createdAt: header.createdAt, counts: checker.summary() };
}

const direct = <T>(p: Promise<T>) => p;
const megabytes = (n: number) => Math.ceil(n / 1024 / 1024);

/** The whole restore check, writing nothing; a backup of briefings marked above the lowest is refused without a passphrase. */
export async function checkStreamedBackup(run: RestoreRun): Promise<BackupSummary> {
  const markings = new Set<string>();
  const settings: { key: string; value: unknown }[] = [];
  const summary = await walk(run, 'checking', undefined, direct, (chunk) => {
    if (chunk.part === 'briefings') for (const b of chunk.rows as Briefing[]) markings.add(b.classification);
    else if (chunk.part === 'settings') settings.push(...(chunk.rows as { key: string; value: unknown }[]));
  });
  await refuseMarkingsWithoutPassphrase(markings, settings);
  return summary;
}

const USER_TABLES = () => [db.briefings, db.sections, db.settings, db.ydocUpdates, db.assignments, db.clearances, ...paperTables()];

/**
 * Checks, then replaces all user data with the backup's in one transaction. Returns the ids of
 * the briefings replaced or restored (the page tells its other tabs).
 */
export async function restoreStreamedBackup(run: RestoreRun): Promise<{ summary: BackupSummary; replaced: string[] }> {
  await checkStreamedBackup(run);
  const replaced = new Set<string>();
  const controls: BackupDocument[] = [];
  let summary: BackupSummary | undefined;
  await db.transaction('rw', USER_TABLES(), async () => {
    for (const id of (await db.briefings.toCollection().primaryKeys()) as string[]) replaced.add(id);
    await Promise.all(USER_TABLES().map((t) => t.clear()));
    const at = new Date().toISOString();
    const withDocument = new Set<string>();
    summary = await walk(
      run,
      'writing',
      async (chunk) => {
        if (chunk.part === 'briefings') {
          const briefings = chunk.rows as Briefing[];
          briefings.forEach((b) => replaced.add(b.id));
          await db.briefings.bulkAdd(briefings);
        } else if (chunk.part === 'sections') await db.sections.bulkAdd((chunk.rows as Section[]).map(toStoredSection));
        else if (chunk.part === 'settings') await db.settings.bulkAdd(chunk.rows as { key: string; value: unknown }[]);
        else if (chunk.part === 'documents') {
          const docs = chunk.rows as BackupDocument[];
          const rows: DocUpdateRow[] = docs.map((d) => ({ docId: d.part ? companionDocId(d.part, d.briefingId) : d.briefingId, seq: 1, kind: 'snapshot', at, update: base64ToUpdate(d.state) }));
          docs.forEach((d) => (d.part === 'control' ? controls.push(d) : d.part ? undefined : withDocument.add(d.briefingId)));
          await db.ydocUpdates.bulkAdd(rows);
        } else if (chunk.part === 'papers') await db.papers.bulkAdd(chunk.rows as never[]);
        else if (chunk.part === 'versions') await db.paperVersions.bulkAdd(chunk.rows as never[]);
        else if (chunk.part === 'file' && chunk.bytes) await db.paperChunks.add({ blobId: chunk.versionId, index: chunk.piece, bytes: chunk.bytes });
        else if (chunk.part === 'texts') await db.paperTexts.bulkAdd(chunk.rows as never[]);
        else if (chunk.part === 'annotations') await db.annotations.bulkAdd(chunk.rows as never[]);
        else if (chunk.part === 'end') await documentsForRowsOnly(withDocument, at);
      },
      // Reading the file and decrypting are no IndexedDB requests: the transaction is kept alive meanwhile.
      (p) => Dexie.waitFor(p),
    );
  });
  // The assignments and clearances rows are projections of the control documents just restored.
  for (const d of controls) {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, base64ToUpdate(d.state));
    await projectControlRows(d.briefingId, doc);
    doc.destroy();
  }
  return { summary: summary!, replaced: [...replaced] };
}

/** A briefing the backup has no document for gets one built from its rows (as a restore of format 1 does). */
async function documentsForRowsOnly(withDocument: Set<string>, at: string): Promise<void> {
  const briefings = await db.briefings.toArray();
  for (const b of briefings) {
    if (withDocument.has(b.id)) continue;
    const sections = (await db.sections.where('briefingId').equals(b.id).toArray()).sort((x, y) => x.order - y.order);
    await db.ydocUpdates.add({ docId: b.id, seq: 1, kind: 'snapshot', at, update: briefingDocUpdate(b, sections) } satisfies DocUpdateRow);
  }
}
