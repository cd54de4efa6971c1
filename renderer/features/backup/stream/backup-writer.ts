import type { Table } from 'dexie';
import { BACKUP_FILE_FORMAT } from '../../../../shared/briefing/file-format';
import { updateToBase64 } from '../../../../shared/collab/briefing-doc';
import { briefingDocuments } from '../backup';
import { dataKey } from '../../../crypto/key-state';
import { keyringLock } from '../../../crypto/file-envelope';
import { readKeyring } from '../../../crypto/keyring';
import { db } from '../../../db/db';
import type { StoredSection } from '../../../db/schema';
import { ChunkSealer, sealKeyCheck, FILE_PIECE_BYTES, ROWS_PER_CHUNK, STREAMED_BACKUP_VERSION, type ChunkBody, type RowPart, type StreamHeader } from './stream-format';

/*
 * Makes a backup of format 4 as a Blob built chunk by chunk: each table is read a page of rows
 * at a time (by primary key), each briefing's documents one at a time, each paper's file in
 * pieces. What has been written is handed to the browser's blob storage every few megabytes,
 * so the page holds about one chunk, whatever the size of the delegate's work.
 */

/** Pending lines are moved into a Blob (out of the page's heap) past this many characters. */
const FLUSH_CHARS = 8 * 1024 * 1024;

export interface BackupProgress {
  part: ChunkBody['part'];
  rows: number;
}

/** Pages of a table's rows in primary-key order, each read on its own (no transaction held across pages). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any insert type: the rows are only read
async function* pagesOf<T>(table: Table<T, any, any>, size = ROWS_PER_CHUNK): AsyncGenerator<T[]> {
  const keyPath = table.schema.primKey.keyPath as string;
  let last: unknown;
  for (;;) {
    const page = last === undefined ? await table.orderBy(':id').limit(size).toArray() : await table.where(':id').above(last).limit(size).toArray();
    if (page.length === 0) return;
    yield page;
    if (page.length < size) return;
    last = (page[page.length - 1] as Record<string, unknown>)[keyPath];
  }
}

const stripSection = (s: StoredSection) => {
  const { targetIds: _targetIds, ...section } = s;
  return section;
};

class BlobBuilder {
  private parts: BlobPart[] = [];
  private pending: string[] = [];
  private chars = 0;

  push(line: string): void {
    this.pending.push(line, '\n');
    this.chars += line.length + 1;
    if (this.chars > FLUSH_CHARS) this.flush();
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    this.parts = [new Blob([...this.parts, ...this.pending])];
    this.pending = [];
    this.chars = 0;
  }

  blob(): Blob {
    this.flush();
    return new Blob(this.parts, { type: 'application/x-ndjson' });
  }
}

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
    out.push(await sealer.line(body));
    if (body.part !== 'end') {
      const n = body.part === 'file' ? (body.last ? 1 : 0) : body.rows.length;
      const total = (counts[body.part] ?? 0) + n;
      counts[body.part] = total;
      onProgress?.({ part: body.part, rows: Object.values(counts).reduce((a, b) => a + b, 0) });
    }
  };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- as pagesOf
  const rows = async <T>(part: RowPart, table: Table<T, any, any>, map: (row: T) => unknown = (r) => r) => {
    for await (const page of pagesOf(table)) await emit({ part, rows: page.map(map) });
  };

  await rows('briefings', db.briefings);
  await rows('sections', db.sections, stripSection);
  await rows('settings', db.settings);
  for await (const page of pagesOf(db.briefings)) {
    const documents: unknown[] = [];
    for (const b of page) documents.push(...(await briefingDocuments(b.id)));
    if (documents.length > 0) await emit({ part: 'documents', rows: documents });
  }
  await rows('papers', db.papers);
  await rows('versions', db.paperVersions);
  // Files before their texts and annotations: a restore checks each file against its version as it goes.
  for await (const page of pagesOf(db.paperBlobs, 1)) {
    for (const row of page) {
      const size = row.blob.size;
      let piece = 0;
      for (let at = 0; at < size || piece === 0; at += FILE_PIECE_BYTES, piece++) {
        const bytes = new Uint8Array(await row.blob.slice(at, at + FILE_PIECE_BYTES).arrayBuffer());
        await emit({ part: 'file', versionId: row.versionId, type: row.blob.type, piece, last: at + FILE_PIECE_BYTES >= size, data: updateToBase64(bytes) });
      }
    }
  }
  await rows('texts', db.paperTexts);
  await rows('annotations', db.annotations);
  await emit({ part: 'end', counts: { ...counts } });
  const stamp = createdAt.slice(0, 19).replace(/[:T]/g, '-');
  return { fileName: `asean-delegate-backup-${stamp}.adbackup`, blob: out.blob(), counts, createdAt };
}
