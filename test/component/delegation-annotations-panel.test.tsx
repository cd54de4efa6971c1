import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ShownAnnotation } from '../../shared/papers/colleague-annotations';
import type { Annotation } from '../../shared/papers/model';
import { acquireCommentsWorkspace, releaseCommentsWorkspace, type CommentsWorkspace } from '../../renderer/collab/comments-workspace';
import { whenLoaded } from '../../renderer/collab/delegation-annotations-session';
import { db } from '../../renderer/db/db';
import type { ShareTarget } from '../../renderer/papers/annotations/annotation-sharing';
import { AnnotationPanel } from '../../renderer/papers/annotations/AnnotationPanel';

/*
 * The paper's annotation panel with a shared briefing in the meeting: one's own annotation can
 * be shared with its delegation (written to the briefing's comments document) and unshared; a
 * colleague's shared one shows its author and the Delegation badge, and cannot be changed.
 */
const now = '2026-12-02T06:00:00.000Z';
const SHA = 'd'.repeat(64);
const mine: Annotation = {
  id: 'a-mine',
  paperId: 'p1',
  kind: 'note',
  note: 'Ask about the 2030 date',
  color: 'yellow',
  target: { versionId: 'v1', quote: { type: 'TextQuoteSelector', exact: 'welcomed Malaysia as host', prefix: 'The meeting ', suffix: ' of the summit' }, position: { type: 'TextPositionSelector', start: 12, end: 37 }, page: 1, status: 'anchored' },
  previousTargets: [],
  scope: 'private',
  createdAt: now,
  createdBy: 'Aminah',
  updatedAt: now,
};
const colleagues: ShownAnnotation = {
  ...mine,
  id: 'delegation:b1:a-budi',
  note: 'Support the host offer.',
  color: 'green',
  target: { ...mine.target, quote: { ...mine.target.quote, exact: 'as host' }, position: { type: 'TextPositionSelector', start: 30, end: 37 } },
  scope: 'delegation',
  shared: { briefingId: 'b1', versionId: 'v1' },
  createdBy: 'Budi',
  colleague: { author: { memberId: 'member-budi-0123456789', name: 'Budi' }, briefingId: 'b1' },
};
const briefing: ShareTarget = { briefingId: 'b1', title: 'ASEAN Ministers on Fisheries', memberId: 'member-aminah-012345678', name: 'Aminah', role: 'lead' };

let workspace: CommentsWorkspace | undefined;
beforeEach(async () => {
  await Promise.all([db.annotations.clear(), db.papers.clear(), db.paperVersions.clear(), db.settings.delete('sharing:b1')]);
  await db.annotations.put(mine);
  await db.papers.put({ id: 'p1', title: 'Draft joint statement', owner: { kind: 'meeting', id: 'm1' }, ownerKey: 'meeting:m1', meetingId: 'm1', currentVersionId: 'v1', createdAt: now, createdBy: 'Aminah', updatedAt: now });
  await db.paperVersions.put({ id: 'v1', paperId: 'p1', revision: 0, label: '', name: 'statement.pdf', type: 'application/pdf', size: 10, sha256: SHA, isPdf: true, addedAt: now, addedBy: 'Aminah' });
  await db.settings.put({ key: 'sharing:b1', value: { relayUrl: 'ws://127.0.0.1:4455', documentId: 'doc-id-0123456789ab', memberId: briefing.memberId, name: 'Aminah', role: 'lead' } });
});
afterEach(() => {
  if (workspace) releaseCommentsWorkspace(workspace);
  workspace = undefined;
});

const shownOn = async () => {
  workspace = acquireCommentsWorkspace('b1');
  await whenLoaded(workspace);
  return workspace;
};

