import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BRIEFING_FILE_FORMAT } from '../../shared/briefing/file-format';
import type { Section } from '../../shared/briefing/model';
import { base64ToUpdate, readBriefingDoc } from '../../shared/collab/briefing-doc';
import { updateSection } from '../../shared/collab/briefing-doc-changes';
import { changeBriefingDoc, loadBriefingDoc } from '../../renderer/collab/briefing-docs';
import { ensureBuiltinDataset } from '../../renderer/db/builtin';
import { db } from '../../renderer/db/db';
import { checkBackup, makeBackup, restoreBackup } from '../../renderer/features/backup/backup';
import { applyBriefingImport, checkBriefingImport, exportBriefing } from '../../renderer/features/briefings/briefing-export';
import { createBriefingForMeeting, deleteBriefing, loadBriefing } from '../../renderer/features/briefings/repo';

/** Edits a section the way the editor does: in the briefing's document, which projects the row. */
async function editSection(sectionId: string, change: (s: Section) => Section) {
  const briefingId = sectionId.slice(0, sectionId.indexOf(':'));
  await changeBriefingDoc(briefingId, (doc) => updateSection(doc, change(readBriefingDoc(doc).sections.find((s) => s.id === sectionId)!)));
}

async function briefWithWork(title = 'Brief') {
  await ensureBuiltinDataset(db);
  const id = await createBriefingForMeeting({ meetingId: 'asoen-36', title, delegation: 'MY', author: 'A', classification: 'OFFICIAL' });
  const first = (await db.sections.where('briefingId').equals(id).first())!;
  await editSection(first.id, (s) => ({ ...s, objectives: 'Original objectives', talkingPoints: [{ id: 'tp1', text: 'Point' }] }));
  return { id, sectionId: first.id };
}

const snapshot = async () => ({
  briefings: await db.briefings.orderBy('id').toArray(),
  sections: await db.sections.orderBy('id').toArray(),
  settings: await db.settings.orderBy('key').toArray(),
});

const docContent = async (id: string) => readBriefingDoc((await loadBriefingDoc(id))!);

describe('backup', () => {
  it('round-trips all user data: restored rows and documents deep-equal the original', async () => {
    const { id } = await briefWithWork();
    await db.settings.put({ key: 'language', value: 'ms' });
    const before = await snapshot();
    const docBefore = await docContent(id);
    const { text } = await makeBackup();
    await deleteBriefing(id);
    await db.settings.put({ key: 'language', value: 'id' });
    const check = checkBackup(text);
    expect(check.kind).toBe('ok');
    if (check.kind === 'ok') await restoreBackup(check.file);
    expect(await snapshot()).toEqual(before);
    expect(await docContent(id)).toEqual(docBefore);
    expect(docBefore.sections.some((s) => s.objectives === 'Original objectives')).toBe(true);
  });

  it('restores a backup from before documents, building each briefing’s document from its rows', async () => {
    const { id } = await briefWithWork();
    const { file } = await makeBackup();
    const old = { ...file, formatVersion: 1, schemaVersion: 3, tables: { briefings: file.tables.briefings, sections: file.tables.sections, settings: file.tables.settings } };
    const check = checkBackup(JSON.stringify(old));
    expect(check.kind).toBe('ok');
    await db.ydocUpdates.clear();
    if (check.kind === 'ok') await restoreBackup(check.file);
    expect((await docContent(id)).sections.find((s) => s.objectives === 'Original objectives')).toBeTruthy();
  });

  it('refuses a backup from a newer version of the app with a clear message', async () => {
    await briefWithWork();
    const { file } = await makeBackup();
    const newer = JSON.stringify({ ...file, schemaVersion: db.verno + 1, appVersion: '9.0.0' });
    const check = checkBackup(newer);
    expect(check).toMatchObject({ kind: 'invalid', key: 'backup.problem.newer', vars: { version: '9.0.0' } });
  });

  it('refuses malformed and foreign files with one message each', () => {
    expect(checkBackup('{not json')).toMatchObject({ kind: 'invalid', key: 'backup.problem.notJson' });
    expect(checkBackup('{"hello":1}')).toMatchObject({ kind: 'invalid', key: 'backup.problem.notBackup' });
    expect(checkBackup(JSON.stringify({ format: 'asean-delegate-briefing' }))).toMatchObject({ kind: 'invalid', key: 'backup.problem.isBriefing' });
  });
});

