import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Briefing } from '../../shared/briefing/model';
import { briefingRoots, seedBriefingDoc } from '../../shared/collab/briefing-doc';
import { db } from '../../renderer/db/db';
import { deleterLookup, deletionsMap, editAuthorsMap } from '../../shared/collab/attribution';
import { updateBriefingHead } from '../../shared/collab/briefing-doc-changes';
import { readBriefing } from '../../shared/collab/briefing-doc';
import { recordEditAuthors } from '../../renderer/features/changes/edit-authors';

const at = '2026-12-01T10:00:00.000Z';
const briefing: Briefing = { id: 'b1', meetingId: 'asoen-36', title: 'Brief', delegation: 'MY', author: 'Aminah', classification: 'OFFICIAL', status: 'draft', statusHistory: [], keyMessages: '', bilaterals: [], members: [], contacts: [], logistics: '', review: [], createdAt: at, updatedAt: at };

function session() {
  const doc = new Y.Doc();
  seedBriefingDoc(doc, briefing, []);
  const origin = { user: 'local' };
  return { doc, origin, type: (words: string) => doc.transact(() => (briefingRoots(doc).briefing.get('keyMessages') as Y.Text).insert(0, words), origin) };
}

const share = (role: string) =>
  db.settings.put({ key: 'sharing:b1', value: { relayUrl: 'ws://127.0.0.1:4455', documentId: 'doc-id-0123456789ab', memberId: 'member-id-0123456789', name: 'Budi', role } });

describe('who edited, recorded in the briefing document', () => {
  it('an unshared briefing: the first local edit records this session under the briefing author, once', async () => {
    const s = session();
    await recordEditAuthors('b1', s.doc, s.origin).ready;
    const updates: Uint8Array[] = [];
    s.doc.on('update', (u: Uint8Array) => updates.push(u));
    s.type('x');
    // Part of the edit's own update, not a change of its own (the relay's "changes waiting" counts updates).
    expect(updates).toHaveLength(1);
    expect(editAuthorsMap(s.doc).get(String(s.doc.clientID))).toMatchObject({ memberId: null, name: 'Aminah' });
    const before = Y.encodeStateVector(s.doc);
    s.type('more');
    // Only the text changed this time: the entry is written once per session.
    expect(Y.decodeStateVector(Y.encodeStateVector(s.doc)).get(s.doc.clientID)).toBe(Y.decodeStateVector(before).get(s.doc.clientID)! + 4);
    // Edits from elsewhere (the relay, another tab) are not this session's.
    const other = session();
    recordEditAuthors('b1', other.doc, other.origin);
    Y.applyUpdate(other.doc, Y.encodeStateAsUpdate(s.doc), 'relay');
    expect(editAuthorsMap(other.doc).has(String(other.doc.clientID))).toBe(false);
  });

  it('a drafter is recorded by member id; a reviewer writes nothing (the relay would refuse it)', async () => {
    await share('drafter');
    const drafter = session();
    await recordEditAuthors('b1', drafter.doc, drafter.origin).ready;
    drafter.type('d');
    expect(editAuthorsMap(drafter.doc).get(String(drafter.doc.clientID))).toMatchObject({ memberId: 'member-id-0123456789', name: 'Budi' });

    await share('reviewer');
    const reviewer = session();
    await recordEditAuthors('b1', reviewer.doc, reviewer.origin).ready;
    reviewer.type('r');
    expect(editAuthorsMap(reviewer.doc).size).toBe(0);
  });

  it('records what the session removes, its undo included, in the removing update, and nothing a colleague removed', async () => {
    const s = session();
    await recordEditAuthors('b1', s.doc, s.origin).ready;
    const undo = new Y.UndoManager(briefingRoots(s.doc).briefing, { trackedOrigins: new Set([s.origin]) });
    const keyMessages = () => briefingRoots(s.doc).briefing.get('keyMessages') as Y.Text;
    const updates: Uint8Array[] = [];
    s.doc.on('update', (u: Uint8Array) => updates.push(u));
    s.type('Draft. ');
    const written = keyMessages()._start!;
    undo.undo();
    expect(keyMessages().toString()).toBe('');
    // The undo removed this session's own words: recorded as removed by this session, in the undo's own update.
    expect(deleterLookup(s.doc)(written.id, written.length)).toEqual([s.doc.clientID]);
    expect(updates).toHaveLength(2);
    undo.redo();
    s.doc.transact(() => updateBriefingHead(s.doc, { ...readBriefing(s.doc), keyMessages: 'Draft' }), s.origin);
    expect(keyMessages().toString()).toBe('Draft');
    expect(updates).toHaveLength(4);
    // The undo's range and the cut's, three numbers each.
    expect(deletionsMap(s.doc).get(String(s.doc.clientID))!.length).toBe(6);

    const other = session();
    Y.applyUpdate(other.doc, Y.encodeStateAsUpdate(s.doc));
    recordEditAuthors('b1', other.doc, other.origin);
    other.type('Theirs.');
    Y.applyUpdate(s.doc, Y.encodeStateAsUpdate(other.doc));
    const before = deletionsMap(s.doc).get(String(s.doc.clientID))!.length;
    other.doc.transact(() => updateBriefingHead(other.doc, { ...readBriefing(other.doc), keyMessages: 'Draft' }), other.origin);
    Y.applyUpdate(s.doc, Y.encodeStateAsUpdate(other.doc), 'relay');
    // The colleague's removal is theirs: recorded under their session, nothing added under this one.
    expect(deletionsMap(s.doc).get(String(s.doc.clientID))!.length).toBe(before);
    expect(deletionsMap(s.doc).get(String(other.doc.clientID))!.length).toBe(3);
  });
});
