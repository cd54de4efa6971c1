import 'fake-indexeddb/auto';
import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addThread, commentsRoots } from '../../shared/collab/comments-doc';
import { assignSection } from '../../shared/assignments/assignment';
import { setMigrating, setPlainMode, setUnlocked } from '../../renderer/crypto/key-state';
import { appendDocUpdate, docStateOf } from '../../renderer/collab/doc-log';
import { companionDocId } from '../../renderer/collab/companion-docs';
import { ensureBuiltinDataset } from '../../renderer/db/builtin';
import { db } from '../../renderer/db/db';
import { checkBackup, makeBackup, restoreBackup } from '../../renderer/features/backup/backup';
import { createBriefingForMeeting, deleteBriefing } from '../../renderer/features/briefings/repo';
import { projectControlRows } from '../../renderer/features/clearance/control-session';

/*
 * A briefing's comments and its control document (assignments, clearances) live beside its
 * content in ydocUpdates: a backup carries them, a restore brings them back (with the
 * assignments rows projected again), and deleting the briefing deletes them.
 */

const AT = '2026-11-30T10:00:00.000Z';

async function briefingWithCompanions(): Promise<{ id: string; sectionId: string }> {
  const id = await createBriefingForMeeting({ meetingId: 'asoen-36', title: 'Brief', delegation: 'MY', author: 'Aminah', classification: 'OFFICIAL' });
  const sectionId = (await db.sections.where('briefingId').equals(id).first())!.id;
  const comments = new Y.Doc();
  addThread(comments, { id: 't1', sectionId, author: { memberId: 'm1', name: 'Aminah' }, at: AT, text: 'Check the 2030 figure with the ministry' });
  await appendDocUpdate(companionDocId('comments', id), Y.encodeStateAsUpdate(comments));
  const control = new Y.Doc();
  assignSection(control, sectionId, { memberId: 'm2', name: 'Budi', by: 'Aminah', at: AT });
  await appendDocUpdate(companionDocId('control', id), Y.encodeStateAsUpdate(control));
  await projectControlRows(id, control);
  return { id, sectionId };
}

function threadTexts(state: Uint8Array | undefined): string[] {
  const doc = new Y.Doc();
  if (state) Y.applyUpdate(doc, state);
  return [...commentsRoots(doc).threads.values()].map((t) => t.get('text') as string);
}

beforeEach(async () => {
  setMigrating([]);
  setUnlocked(await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']));
  await Promise.all(db.tables.map((t) => t.clear()));
  await ensureBuiltinDataset(db);
});
afterEach(() => setPlainMode());

describe("a briefing's comments and control document", () => {
  it('are in the backup and come back on restore, with the assignment rows', async () => {
    const { id, sectionId } = await briefingWithCompanions();
    const { text, file } = await makeBackup();
    expect(file.tables.documents?.map((d) => d.part ?? 'content').sort()).toEqual(['comments', 'content', 'control']);

    await db.ydocUpdates.clear();
    await db.assignments.clear();
    const check = checkBackup(text);
    if (check.kind !== 'ok') throw new Error(check.message);
    await restoreBackup(check.file);

    expect(threadTexts(await docStateOf(companionDocId('comments', id)))).toEqual(['Check the 2030 figure with the ministry']);
    expect(await docStateOf(id)).toBeDefined();
    const assignments = await db.assignments.where('briefingId').equals(id).toArray();
    expect(assignments.map((a) => [a.sectionId, a.name])).toEqual([[sectionId, 'Budi']]);
  });

  it('are deleted with the briefing, rows and all', async () => {
    const { id } = await briefingWithCompanions();
    await deleteBriefing(id);
    expect(await docStateOf(companionDocId('comments', id))).toBeUndefined();
    expect(await docStateOf(companionDocId('control', id))).toBeUndefined();
    expect(await db.assignments.where('briefingId').equals(id).count()).toBe(0);
  });

  it('refuses a backup whose companion document is damaged, changing nothing', async () => {
    const { id } = await briefingWithCompanions();
    const { file } = await makeBackup();
    const damaged = { ...file, tables: { ...file.tables, documents: file.tables.documents!.map((d) => (d.part === 'comments' ? { ...d, state: 'AQID' } : d)) } };
    const check = checkBackup(JSON.stringify(damaged));
    expect(check.kind).toBe('invalid');
    expect(threadTexts(await docStateOf(companionDocId('comments', id)))).toHaveLength(1);
  });
});
