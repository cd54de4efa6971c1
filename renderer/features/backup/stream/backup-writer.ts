import Dexie, { type Table } from 'dexie';
import { BACKUP_FILE_FORMAT } from '../../../../shared/briefing/file-format';
import { updateToBase64 } from '../../../../shared/collab/briefing-doc';
import { BackupRefused, briefingDocuments } from '../backup';
import { paperTables } from '../backup-papers';
import { dataKey } from '../../../crypto/key-state';
import { keyringLock } from '../../../crypto/file-envelope';
import { readKeyring } from '../../../crypto/keyring';
import { db } from '../../../db/db';
import { eachChunk } from '../../../papers/storage/paper-chunks';
import type { StoredSection } from '../../../db/schema';
import { ChunkSealer, sealKeyCheck, DOCUMENT_PIECE_CHARS, FILE_PIECE_BYTES, MAX_STREAMED_BACKUP_BYTES, ROWS_PER_CHUNK, STREAMED_BACKUP_VERSION, type ChunkBody, type RowPart, type StreamHeader } from './stream-format';

/*
 * Makes a backup of format 4 as a Blob built chunk by chunk: each table is read a page of rows
 * at a time (by primary key), each briefing's documents one at a time, each paper's file in
 * stored pieces, one at a time. What has been written is handed to the browser's blob storage every few megabytes,
 * so the page holds about one chunk, whatever the size of the delegate's work.
 *
 * All of it is read in ONE read-only transaction over every table it takes rows from, so the
 * file is one consistent snapshot: a section saved (here or in another tab) while the backup
 * runs is either wholly in it, with its briefing's document of the same moment, or not at all.
 * Writes wait for the backup meanwhile (IndexedDB queues them; nothing typed is lost), which
 * is the price of a snapshot; the progress bar says the backup is running.
 */

/** A chunk of documents closes before it passes this many characters of their (base64) states. */
const DOCUMENT_CHUNK_CHARS = 2 * 1024 * 1024;

/** Pending lines are moved into a Blob (out of the page's heap) past this many characters. */
const FLUSH_CHARS = 8 * 1024 * 1024;

export interface BackupProgress {
  part: ChunkBody['part'];
  rows: number;
}

/** Every table a backup reads rows from: the one transaction's scope. */
const BACKUP_TABLES = () => [db.briefings, db.sections, db.settings, db.ydocUpdates, ...paperTables()];

/** Hands `onPage` the table's rows a page at a time in primary-key order (call inside the backup's transaction). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any insert type: the rows are only read
async function eachPage<T>(table: Table<T, any, any>, onPage: (page: T[]) => Promise<void>, size = ROWS_PER_CHUNK): Promise<void> {
  const keyPath = table.schema.primKey.keyPath as string;
  let last: unknown;
  for (;;) {
    const page = last === undefined ? await table.orderBy(':id').limit(size).toArray() : await table.where(':id').above(last).limit(size).toArray();
    if (page.length === 0) return;
    await onPage(page);
    if (page.length < size) return;
    last = (page[page.length - 1] as Record<string, unknown>)[keyPath];
  }
}

const stripSection = (s: StoredSection) => {
  const { targetIds: _targetIds, ...section } = s;
  return section;
};

const megabytes = (n: number) => Math.ceil(n / 1024 / 1024);
const tooLarge = (bytes: number) => new BackupRefused('backup.tooLarge', { size: megabytes(bytes), max: megabytes(MAX_STREAMED_BACKUP_BYTES) });

class BlobBuilder {
  private written: Blob | undefined;
  private pending: string[] = [];
  private chars = 0;

  push(line: string): void {
    this.pending.push(line, '\n');
    this.chars += line.length + 1;
    if (this.chars > FLUSH_CHARS) this.flush();
  }

  /** Bytes so far (what is still pending counted as one byte a character: chunks are ASCII base64 or mostly-ASCII JSON). */
  get size(): number {
    return (this.written?.size ?? 0) + this.chars;
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    this.written = new Blob(this.written ? [this.written, ...this.pending] : this.pending);
    this.pending = [];
    this.chars = 0;
  }

  blob(): Blob {
    this.flush();
    return new Blob(this.written ? [this.written] : [], { type: 'application/x-ndjson' });
  }
}

/** A paper still in its one row of schemas 5 to 11 (not yet converted to pieces), in pieces of the backup. */
async function legacyFile(versionId: string, emit: (body: ChunkBody) => Promise<void>): Promise<void> {
  const row = await db.paperBlobs.get(versionId);
  if (!row) return;
  const size = row.blob.size;
  let piece = 0;
  for (let at = 0; at < size || piece === 0; at += FILE_PIECE_BYTES, piece++) {
    const bytes = new Uint8Array(await Dexie.waitFor(row.blob.slice(at, at + FILE_PIECE_BYTES).arrayBuffer()));
    await emit({ part: 'file', versionId, type: row.blob.type, piece, last: at + FILE_PIECE_BYTES >= size, data: updateToBase64(bytes) });
  }
}

/** The name a backup made at `iso` is offered under. */
export const backupFileName = (iso: string) => `asean-delegate-backup-${iso.slice(0, 19).replace(/[:T]/g, '-')}.adbackup`;

