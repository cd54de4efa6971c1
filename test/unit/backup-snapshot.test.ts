import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ensureBuiltinDataset } from '../../renderer/db/builtin';
import { db } from '../../renderer/db/db';
import { BackupRefused } from '../../renderer/features/backup/backup';
import { createBriefingForMeeting } from '../../renderer/features/briefings/repo';
import { makeStreamedBackup } from '../../renderer/features/backup/stream/backup-writer';
import { ChunkChecker } from '../../renderer/features/backup/stream/chunk-check';
import { runRestore } from '../../renderer/features/backup/stream/restore-client';
import { FILE_PIECE_BYTES, MAX_LINE_CHARS, MAX_STREAMED_BACKUP_BYTES } from '../../renderer/features/backup/stream/stream-format';
import { sha256Hex } from '../../renderer/papers/pdf/inspect-bytes';
import type { Paper, PaperVersion } from '../../shared/papers/model';
import { useEmptiedAppDatabase } from './database-fixtures';

/*
 * A backup is one consistent snapshot of the delegate's work, refused plainly above its size
 * cap (written or restored), and never holds a paper's file whole while checking one.
 */
const NOW = '2026-11-30T10:00:00.000Z';

useEmptiedAppDatabase();

async function briefing(): Promise<string> {
  await ensureBuiltinDataset(db);
  return createBriefingForMeeting({ meetingId: 'asoen-36', title: 'Before the edit', delegation: 'MY', author: 'Aminah', classification: 'OFFICIAL' });
}

const chunks = async (blob: Blob) =>
  (await blob.text())
    .split('\n')
    .filter((l) => l !== '')
    .slice(1)
    .map((l) => JSON.parse(l) as { part: string; rows?: Record<string, unknown>[] });

describe('a backup is one snapshot', () => {
  it('an edit saved while the backup runs is wholly after it: the briefing and its sections of one moment', async () => {
    const id = await briefing();
    const [first] = await db.sections.where('briefingId').equals(id).sortBy('order');
    let edit: Promise<unknown> | undefined;
    const made = await makeStreamedBackup((progress) => {
      // Once the briefings are in the file, the delegate renames the briefing and edits a
      // section in one save (outside the backup's own transaction, as another tab would).
      if (progress.part !== 'briefings' || edit) return;
      edit = new Promise((resolve, reject) =>
        setTimeout(() => {
          db.transaction('rw', db.briefings, db.sections, async () => {
            await db.briefings.update(id, { title: 'After the edit' });
            await db.sections.update(first!.id, { objectives: 'Written during the backup' });
          }).then(resolve, reject);
        }, 0),
      );
    });
    expect(edit).toBeDefined();
    await edit;
    const parts = await chunks(made.blob);
    const briefings = parts.filter((c) => c.part === 'briefings').flatMap((c) => c.rows!);
    const sections = parts.filter((c) => c.part === 'sections').flatMap((c) => c.rows!);
    expect(briefings.map((b) => b.title)).toEqual(['Before the edit']);
    expect(sections.find((s) => s.id === first!.id)?.objectives).toBe(first!.objectives);
    // The edit itself was kept: it waited for the backup, it was not lost.
    expect((await db.briefings.get(id))?.title).toBe('After the edit');
    expect((await db.sections.get(first!.id))?.objectives).toBe('Written during the backup');
  });
});

describe('documents', () => {
  it('many large briefing documents go in chunks of a few megabytes, each a line the restore reads', async () => {
    await ensureBuiltinDataset(db);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const id = await createBriefingForMeeting({ meetingId: 'asoen-36', title: `Brief ${i}`, delegation: 'MY', author: 'Aminah', classification: 'OFFICIAL' });
      // About 1 MB of the delegate's words in each briefing's document log.
      const doc = new Y.Doc();
      doc.getText('bulk').insert(0, `Paragraph of brief ${i}. `.repeat(45_000));
      await db.ydocUpdates.add({ docId: id, seq: 1000, kind: 'update', at: NOW, update: Y.encodeStateAsUpdate(doc) } as never);
      ids.push(id);
    }
    const made = await makeStreamedBackup();
    const lines = (await made.blob.text()).split('\n').filter((l) => l !== '');
    const documentLines = lines.filter((l) => l.startsWith('{"part":"documents"'));
    expect(documentLines.length).toBeGreaterThan(1);
    for (const line of documentLines) expect(line.length).toBeLessThan(MAX_LINE_CHARS);
    const outcome = await runRestore('check', { kind: 'streamed', file: made.blob, key: undefined });
    expect(outcome).toMatchObject({ kind: 'ok', summary: { counts: { briefings: 5 } } });
  }, 60_000);
});

