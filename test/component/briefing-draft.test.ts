import { describe, expect, it, vi } from 'vitest';
import { db } from '../../renderer/db/db';
import { ensureBuiltinDataset } from '../../renderer/db/builtin';
import { createBriefingForMeeting, loadBriefing } from '../../renderer/features/briefings/repo';
import { useAppStore } from '../../renderer/store/store';

async function openNewBrief() {
  await ensureBuiltinDataset(db);
  const id = await createBriefingForMeeting({ meetingId: 'asoen-36', title: 'Brief', delegation: 'MY', author: 'Aminah', classification: 'OFFICIAL' });
  const loaded = (await loadBriefing(id))!;
  expect(await useAppStore.getState().openBriefing(id)).toBe(true);
  return { id, sections: loaded.sections };
}

describe('the briefing draft in flight', () => {
  it('creates one section per ASOEN-36 agenda item, each with background and targets', async () => {
    const { sections } = await openNewBrief();
    expect(sections).toHaveLength(await db.agendaItems.where('meetingId').equals('asoen-36').count());
    const ajdec = sections.find((s) => s.agendaItemId === 'asoen-36-ajdec-19')!;
    expect(ajdec.background).toContain('ASOEN');
    expect(ajdec.targetIds.length).toBeGreaterThan(0);
  });

  it('writes each change to IndexedDB shortly after it is made, and shows the save state', async () => {
    const { sections } = await openNewBrief();
    const section = sections[0]!;
    useAppStore.getState().editSection(section.id, 'objectives', (s) => ({ ...s, objectives: 'A unified voice' }));
    expect(useAppStore.getState().save.state).toBe('pending');
    expect((await db.sections.get(section.id))?.objectives).toBe('');
    // The autosave writes it by itself (nobody calls flush). Real timers: IndexedDB and the
    // encryption run on the event loop, and a transaction caught by fake timers never finished.
    await vi.waitFor(async () => expect((await db.sections.get(section.id))?.objectives).toBe('A unified voice'), { timeout: 10_000, interval: 50 });
    await vi.waitFor(() => expect(useAppStore.getState().save.state).toBe('saved'), { timeout: 10_000, interval: 50 });
  });

  it('undoes and redoes edits, and the undone state is what gets saved', async () => {
    const { sections } = await openNewBrief();
    const id = sections[0]!.id;
    const store = useAppStore.getState();
    store.editSection(id, 'objectives', (s) => ({ ...s, objectives: 'one' }));
    store.editSection(id, 'position', (s) => ({ ...s, position: 'two' }));
    useAppStore.getState().undo();
    expect(useAppStore.getState().draft!.sections[id]!.position).toBe('');
    expect(useAppStore.getState().draft!.sections[id]!.objectives).toBe('one');
    useAppStore.getState().redo();
    expect(useAppStore.getState().draft!.sections[id]!.position).toBe('two');
    useAppStore.getState().undo();
    await useAppStore.getState().flush();
    const saved = await db.sections.get(id);
    expect([saved?.objectives, saved?.position]).toEqual(['one', '']);
  });

  it('keeps changes and says so when a save fails, then saves them on the next try', async () => {
    const { sections } = await openNewBrief();
    const id = sections[0]!.id;
    const spy = vi.spyOn(db.sections, 'bulkPut').mockRejectedValueOnce(new Error('disk full'));
    useAppStore.getState().editSection(id, 'objectives', (s) => ({ ...s, objectives: 'kept' }));
    await useAppStore.getState().flush();
    expect(useAppStore.getState().save).toEqual({ state: 'error', message: 'disk full' });
    spy.mockRestore();
    await useAppStore.getState().flush();
    expect((await db.sections.get(id))?.objectives).toBe('kept');
  });

  it('indexes sections by the targets they assess, for the target page', async () => {
    const { sections } = await openNewBrief();
    const withTarget = sections.find((s) => s.targets.length > 0)!;
    const targetId = withTarget.targets[0]!.targetId;
    const found = await db.sections.where('targetIds').equals(targetId).primaryKeys();
    expect(found).toContain(withTarget.id);
  });
});
