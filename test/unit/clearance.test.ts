import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { clearanceState, draftState } from '../../shared/assignments/my-sections';
import { assignSection, readAssignments } from '../../shared/assignments/assignment';
import type { Briefing, Section } from '../../shared/briefing/model';
import { diffBriefing, diffSection, diffText } from '../../shared/clearance/briefing-diff';
import { briefingContentHash, canonicalBriefingContent, canonicalJson, sectionContentHash } from '../../shared/clearance/canonical-content';
import { changedSinceCleared, makeClearance, readClearance } from '../../shared/clearance/clearance-record';
import { clearedPackInput, packClearance } from '../../shared/clearance/cleared-pack';
import { clearanceHistory, currentClearance, recordClearance } from '../../shared/clearance/control-doc';
import { readBriefingDoc, seedBriefingDoc } from '../../shared/collab/briefing-doc';
import { updateBriefingHead, updateSection } from '../../shared/collab/briefing-doc-changes';
import { blockTexts, composePack } from '../../shared/pack/compose';
import { PACK_PARTS, type PackOptions } from '../../shared/pack/model';
import { malaysiaBrief, packInputFor, taggedFormat } from './pack-fixtures';

function docOf(content: { briefing: Briefing; sections: readonly Section[] }): Y.Doc {
  const doc = new Y.Doc();
  seedBriefingDoc(doc, content.briefing, content.sections);
  return doc;
}

const lead = { memberId: 'member-lead-0000001', name: 'Aminah (lead)' };

describe('the cleared content and its SHA-256', () => {
  it('is the same whatever order keys were written in and however the document was built', () => {
    const made = malaysiaBrief();
    const withPosition = { ...made, sections: made.sections.map((s, i) => (i === 0 ? { ...s, position: 'Malaysia supports the joint statement.' } : s)) };
    // One document seeded with the text; another seeded empty and typed into, in pieces, later.
    const seeded = docOf(withPosition);
    const typed = docOf(made);
    typed.transact(() => updateSection(typed, { ...made.sections[0]!, position: 'Malaysia supports' }));
    typed.transact(() => updateSection(typed, { ...made.sections[0]!, position: 'Malaysia supports the joint statement.' }));
    const a = readBriefingDoc(seeded);
    const b = readBriefingDoc(typed);
    expect(briefingContentHash(a.briefing, a.sections)).toBe(briefingContentHash(b.briefing, b.sections));
    // Key order of the objects themselves does not matter either.
    const reversed = a.sections.map((s) => Object.fromEntries(Object.entries(s).reverse()) as Section);
    expect(briefingContentHash(a.briefing, reversed)).toBe(briefingContentHash(a.briefing, a.sections));
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: undefined }] })).toBe('{"a":[{"d":2}],"b":1}');
    // Assembled from its parts, the text is exactly the canonical JSON of the whole (so anyone can check the hash with sha256sum).
    const whole = JSON.parse(canonicalBriefingContent(a.briefing, a.sections)) as unknown;
    expect(canonicalBriefingContent(a.briefing, a.sections)).toBe(canonicalJson(whole));
    expect((whole as { sections: unknown[] }).sections).toHaveLength(a.sections.length);
  });

  it('changes with one word of content, and not with the status or timestamps', () => {
    const made = malaysiaBrief();
    const base = briefingContentHash(made.briefing, made.sections);
    const cleared = { ...made.briefing, status: 'cleared' as const, updatedAt: '2026-11-30T10:00:00.000Z', statusHistory: [{ status: 'cleared' as const, by: 'Aminah', at: '2026-11-30T10:00:00.000Z' }] };
    expect(briefingContentHash(cleared, made.sections.map((s) => ({ ...s, updatedAt: '2026-11-30T10:00:00.000Z' })))).toBe(base);
    const edited = made.sections.map((s, i) => (i === 1 ? { ...s, talkingPoints: [{ id: 'tp-1', text: 'one word' }] } : s));
    expect(briefingContentHash(made.briefing, edited)).not.toBe(base);
    expect(briefingContentHash({ ...made.briefing, keyMessages: 'x' }, made.sections)).not.toBe(base);
  });

  it('is kept with the state: read back, the snapshot hashes to what was recorded; a tampered state does not', () => {
    const made = malaysiaBrief();
    const doc = docOf(made);
    const clearance = makeClearance(Y.encodeStateAsUpdate(doc), lead, '2026-11-30T10:00:00.000Z', 'clr-1');
    expect(clearance.hash).toBe(briefingContentHash(made.briefing, made.sections));
    expect(clearance.hash).toMatch(/^[0-9a-f]{64}$/);
    const back = readClearance(clearance);
    expect(back.verified).toBe(true);
    expect(back.sections.map((s) => s.id)).toEqual(made.sections.map((s) => s.id));
    // A state with other content under the same recorded hash is not verified.
    doc.transact(() => updateBriefingHead(doc, { ...made.briefing, title: 'Another title' }));
    expect(readClearance({ ...clearance, state: Y.encodeStateAsUpdate(doc) }).verified).toBe(false);
  });

  it('tells which sections changed since cleared, by their hashes', () => {
    const made = malaysiaBrief();
    const clearance = makeClearance(Y.encodeStateAsUpdate(docOf(made)), lead, '2026-11-30T10:00:00.000Z', 'clr-1');
    expect(changedSinceCleared(clearance, made)).toEqual({ general: false, sections: [] });
    const target = made.sections[2]!;
    const now = { briefing: made.briefing, sections: made.sections.map((s) => (s.id === target.id ? { ...s, position: 'New position' } : s)) };
    expect(changedSinceCleared(clearance, now)).toEqual({ general: false, sections: [target.id] });
    expect(clearanceState(now.sections[2]!, clearance.sectionHashes)).toBe('changed');
    expect(clearanceState(now.sections[1]!, clearance.sectionHashes)).toBe('cleared');
    expect(clearanceState(now.sections[1]!, undefined)).toBe('not-cleared');
    expect(sectionContentHash(now.sections[1]!)).toBe(clearance.sectionHashes[now.sections[1]!.id]);
  });
});

