import { describe, expect, it } from 'vitest';
import { readBriefingDoc } from '../../shared/collab/briefing-doc';
import { updateSection } from '../../shared/collab/briefing-doc-changes';
import { loadBriefingDoc } from '../../renderer/collab/briefing-docs';
import { appendDocUpdate } from '../../renderer/collab/doc-log';
import { ensureBuiltinDataset } from '../../renderer/db/builtin';
import { db } from '../../renderer/db/db';
import { createBriefingForMeeting, loadBriefing } from '../../renderer/features/briefings/repo';
import type { BriefingDraft } from '../../renderer/store/briefing-editor-slice';
import { useAppStore } from '../../renderer/store/store';

/*
 * A briefing opens in two steps: the editor is drawn from the rows, the document loads after.
 * What the delegate types in between must end up in the document, saved, undoable, and only in
 * the fields typed in.
 */

async function newBrief() {
  await ensureBuiltinDataset(db);
  const id = await createBriefingForMeeting({ meetingId: 'asoen-36', title: 'Brief', delegation: 'MY', author: 'Aminah', classification: 'OFFICIAL' });
  const { sections } = (await loadBriefing(id))!;
  return { id, sections };
}

/** Opens the briefing and runs `typing` the moment the editor has its draft from the rows (before the document is in). */
async function openTypingEarly(id: string, typing: () => void): Promise<{ seen: BriefingDraft | undefined }> {
  let seen: BriefingDraft | undefined;
  const off = useAppStore.subscribe((state) => {
    if (state.draft?.briefing.id !== id) return;
    off();
    seen = state.draft;
    typing();
  });
  await useAppStore.getState().openBriefing(id);
  return { seen };
}

describe('opening a briefing from its rows first', () => {
  it('keeps what is typed before the document loads: in the document, in the rows, and undoable', async () => {
    const { id, sections } = await newBrief();
    const target = sections.at(-1)!;
    const { seen } = await openTypingEarly(id, () => {
      useAppStore.getState().editSection(target.id, 'objectives', (s) => ({ ...s, objectives: 'Typed while loading' }));
      useAppStore.getState().editBriefing('keyMessages', (b) => ({ ...b, keyMessages: 'Early key message' }));
    });
    expect(seen?.sections[target.id]?.objectives).toBe('');
    const state = useAppStore.getState();
    expect(state.draft!.sections[target.id]!.objectives).toBe('Typed while loading');
    expect(state.draft!.briefing.keyMessages).toBe('Early key message');
    expect(state.canUndo).toBe(true);
    await state.flush();
    expect((await db.sections.get(target.id))?.objectives).toBe('Typed while loading');
    const doc = (await loadBriefingDoc(id))!;
    const stored = readBriefingDoc(doc);
    expect(stored.sections.find((s) => s.id === target.id)?.objectives).toBe('Typed while loading');
    expect(stored.briefing.keyMessages).toBe('Early key message');
    doc.destroy();
    useAppStore.getState().undo();
    useAppStore.getState().undo();
    expect(useAppStore.getState().draft!.sections[target.id]!.objectives).toBe('');
    await useAppStore.getState().closeDraft();
  });

  it('saves what was typed even when the editor is left before the document loaded', async () => {
    const { id, sections } = await newBrief();
    const target = sections[1]!;
    await openTypingEarly(id, () => {
      useAppStore.getState().editSection(target.id, 'position', (s) => ({ ...s, position: 'Left at once' }));
      void useAppStore.getState().closeDraft();
    });
    await useAppStore.getState().closeDraft();
    expect((await db.sections.get(target.id))?.position).toBe('Left at once');
  });

  it('writes only the fields typed in: what the document holds beyond the rows is kept', async () => {
    const { id, sections } = await newBrief();
    const target = sections[0]!;
    // The document moves on without the rows (as if the projection were behind).
    const doc = (await loadBriefingDoc(id))!;
    let update: Uint8Array | undefined;
    doc.on('update', (u: Uint8Array) => (update = u));
    doc.transact(() => updateSection(doc, { ...readBriefingDoc(doc).sections.find((s) => s.id === target.id)!, position: 'Only in the document' }));
    await appendDocUpdate(id, update!);
    doc.destroy();
    expect((await db.sections.get(target.id))?.position).toBe('');
    const { seen } = await openTypingEarly(id, () => useAppStore.getState().editSection(target.id, 'objectives', (s) => ({ ...s, objectives: 'Mine' })));
    // Typed on the draft drawn from the rows, before the document was in.
    expect(seen?.sections[target.id]?.position).toBe('');
    const draft = useAppStore.getState().draft!.sections[target.id]!;
    expect([draft.objectives, draft.position]).toEqual(['Mine', 'Only in the document']);
    await useAppStore.getState().closeDraft();
    const saved = await db.sections.get(target.id);
    expect([saved?.objectives, saved?.position]).toEqual(['Mine', 'Only in the document']);
  });
});
