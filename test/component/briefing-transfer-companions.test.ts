import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addReply, addThread, readThreads } from '../../shared/collab/comments-doc';
import { putDelegationAnnotation, readDelegationAnnotations } from '../../shared/collab/delegation-annotations';
import { commentsDocId } from '../../renderer/collab/comments-workspace';
import { companionDocId } from '../../renderer/collab/companion-docs';
import { appendDocUpdate, docStateOf } from '../../renderer/collab/doc-log';
import { ensureBuiltinDataset } from '../../renderer/db/builtin';
import { db } from '../../renderer/db/db';
import { clearVersion } from '../../renderer/features/clearance/clear-version';
import { applyBriefingImport, checkBriefingImport, exportBriefing } from '../../renderer/features/briefings/briefing-export';
import { createBriefingForMeeting, deleteBriefing } from '../../renderer/features/briefings/repo';

/* A single exported briefing carries its comments and clearance; importing brings them back, never onto another briefing; older files still import. */

async function briefWithComments() {
  await ensureBuiltinDataset(db);
  const id = await createBriefingForMeeting({ meetingId: 'asoen-36', title: 'Brief', delegation: 'MY', author: 'Aminah', classification: 'OFFICIAL' });
  const section = (await db.sections.where('briefingId').equals(id).first())!;
  const doc = new Y.Doc();
  addThread(doc, { id: 't1', sectionId: section.id, author: { memberId: null, name: 'Aminah' }, at: '2026-12-01T10:00:00.000Z', text: 'Cite the 2025 plan.' });
  addReply(doc, 't1', { id: 'r1', author: { memberId: null, name: 'Aminah' }, at: '2026-12-01T10:01:00.000Z', text: 'Done.' });
  // An annotation shared with the delegation lives in the same document.
  putDelegationAnnotation(doc, {
    id: 'a1',
    author: { memberId: 'member-aminah-012345678', name: 'Aminah' },
    paper: { sha256: 'e'.repeat(64), name: 'statement.pdf', title: 'Draft joint statement' },
    quote: { exact: 'sustainable fisheries', prefix: '', suffix: '' },
    kind: 'note',
    color: 'blue',
    note: 'Support.',
    createdAt: '2026-12-01T10:02:00.000Z',
    updatedAt: '2026-12-01T10:02:00.000Z',
  });
  await appendDocUpdate(commentsDocId(id), Y.encodeStateAsUpdate(doc));
  await clearVersion(id, 'Aminah', new Date('2026-12-01T11:00:00.000Z'));
  return { id, sectionId: section.id };
}

const commentsOf = async (id: string) => {
  const doc = new Y.Doc();
  const state = await docStateOf(commentsDocId(id));
  if (state) Y.applyUpdate(doc, state);
  return doc;
};
const threadsOf = async (id: string) => readThreads(await commentsOf(id));

describe('a single briefing’s export with its comments and clearance', () => {
  it('round-trips: the comments and the current clearance come back with the briefing', { timeout: 60_000 }, async () => {
    const { id } = await briefWithComments();
    const clearedBefore = await db.clearances.where('briefingId').equals(id).toArray();
    expect(clearedBefore).toHaveLength(1);
    const { text } = await exportBriefing(id);
    const file = JSON.parse(text) as { formatVersion: number; companions?: Record<string, string> };
    expect(file.formatVersion).toBe(3);
    expect(Object.keys(file.companions ?? {}).sort()).toEqual(['comments', 'control']);

    await deleteBriefing(id);
    expect(await threadsOf(id)).toEqual([]);
    expect(readDelegationAnnotations(await commentsOf(id))).toEqual([]);
    expect(await db.clearances.where('briefingId').equals(id).count()).toBe(0);
    const check = await checkBriefingImport(text);
    expect(check.kind).toBe('new');
    if (check.kind === 'new') await applyBriefingImport(check.incoming, 'replace');

    expect(await threadsOf(id)).toMatchObject([{ id: 't1', text: 'Cite the 2025 plan.', replies: [{ text: 'Done.' }] }]);
    expect(readDelegationAnnotations(await commentsOf(id))).toMatchObject([{ id: 'a1', note: 'Support.' }]);
    expect(await db.clearances.where('briefingId').equals(id).toArray()).toEqual(clearedBefore);
  });

  it('merges into the comments already here (nothing overwritten), even when the content is the same', { timeout: 60_000 }, async () => {
    const { id, sectionId } = await briefWithComments();
    const { text } = await exportBriefing(id);
    // A comment made here after the export.
    const later = new Y.Doc();
    Y.applyUpdate(later, (await docStateOf(commentsDocId(id)))!);
    addThread(later, { id: 't2', sectionId, author: { memberId: null, name: 'Aminah' }, at: '2026-12-01T12:00:00.000Z', text: 'Later, here only.' });
    await appendDocUpdate(commentsDocId(id), Y.encodeStateAsUpdate(later));
    const check = await checkBriefingImport(text);
    expect(check.kind).toBe('same');
    if (check.kind === 'same' || check.kind === 'conflict') await applyBriefingImport(check.incoming, 'replace');
    expect((await threadsOf(id)).map((t) => t.id)).toEqual(['t1', 't2']);
  });

  it('a copy under a new id takes neither; a file whose clearance names another briefing’s records is refused', { timeout: 60_000 }, async () => {
    const { id } = await briefWithComments();
    const { text } = await exportBriefing(id);
    const check = await checkBriefingImport(text);
    if (check.kind === 'invalid') throw new Error(check.message);
    const copyId = await applyBriefingImport(check.incoming, 'copy', 'Copy');
    expect(await docStateOf(companionDocId('comments', copyId))).toBeUndefined();
    expect(await db.clearances.where('briefingId').equals(copyId).count()).toBe(0);

    // The same file under another briefing's id: its clearance record ids are the original's.
    const file = JSON.parse(text) as { briefing: { id: string }; sections: { id: string; briefingId: string; agendaItemId: string }[]; doc?: string };
    const { doc: _doc, ...rest } = file;
    const forged = { ...rest, briefing: { ...file.briefing, id: 'another-briefing' }, sections: file.sections.map((s) => ({ ...s, briefingId: 'another-briefing', id: `another-briefing:${s.agendaItemId}` })) };
    const refused = await checkBriefingImport(JSON.stringify(forged));
    expect(refused).toMatchObject({ kind: 'invalid', message: expect.stringContaining('another briefing') });
  });

  it('imports a format 2 file (no comments, no clearance) as before', { timeout: 60_000 }, async () => {
    const { id } = await briefWithComments();
    const { companions: _c, ...old } = JSON.parse((await exportBriefing(id)).text) as Record<string, unknown>;
    await deleteBriefing(id);
    const check = await checkBriefingImport(JSON.stringify({ ...old, formatVersion: 2 }));
    expect(check.kind).toBe('new');
    if (check.kind === 'new') await applyBriefingImport(check.incoming, 'replace');
    expect(await db.briefings.get(id)).toBeTruthy();
    expect(await threadsOf(id)).toEqual([]);
  });
});
