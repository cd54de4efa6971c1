import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Briefing, Section } from '../../shared/briefing/model';
import { Briefing as BriefingSchema, Section as SectionSchema } from '../../shared/briefing/model';
import {
  base64ToUpdate,
  BRIEFING_DOC_FORMAT,
  briefingDocUpdate,
  briefingRoots,
  readBriefingDoc,
  seedBriefingDoc,
  transactionParts,
  updateToBase64,
  type ChangedParts,
} from '../../shared/collab/briefing-doc';
import { textSplice, updateBriefingDoc, updateBriefingHead, updateSection } from '../../shared/collab/briefing-doc-changes';

const at = '2026-11-23T10:00:00.000Z';
const briefing: Briefing = {
  id: 'b1',
  meetingId: 'asoen-36',
  title: 'Malaysia brief',
  delegation: 'MY',
  author: 'Aminah',
  classification: 'OFFICIAL',
  status: 'draft',
  statusHistory: [{ status: 'draft', by: 'Aminah', at }],
  keyMessages: 'One voice',
  bilaterals: [{ id: 'bi1', counterpart: 'Japan', objectives: 'Climate finance', talkingPoints: [{ id: 'btp1', text: 'Thank Japan' }] }],
  members: [{ id: 'm1', name: 'Aminah', role: 'Head', covers: ['item-1'] }],
  contacts: [{ id: 'c1', name: 'Desk', role: 'Liaison', phone: '+60 3', email: 'desk@example.gov.my' }],
  logistics: 'Langkawi',
  startedFrom: 'b0',
  review: ['keyMessages'],
  createdAt: at,
  updatedAt: at,
};
const section = (n: number, extra: Partial<Section> = {}): Section => ({
  id: `b1:item-${n}`,
  briefingId: 'b1',
  agendaItemId: `item-${n}`,
  order: n,
  agendaTitle: `Item ${n}`,
  objectives: `Objectives ${n}`,
  position: '',
  redLines: 'None',
  fallback: '',
  talkingPoints: [
    { id: `tp${n}a`, text: 'First point' },
    { id: `tp${n}b`, text: 'Second point' },
  ],
  background: '**ASOEN** background',
  targets: [{ targetId: 't1', assessment: 'on-track', evidence: 'Report', assessedAt: at }, { targetId: 't2', evidence: '' }],
  followUps: [{ id: `f${n}`, what: 'Send text', owner: 'Desk', due: '2026-12-01' }],
  privateNotes: 'Only us',
  review: ['objectives'],
  updatedAt: at,
  ...extra,
});

function docOf(update: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  return doc;
}

/** Two replicas of one document that exchange every update, as two tabs or two members do. */
function pair(update: Uint8Array) {
  const a = docOf(update);
  const b = docOf(update);
  const exchange = () => {
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  };
  return { a, b, exchange };
}

describe('a briefing as a Yjs document', () => {
  it('holds every field of the briefing and its sections and gives them back unchanged', () => {
    const sections = [section(2), section(1, { datasetReview: undefined })];
    const doc = docOf(briefingDocUpdate(briefing, sections));
    const read = readBriefingDoc(doc);
    expect(read.briefing).toEqual(briefing);
    expect(BriefingSchema.parse(read.briefing)).toEqual(briefing);
    expect(read.sections).toEqual([section(1), section(2)]);
    for (const s of read.sections) expect(SectionSchema.parse(s)).toEqual(s);
    expect(briefingRoots(doc).meta.toJSON()).toEqual({ format: BRIEFING_DOC_FORMAT, briefingId: 'b1' });
    expect(briefingRoots(doc).briefing.get('title')).toBeInstanceOf(Y.Text);
    expect(briefingRoots(doc).sections.get('b1:item-1')!.get('talkingPoints')).toBeInstanceOf(Y.Array);
  });

  it('leaves out the dataset-review flag, which belongs to this machine', () => {
    const flagged = section(1, { datasetReview: { change: 'removed', datasetId: 'd', datasetVersion: 2, historyId: 'h', fields: [], at } });
    const read = readBriefingDoc(docOf(briefingDocUpdate(briefing, [flagged])));
    expect(read.sections[0]).not.toHaveProperty('datasetReview');
  });

  it('survives base64 for files, byte for byte', () => {
    const update = briefingDocUpdate(briefing, Array.from({ length: 40 }, (_, i) => section(i)));
    expect(base64ToUpdate(updateToBase64(update))).toEqual(update);
  });
});