describe('exporting and importing one briefing', () => {
  it('carries the document state, and imports a new briefing as it is with that state', async () => {
    const { id } = await briefWithWork();
    const { text } = await exportBriefing(id);
    const file = JSON.parse(text);
    expect(file.formatVersion).toBe(3);
    const exported = new Y.Doc();
    Y.applyUpdate(exported, base64ToUpdate(file.doc));
    expect(readBriefingDoc(exported).sections.some((s) => s.objectives === 'Original objectives')).toBe(true);
    await deleteBriefing(id);
    const check = await checkBriefingImport(text);
    expect(check.kind).toBe('new');
    if (check.kind === 'new') await applyBriefingImport(check.incoming, 'replace');
    expect((await loadBriefing(id))?.sections.some((s) => s.objectives === 'Original objectives')).toBe(true);
    // The imported document is the exported one (same history), not a rebuild.
    expect(Y.encodeStateVector((await loadBriefingDoc(id))!)).toEqual(Y.encodeStateVector(exported));
  });

  it('imports an old file without a document state, building the document from its rows', async () => {
    const { id } = await briefWithWork();
    const { doc: _doc, ...old } = JSON.parse((await exportBriefing(id)).text);
    await deleteBriefing(id);
    const check = await checkBriefingImport(JSON.stringify({ ...old, formatVersion: 1 }));
    expect(check.kind).toBe('new');
    if (check.kind === 'new') await applyBriefingImport(check.incoming, 'replace');
    expect((await docContent(id)).sections.some((s) => s.objectives === 'Original objectives')).toBe(true);
  });

  it('never overwrites without asking, and says what differs', async () => {
    const { id, sectionId } = await briefWithWork();
    const { text } = await exportBriefing(id);
    const section = (await db.sections.get(sectionId))!;
    await editSection(sectionId, (s) => ({ ...s, objectives: 'Changed since the export' }));
    const check = await checkBriefingImport(text);
    expect(check.kind).toBe('conflict');
    if (check.kind !== 'conflict') return;
    expect(check.differences.sectionsChanged).toEqual([{ title: section.agendaTitle, fields: ['objectives'] }]);
    expect((await db.sections.get(sectionId))?.objectives).toBe('Changed since the export');
    const copyId = await applyBriefingImport(check.incoming, 'copy', 'Copy');
    expect(copyId).not.toBe(id);
    expect((await db.sections.get(sectionId))?.objectives).toBe('Changed since the export');
    expect((await loadBriefing(copyId))?.sections.find((s) => s.agendaItemId === section.agendaItemId)?.objectives).toBe('Original objectives');
    expect((await docContent(copyId)).briefing.title).toBe('Copy');
  });

  it('replacing changes the briefing’s document, and its rows follow', async () => {
    const { id, sectionId } = await briefWithWork();
    const { text } = await exportBriefing(id);
    await editSection(sectionId, (s) => ({ ...s, objectives: 'Changed since the export' }));
    const check = await checkBriefingImport(text);
    if (check.kind !== 'conflict') throw new Error(check.kind);
    await applyBriefingImport(check.incoming, 'replace');
    expect((await db.sections.get(sectionId))?.objectives).toBe('Original objectives');
    expect((await docContent(id)).sections.find((s) => s.id === sectionId)?.objectives).toBe('Original objectives');
  });

  it('reports an identical file as nothing to import', async () => {
    const { id } = await briefWithWork();
    expect((await checkBriefingImport((await exportBriefing(id)).text)).kind).toBe('same');
  });

  it('gives imported sections ids of their own: a file naming another briefing’s sections changes nothing outside the imported briefing', async () => {
    const victim = await briefWithWork('Victim');
    const other = await briefWithWork('Other');
    const before = { victim: await docContent(victim.id), rows: await db.sections.where('briefingId').equals(victim.id).sortBy('id'), briefing: await db.briefings.get(victim.id) };
    const file = JSON.parse((await exportBriefing(other.id)).text);
    const victimSections = await db.sections.where('briefingId').equals(victim.id).toArray();
    // An old-format file (no document) whose sections carry the victim's section ids, as a new briefing and as a replacement of "Other".
    const hostile = (briefingId: string) => ({
      ...file,
      formatVersion: 1,
      doc: undefined,
      briefing: { ...file.briefing, id: briefingId },
      sections: file.sections.map((s: Section, i: number) => ({ ...s, id: victimSections[i % victimSections.length]!.id, briefingId, objectives: 'Overwritten!' })),
    });
    for (const [briefingId, expected] of [['brand-new', 'new'], [other.id, 'conflict']] as const) {
      const check = await checkBriefingImport(JSON.stringify(hostile(briefingId)));
      expect(check.kind).toBe(expected);
      if (check.kind !== 'new' && check.kind !== 'conflict') continue;
      expect(check.incoming.sections.every((s) => s.id.startsWith(`${briefingId}:`))).toBe(true);
      await applyBriefingImport(check.incoming, 'replace');
    }
    expect(await docContent(victim.id)).toEqual(before.victim);
    expect(await db.sections.where('briefingId').equals(victim.id).sortBy('id')).toEqual(before.rows);
    expect(await db.briefings.get(victim.id)).toEqual(before.briefing);
    expect((await loadBriefing('brand-new'))?.sections.every((s) => s.objectives === 'Overwritten!')).toBe(true);
    expect((await db.sections.toArray()).filter((s) => s.objectives === 'Overwritten!').every((s) => s.briefingId !== victim.id)).toBe(true);
  });

  it('refuses damaged and foreign files and changes nothing', async () => {
    const { id } = await briefWithWork();
    const before = await snapshot();
    const file = JSON.parse((await exportBriefing(id)).text);
    const otherDoc = JSON.parse((await exportBriefing((await briefWithWork('Other')).id)).text).doc;
    const afterOther = await snapshot();
    const cases = [
      '',
      'null',
      '[]',
      JSON.stringify({ ...file, format: 'something-else' }),
      JSON.stringify({ ...file, formatVersion: 4 }),
      JSON.stringify({ ...file, companions: { comments: 'not base64!' } }),
      JSON.stringify({ ...file, companions: { control: '/////w==' } }),
      JSON.stringify({ ...file, companions: { notes: file.doc } }),
      JSON.stringify({ ...file, briefing: { ...file.briefing, status: 'approved' } }),
      JSON.stringify({ ...file, sections: [{ ...file.sections[0], briefingId: 'other' }] }),
      JSON.stringify({ ...file, briefing: { ...file.briefing, extra: '<script>' } }),
      JSON.stringify({ ...file, doc: 'AAAA' }),
      JSON.stringify({ ...file, doc: 'not base64!' }),
      // A document of another briefing under this briefing's header.
      JSON.stringify({ ...file, doc: otherDoc }),
      JSON.stringify({ ...file, format: BRIEFING_FILE_FORMAT, sections: [file.sections[0], file.sections[0]], doc: undefined }),
    ];
    for (const text of cases) {
      const check = await checkBriefingImport(text);
      expect(check.kind, text.slice(0, 60)).toBe('invalid');
    }
    expect(await snapshot()).toEqual(afterOther);
    expect(before.briefings.length).toBe(1);
  });
});
