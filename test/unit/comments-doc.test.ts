import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addReply, addThread, CommentRefused, COMMENT_MAX_LENGTH, openThreadCounts, readThreads, sectionThreads, setThreadState } from '../../shared/collab/comments-doc';

const reviewer = { memberId: 'm-reviewer', name: 'Chanthy' };
const lead = { memberId: 'm-lead', name: 'Aminah' };

function sync(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

describe('comments document', () => {
  it('keeps threads on a section or a talking point, with replies, resolve and reopen on record', () => {
    const doc = new Y.Doc();
    addThread(doc, { id: 't1', sectionId: 's1', author: reviewer, at: '2026-12-01T10:00:00.000Z', text: '  Cite the 2025 plan.  ' });
    addThread(doc, { id: 't2', sectionId: 's1', talkingPointId: 'tp-2', author: reviewer, at: '2026-12-01T10:01:00.000Z', text: 'Too long.' });
    addThread(doc, { id: 't3', sectionId: 's2', author: lead, at: '2026-12-01T10:02:00.000Z', text: 'Check the date.' });
    addReply(doc, 't1', { id: 'r1', author: lead, at: '2026-12-01T10:05:00.000Z', text: 'Done.' });
    setThreadState(doc, 't1', { state: 'resolved', by: lead, at: '2026-12-01T10:06:00.000Z' });

    const threads = readThreads(doc);
    expect(threads.map((t) => t.id)).toEqual(['t1', 't2', 't3']);
    const [t1, t2] = threads;
    expect(t1).toMatchObject({ text: 'Cite the 2025 plan.', author: reviewer, state: 'resolved', replies: [{ id: 'r1', text: 'Done.', author: lead }] });
    expect(t1!.history).toEqual([{ state: 'resolved', by: lead, at: '2026-12-01T10:06:00.000Z' }]);
    expect(t2).toMatchObject({ talkingPointId: 'tp-2', state: 'open' });
    expect(openThreadCounts(threads)).toEqual(new Map([['s1', 1], ['s2', 1]]));
    // Open first, then resolved.
    expect(sectionThreads(threads, 's1').map((t) => t.id)).toEqual(['t2', 't1']);

    setThreadState(doc, 't1', { state: 'open', by: reviewer, at: '2026-12-01T11:00:00.000Z' });
    const reopened = readThreads(doc)[0]!;
    expect(reopened.state).toBe('open');
    expect(reopened.history.map((h) => `${h.state} by ${h.by.name}`)).toEqual(['resolved by Aminah', 'open by Chanthy']);
    // Resolving what is already open again changes nothing.
    const before = Y.encodeStateVector(doc);
    setThreadState(doc, 't1', { state: 'open', by: lead, at: '2026-12-01T11:01:00.000Z' });
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });

  it('refuses empty and too long comments, and replies to a thread that does not exist', () => {
    const doc = new Y.Doc();
    expect(() => addThread(doc, { id: 't', sectionId: 's', author: lead, at: 'x', text: '   ' })).toThrow(CommentRefused);
    expect(() => addThread(doc, { id: 't', sectionId: 's', author: lead, at: 'x', text: 'a'.repeat(COMMENT_MAX_LENGTH + 1) })).toThrow(/too-long/);
    expect(() => addReply(doc, 'nope', { id: 'r', author: lead, at: 'x', text: 'hi' })).toThrow(/no-thread/);
    expect(readThreads(doc)).toEqual([]);
  });

  it('merges two members commenting, replying and resolving at once without losing anything', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    addThread(a, { id: 't1', sectionId: 's1', author: reviewer, at: '2026-12-01T10:00:00.000Z', text: 'First.' });
    sync(a, b);
    addReply(a, 't1', { id: 'ra', author: reviewer, at: '2026-12-01T10:01:00.000Z', text: 'From A.' });
    addReply(b, 't1', { id: 'rb', author: lead, at: '2026-12-01T10:01:00.000Z', text: 'From B.' });
    setThreadState(b, 't1', { state: 'resolved', by: lead, at: '2026-12-01T10:02:00.000Z' });
    addThread(a, { id: 't2', sectionId: 's1', author: reviewer, at: '2026-12-01T10:03:00.000Z', text: 'Second.' });
    sync(a, b);
    expect(readThreads(a)).toEqual(readThreads(b));
    const [t1, t2] = readThreads(a);
    expect(t1!.replies.map((r) => r.id).sort()).toEqual(['ra', 'rb']);
    expect(t1!.state).toBe('resolved');
    expect(t2!.text).toBe('Second.');
  });

  it('ignores a malformed thread instead of failing', () => {
    const doc = new Y.Doc();
    const bad = new Y.Map<unknown>();
    doc.getMap('threads').set('bad', bad);
    bad.set('id', 'bad');
    addThread(doc, { id: 'ok', sectionId: 's', author: lead, at: '2026-12-01T10:00:00.000Z', text: 'Fine.' });
    expect(readThreads(doc).map((t) => t.id)).toEqual(['ok']);
  });
});
