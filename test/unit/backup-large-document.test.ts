import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { docStateOf } from '../../renderer/collab/doc-log';
import { ensureBuiltinDataset } from '../../renderer/db/builtin';
import { db } from '../../renderer/db/db';
import { createBriefingForMeeting } from '../../renderer/features/briefings/repo';
import { makeStreamedBackup } from '../../renderer/features/backup/stream/backup-writer';
import { runRestore } from '../../renderer/features/backup/stream/restore-client';
import { MAX_LINE_CHARS } from '../../renderer/features/backup/stream/stream-format';
import { sha256Hex } from '../../renderer/papers/pdf/inspect-bytes';
import { useEmptiedAppDatabase } from './database-fixtures';

/*
 * Backup format 5: one briefing document larger than a line (base64 over MAX_LINE_CHARS) goes
 * in continuation records and restores byte for byte; files of format 4 still restore.
 */
const NOW = '2026-11-30T10:00:00.000Z';

useEmptiedAppDatabase();

async function briefingWithWords(chars: number): Promise<string> {
  await ensureBuiltinDataset(db);
  const id = await createBriefingForMeeting({ meetingId: 'asoen-36', title: 'A very long brief', delegation: 'MY', author: 'Aminah', classification: 'OFFICIAL' });
  if (chars > 0) {
    const doc = new Y.Doc();
    const words = 'Fisheries subsidies: our position holds. ';
    doc.getText('bulk').insert(0, words.repeat(Math.ceil(chars / words.length)));
    await db.ydocUpdates.add({ docId: id, seq: 1000, kind: 'update', at: NOW, update: Y.encodeStateAsUpdate(doc) } as never);
  }
  return id;
}

const linesOf = async (blob: Blob) => (await blob.text()).split('\n').filter((l) => l !== '');
const fileOf = (lines: string[]) => new File([lines.join('\n') + '\n'], 'backup.adbackup');
const stateHash = async (id: string) => sha256Hex((await docStateOf(id))!);

describe('a briefing document larger than a line', () => {
  it('is split across continuation records, every line under the limit, and restores byte for byte', async () => {
    // About 9 MB of words: 12 million characters of base64, past the 8 million a line may hold.
    const id = await briefingWithWords(9_000_000);
    const before = await stateHash(id);
    expect(((await docStateOf(id))!.byteLength * 4) / 3).toBeGreaterThan(MAX_LINE_CHARS);
    const made = await makeStreamedBackup();
    const lines = await linesOf(made.blob);
    expect(JSON.parse(lines[0]!)).toMatchObject({ formatVersion: 5 });
    expect(lines.filter((l) => l.startsWith('{"part":"documentPiece"')).length).toBeGreaterThan(3);
    for (const line of lines) expect(line.length).toBeLessThan(MAX_LINE_CHARS);

    await db.ydocUpdates.clear();
    await db.briefings.clear();
    const outcome = await runRestore('restore', { kind: 'streamed', file: made.blob, key: undefined });
    expect(outcome).toMatchObject({ kind: 'ok', summary: { counts: { briefings: 1 } } });
    expect(await stateHash(id)).toBe(before);
  }, 120_000);

  it('refuses a document with a continuation record missing, writing nothing', async () => {
    const id = await briefingWithWords(9_000_000);
    const lines = await linesOf((await makeStreamedBackup()).blob);
    const second = lines.findIndex((l) => l.startsWith('{"part":"documentPiece"') && l.includes('"piece":1,'));
    expect(second).toBeGreaterThan(0);
    const before = await db.ydocUpdates.count();
    const outcome = await runRestore('restore', { kind: 'streamed', file: fileOf(lines.filter((_, i) => i !== second)), key: undefined });
    expect(outcome).toMatchObject({ kind: 'problem', key: 'backup.problem.document', vars: { briefing: id } });
    expect(await db.ydocUpdates.count()).toBe(before);
  }, 120_000);

  it('still restores a backup of format 4 (no continuation records)', async () => {
    const id = await briefingWithWords(0);
    const before = await stateHash(id);
    const lines = await linesOf((await makeStreamedBackup()).blob);
    const header = JSON.parse(lines[0]!) as { formatVersion: number };
    header.formatVersion = 4;
    await db.ydocUpdates.clear();
    const outcome = await runRestore('restore', { kind: 'streamed', file: fileOf([JSON.stringify(header), ...lines.slice(1)]), key: undefined });
    expect(outcome).toMatchObject({ kind: 'ok' });
    expect(await stateHash(id)).toBe(before);
  });
});
