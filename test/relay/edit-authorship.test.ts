import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Briefing, Section } from '../../shared/briefing/model';
import { authorOfClient, deletionsMap, deleterLookup, editAuthorsMap, recordRemoved } from '../../shared/collab/attribution';
import { briefingRoots, readSection, seedBriefingDoc } from '../../shared/collab/briefing-doc';
import { updateSection } from '../../shared/collab/briefing-doc-changes';
import { parseRelayNotice, relayDocumentName } from '../../shared/collab/relay-protocol';
import { api, connectClient, member, registerBriefing, registration, startTestRelay, synced, until, type TestClient, type TestMember, type TestRelay } from './relay-harness';

/*
 * The relay checks the content's record of who wrote and removed what (`authors`, `deletions`)
 * against the member the connection's token names: an entry or a removal record in another
 * member's name, content written as another member's session, and a rewritten or removed record
 * are refused before they are applied; the sender's content connection is closed with
 * `not-edit-author`, and everyone else's briefing carries on as if nothing was sent.
 */

let relay: TestRelay;
const clients: TestClient[] = [];
const lead = member('Aminah', 'lead');
const drafter = member('Budi', 'drafter');
const drafter2 = member('Chen', 'drafter');
let id: string;

const at = '2026-12-01T10:00:00.000Z';
const briefing: Briefing = { id: 'b1', meetingId: 'asoen-36', title: 'Brief', delegation: 'MY', author: 'Aminah', classification: 'OFFICIAL', status: 'draft', statusHistory: [], keyMessages: 'One voice', bilaterals: [], members: [], contacts: [], logistics: '', review: [], createdAt: at, updatedAt: at };
const section: Section = { id: 'b1:item-1', briefingId: 'b1', agendaItemId: 'item-1', order: 1, agendaTitle: 'Item 1', objectives: 'Objectives.', position: 'Support the draft.', redLines: '', fallback: '', talkingPoints: [{ id: 'tp1', text: 'First point' }], background: '', targets: [], followUps: [], privateNotes: '', review: [], updatedAt: at };

function open(who: TestMember, doc?: Y.Doc): TestClient {
  const client = connectClient(relay, id, who, 'content', doc ? { doc } : {});
  clients.push(client);
  return client;
}
const onRelay = () => relay.current.hocuspocus.documents.get(relayDocumentName(id, 'content')) as unknown as Y.Doc;
const onRelayMaybe = () => relay.current.hocuspocus.documents.get(relayDocumentName(id, 'content')) as unknown as Y.Doc | undefined;
const position = (doc: Y.Doc | undefined) => (doc ? briefingRoots(doc).sections.get(section.id)?.get('position')?.toString() : undefined);

/** An edit as the app makes it: the session's authors entry (its first edit) and the change, in one transaction. */
function edit(client: TestClient, who: TestMember, change: (s: Section) => Section) {
  const doc = client.doc;
  doc.transact(() => {
    if (!editAuthorsMap(doc).has(String(doc.clientID))) editAuthorsMap(doc).set(String(doc.clientID), { memberId: who.memberId, name: who.name, at });
    updateSection(doc, change(readSection(briefingRoots(doc).sections.get(section.id)!)));
  });
}

beforeEach(async () => {
  relay = await startTestRelay();
  id = await registerBriefing(relay, [lead, drafter, drafter2]);
});
afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await relay.close();
});

/** The lead uploads the briefing; the lead and a drafter each edit it in their own name. */
async function twoEditing() {
  const leadDoc = new Y.Doc();
  seedBriefingDoc(leadDoc, briefing, [section]);
  const leadClient = open(lead, leadDoc);
  await until(() => synced(leadClient), 'the lead uploads the briefing');
  const drafterClient = open(drafter);
  await until(() => synced(drafterClient) && briefingRoots(drafterClient.doc).sections.size === 1, 'the drafter has it');
  edit(leadClient, lead, (s) => ({ ...s, objectives: 'Objectives, revised.' }));
  // A cut: recorded as the drafter's removal in the same update.
  edit(drafterClient, drafter, (s) => ({ ...s, position: 'Support.' }));
  await until(() => position(leadClient.doc) === 'Support.' && synced(leadClient) && synced(drafterClient), 'both edits everywhere');
  return { leadClient, drafterClient };
}