describe('the differences since cleared', () => {
  it('are word by word, per field, talking points matched by id', () => {
    const made = malaysiaBrief();
    const s = { ...made.sections[0]!, position: 'Malaysia supports the draft joint statement.', talkingPoints: [{ id: 'a', text: 'Welcome the report.' }, { id: 'b', text: 'Note the targets.' }] };
    const now = { ...s, position: 'Malaysia strongly supports the draft joint statement.', talkingPoints: [{ id: 'b', text: 'Note the targets.' }, { id: 'c', text: 'Ask for a timeline.' }] };
    const change = diffSection(s, now)!;
    expect(change.change).toBe('changed');
    const position = change.fields.find((f) => f.ref.kind === 'text' && f.ref.field === 'position')!;
    expect(position.parts.filter((p) => p.op !== 'equal')).toEqual([{ op: 'insert', text: 'strongly ' }]);
    // b only moved: not a change. c is new, a is gone.
    expect(change.fields.map((f) => [f.ref, f.change])).toEqual([
      [{ kind: 'text', field: 'position' }, 'changed'],
      [{ kind: 'talkingPoint', number: 2 }, 'added'],
      [{ kind: 'talkingPoint', number: 1 }, 'removed'],
    ]);
    expect(diffSection(s, { ...s })).toBeUndefined();
    // Words added after the last one: only they are new, the last word stays as it was.
    const appended = diffText('Malaysia supports it as drafted.', 'Malaysia supports it as drafted. And more.');
    expect(appended.map((p) => [p.op, p.after ?? p.text])).toEqual([
      ['equal', 'Malaysia supports it as drafted. '],
      ['insert', 'And more.'],
    ]);
    expect(diffText('One two three', 'One three').map((p) => [p.op, p.after ?? p.text])).toEqual([
      ['equal', 'One '],
      ['delete', 'two '],
      ['equal', 'three'],
    ]);
  });

  it('list the briefing part by part: general fields, changed, added and removed sections', () => {
    const made = malaysiaBrief();
    const [first, second, ...rest] = made.sections;
    const added = { ...second!, id: 'new-section', agendaItemId: 'extra', order: 99, objectives: 'Added later' };
    const current = { briefing: { ...made.briefing, keyMessages: 'One message.' }, sections: [{ ...first!, objectives: 'Changed' }, ...rest, added] };
    const changes = diffBriefing(made, current);
    expect(changes.general.map((f) => f.ref)).toEqual([{ kind: 'general', field: 'keyMessages' }]);
    expect(changes.sections.map((c) => [c.sectionId, c.change])).toEqual([
      [first!.id, 'changed'],
      ['new-section', 'added'],
      [second!.id, 'removed'],
    ]);
  });
});

