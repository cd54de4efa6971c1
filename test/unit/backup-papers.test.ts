import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setMigrating, setPlainMode, setUnlocked } from '../../renderer/crypto/key-state';
import type { Annotation, Paper, PaperVersion } from '../../shared/papers/model';
import { ensureBuiltinDataset } from '../../renderer/db/builtin';
import { db, PAPER_TABLES } from '../../renderer/db/db';
import { BackupRefused, checkBackup, makeBackup, restoreBackup, verifyBackup } from '../../renderer/features/backup/backup';
import { sha256Hex } from '../../renderer/papers/pdf/inspect-bytes';
import { createBriefingForMeeting } from '../../renderer/features/briefings/repo';
import { versionBlob } from '../../renderer/papers/storage/paper-chunks';

const BYTES = new TextEncoder().encode('%PDF-1.7 draft joint statement on climate change, Rev.1');

async function attachPaper(): Promise<void> {
  const now = '2026-11-30T10:00:00.000Z';
  const paper: Paper = { id: 'p1', title: 'Draft joint statement', owner: { kind: 'meeting', id: 'asoen-36' }, ownerKey: 'meeting:asoen-36', meetingId: 'asoen-36', currentVersionId: 'v1', createdAt: now, createdBy: 'Aminah', updatedAt: now };
  const version: PaperVersion = { id: 'v1', paperId: 'p1', revision: 0, label: 'Original', name: 'draft.pdf', type: 'application/pdf', size: BYTES.byteLength, sha256: await sha256Hex(BYTES), isPdf: true, pageCount: 1, addedAt: now, addedBy: 'Aminah' };
  const annotation: Annotation = {
    id: 'a1',
    paperId: 'p1',
    kind: 'note',
    note: 'Our red line is here',
    color: 'pink',
    target: { versionId: 'v1', quote: { type: 'TextQuoteSelector', exact: 'climate change', prefix: 'statement on ', suffix: ', Rev' }, page: 1, status: 'anchored' },
    previousTargets: [],
    link: { briefingId: 'b1', sectionId: 's1' },
    scope: 'private',
    createdAt: now,
    createdBy: 'Aminah',
    updatedAt: now,
  };
  await db.papers.add(paper);
  await db.paperVersions.add(version);
  await db.paperBlobs.add({ versionId: 'v1', blob: new Blob([BYTES], { type: 'application/pdf' }) });
  await db.paperTexts.add({ versionId: 'v1', paperId: 'p1', pages: ['draft joint statement on climate change, Rev.1'], extractedAt: now });
  await db.annotations.add(annotation);
}

// As the delegate's app runs with a passphrase set: every row through the encryption.
beforeEach(async () => {
  setMigrating([]);
  setUnlocked(await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']));
  await Promise.all(db.tables.map((t) => t.clear()));
});
afterEach(() => setPlainMode());

const counts = async () => Object.fromEntries(await Promise.all(PAPER_TABLES.map(async (t) => [t, await db.table(t).count()] as const)));

describe('backups hold the meeting papers', () => {
  it('backs up papers, their files, text and annotations, and restores them byte for byte', async () => {
    await ensureBuiltinDataset(db);
    await createBriefingForMeeting({ meetingId: 'asoen-36', title: 'Brief', delegation: 'MY', author: 'A', classification: 'OFFICIAL' });
    await attachPaper();
    const { text, file } = await makeBackup();
    expect(file.tables.papers?.blobs).toHaveLength(1);
    await Promise.all(PAPER_TABLES.map((t) => db.table(t).clear()));

    const check = checkBackup(text);
    expect(check.kind).toBe('ok');
    if (check.kind !== 'ok') return;
    await restoreBackup(check.file);
    // The paper stored whole (before schema 12) comes back in pieces.
    expect(await counts()).toEqual({ papers: 1, paperVersions: 1, paperBlobs: 0, paperChunks: 1, paperTexts: 1, annotations: 1 });
    const blob = (await versionBlob('v1'))!;
    expect(blob.type).toBe('application/pdf');
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(BYTES);
    expect((await db.annotations.where('link.sectionId').equals('s1').first())?.note).toBe('Our red line is here');
  });

  it('refuses a backup whose paper file was altered, before writing anything', async () => {
    await attachPaper();
    const { file } = await makeBackup();
    const altered = structuredClone(file);
    const blob = altered.tables.papers!.blobs[0]!;
    blob.data = btoa('%PDF-1.7 draft joint statement on climate change, Rev.2');
    await db.annotations.update('a1', { note: 'changed after the backup' });
    const check = checkBackup(JSON.stringify(altered));
    expect(check.kind).toBe('ok');
    if (check.kind !== 'ok') return;
    expect(await verifyBackup(check.file)).toMatchObject({ key: 'backup.problem.fileAltered', vars: { name: 'draft.pdf' } });
    await expect(restoreBackup(check.file)).rejects.toBeInstanceOf(BackupRefused);
    expect((await db.annotations.get('a1'))?.note).toBe('changed after the backup');
  });

  it('refuses a backup with a setting of the wrong type, naming it', async () => {
    const { file } = await makeBackup();
    const broken = { ...file, tables: { ...file.tables, settings: [...file.tables.settings, { key: 'classifications', value: 42 }] } };
    expect(checkBackup(JSON.stringify(broken))).toMatchObject({ kind: 'invalid', key: 'backup.problem.setting', vars: { key: 'classifications' } });
    const unknown = { ...file, tables: { ...file.tables, settings: [...file.tables.settings, { key: 'later.feature', value: { any: 'shape' } }] } };
    expect(checkBackup(JSON.stringify(unknown)).kind).toBe('ok');
  });

  it('refuses a backup file over the size limit before reading it', () => {
    const check = checkBackup(' '.repeat(300 * 1024 * 1024 + 1));
    expect(check).toMatchObject({ kind: 'invalid', key: 'backup.fileTooLarge', vars: { max: 300 } });
  });
});