export interface StreamedBackup {
  fileName: string;
  blob: Blob;
  counts: Record<string, number>;
  createdAt: string;
}

/**
 * Every piece of the delegate's own work, as a stream of chunks: encrypted under the data key
 * (with the keyring's wrapped copies in the header) whenever a passphrase is set.
 */
export async function makeStreamedBackup(onProgress?: (p: BackupProgress) => void, signal?: AbortSignal): Promise<StreamedBackup> {
  const key = dataKey();
  const keyring = await readKeyring(db);
  const locked = key !== undefined && keyring?.mode === 'passphrase';
  const createdAt = new Date().toISOString();
  const header: StreamHeader = {
    format: BACKUP_FILE_FORMAT,
    formatVersion: STREAMED_BACKUP_VERSION,
    appVersion: __APP_VERSION__,
    schemaVersion: db.verno,
    createdAt,
    protection: locked ? keyringLock(keyring) : { kind: 'plain' },
    ...(locked ? { keyCheck: await sealKeyCheck(key) } : {}),
  };
  const headerLine = JSON.stringify(header);
  const sealer = new ChunkSealer(headerLine, locked ? key : undefined);
  const out = new BlobBuilder();
  out.push(headerLine);
  const counts: Record<string, number> = {};
  const emit = async (body: ChunkBody) => {
    if (signal?.aborted) throw new DOMException('The backup was cancelled.', 'AbortError');
    // Sealing is no IndexedDB request: the snapshot's transaction is kept alive meanwhile.
    out.push(await Dexie.waitFor(sealer.line(body)));
    if (out.size > MAX_STREAMED_BACKUP_BYTES) throw tooLarge(out.size);
    if (body.part !== 'end') {
      const n = body.part === 'file' || body.part === 'documentPiece' ? (body.last ? 1 : 0) : body.rows.length;
      const counted = body.part === 'documentPiece' ? 'documents' : body.part;
      counts[counted] = (counts[counted] ?? 0) + n;
      onProgress?.({ part: body.part, rows: Object.values(counts).reduce((a, b) => a + b, 0) });
    }
  };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- as eachPage
  const rows = <T>(part: RowPart, table: Table<T, any, any>, map: (row: T) => unknown = (r) => r) => eachPage(table, (page) => emit({ part, rows: page.map(map) }));

  await db.transaction('r', BACKUP_TABLES(), async () => {
    // The papers' files are most of a backup: one too large for a restore is refused before any is read.
    const fileBytes = (await db.paperVersions.toArray()).reduce((sum, v) => sum + v.size, 0);
    if ((fileBytes * 4) / 3 > MAX_STREAMED_BACKUP_BYTES) throw tooLarge((fileBytes * 4) / 3);
    await rows('briefings', db.briefings);
    await rows('sections', db.sections, stripSection);
    await rows('settings', db.settings);
    // Documents go out a few megabytes at a time: 333 briefings of 300 items in one chunk made a
    // line of tens of megabytes, which the restore check (rightly) refuses, so no backup was saved.
    let documents: { state: string }[] = [];
    let documentChars = 0;
    const flushDocuments = async () => {
      if (documents.length > 0) await emit({ part: 'documents', rows: documents });
      documents = [];
      documentChars = 0;
    };
    await eachPage(db.briefings, async (page) => {
      for (const b of page) {
        for (const d of await briefingDocuments(b.id)) {
          if (d.state.length > DOCUMENT_PIECE_CHARS) {
            // One document larger than a line: its own continuation records (format 5).
            await flushDocuments();
            for (let at = 0, piece = 0; at < d.state.length; at += DOCUMENT_PIECE_CHARS, piece++) {
              const state = d.state.slice(at, at + DOCUMENT_PIECE_CHARS);
              await emit({ part: 'documentPiece', briefingId: d.briefingId, ...(d.part ? { docPart: d.part } : {}), piece, last: at + DOCUMENT_PIECE_CHARS >= d.state.length, state });
            }
            continue;
          }
          if (documentChars + d.state.length > DOCUMENT_CHUNK_CHARS) await flushDocuments();
          documents.push(d);
          documentChars += d.state.length;
        }
      }
    });
    await flushDocuments();
    await rows('papers', db.papers);
    await rows('versions', db.paperVersions);
    // Files before their texts and annotations: a restore checks each file against its version as it goes.
    // One stored piece is one piece of the backup: a piece is read, sealed and written before the next.
    await eachPage(db.paperVersions, async (versions) => {
      for (const version of versions) {
        const stored = await eachChunk(version.id, (bytes, piece, last) => emit({ part: 'file', versionId: version.id, type: version.type, piece, last, data: updateToBase64(bytes) }));
        if (!stored) await legacyFile(version.id, emit);
      }
    });
    await rows('texts', db.paperTexts);
    await rows('annotations', db.annotations);
    await emit({ part: 'end', counts: { ...counts } });
  });
  const blob = out.blob();
  if (blob.size > MAX_STREAMED_BACKUP_BYTES) throw tooLarge(blob.size);
  return { fileName: backupFileName(createdAt), blob, counts, createdAt };
}