/** Waits for the relay to refuse `client`, then checks the relay and `witness` are as they were and a later honest edit still gets through. */
async function expectRefused(client: TestClient, witness: TestClient) {
  const before = Y.encodeStateVector(onRelay());
  await until(() => client.closes.includes('not-edit-author'), 'the connection closed as not-edit-author');
  expect(client.notices.map((n) => parseRelayNotice(n)?.code)).toContain('not-edit-author');
  client.destroy();
  expect(Y.encodeStateVector(onRelay())).toEqual(before);
  const later = `Later ${Math.random()}`;
  edit(witness, lead, (s) => ({ ...s, background: later }));
  await until(() => synced(witness) && readSection(briefingRoots(onRelay()).sections.get(section.id)!).background === later, 'a later edit reaches the relay');
}

/** A copy of the briefing as `from` has it, with the given Yjs client id (a forger's crafted session). */
function copyAs(from: Y.Doc, clientID?: number): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(from));
  // Set after the state is in: Yjs gives a document a new id when a remote update writes under its own.
  if (clientID !== undefined) doc.clientID = clientID;
  return doc;
}

describe('who wrote and removed what, checked by the relay', () => {
  it('honest sessions are recorded as their members, removals included, and everyone reads the same', async () => {
    const { leadClient, drafterClient } = await twoEditing();
    const relayDoc = onRelay();
    expect(authorOfClient(relayDoc, leadClient.doc.clientID)).toEqual({ memberId: lead.memberId, name: 'Aminah' });
    expect(authorOfClient(relayDoc, drafterClient.doc.clientID)).toEqual({ memberId: drafter.memberId, name: 'Budi' });
    const cut = deletionsMap(relayDoc).get(String(drafterClient.doc.clientID))!.toArray();
    expect(deleterLookup(relayDoc)({ client: cut[0]!, clock: cut[1]! } as Y.ID, cut[2]!)).toEqual([drafterClient.doc.clientID]);
    for (const client of [leadClient, drafterClient]) expect(client.closes).toEqual([]);
  });

  it('a member’s own new session naming another member is refused, not held; an entry written for another session is refused', async () => {
    const { leadClient } = await twoEditing();
    const forger = open(drafter, copyAs(leadClient.doc));
    await until(() => synced(forger), 'the drafter again');
    forger.doc.transact(() => {
      editAuthorsMap(forger.doc).set(String(forger.doc.clientID), { memberId: lead.memberId, name: 'Aminah', at });
      updateSection(forger.doc, { ...readSection(briefingRoots(forger.doc).sections.get(section.id)!), redLines: 'No new funds. — Aminah' });
    });
    // A session the relay never saw, started in a live edit: the drafter's own, forged in the lead's name.
    await expectRefused(forger, leadClient);
    expect(forger.notices.map((n) => parseRelayNotice(n)?.code)).not.toContain('edits-held');
    expect((await api(relay, 'GET', `/v1/briefings/${id}/held`, { token: lead.token })).body.held).toEqual([]);
    expect(readSection(briefingRoots(onRelay()).sections.get(section.id)!).redLines).toBe('');
    expect(readSection(briefingRoots(leadClient.doc).sections.get(section.id)!).redLines).toBe('');

    const second = open(drafter2, copyAs(leadClient.doc));
    await until(() => synced(second), 'the second drafter');
    // Claiming the lead's session (and with it the lead's edits) as one's own.
    second.doc.transact(() => editAuthorsMap(second.doc).set(String(leadClient.doc.clientID), { memberId: drafter2.memberId, name: 'Chen', at }));
    await expectRefused(second, leadClient);
    expect(authorOfClient(onRelay(), leadClient.doc.clientID)?.memberId).toBe(lead.memberId);
  });

  it('a lead may vouch for colleagues’ lost sessions, but not forge one: the lead’s own new session naming a drafter is refused', async () => {
    const { leadClient, drafterClient } = await twoEditing();
    const forger = open(lead, copyAs(leadClient.doc));
    await until(() => synced(forger), 'the lead again');
    forger.doc.transact(() => {
      editAuthorsMap(forger.doc).set(String(forger.doc.clientID), { memberId: drafter.memberId, name: 'Budi', at });
      updateSection(forger.doc, { ...readSection(briefingRoots(forger.doc).sections.get(section.id)!), redLines: 'Budi concedes.' });
    });
    await expectRefused(forger, drafterClient);
    expect(readSection(briefingRoots(onRelay()).sections.get(section.id)!).redLines).toBe('');
  });

  it('content written as another member’s session is held, never applied (it would show as theirs and shadow their edits)', async () => {
    const { leadClient } = await twoEditing();
    const forger = open(drafter, copyAs(leadClient.doc, leadClient.doc.clientID));
    await until(() => synced(forger), 'the forger connected');
    forger.doc.transact(() => updateSection(forger.doc, { ...readSection(briefingRoots(forger.doc).sections.get(section.id)!), fallback: 'Abstain.' }));
    await until(() => forger.notices.some((n) => parseRelayNotice(n)?.code === 'edits-held'), 'held');
    expect(readSection(briefingRoots(onRelay()).sections.get(section.id)!).fallback).toBe('');
    forger.destroy();
    // The lead's own next edit under that id still gets through (the relay never took the forged clocks).
    edit(leadClient, lead, (s) => ({ ...s, fallback: 'Support with reservations.' }));
    await until(() => synced(leadClient) && readSection(briefingRoots(onRelay()).sections.get(section.id)!).fallback === 'Support with reservations.', 'the lead’s real edit');
  });

  it('a removal recorded for another session, or of something still there, is refused; records are never removed', async () => {
    const { leadClient, drafterClient } = await twoEditing();
    const first = open(drafter2, copyAs(leadClient.doc));
    await until(() => synced(first), 'the second drafter');
    // Blaming the lead for the drafter's cut.
    const cut = deletionsMap(first.doc).get(String(drafterClient.doc.clientID))!.toArray();
    first.doc.transact(() => {
      const map = deletionsMap(first.doc);
      const list = new Y.Array<number>();
      map.set(String(leadClient.doc.clientID), list);
      list.push(cut);
    });
    await expectRefused(first, leadClient);
    expect(deletionsMap(onRelay()).has(String(leadClient.doc.clientID))).toBe(false);

    const second = open(drafter2, copyAs(leadClient.doc));
    await until(() => synced(second), 'the second drafter again');
    // A removal of the objectives, which are still there.
    const objectives = (briefingRoots(second.doc).sections.get(section.id)!.get('objectives') as Y.Text)._start!;
    second.doc.transact(() => {
      editAuthorsMap(second.doc).set(String(second.doc.clientID), { memberId: drafter2.memberId, name: 'Chen', at });
      recordRemoved(second.doc, [objectives.id.client, objectives.id.clock, 1]);
    });
    await expectRefused(second, leadClient);

    const third = open(drafter, copyAs(leadClient.doc));
    await until(() => synced(third), 'the drafter once more');
    // Wiping one's own record of a cut.
    third.doc.transact(() => deletionsMap(third.doc).delete(String(drafterClient.doc.clientID)));
    await expectRefused(third, leadClient);
    expect(deletionsMap(onRelay()).has(String(drafterClient.doc.clientID))).toBe(true);
  });

  it('a lead whose relay lost its data uploads everyone’s sessions again', async () => {
    const { leadClient, drafterClient } = await twoEditing();
    const kept = copyAs(leadClient.doc);
    for (const client of clients.splice(0)) client.destroy();
    await relay.restart({ loseData: true });
    const response = await fetch(`${relay.current.httpUrl}/v1/briefings`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(registration(id, [lead, drafter, drafter2])) });
    expect(response.status).toBe(201);
    const again = open(lead, kept);
    await until(() => synced(again) && position(onRelayMaybe()) === 'Support.', 'the relay has the briefing again');
    expect(authorOfClient(onRelay(), drafterClient.doc.clientID)?.memberId).toBe(drafter.memberId);
    expect(again.closes).toEqual([]);
  });
});
