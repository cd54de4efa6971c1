import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { assignSection, readAssignments } from '../../shared/assignments/assignment';
import type { Briefing, Section } from '../../shared/briefing/model';
import { makeClearance, readClearance } from '../../shared/clearance/clearance-record';
import { clearanceHistory, currentClearance, recordClearance } from '../../shared/clearance/control-doc';
import { seedBriefingDoc } from '../../shared/collab/briefing-doc';
import { updateSection } from '../../shared/collab/briefing-doc-changes';
import { parseRelayNotice, relayDocumentName } from '../../shared/collab/relay-protocol';
import { connectClient, member, registerBriefing, startTestRelay, synced, until, type TestClient, type TestRelay } from './relay-harness';

/*
 * Assignments and clearances against the real relay: they live in the briefing's `control`
 * document, which the relay opens read-write for the lead only. A drafter's (or reviewer's)
 * attempt to reassign a section or to clear is dropped by the relay: it reaches no member, is
 * not stored, and the sender is told `forbidden-write`.
 */

let relay: TestRelay;
const clients: TestClient[] = [];
const lead = member('Aminah (lead)', 'lead');
const drafter = member('Budi (drafter)', 'drafter');
const reviewer = member('Chanthy (reviewer)', 'reviewer');
const reader = member('Dara (reader)', 'reader');
let id: string;

function open(who: typeof lead): TestClient {
  const client = connectClient(relay, id, who, 'control');
  clients.push(client);
  return client;
}

beforeEach(async () => {
  relay = await startTestRelay();
  id = await registerBriefing(relay, [lead, drafter, reviewer, reader]);
});
afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await relay.close();
});

const briefing: Briefing = {
  id: 'brief-relay', meetingId: 'asoen-36', title: 'Relay brief', delegation: 'MY', author: 'Aminah', classification: 'OFFICIAL', status: 'draft', statusHistory: [],
  keyMessages: '', bilaterals: [], members: [], contacts: [], logistics: '', review: [], createdAt: '2026-12-01T09:00:00.000Z', updatedAt: '2026-12-01T09:00:00.000Z',
};
const section: Section = {
  id: 'section-1', briefingId: 'brief-relay', agendaItemId: 'asoen-36-opening', order: 0, agendaTitle: 'Opening', objectives: '', position: '', redLines: '', fallback: '',
  talkingPoints: [], background: '', targets: [], followUps: [], privateNotes: '', review: [], updatedAt: '2026-12-01T09:00:00.000Z',
};

/** The state of a briefing document whose one section has `position`. */
function briefingState(position: string): { state: Uint8Array; sectionId: string } {
  const doc = new Y.Doc();
  seedBriefingDoc(doc, briefing, [section]);
  doc.transact(() => updateSection(doc, { ...section, position }));
  return { state: Y.encodeStateAsUpdate(doc), sectionId: section.id };
}

const at = '2026-12-01T10:00:00.000Z';

