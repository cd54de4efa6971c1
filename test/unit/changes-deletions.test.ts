import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Briefing, Section } from '../../shared/briefing/model';
import { briefingRoots, readBriefingDoc, readSection, seedBriefingDoc } from '../../shared/collab/briefing-doc';
import { updateBriefingDoc, updateSection } from '../../shared/collab/briefing-doc-changes';
import { deletionsMap, editAuthorsMap } from '../../shared/collab/attribution';
import { changesByAuthor, changesSince } from '../../renderer/features/changes/changes-since';

/* Removals carry their author: the document changes record what a session removes, in the removing transaction, and "changes since" names them. */

const at = '2026-12-01T10:00:00.000Z';
const briefing: Briefing = { id: 'b1', meetingId: 'asoen-36', title: 'Brief', delegation: 'MY', author: 'Aminah', classification: 'OFFICIAL', status: 'draft', statusHistory: [], keyMessages: 'One voice', bilaterals: [], members: [], contacts: [], logistics: '', review: [], createdAt: at, updatedAt: at };
const section = (n: number): Section => ({ id: `b1:item-${n}`, briefingId: 'b1', agendaItemId: `item-${n}`, order: n, agendaTitle: `Item ${n}`, objectives: `Objectives ${n}.`, position: 'Support the draft.', redLines: 'No new funds.', fallback: '', talkingPoints: [{ id: `tp${n}a`, text: 'First point' }, { id: `tp${n}b`, text: 'Second point' }], background: '', targets: [], followUps: [], privateNotes: '', review: [], updatedAt: at });

/** A member's session with its author recorded (as edit-authors.ts does). */
function session(from: Y.Doc, author: { memberId: string; name: string }): { doc: Y.Doc; origin: object } {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(from));
  const origin = {};
  editAuthorsMap(doc).set(String(doc.clientID), { ...author, at });
  return { doc, origin };
}
const sync = (a: Y.Doc, b: Y.Doc) => {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
};

describe('removals in "what changed since I last looked"', () => {
  it('a removed section, a removed talking point and cut text are listed under who removed them', () => {
    const lead = new Y.Doc();
    seedBriefingDoc(lead, briefing, [section(1), section(2), section(3)]);
    editAuthorsMap(lead).set(String(lead.clientID), { memberId: 'm-aminah', name: 'Aminah', at });
    const budi = session(lead, { memberId: 'm-budi', name: 'Budi' });
    const chen = session(lead, { memberId: 'm-chen', name: 'Chen' });
    const baseline = Y.encodeStateAsUpdate(lead);

    const sections = (doc: Y.Doc) => briefingRoots(doc).sections;
    const edit = (s: { doc: Y.Doc; origin: object }, id: string, change: (x: Section) => Section) => s.doc.transact(() => updateSection(s.doc, change(readSection(sections(s.doc).get(id)!))), s.origin);
    const updates: Uint8Array[] = [];
    budi.doc.on('update', (u: Uint8Array) => updates.push(u));
    const content = readBriefingDoc(budi.doc);
    budi.doc.transact(() => updateBriefingDoc(budi.doc, { briefing: content.briefing, sections: content.sections.filter((s) => s.id !== 'b1:item-2') }), budi.origin);
    // The removal and its record are one update (one change waiting for the relay, refused or accepted together).
    expect(updates).toHaveLength(1);
    expect(deletionsMap(budi.doc).get(String(budi.doc.clientID))?.length).toBeGreaterThan(0);
    edit(budi, 'b1:item-1', (s) => ({ ...s, talkingPoints: s.talkingPoints.filter((p) => p.id !== 'tp1a') }));
    edit(chen, 'b1:item-1', (s) => ({ ...s, redLines: '' }));
    edit(chen, 'b1:item-3', (s) => ({ ...s, position: 'Support.' }));
    sync(budi.doc, lead);
    sync(chen.doc, lead);

    const changes = changesSince(lead, baseline);
    expect(changes.map((s) => [s.title, s.state, s.fields.map((f) => [f.field, f.authors.map((a) => a.name)])])).toEqual([
      ['Item 1', 'changed', [['redLines', ['Chen']], ['talkingPoints', ['Budi']]]],
      ['Item 2', 'removed', expect.arrayContaining([['objectives', ['Budi']], ['talkingPoints', ['Budi']]])],
      ['Item 3', 'changed', [['position', ['Chen']]]], // a cut inside a word run: only part of what was written
    ]);
    expect(changes[1]!.fields.every((f) => f.authors.map((a) => a.name).join() === 'Budi')).toBe(true);
    const byAuthor = changesByAuthor(changes);
    expect(byAuthor.map((g) => g.author?.name ?? 'unknown')).toEqual(['Budi', 'Chen']);
    // Every member's copy tells the same story.
    sync(budi.doc, lead);
    expect(changesSince(budi.doc, baseline)).toEqual(changes);
    expect(changesSince(chen.doc, baseline)).toEqual(changes);
  });

  it('a removal in a document without the record (older sessions) stays unattributed', () => {
    const lead = new Y.Doc();
    seedBriefingDoc(lead, briefing, [section(1)]);
    const baseline = Y.encodeStateAsUpdate(lead);
    // As an older version removed text: straight on the Y.Text, nothing recorded.
    lead.transact(() => {
      const redLines = briefingRoots(lead).sections.get('b1:item-1')!.get('redLines') as Y.Text;
      redLines.delete(0, redLines.length);
    });
    expect(deletionsMap(lead).size).toBe(0);
    expect(changesSince(lead, baseline)[0]!.fields).toMatchObject([{ field: 'redLines', authors: [] }]);
  });

  it('a replaced value is not recorded as a removal (the new value names its writer); a cleared one is', () => {
    const doc = new Y.Doc();
    seedBriefingDoc(doc, briefing, [section(1)]);
    const id = 'b1:item-1';
    const now = () => readSection(briefingRoots(doc).sections.get(id)!);
    doc.transact(() => updateSection(doc, { ...now(), updatedAt: '2026-12-01T11:00:00.000Z' }));
    expect(deletionsMap(doc).size).toBe(0);
    const written = (briefingRoots(doc).sections.get(id)!.get('position') as Y.Text)._start!;
    doc.transact(() => updateSection(doc, { ...now(), position: 'Support.' }));
    const ranges = deletionsMap(doc).get(String(doc.clientID))!.toArray();
    // One range (client, clock, length): " the draft" cut from "Support the draft.", inside the first run of text.
    expect(ranges).toHaveLength(3);
    expect(ranges[0]).toBe(written.id.client);
    expect(ranges[2]).toBe(' the draft'.length);
  });
});
