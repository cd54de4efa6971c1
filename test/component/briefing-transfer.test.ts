import { describe, expect, it } from 'vitest';
import { ensureBuiltinDataset } from '../../renderer/db/builtin';
import { db } from '../../renderer/db/db';
import { createBriefingForMeeting, loadBriefing } from '../../renderer/features/briefings/repo';
import { applyBriefingImport, checkBackup, checkBriefingImport, exportBriefing, makeBackup, restoreBackup } from '../../renderer/features/briefings/transfer';

async function briefWithWork() {
  await ensureBuiltinDataset(db);
  const id = await createBriefingForMeeting({ meetingId: 'asoen-36', title: 'Brief', delegation: 'MY', author: 'A', classification: 'OFFICIAL' });
  const first = (await db.sections.where('briefingId').equals(id).first())!;
  await db.sections.put({ ...first, objectives: 'Original objectives', talkingPoints: [{ id: 'tp1', text: 'Point' }] });
  return { id, sectionId: first.id };
}

const snapshot = async () => ({
  briefings: await db.briefings.orderBy('id').toArray(),
  sections: await db.sections.orderBy('id').toArray(),
  settings: await db.settings.orderBy('key').toArray(),
});

describe('backup', () => {
  it('round-trips all user data: restored data deep-equals the original', async () => {
    await briefWithWork();
    await db.settings.put({ key: 'language', value: 'ms' });
    const before = await snapshot();
    const { text } = await makeBackup();
    await db.briefings.clear();
    await db.sections.clear();
    await db.settings.put({ key: 'language', value: 'id' });
    const check = checkBackup(text);
    expect(check.kind).toBe('ok');
    if (check.kind === 'ok') await restoreBackup(check.file);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a backup from a newer version of the app with a clear message', async () => {
    await briefWithWork();
    const { file } = await makeBackup();
    const newer = JSON.stringify({ ...file, schemaVersion: db.verno + 1, appVersion: '9.0.0' });
    const check = checkBackup(newer);
    expect(check).toEqual({ kind: 'invalid', message: expect.stringContaining('newer version of the app (9.0.0)') });
  });

  it('refuses malformed and foreign files with one message each', () => {
    expect(checkBackup('{not json')).toEqual({ kind: 'invalid', message: expect.stringContaining('not valid JSON') });
    expect(checkBackup('{"hello":1}')).toEqual({ kind: 'invalid', message: expect.stringContaining('not a backup') });
    expect(checkBackup(JSON.stringify({ format: 'asean-delegate-briefing' }))).toEqual({ kind: 'invalid', message: expect.stringContaining('single exported briefing') });
  });
});

describe('exporting and importing one briefing', () => {
  it('imports a new briefing as it is', async () => {
    const { id } = await briefWithWork();
    const { text } = await exportBriefing(id);
    await db.sections.where('briefingId').equals(id).delete();
    await db.briefings.delete(id);
    const check = await checkBriefingImport(text);
    expect(check.kind).toBe('new');
    if (check.kind === 'new') await applyBriefingImport(check.file, 'replace');
    expect((await loadBriefing(id))?.sections.some((s) => s.objectives === 'Original objectives')).toBe(true);
  });

  it('never overwrites without asking, and says what differs', async () => {
    const { id, sectionId } = await briefWithWork();
    const { text } = await exportBriefing(id);
    const section = (await db.sections.get(sectionId))!;
    await db.sections.put({ ...section, objectives: 'Changed since the export' });
    const check = await checkBriefingImport(text);
    expect(check.kind).toBe('conflict');
    if (check.kind !== 'conflict') return;
    expect(check.differences.sectionsChanged).toEqual([{ title: section.agendaTitle, fields: ['objectives'] }]);
    expect((await db.sections.get(sectionId))?.objectives).toBe('Changed since the export');
    const copyId = await applyBriefingImport(check.file, 'copy', 'Copy');
    expect(copyId).not.toBe(id);
    expect((await db.sections.get(sectionId))?.objectives).toBe('Changed since the export');
    expect((await loadBriefing(copyId))?.sections.find((s) => s.agendaItemId === section.agendaItemId)?.objectives).toBe('Original objectives');
  });

  it('reports an identical file as nothing to import', async () => {
    const { id } = await briefWithWork();
    expect((await checkBriefingImport((await exportBriefing(id)).text)).kind).toBe('same');
  });

  it('refuses damaged and foreign files and changes nothing', async () => {
    const { id } = await briefWithWork();
    const before = await snapshot();
    const file = JSON.parse((await exportBriefing(id)).text);
    const cases = [
      '',
      'null',
      '[]',
      JSON.stringify({ ...file, format: 'something-else' }),
      JSON.stringify({ ...file, formatVersion: 2 }),
      JSON.stringify({ ...file, briefing: { ...file.briefing, status: 'approved' } }),
      JSON.stringify({ ...file, sections: [{ ...file.sections[0], briefingId: 'other' }] }),
      JSON.stringify({ ...file, briefing: { ...file.briefing, extra: '<script>' } }),
    ];
    for (const text of cases) {
      const check = await checkBriefingImport(text);
      expect(check.kind, text.slice(0, 60)).toBe('invalid');
    }
    expect(await snapshot()).toEqual(before);
  });
});
