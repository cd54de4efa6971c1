import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Briefing, Section } from '../../shared/briefing/model';
import { briefingRoots, readSection, seedBriefingDoc } from '../../shared/collab/briefing-doc';
import { updateSection } from '../../shared/collab/briefing-doc-changes';
import { editAuthorsMap } from '../../shared/collab/attribution';
import { changesByAuthor, changesSince, GENERAL } from '../../renderer/features/changes/changes-since';

const at = '2026-12-01T10:00:00.000Z';
const briefing: Briefing = {
  id: 'b1',
  meetingId: 'asoen-36',
  title: 'Malaysia brief',
  delegation: 'MY',
  author: 'Aminah',
  classification: 'OFFICIAL',
  status: 'draft',
  statusHistory: [],
  keyMessages: 'One voice',
  bilaterals: [],
  members: [],
  contacts: [],
  logistics: '',
  review: [],
  createdAt: at,
  updatedAt: at,
};
const section = (n: number): Section => ({
  id: `b1:item-${n}`,
  briefingId: 'b1',
  agendaItemId: `item-${n}`,
  order: n,
  agendaTitle: `Item ${n}`,
  objectives: `Secure the paragraph on item ${n}.`,
  position: 'Support the draft.',
  redLines: 'No new funds.',
  fallback: '',
  talkingPoints: [{ id: `tp${n}a`, text: 'First point' }],
  background: '',
  targets: [],
  followUps: [],
  privateNotes: '',
  review: [],
  updatedAt: at,
});

const aminah = { memberId: 'm-aminah', name: 'Aminah' };
const budi = { memberId: 'm-budi', name: 'Budi' };
const chen = { memberId: 'm-chen', name: 'Chen' };

/** A member's editing session: a Y.Doc of their own that records its author as the app does. */
function session(from: Y.Doc, author: { memberId: string; name: string }): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(from));
  editAuthorsMap(doc).set(String(doc.clientID), { ...author, at });
  return doc;
}
const exchange = (a: Y.Doc, b: Y.Doc) => {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
};
const edit = (doc: Y.Doc, id: string, change: (s: Section) => Section) => doc.transact(() => updateSection(doc, change(readSection(briefingRoots(doc).sections.get(id)!))));
const text = (parts: { op: string; text: string }[], op: string) => parts.filter((p) => p.op === op).map((p) => p.text.trim()).join(' | ');

describe('what changed since I last looked, by author', () => {
  it('lists the changed fields with their differences and who wrote them', () => {
    const lead = new Y.Doc();
    seedBriefingDoc(lead, briefing, [section(1), section(2)]);
    editAuthorsMap(lead).set(String(lead.clientID), { ...aminah, at });
    const b = session(lead, budi);
    const c = session(lead, chen);
    // Budi edits before the reader last looked: not a change since.
    edit(b, 'b1:item-1', (s) => ({ ...s, fallback: 'Note the concern.' }));
    exchange(b, lead);
    exchange(c, lead);
    const baseline = Y.encodeStateAsUpdate(lead);

    edit(b, 'b1:item-1', (s) => ({ ...s, objectives: 'Secure the paragraph on item 1 with the 2025 plan.' }));
    edit(c, 'b1:item-1', (s) => ({ ...s, talkingPoints: [...s.talkingPoints, { id: 'tp1b', text: 'Thank the host' }] }));
    edit(c, 'b1:item-2', (s) => ({ ...s, position: 'Support the draft as amended.' }));
    edit(lead, 'b1:item-2', (s) => ({ ...s, redLines: '' }));
    for (const doc of [b, c]) exchange(doc, lead);
    exchange(b, c);

    const changes = changesSince(lead, baseline);
    expect(changes.map((s) => [s.title, s.fields.map((f) => [f.field, f.authors.map((a) => a.name)])])).toEqual([
      ['Item 1', [['objectives', ['Budi']], ['talkingPoints', ['Chen']]]],
      ['Item 2', [['position', ['Chen']], ['redLines', ['Aminah']]]],
    ]);
    const [item1, item2] = changes;
    expect(text(item1!.fields[0]!.parts, 'insert')).toBe('1 with the 2025 plan.');
    expect(text(item1!.fields[0]!.parts, 'delete')).toBe('1.');
    expect(text(item1!.fields[1]!.parts, 'insert')).toBe('Thank the host');
    // A removal only: Yjs records no author for a deletion, the document's removal record does.
    expect(text(item2!.fields[1]!.parts, 'delete')).toBe('No new funds.');

    // Every member's copy tells the same story.
    expect(changesSince(b, baseline)).toEqual(changes);

    const byAuthor = changesByAuthor(changes, aminah);
    expect(byAuthor.map((g) => [g.author?.name ?? 'unknown', g.sections.map((s) => `${s.title}: ${s.fields.map((f) => f.field).join(', ')}`)])).toEqual([
      ['Budi', ['Item 1: objectives']],
      ['Chen', ['Item 1: talkingPoints', 'Item 2: position']],
      ['Aminah', ['Item 2: redLines']],
    ]);
  });

  it('reports nothing when nothing changed, and the general part and new sections when they did', () => {
    const lead = new Y.Doc();
    seedBriefingDoc(lead, briefing, [section(1)]);
    const baseline = Y.encodeStateAsUpdate(lead);
    expect(changesSince(lead, baseline)).toEqual([]);

    const b = session(lead, budi);
    b.transact(() => {
      briefingRoots(b).briefing.get('keyMessages');
      const key = briefingRoots(b).briefing.get('keyMessages') as Y.Text;
      key.insert(key.length, ' on climate');
    });
    b.transact(() => updateSection(b, { ...section(3), objectives: 'New item.' }));
    const changes = changesSince(b, baseline);
    expect(changes.map((s) => [s.sectionId, s.state, s.fields.map((f) => f.field)])).toEqual([
      [GENERAL, 'changed', ['keyMessages']],
      ['b1:item-3', 'added', ['agendaTitle', 'objectives', 'position', 'redLines', 'talkingPoints']],
    ]);
    expect(changes[0]!.fields[0]!.authors).toEqual([budi]);
  });

  it('lists mine last, after colleagues, and an unrecorded writer at the end', () => {
    const changes = [{ sectionId: 's', title: 'S', state: 'changed' as const, fields: [{ field: 'objectives', parts: [], authors: [aminah, budi] }] }];
    expect(changesByAuthor(changes, aminah).map((g) => g.author?.name)).toEqual(['Budi', 'Aminah']);
  });
});
