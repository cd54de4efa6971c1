import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readBriefingDoc } from '../../shared/collab/briefing-doc';
import { updateSection } from '../../shared/collab/briefing-doc-changes';
import { loadBriefingDoc } from '../../renderer/collab/briefing-docs';
import { appendDocUpdate, compactDoc, docStateOf, replaceDocState } from '../../renderer/collab/doc-log';
import { TAB_CHANNEL_NAME, type TabMessage } from '../../renderer/collab/tab-channel';
import { ensureBuiltinDataset } from '../../renderer/db/builtin';
import { db } from '../../renderer/db/db';
import { createBriefingForMeeting } from '../../renderer/features/briefings/repo';
import { useAppStore } from '../../renderer/store/store';

async function openBrief() {
  await ensureBuiltinDataset(db);
  const id = await createBriefingForMeeting({ meetingId: 'asoen-36', title: 'Brief', delegation: 'MY', author: 'Aminah', classification: 'OFFICIAL' });
  expect(await useAppStore.getState().openBriefing(id)).toBe(true);
  return { id, sectionId: `${id}:asoen-36-ajdec-19` };
}

const section = (id: string) => useAppStore.getState().draft!.sections[id]!;

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
}

describe('an open briefing and another tab', () => {
  it('takes the other tab’s changes live, saves them, and undo takes back only this tab’s own typing', async () => {
    const { id, sectionId } = await openBrief();
    const store = useAppStore.getState();
    store.editSection(sectionId, 'objectives', (s) => ({ ...s, objectives: 'Mine' }));
    await store.flush();

    // Another tab: its own copy of the document, an edit, the update sent over the channel.
    const other = (await loadBriefingDoc(id))!;
    let update: Uint8Array | undefined;
    other.on('update', (u: Uint8Array) => (update = u));
    other.transact(() => {
      const s = readBriefingDoc(other).sections.find((x) => x.id === sectionId)!;
      updateSection(other, { ...s, objectives: `${s.objectives} and theirs`, position: 'Their position' });
    });
    const channel = new BroadcastChannel(TAB_CHANNEL_NAME);
    channel.postMessage({ kind: 'update', docId: id, update: update!, from: 'another-tab' } satisfies TabMessage);
    await until(() => section(sectionId).position === 'Their position');
    expect(section(sectionId).objectives).toBe('Mine and theirs');

    useAppStore.getState().undo();
    expect(section(sectionId).objectives).toBe(' and theirs');
    expect(section(sectionId).position).toBe('Their position');
    await useAppStore.getState().flush();
    expect((await db.sections.get(sectionId))).toMatchObject({ objectives: ' and theirs', position: 'Their position' });
    const stored = readBriefingDoc((await loadBriefingDoc(id))!).sections.find((x) => x.id === sectionId)!;
    expect([stored.objectives, stored.position]).toEqual([' and theirs', 'Their position']);
    channel.close();
  });

  it('answers a tab that opens later with what it lacks', async () => {
    const { id, sectionId } = await openBrief();
    useAppStore.getState().editSection(sectionId, 'redLines', (s) => ({ ...s, redLines: 'Not saved yet' }));
    // A tab that has only the stored state asks for the rest.
    const late = (await loadBriefingDoc(id))!;
    const channel = new BroadcastChannel(TAB_CHANNEL_NAME);
    channel.onmessage = (event: MessageEvent<TabMessage>) => {
      if (event.data.kind === 'update' && event.data.to === 'late-tab') Y.applyUpdate(late, event.data.update);
    };
    channel.postMessage({ kind: 'sync', docId: id, stateVector: Y.encodeStateVector(late), from: 'late-tab' } satisfies TabMessage);
    await until(() => readBriefingDoc(late).sections.find((x) => x.id === sectionId)?.redLines === 'Not saved yet');
    channel.close();
  });
});

describe('a briefing replaced as a whole in another tab (import, restore)', () => {
  it('is opened again from what is stored, and this tab’s unsaved copy is not written into it', async () => {
    const { id, sectionId } = await openBrief();
    // Another tab restores a backup: a different document for this briefing.
    const restored = (await loadBriefingDoc(id))!;
    const s = readBriefingDoc(restored).sections.find((x) => x.id === sectionId)!;
    const fresh = new Y.Doc();
    Y.applyUpdate(fresh, Y.encodeStateAsUpdate(restored));
    fresh.transact(() => updateSection(fresh, { ...s, objectives: 'From the backup' }));
    await replaceDocState(id, Y.encodeStateAsUpdate(fresh));
    // Meanwhile this tab typed, not yet saved.
    useAppStore.getState().editSection(sectionId, 'position', (x) => ({ ...x, position: 'Typed before the restore' }));
    const channel = new BroadcastChannel(TAB_CHANNEL_NAME);
    channel.postMessage({ kind: 'replaced', docId: id, from: 'another-tab' } satisfies TabMessage);
    await until(() => useAppStore.getState().draft?.sections[sectionId]?.objectives === 'From the backup');
    expect(section(sectionId).position).toBe('');
    await useAppStore.getState().flush();
    const stored = readBriefingDoc((await loadBriefingDoc(id))!).sections.find((x) => x.id === sectionId)!;
    expect([stored.objectives, stored.position]).toEqual(['From the backup', '']);
    channel.close();
  });
});

describe('the update log', () => {
  it('compacts a long log into one snapshot that holds the same document', async () => {
    const { id, sectionId } = await openBrief();
    await useAppStore.getState().closeDraft();
    const doc = (await loadBriefingDoc(id))!;
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    const threshold = 20;
    for (let i = 0; i < threshold + 5; i++) {
      doc.transact(() => updateSection(doc, { ...readBriefingDoc(doc).sections.find((x) => x.id === sectionId)!, objectives: `Draft ${i}` }));
    }
    for (const u of updates) await appendDocUpdate(id, u);
    // Read without loadBriefingDoc, which would compact this long log itself when idle.
    const logged = new Y.Doc();
    Y.applyUpdate(logged, (await docStateOf(id))!);
    const before = readBriefingDoc(logged);
    const rows = () => db.ydocUpdates.where('[docId+seq]').between([id, Dexie.minKey], [id, Dexie.maxKey]).toArray();
    const lastSeq = (await rows()).at(-1)!.seq;
    const logBytes = (await rows()).reduce((n, r) => n + r.update.length, 0);
    expect(await compactDoc(id, db, threshold)).toBe(true);
    expect((await rows()).map((r) => [r.seq, r.kind])).toEqual([[lastSeq, 'snapshot']]);
    expect(readBriefingDoc((await loadBriefingDoc(id))!)).toEqual(before);
    expect(before.sections.find((x) => x.id === sectionId)!.objectives).toBe(`Draft ${threshold + 4}`);
    // Deleted text is dropped: the snapshot is smaller than the log it replaced.
    expect((await docStateOf(id))!.length).toBeLessThan(logBytes);
    expect(await compactDoc(id, db, threshold)).toBe(false);
    await appendDocUpdate(id, Y.encodeStateAsUpdate(doc));
    expect((await rows()).at(-1)!.seq).toBe(lastSeq + 1);
  });
});
