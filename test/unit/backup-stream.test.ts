import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { setMigrating } from '../../renderer/crypto/key-state';
import { keyForLock } from '../../renderer/crypto/file-envelope';
import { setUpPassphrase } from '../../renderer/crypto/keyring';
import { ensureBuiltinDataset } from '../../renderer/db/builtin';
import { db, PAPER_TABLES } from '../../renderer/db/db';
import { makeBackup } from '../../renderer/features/backup/backup';
import { createBriefingForMeeting } from '../../renderer/features/briefings/repo';
import { makeStreamedBackup } from '../../renderer/features/backup/stream/backup-writer';
import { runRestore } from '../../renderer/features/backup/stream/restore-client';
import { FILE_PIECE_BYTES, sniffHeader } from '../../renderer/features/backup/stream/stream-format';
import { sha256Hex } from '../../renderer/papers/pdf/inspect-bytes';
import { versionBlob, writeChunks } from '../../renderer/papers/storage/paper-chunks';
import { PAPER_CHUNK_BYTES, type Paper, type PaperVersion } from '../../shared/papers/model';
import { useEmptiedAppDatabase } from './database-fixtures';

/*
 * Backups of format 4: a stream of chunks, encrypted under the data key when a passphrase is
 * set; restore reads it as a stream, checks all of it, then replaces the work in one
 * transaction. Older backups (formats 1 to 3, one JSON text) still restore.
 */
const PASS = 'kopi susu tarik pagi';
const NOW = '2026-11-30T10:00:00.000Z';

async function attachPaper(bytes: Uint8Array): Promise<void> {
  const paper: Paper = { id: 'p1', title: 'Draft joint statement', owner: { kind: 'meeting', id: 'asoen-36' }, ownerKey: 'meeting:asoen-36', meetingId: 'asoen-36', currentVersionId: 'v1', createdAt: NOW, createdBy: 'Aminah', updatedAt: NOW };
  const version: PaperVersion = { id: 'v1', paperId: 'p1', revision: 0, label: 'Original', name: 'draft.pdf', type: 'application/pdf', size: bytes.byteLength, sha256: await sha256Hex(bytes), isPdf: true, pageCount: 1, addedAt: NOW, addedBy: 'Aminah' };
  await db.papers.add(paper);
  await db.paperVersions.add(version);
  await writeChunks('v1', bytes);
}

/** A paper larger than one chunk's piece, so its file crosses several chunks. */
const bigFile = () => {
  const bytes = new Uint8Array(FILE_PIECE_BYTES * 2 + 12345);
  for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 31) % 251;
  return bytes;
};

async function work(): Promise<string> {
  await ensureBuiltinDataset(db);
  const id = await createBriefingForMeeting({ meetingId: 'asoen-36', title: 'Our red line on fisheries', delegation: 'MY', author: 'Aminah', classification: 'OFFICIAL' });
  await db.settings.put({ key: 'recent', value: ['/meetings/asoen-36'] });
  return id;
}

const userCounts = async () => Object.fromEntries(await Promise.all(['briefings', 'sections', 'settings', 'ydocUpdates', ...PAPER_TABLES].map(async (t) => [t, await db.table(t).count()] as const)));
const linesOf = async (blob: Blob) => (await blob.text()).split('\n').filter((l) => l !== '');
const fileOf = (lines: string[]) => new File([lines.join('\n') + '\n'], 'backup.adbackup');

useEmptiedAppDatabase();

