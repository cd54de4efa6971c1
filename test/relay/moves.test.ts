import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Briefing, Section } from '../../shared/briefing/model';
import { briefingDocUpdate, readBriefingDoc } from '../../shared/collab/briefing-doc';
import { updateSection } from '../../shared/collab/briefing-doc-changes';
import { connectClient, member, registerBriefing, startTestRelay, synced, until, type TestClient, type TestRelay } from './relay-harness';

/*
 * Moving a talking point while a colleague types in it, through the real relay: the typed words
 * stay in the point and the point ends where the mover put it, on both machines and on the relay.
 */

let relay: TestRelay;
let clients: TestClient[] = [];
afterEach(async () => {
  for (const client of clients) client.destroy();
  clients = [];
  await relay.close();
});

const at = '2026-11-23T10:00:00.000Z';
const briefing: Briefing = {
  id: 'b1', meetingId: 'asoen-36', title: 'Brief', delegation: 'MY', author: 'Aminah', classification: 'OFFICIAL', status: 'draft', statusHistory: [],
  keyMessages: '', bilaterals: [], members: [], contacts: [], logistics: '', review: [], createdAt: at, updatedAt: at,
};
const section: Section = {
  id: 'b1:item-1', briefingId: 'b1', agendaItemId: 'item-1', order: 0, agendaTitle: 'Item 1', objectives: '', position: '', redLines: '', fallback: '',
  talkingPoints: Array.from({ length: 6 }, (_, i) => ({ id: `tp${i}`, text: `point${i}` })),
  background: '', targets: [], followUps: [], privateNotes: '', review: [], updatedAt: at,
};

const read = (doc: Y.Doc) => readBriefingDoc(doc).sections[0]!;
const ids = (doc: Y.Doc) => read(doc).talkingPoints.map((p) => p.id);
const textOf = (doc: Y.Doc, id: string) => read(doc).talkingPoints.find((p) => p.id === id)?.text;

/** What the editor's moveItem does (renderer/features/briefings/move-item.ts; this project has no renderer files). */
function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item!);
  return next;
}

function move(doc: Y.Doc, from: number, to: number): void {
  const s = read(doc);
  doc.transact(() => updateSection(doc, { ...s, talkingPoints: moveItem(s.talkingPoints, from, to) }));
}

function type(doc: Y.Doc, id: string, word: string): void {
  const s = read(doc);
  doc.transact(() => updateSection(doc, { ...s, talkingPoints: s.talkingPoints.map((p) => (p.id === id ? { ...p, text: `${p.text} ${word}` } : p)) }));
}

describe('moving a talking point through the relay', () => {
  it("keeps the words a colleague types into it meanwhile, in the mover's order", async () => {
    relay = await startTestRelay();
    const lead = member('Lead', 'lead');
    const drafter = member('Drafter', 'drafter');
    const id = await registerBriefing(relay, [lead, drafter]);
    const seeded = new Y.Doc();
    Y.applyUpdate(seeded, briefingDocUpdate(briefing, [section]));
    const mover = connectClient(relay, id, lead, 'content', { doc: seeded });
    clients.push(mover);
    await until(() => synced(mover), 'the lead uploads the briefing');
    const typist = connectClient(relay, id, drafter);
    clients.push(typist);
    await until(() => synced(typist) && ids(typist.doc).length === 6, 'the drafter has the briefing');

    // Both at once: neither has seen the other's change when making its own.
    typist.offline();
    await until(() => !typist.provider.isAuthenticated, 'the drafter is offline');
    for (let i = 0; i < 20; i++) type(typist.doc, 'tp2', `typed${i}`);
    move(mover.doc, 2, 5);
    move(mover.doc, 0, 3);
    // And live: keystrokes and moves crossing on the wire.
    typist.online();
    for (let i = 20; i < 40; i++) {
      type(typist.doc, 'tp2', `typed${i}`);
      if (i % 5 === 0) move(mover.doc, ids(mover.doc).indexOf('tp2'), (i / 5) % 6);
    }
    const order = () => ids(mover.doc);
    await until(() => synced(mover) && synced(typist) && JSON.stringify(ids(typist.doc)) === JSON.stringify(order()) && textOf(typist.doc, 'tp2') === textOf(mover.doc, 'tp2') && textOf(mover.doc, 'tp2')!.includes('typed39'), 'both converge');
    const expectedWords = ['point2', ...Array.from({ length: 40 }, (_, i) => `typed${i}`)];
    for (const doc of [mover.doc, typist.doc]) {
      expect(textOf(doc, 'tp2')!.split(' ')).toEqual(expectedWords);
      expect(new Set(ids(doc)).size).toBe(6);
    }
    // The last move put tp2 at index (35 / 5) % 6 = 1: the order is the mover's.
    expect(ids(mover.doc).indexOf('tp2')).toBe(1);
    const onRelay = [...relay.current.hocuspocus.documents.values()].find((d) => d.name.endsWith('/content'))!;
    expect(ids(onRelay)).toEqual(order());
    expect(textOf(onRelay, 'tp2')).toBe(textOf(mover.doc, 'tp2'));
  });
});