describe('annotations shared with the delegation, in the paper’s panel', () => {
  it('a colleague’s shows its author and the Delegation badge, read-only', () => {
    render(<AnnotationPanel annotations={[mine, colleagues]} shareTargets={[briefing]} onGo={() => undefined} />);
    const theirs = screen.getByRole('listitem', { name: 'Budi’s annotation on “as host”' });
    expect(within(theirs).getByText('By Budi')).toBeTruthy();
    expect(within(theirs).getByText('Delegation')).toBeTruthy();
    expect(within(theirs).getByText('Support the host offer.')).toBeTruthy();
    expect(within(theirs).queryByRole('textbox')).toBeNull();
    expect(within(theirs).queryAllByRole('button').map((b) => b.textContent)).toEqual(['Page 1']);
    expect(within(theirs).queryByRole('combobox')).toBeNull();
    // One's own stays editable, and private until shared.
    const own = screen.getByRole('listitem', { name: 'Annotation on “welcomed Malaysia as host”' });
    expect(within(own).getByRole('textbox')).toBeTruthy();
    expect(within(own).getByText('Private')).toBeTruthy();
  });

  it('one’s own is shared with the briefing’s delegation, then unshared', async () => {
    const user = userEvent.setup();
    const { rerender } = render(<AnnotationPanel annotations={[mine]} shareTargets={[briefing]} onGo={() => undefined} />);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Share with the delegation of' }), 'ASEAN Ministers on Fisheries');
    await waitFor(async () => expect((await db.annotations.get('a-mine'))?.shared).toEqual({ briefingId: 'b1', versionId: 'v1' }));
    const comments = await shownOn();
    await waitFor(() => expect(comments.current.annotations).toHaveLength(1));
    expect(comments.current.annotations[0]).toMatchObject({ id: 'a-mine', author: { memberId: briefing.memberId, name: 'Aminah' }, paper: { sha256: SHA, title: 'Draft joint statement' }, note: 'Ask about the 2030 date', quote: { exact: 'welcomed Malaysia as host' } });

    const shared = (await db.annotations.get('a-mine'))!;
    rerender(<AnnotationPanel annotations={[shared]} shareTargets={[briefing]} onGo={() => undefined} />);
    expect(screen.getByText('Delegation')).toBeTruthy();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Share with the delegation of' }), 'Not shared (private)');
    await waitFor(() => expect(comments.current.annotations).toHaveLength(0));
    expect((await db.annotations.get('a-mine'))?.scope).toBe('private');
  });

  it('deleting a shared one withdraws it from the delegation; undo shares it again', async () => {
    const user = userEvent.setup();
    const { rerender } = render(<AnnotationPanel annotations={[mine]} shareTargets={[briefing]} onGo={() => undefined} />);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Share with the delegation of' }), 'ASEAN Ministers on Fisheries');
    const comments = await shownOn();
    await waitFor(() => expect(comments.current.annotations.map((a) => a.id)).toEqual(['a-mine']));
    rerender(<AnnotationPanel annotations={[(await db.annotations.get('a-mine'))!]} shareTargets={[briefing]} onGo={() => undefined} />);
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(comments.current.annotations).toEqual([]));
    expect(await db.annotations.get('a-mine')).toBeUndefined();
    await user.click(await screen.findByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(comments.current.annotations.map((a) => [a.id, a.note])).toEqual([['a-mine', 'Ask about the 2030 date']]));
  });

  it('shared again after a revision, it is written as a fresh entry on the new revision (its old tombstone never changes paper)', async () => {
    const user = userEvent.setup();
    const { rerender } = render(<AnnotationPanel annotations={[mine]} shareTargets={[briefing]} onGo={() => undefined} />);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Share with the delegation of' }), 'ASEAN Ministers on Fisheries');
    const comments = await shownOn();
    await waitFor(() => expect(comments.current.annotations.map((a) => a.id)).toEqual(['a-mine']));
    // Rev.1 attached: the annotation moves there, and is then unshared (its tombstone keeps Rev.0's SHA-256).
    const SHA2 = 'e'.repeat(64);
    await db.paperVersions.put({ id: 'v2', paperId: 'p1', revision: 1, label: '', name: 'statement-rev1.pdf', type: 'application/pdf', size: 11, sha256: SHA2, isPdf: true, addedAt: now, addedBy: 'Aminah' });
    await db.annotations.update('a-mine', { target: { ...mine.target, versionId: 'v2' }, previousTargets: [mine.target] });
    rerender(<AnnotationPanel annotations={[(await db.annotations.get('a-mine'))!]} shareTargets={[briefing]} onGo={() => undefined} />);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Share with the delegation of' }), 'Not shared (private)');
    await waitFor(() => expect(comments.current.annotations).toEqual([]));

    rerender(<AnnotationPanel annotations={[(await db.annotations.get('a-mine'))!]} shareTargets={[briefing]} onGo={() => undefined} />);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Share with the delegation of' }), 'ASEAN Ministers on Fisheries');
    await waitFor(() => expect(comments.current.annotations.map((a) => a.paper.sha256)).toEqual([SHA2]));
    const entryId = comments.current.annotations[0]!.id;
    expect(entryId).not.toBe('a-mine');
    await waitFor(async () => expect((await db.annotations.get('a-mine'))?.shared).toEqual({ briefingId: 'b1', versionId: 'v2', entryId }));
    expect(screen.queryByRole('alert')).toBeNull();
    // Its later edits go to that entry, and unsharing withdraws it.
    rerender(<AnnotationPanel annotations={[(await db.annotations.get('a-mine'))!]} shareTargets={[briefing]} onGo={() => undefined} />);
    await user.click(screen.getByRole('button', { name: 'Green' }));
    await waitFor(() => expect(comments.current.annotations.map((a) => [a.id, a.color])).toEqual([[entryId, 'green']]));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Share with the delegation of' }), 'Not shared (private)');
    await waitFor(() => expect(comments.current.annotations).toEqual([]));
  });

  it('one the delegation cannot take stays private, and the panel says so', async () => {
    const user = userEvent.setup();
    // No words to point at: not a shareable annotation (the comments document refuses it).
    const wordless = { ...mine, target: { ...mine.target, quote: { ...mine.target.quote, exact: '' } } };
    await db.annotations.put(wordless);
    render(<AnnotationPanel annotations={[wordless]} shareTargets={[briefing]} onGo={() => undefined} />);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Share with the delegation of' }), 'ASEAN Ministers on Fisheries');
    expect((await screen.findByRole('alert')).textContent).toBe('Could not share this annotation with the delegation: it stays private. Try again.');
    const row = await db.annotations.get('a-mine');
    expect([row?.scope, row?.shared]).toEqual(['private', undefined]);
  });

  it('a shared note is capped at what the delegation sees; a private one is not', () => {
    const shared: Annotation = { ...mine, scope: 'delegation', shared: { briefingId: 'b1', versionId: 'v1' } };
    const { rerender } = render(<AnnotationPanel annotations={[mine]} shareTargets={[briefing]} onGo={() => undefined} />);
    expect(screen.getByRole('textbox').getAttribute('maxlength')).toBeNull();
    rerender(<AnnotationPanel annotations={[shared]} shareTargets={[briefing]} onGo={() => undefined} />);
    expect(screen.getByRole('textbox').getAttribute('maxlength')).toBe('4000');
  });

  it('a reader is not offered to share', () => {
    render(<AnnotationPanel annotations={[mine]} shareTargets={[{ ...briefing, role: 'reader' }]} onGo={() => undefined} />);
    expect(screen.queryByRole('combobox', { name: 'Share with the delegation of' })).toBeNull();
  });
});
