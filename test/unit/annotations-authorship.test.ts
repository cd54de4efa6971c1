import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { checkCommentsUpdate, type CommentsSender } from '../../shared/collab/comments-authorship';
import { addThread } from '../../shared/collab/comments-doc';
import { ANNOTATION_NOTE_MAX, annotationsRoot, putDelegationAnnotation, readDelegationAnnotations, withdrawDelegationAnnotation, type DelegationAnnotation } from '../../shared/collab/delegation-annotations';

/*
 * The relay's check of annotations shared in a briefing's comments document, as it runs on the
 * relay (checkCommentsUpdate on a probe mirroring the stored document): written as oneself,
 * replaced only by the author with the same identity, never removed, never malformed.
 */

const lead: CommentsSender = { memberId: 'm-lead', role: 'lead' };
const drafter: CommentsSender = { memberId: 'm-drafter', role: 'drafter' };
const reviewer: CommentsSender = { memberId: 'm-reviewer', role: 'reviewer' };
const SHA = 'a'.repeat(64);

function annotation(id: string, by: CommentsSender, over: Partial<DelegationAnnotation> = {}): DelegationAnnotation {
  return {
    id,
    author: { memberId: by.memberId, name: by.memberId.slice(2) },
    paper: { sha256: SHA, name: 'statement.pdf', title: 'Draft joint statement', meetingId: 'mtg-1' },
    quote: { exact: 'sustainable fisheries', prefix: 'commit to ', suffix: ' management' },
    position: { start: 120, end: 141 },
    page: 2,
    kind: 'note',
    color: 'yellow',
    note: 'Our line: support.',
    createdAt: '2026-12-01T10:00:00.000Z',
    updatedAt: '2026-12-01T10:00:00.000Z',
    ...over,
  };
}

/** The relay's stored document: one thread (so no lead counts as restoring) and the drafter's annotation. */
function stored(): Y.Doc {
  const doc = new Y.Doc();
  addThread(doc, { id: 't1', sectionId: 's1', author: { memberId: lead.memberId, name: 'lead' }, at: '2026-12-01T09:00:00.000Z', text: 'Start.' });
  putDelegationAnnotation(doc, annotation('a1', drafter));
  return doc;
}

/** What `change`, made on a member's copy of the stored document, gets from the relay's check. */
function verdictOf(sender: CommentsSender, change: (doc: Y.Doc) => void) {
  // Built from the stored document's update, as the relay builds its probes (relay/probe-docs.ts).
  const probe = new Y.Doc();
  Y.applyUpdate(probe, Y.encodeStateAsUpdate(stored()));
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(probe));
  const vector = Y.encodeStateVector(copy);
  change(copy);
  return checkCommentsUpdate(probe, Y.encodeStateAsUpdate(copy, vector), sender);
}
const refusalOf = (sender: CommentsSender, change: (doc: Y.Doc) => void) => {
  const verdict = verdictOf(sender, change);
  return verdict.ok ? 'accepted' : verdict.refusal;
};

describe('shared annotations on the relay', () => {
  it('a member shares, edits and withdraws their own annotation', () => {
    expect(refusalOf(reviewer, (doc) => putDelegationAnnotation(doc, annotation('a2', reviewer)))).toBe('accepted');
    expect(refusalOf(drafter, (doc) => putDelegationAnnotation(doc, annotation('a1', drafter, { note: 'Support, with the 2030 date.', updatedAt: '2026-12-01T11:00:00.000Z' })))).toBe('accepted');
    expect(refusalOf(drafter, (doc) => withdrawDelegationAnnotation(doc, 'a1', { memberId: drafter.memberId, name: 'drafter' }, '2026-12-01T12:00:00.000Z'))).toBe('accepted');
  });

  it('an annotation written in another member’s name is refused', () => {
    expect(refusalOf(reviewer, (doc) => putDelegationAnnotation(doc, annotation('a2', drafter)))).toBe('not-author');
  });

  it('only its author edits or withdraws it, the lead included', () => {
    // Written as the editor, over the drafter's entry.
    expect(refusalOf(reviewer, (doc) => annotationsRoot(doc).set('a1', annotation('a1', reviewer, { note: 'Oppose.' })))).toBe('not-author');
    // Written as the drafter, by someone else.
    expect(refusalOf(lead, (doc) => annotationsRoot(doc).set('a1', annotation('a1', drafter, { note: 'Oppose.' })))).toBe('not-author');
    expect(refusalOf(lead, (doc) => annotationsRoot(doc).set('a1', { ...annotation('a1', drafter), quote: { exact: '', prefix: '', suffix: '' }, note: '', deletedAt: '2026-12-01T12:00:00.000Z' }))).toBe('not-author');
  });

  it('an entry is never removed, and its identity never changes', () => {
    expect(refusalOf(drafter, (doc) => annotationsRoot(doc).delete('a1'))).toBe('immutable');
    expect(refusalOf(drafter, (doc) => annotationsRoot(doc).set('a1', annotation('a1', drafter, { paper: { sha256: 'b'.repeat(64), name: 'x.pdf', title: 'X' } })))).toBe('immutable');
    expect(refusalOf(drafter, (doc) => annotationsRoot(doc).set('a1', annotation('a1', drafter, { createdAt: '2026-12-02T00:00:00.000Z' })))).toBe('immutable');
  });

  it('malformed or oversized values are refused', () => {
    expect(refusalOf(drafter, (doc) => annotationsRoot(doc).set('a3', { ...annotation('a3', drafter), note: 'x'.repeat(ANNOTATION_NOTE_MAX + 1) }))).toBe('malformed');
    expect(refusalOf(drafter, (doc) => annotationsRoot(doc).set('a3', annotation('other-id', drafter)))).toBe('malformed');
    expect(refusalOf(drafter, (doc) => annotationsRoot(doc).set('a3', { ...annotation('a3', drafter), script: '<img onerror>' }))).toBe('malformed');
    expect(refusalOf(drafter, (doc) => annotationsRoot(doc).set('a3', new Y.Map()))).toBe('malformed');
    expect(refusalOf(drafter, (doc) => annotationsRoot(doc).set('a3', annotation('a3', drafter, { position: { start: 50, end: 10 } })))).toBe('malformed');
    // A tombstone keeps no words.
    expect(refusalOf(drafter, (doc) => annotationsRoot(doc).set('a1', annotation('a1', drafter, { deletedAt: '2026-12-01T12:00:00.000Z' })))).toBe('malformed');
  });

  it('lists live annotations only; a withdrawn one keeps no words', () => {
    const doc = stored();
    putDelegationAnnotation(doc, annotation('a2', reviewer, { createdAt: '2026-12-01T09:30:00.000Z' }));
    expect(readDelegationAnnotations(doc).map((a) => a.id)).toEqual(['a2', 'a1']);
    withdrawDelegationAnnotation(doc, 'a1', { memberId: drafter.memberId, name: 'drafter' }, '2026-12-01T12:00:00.000Z');
    expect(readDelegationAnnotations(doc).map((a) => a.id)).toEqual(['a2']);
    expect(JSON.stringify(annotationsRoot(doc).get('a1'))).not.toContain('fisheries');
    expect(() => withdrawDelegationAnnotation(doc, 'a2', { memberId: drafter.memberId, name: 'drafter' }, 'x')).toThrow(/not-author/);
  });
});