describe('the size cap', () => {
  it('refuses to write a backup whose papers alone pass the cap, naming both sizes', async () => {
    await briefing();
    const huge: PaperVersion = { id: 'v1', paperId: 'p1', revision: 0, label: 'Original', name: 'huge.pdf', type: 'application/pdf', size: MAX_STREAMED_BACKUP_BYTES, sha256: '0'.repeat(64), isPdf: true, pageCount: 1, addedAt: NOW, addedBy: 'Aminah' };
    await db.paperVersions.add(huge);
    const refusal = await makeStreamedBackup().catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(BackupRefused);
    expect(refusal).toMatchObject({ key: 'backup.tooLarge', vars: { max: 2048 } });
    expect((refusal as BackupRefused).vars.size).toBeGreaterThan(2048);
  });

  it('refuses to check or restore a file above the cap before reading it, changing nothing', async () => {
    await briefing();
    const made = await makeStreamedBackup();
    const before = await db.sections.count();
    const big = made.blob.slice();
    Object.defineProperty(big, 'size', { value: MAX_STREAMED_BACKUP_BYTES + 1 });
    for (const kind of ['check', 'restore'] as const) {
      expect(await runRestore(kind, { kind: 'streamed', file: big, key: undefined })).toEqual({ kind: 'problem', key: 'backup.fileTooLarge', vars: { size: 2049, max: 2048 } });
    }
    expect(await db.sections.count()).toBe(before);
  });
});

describe('memory', () => {
  it('a check hashes a paper piece by piece and keeps none of it; a restore gets each piece to write as it comes', async () => {
    await briefing();
    const bytes = new Uint8Array(FILE_PIECE_BYTES * 2 + 99);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7) % 253;
    const paper: Paper = { id: 'p1', title: 'Draft', owner: { kind: 'meeting', id: 'asoen-36' }, ownerKey: 'meeting:asoen-36', meetingId: 'asoen-36', currentVersionId: 'v1', createdAt: NOW, createdBy: 'Aminah', updatedAt: NOW };
    const version: PaperVersion = { id: 'v1', paperId: 'p1', revision: 0, label: 'Original', name: 'draft.pdf', type: 'application/pdf', size: bytes.byteLength, sha256: await sha256Hex(bytes), isPdf: true, pageCount: 1, addedAt: NOW, addedBy: 'Aminah' };
    await db.papers.add(paper);
    await db.paperVersions.add(version);
    await db.paperBlobs.add({ versionId: 'v1', blob: new Blob([bytes], { type: 'application/pdf' }) });
    const parts = await chunks((await makeStreamedBackup()).blob);
    expect(parts.filter((c) => c.part === 'file')).toHaveLength(3);
    const run = (checker: ChunkChecker) => parts.map((c) => checker.check(c)).filter((c) => c?.part === 'file');
    expect(run(new ChunkChecker(false))).toEqual([0, 1, 2].map((piece) => ({ part: 'file', versionId: 'v1', piece, bytes: undefined })));
    const restored = run(new ChunkChecker(true)) as { piece: number; bytes: Uint8Array }[];
    expect(restored.map((p) => p.piece)).toEqual([0, 1, 2]);
    expect(await sha256Hex(new Uint8Array(await new Blob(restored.map((p) => p.bytes as Uint8Array<ArrayBuffer>)).arrayBuffer()))).toBe(version.sha256);
  });
});