describe('changes from the editor', () => {
  it('splice only what differs, never splitting an emoji', () => {
    expect(textSplice('hello world', 'hello brave world')).toEqual({ index: 6, remove: 0, insert: 'brave ' });
    expect(textSplice('abc', 'abc')).toBeUndefined();
    expect(textSplice('a😀b', 'a😃b')).toEqual({ index: 1, remove: 2, insert: '😃' });
  });

  it('merge two people typing in the same field, keeping every word of both', () => {
    const { a, b, exchange } = pair(briefingDocUpdate(briefing, [section(1)]));
    const edit = (doc: Y.Doc, objectives: string) => doc.transact(() => updateSection(doc, { ...readBriefingDoc(doc).sections[0]!, objectives }));
    edit(a, 'Objectives 1 and Japan');
    edit(b, 'Our Objectives 1');
    exchange();
    expect(readBriefingDoc(a)).toEqual(readBriefingDoc(b));
    expect(readBriefingDoc(a).sections[0]!.objectives).toBe('Our Objectives 1 and Japan');
  });

  it('merge edits of different fields and list elements, and concurrent additions to one list', () => {
    const { a, b, exchange } = pair(briefingDocUpdate(briefing, [section(1)]));
    const s = (doc: Y.Doc) => readBriefingDoc(doc).sections[0]!;
    a.transact(() => updateSection(a, { ...s(a), position: 'Support', talkingPoints: [...s(a).talkingPoints, { id: 'new-a', text: 'From A' }] }));
    b.transact(() => updateSection(b, { ...s(b), redLines: 'No binding targets', talkingPoints: [{ ...s(b).talkingPoints[0]!, text: 'First point, revised' }, s(b).talkingPoints[1]!, { id: 'new-b', text: 'From B' }] }));
    b.transact(() => updateBriefingHead(b, { ...readBriefingDoc(b).briefing, status: 'for-review', statusHistory: [...briefing.statusHistory, { status: 'for-review', by: 'Budi', at }] }));
    exchange();
    const merged = s(a);
    expect(s(b)).toEqual(merged);
    expect(merged.position).toBe('Support');
    expect(merged.redLines).toBe('No binding targets');
    expect(merged.talkingPoints.map((p) => p.text).slice(0, 2)).toEqual(['First point, revised', 'Second point']);
    expect(merged.talkingPoints.map((p) => p.id).sort()).toEqual(['new-a', 'new-b', 'tp1a', 'tp1b']);
    expect(readBriefingDoc(a).briefing.statusHistory).toHaveLength(2);
  });

  it('reorder, remove and add list elements by id, and keep each element once after a concurrent move', () => {
    const { a, b, exchange } = pair(briefingDocUpdate(briefing, [section(1)]));
    const s = (doc: Y.Doc) => readBriefingDoc(doc).sections[0]!;
    const [first, second] = s(a).talkingPoints;
    a.transact(() => updateSection(a, { ...s(a), talkingPoints: [second!, first!] }));
    b.transact(() => updateSection(b, { ...s(b), talkingPoints: [second!, first!] }));
    exchange();
    expect(s(a).talkingPoints).toEqual([second, first]);
    expect(s(b)).toEqual(s(a));
    a.transact(() => updateSection(a, { ...s(a), talkingPoints: [first!], followUps: [], targets: [{ targetId: 't2', evidence: 'x' }] }));
    expect(s(a).talkingPoints).toEqual([first]);
    expect(s(a).followUps).toEqual([]);
    expect(s(a).targets).toEqual([{ targetId: 't2', evidence: 'x' }]);
  });

  it('a whole-document change removes sections it no longer has and adds new ones', () => {
    const doc = docOf(briefingDocUpdate(briefing, [section(1), section(2)]));
    doc.transact(() => updateBriefingDoc(doc, { briefing: { ...briefing, title: 'Renamed' }, sections: [section(2, { position: 'P' }), section(3)] }));
    const read = readBriefingDoc(doc);
    expect(read.briefing.title).toBe('Renamed');
    expect(read.sections.map((x) => [x.id, x.position])).toEqual([
      ['b1:item-2', 'P'],
      ['b1:item-3', ''],
    ]);
  });

  it('optional values cleared are gone, not undefined', () => {
    const doc = docOf(briefingDocUpdate(briefing, [section(1)]));
    const { startedFrom: _s, ...rest } = briefing;
    doc.transact(() => updateBriefingHead(doc, rest as Briefing));
    expect(readBriefingDoc(doc).briefing).not.toHaveProperty('startedFrom');
  });

  it('say which parts a transaction changed', () => {
    const doc = docOf(briefingDocUpdate(briefing, [section(1), section(2)]));
    let parts: ChangedParts | undefined;
    doc.on('afterTransaction', (tr: Y.Transaction) => (parts = transactionParts(doc, tr)));
    doc.transact(() => updateSection(doc, { ...readBriefingDoc(doc).sections[1]!, talkingPoints: [{ id: 'tp2a', text: 'Changed deep inside' }] }));
    expect(parts).toEqual({ briefing: false, sections: new Set(['b1:item-2']) });
    doc.transact(() => updateBriefingHead(doc, { ...briefing, keyMessages: 'New' }));
    expect(parts).toEqual({ briefing: true, sections: new Set() });
    doc.transact(() => updateSection(doc, section(9)));
    expect(parts).toEqual({ briefing: false, sections: new Set(['b1:item-9']) });
  });

  it('seed into an empty document in one transaction', () => {
    const doc = new Y.Doc();
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    seedBriefingDoc(doc, briefing, [section(1)]);
    expect(transactions).toBe(1);
    expect(readBriefingDoc(doc).sections).toHaveLength(1);
  });
});