describe('the control document on the relay', () => {
  it('carries the lead’s assignments and clearance to every member; a drafter’s or reviewer’s change reaches nobody and is not stored', async () => {
    const leadControl = open(lead);
    const drafterControl = open(drafter);
    const reviewerControl = open(reviewer);
    await until(() => synced(leadControl) && drafterControl.provider.isAuthenticated && reviewerControl.provider.isAuthenticated, 'connected');
    expect(drafterControl.provider.authorizedScope).toBe('readonly');

    // The lead assigns the section to the drafter and clears.
    const { state, sectionId } = briefingState('Cleared wording.');
    const clearance = makeClearance(state, { memberId: lead.memberId, name: lead.name }, at, 'clearance-1');
    leadControl.doc.transact(() => {
      assignSection(leadControl.doc, sectionId, { memberId: drafter.memberId, name: drafter.name, by: lead.name, at });
      recordClearance(leadControl.doc, clearance);
    });
    await until(() => currentClearance(drafterControl.doc)?.id === 'clearance-1' && currentClearance(reviewerControl.doc)?.id === 'clearance-1', 'members receive the clearance');
    expect(readAssignments(drafterControl.doc).get(sectionId)?.memberId).toBe(drafter.memberId);
    expect(readClearance(currentClearance(drafterControl.doc)!)).toMatchObject({ verified: true });

    // The drafter reassigns the section to themselves... and clears their own version; the reviewer unassigns.
    const forged = briefingState('Drafter wording the lead never cleared.');
    drafterControl.doc.transact(() => {
      assignSection(drafterControl.doc, sectionId, { memberId: reviewer.memberId, name: 'someone else', by: drafter.name, at });
      recordClearance(drafterControl.doc, makeClearance(forged.state, { memberId: drafter.memberId, name: drafter.name }, '2026-12-01T11:00:00.000Z', 'forged-clearance'));
    });
    reviewerControl.doc.transact(() => assignSection(reviewerControl.doc, sectionId, undefined));
    await until(() => drafterControl.notices.length > 0 && reviewerControl.notices.length > 0, 'forbidden-write notices');
    expect(parseRelayNotice(drafterControl.notices[0]!)).toEqual({ type: 'relay-notice', code: 'forbidden-write', document: relayDocumentName(id, 'control') });

    // A later change by the lead arrives everywhere: what the relay relayed before it has arrived too.
    leadControl.doc.transact(() => assignSection(leadControl.doc, 'sentinel', { memberId: lead.memberId, name: lead.name, by: lead.name, at }));
    await until(() => readAssignments(reviewerControl.doc).has('sentinel'), 'sentinel reaches the reviewer');
    expect(readAssignments(leadControl.doc).get(sectionId)?.memberId).toBe(drafter.memberId);
    expect(currentClearance(leadControl.doc)?.id).toBe('clearance-1');
    expect(clearanceHistory(leadControl.doc).map((h) => h.id)).toEqual(['clearance-1']);
    const onRelay = relay.current.hocuspocus.documents.get(relayDocumentName(id, 'control'))!;
    expect(currentClearance(onRelay)?.id).toBe('clearance-1');
    expect(readAssignments(onRelay).get(sectionId)?.memberId).toBe(drafter.memberId);

    // After a restart, a member who connects for the first time reads the lead's, and only the lead's.
    await relay.restart();
    const readerControl = open(reader);
    await until(() => currentClearance(readerControl.doc)?.id === 'clearance-1' && readAssignments(readerControl.doc).has('sentinel'), 'reader reads the stored control document');
    expect(readAssignments(readerControl.doc).get(sectionId)).toMatchObject({ memberId: drafter.memberId, by: lead.name });
    expect(clearanceHistory(readerControl.doc).map((h) => h.id)).toEqual(['clearance-1']);
    expect(readClearance(currentClearance(readerControl.doc)!).sections[0]!.position).toBe('Cleared wording.');
  });

  it('lets the lead clear again: the new clearance replaces the current one for everybody, both in the history', async () => {
    const leadControl = open(lead);
    const drafterControl = open(drafter);
    await until(() => synced(leadControl) && drafterControl.provider.isAuthenticated, 'connected');
    const first = briefingState('First wording.');
    const second = briefingState('Second wording.');
    leadControl.doc.transact(() => recordClearance(leadControl.doc, makeClearance(first.state, { memberId: lead.memberId, name: lead.name }, at, 'c-1')));
    leadControl.doc.transact(() => recordClearance(leadControl.doc, makeClearance(second.state, { memberId: lead.memberId, name: lead.name }, '2026-12-01T12:00:00.000Z', 'c-2')));
    await until(() => currentClearance(drafterControl.doc)?.id === 'c-2', 'the second clearance arrives');
    expect(readClearance(currentClearance(drafterControl.doc)!).sections[0]!.position).toBe('Second wording.');
    expect(clearanceHistory(drafterControl.doc).map((h) => h.id)).toEqual(['c-2', 'c-1']);
  });
});