describe('streamed backups (format 4)', () => {
  it('writes an encrypted stream the restore reads back, the papers byte for byte', async () => {
    await setUpPassphrase(db, PASS);
    setMigrating([]);
    await work();
    const bytes = bigFile();
    await attachPaper(bytes);
    const before = await userCounts();
    const made = await makeStreamedBackup();
    const lines = await linesOf(made.blob);
    expect(JSON.parse(lines[0]!)).toMatchObject({ formatVersion: 5, protection: { kind: 'keyring' } });
    // Nothing of the delegate's words is readable in the file.
    expect(await made.blob.text()).not.toContain('fisheries');
    expect(lines.length).toBeGreaterThan(5);

    const sniffed = await sniffHeader(made.blob);
    // Opened as on another computer: the key from the passphrase and the header's wrapped copy.
    const key = await keyForLock(sniffed!.header.protection as Parameters<typeof keyForLock>[0], { passphrase: PASS });
    await db.papers.clear();
    await db.briefings.clear();
    const outcome = await runRestore('restore', { kind: 'streamed', file: made.blob, key });
    expect(outcome).toMatchObject({ kind: 'ok', summary: { counts: { briefings: 1, file: 1 } } });
    expect(await userCounts()).toEqual(before);
    // The paper of several pieces comes back as pieces (written one at a time), not one row.
    expect(await db.paperChunks.where('blobId').equals('v1').count()).toBe(Math.ceil(bytes.byteLength / PAPER_CHUNK_BYTES));
    expect(await db.paperBlobs.count()).toBe(0);
    const blob = (await versionBlob('v1'))!;
    // Compared by SHA-256: a deep equality of megabytes is slow in the test runner.
    expect(await sha256Hex(new Uint8Array(await blob.arrayBuffer()))).toBe(await sha256Hex(bytes));
    expect((await db.briefings.toArray())[0]?.title).toBe('Our red line on fisheries');
  }, 120_000); // Argon2id (64 MiB) twice on the test's own thread, on a shared machine

  it('refuses a wrong key, an altered, moved or missing chunk, and a file cut short, writing nothing', async () => {
    await setUpPassphrase(db, PASS);
    setMigrating([]);
    await work();
    await attachPaper(bigFile());
    const made = await makeStreamedBackup();
    const lines = await linesOf(made.blob);
    const key = (await import('../../renderer/crypto/key-state')).dataKey();
    const before = await userCounts();
    const other = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
    const tries = {
      wrongKey: fileOf(lines),
      altered: fileOf(lines.map((l, i) => (i === 2 ? l.slice(0, 20) + (l[20] === 'A' ? 'B' : 'A') + l.slice(21) : l))),
      swapped: fileOf([lines[0]!, lines[2]!, lines[1]!, ...lines.slice(3)]),
      dropped: fileOf(lines.filter((_, i) => i !== 3)),
      truncated: fileOf(lines.slice(0, -1)),
    };
    expect(await runRestore('restore', { kind: 'streamed', file: tries.wrongKey, key: other })).toMatchObject({ kind: 'problem', key: 'backup.problem.wrongKey' });
    expect(await runRestore('restore', { kind: 'streamed', file: tries.altered, key })).toMatchObject({ kind: 'problem', key: 'backup.problem.chunk', vars: { index: 1 } });
    expect(await runRestore('restore', { kind: 'streamed', file: tries.swapped, key })).toMatchObject({ kind: 'problem', key: 'backup.problem.chunk', vars: { index: 0 } });
    expect(await runRestore('restore', { kind: 'streamed', file: tries.dropped, key })).toMatchObject({ kind: 'problem', key: 'backup.problem.chunk' });
    expect(await runRestore('restore', { kind: 'streamed', file: tries.truncated, key })).toMatchObject({ kind: 'problem', key: 'backup.problem.truncated' });
    expect(await userCounts()).toEqual(before);
  }, 120_000);

  it('checks a plain stream row by row: a damaged section is named by its place and nothing is written', async () => {
    await work();
    const made = await makeStreamedBackup();
    const lines = await linesOf(made.blob);
    expect(JSON.parse(lines[0]!)).toMatchObject({ protection: { kind: 'plain' } });
    const at = lines.findIndex((l) => l.startsWith('{"part":"sections"'));
    const chunk = JSON.parse(lines[at]!) as { rows: Record<string, unknown>[] };
    chunk.rows[2]!.order = 'first';
    lines[at] = JSON.stringify(chunk);
    await db.briefings.clear();
    const outcome = await runRestore('restore', { kind: 'streamed', file: fileOf(lines), key: undefined });
    expect(outcome).toMatchObject({ kind: 'problem', key: 'backup.problem.damaged', vars: { where: 'sections.2.order' } });
    expect(await db.briefings.count()).toBe(0);
  });

  it('a cancelled restore changes nothing', async () => {
    await work();
    const made = await makeStreamedBackup();
    await db.settings.put({ key: 'recent', value: ['/bodies'] });
    const before = await userCounts();
    // Cancelled as soon as the restore reports its first progress (while it checks the file).
    const controller = new AbortController();
    const outcome = await runRestore('restore', { kind: 'streamed', file: made.blob, key: undefined }, { signal: controller.signal, onProgress: () => controller.abort() });
    expect(outcome).toEqual({ kind: 'cancelled' });
    expect(await userCounts()).toEqual(before);
    expect((await db.settings.get('recent'))?.value).toEqual(['/bodies']);
  });
});

describe('older backups (formats 1 to 3) still restore', () => {
  it.each([3, 2, 1])('format %i', async (version) => {
    const id = await work();
    const { file } = await makeBackup();
    const old = structuredClone(file) as Record<string, unknown> & { tables: Record<string, unknown> };
    old.formatVersion = version;
    if (version < 3) delete old.tables.papers;
    if (version < 2) delete old.tables.documents;
    await db.briefings.clear();
    await db.ydocUpdates.clear();
    const outcome = await runRestore('restore', { kind: 'text', text: JSON.stringify(old) });
    expect(outcome).toMatchObject({ kind: 'ok', summary: { counts: { briefings: 1 } }, replaced: [id] });
    expect((await db.briefings.get(id))?.title).toBe('Our red line on fisheries');
    // A format-1 backup has no documents: the briefing's is built from its rows.
    expect(await db.ydocUpdates.where('docId').equals(id).count()).toBeGreaterThan(0);
  });

  it('says why a file is refused in the delegate\'s language (message keys, no English inside)', async () => {
    expect(await runRestore('check', { kind: 'text', text: 'not json' })).toMatchObject({ kind: 'problem', key: 'backup.problem.notJson' });
    expect(await runRestore('check', { kind: 'text', text: JSON.stringify({ format: 'asean-delegate-briefing' }) })).toMatchObject({ kind: 'problem', key: 'backup.problem.isBriefing' });
    expect(await runRestore('check', { kind: 'text', text: JSON.stringify({ format: 'other' }) })).toMatchObject({ kind: 'problem', key: 'backup.problem.notBackup' });
    expect(await runRestore('check', { kind: 'text', text: JSON.stringify({ format: 'asean-delegate-backup', formatVersion: 99, appVersion: '9.0.0' }) })).toMatchObject({
      kind: 'problem',
      key: 'backup.problem.newer',
      vars: { version: '9.0.0' },
    });
    expect(await runRestore('check', { kind: 'text', text: JSON.stringify({ format: 'asean-delegate-backup', formatVersion: 3 }) })).toMatchObject({ kind: 'problem', key: 'backup.problem.damaged' });
  });
});