describe('the control document', () => {
  it('keeps one current clearance, replaced by the next, and the history of all', () => {
    const made = malaysiaBrief();
    const content = docOf(made);
    const control = new Y.Doc();
    const first = makeClearance(Y.encodeStateAsUpdate(content), lead, '2026-11-30T10:00:00.000Z', 'clr-1');
    control.transact(() => recordClearance(control, first));
    content.transact(() => updateSection(content, { ...made.sections[0]!, position: 'Later text' }));
    const second = makeClearance(Y.encodeStateAsUpdate(content), lead, '2026-11-30T11:00:00.000Z', 'clr-2');
    control.transact(() => recordClearance(control, second));
    // Through an update, as a member receives it.
    const member = new Y.Doc();
    Y.applyUpdate(member, Y.encodeStateAsUpdate(control));
    expect(currentClearance(member)?.id).toBe('clr-2');
    expect(readClearance(currentClearance(member)!).sections[0]!.position).toBe('Later text');
    expect(clearanceHistory(member).map((h) => h.id)).toEqual(['clr-2', 'clr-1']);
    expect(clearanceHistory(member)[0]).not.toHaveProperty('state');
  });

  it('reads a damaged entry as absent, never as a clearance or an assignment', () => {
    const control = new Y.Doc();
    control.getMap('clearance').set('current', { id: 'x', hash: 'not a hash' });
    control.getMap('assignments').set('s1', { memberId: '' });
    assignSection(control, 's2', { memberId: 'm-2', name: 'Budi', by: 'Aminah', at: '2026-11-30T10:00:00.000Z' });
    expect(currentClearance(control)).toBeUndefined();
    expect([...readAssignments(control).keys()]).toEqual(['s2']);
  });

  it('tells empty sections from drafted ones', () => {
    const section = malaysiaBrief().sections[0]!;
    expect(draftState({ ...section, objectives: '', position: '', talkingPoints: [] })).toBe('empty');
    expect(draftState({ ...section, position: 'x' })).toBe('drafted');
    expect(draftState({ ...section, talkingPoints: [{ id: 't', text: 'Say this' }] })).toBe('drafted');
  });
});

const options: PackOptions = { profile: 'internal', parts: PACK_PARTS, paper: 'a4', language: 'en', printedAt: '2026-12-01T09:00:00.000Z' };
const texts = (doc: ReturnType<typeof composePack>) => doc.chapters.flatMap((c) => c.blocks.flatMap(blockTexts)).join('\n');

describe('the pack of a cleared brief', () => {
  const made = malaysiaBrief();
  const clearedDoc = docOf({ ...made, sections: made.sections.map((s, i) => (i === 0 ? { ...s, position: 'CLEARED-WORDING stays' } : s)) });
  const clearance = makeClearance(Y.encodeStateAsUpdate(clearedDoc), lead, '2026-11-30T10:00:00.000Z', 'clr-1');
  // After clearance the drafter rewrites the position.
  const current = { ...made, sections: made.sections.map((s, i) => (i === 0 ? { ...s, position: 'DRAFTER-REWRITE since' } : s)) };
  const input = packInputFor(current);

  it('is built from the snapshot: the cleared words, no DRAFT watermark, the cover says cleared with the fingerprint', () => {
    const doc = composePack(clearedPackInput(input, readClearance(clearance)), { ...options, clearance: packClearance(clearance, 'cleared') }, taggedFormat);
    expect(texts(doc)).toContain('CLEARED-WORDING stays');
    expect(texts(doc)).not.toContain('DRAFTER-REWRITE');
    expect(doc.draft).toBe(false);
    expect(doc.cover.clearance).toBe(`Cleared version: cleared by Aminah (lead) on time:2026-11-30T10:00:00.000Z (SHA-256 ${clearance.hash.slice(0, 12)}…)`);
  });

  it('prints the current text only when chosen, saying so on its cover, with the DRAFT watermark', () => {
    const doc = composePack(input, { ...options, clearance: packClearance(clearance, 'current') }, taggedFormat);
    expect(texts(doc)).toContain('DRAFTER-REWRITE since');
    expect(doc.draft).toBe(true);
    expect(doc.cover.clearance).toMatch(/^UNCLEARED VERSION: this pack prints the current text/);
  });

  it('of a brief never cleared stays as before: no clearance line, watermark from the status', () => {
    const doc = composePack(input, options, taggedFormat);
    expect(doc.cover.clearance).toBe('');
    expect(doc.draft).toBe(true);
  });
});

