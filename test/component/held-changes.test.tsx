import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HeldChangeView } from '../../shared/collab/relay-api';
import { setRelayTarget } from '../../renderer/collab/briefing-relay';
import { RelayStatusNote } from '../../renderer/features/briefings/RelayStatus';
import { HeldChanges } from '../../renderer/features/sharing/HeldChanges';
import type { ShareRecord } from '../../renderer/features/sharing/share-record';
import type { BriefingDraft } from '../../renderer/store/briefing-editor-slice';
import { useAppStore } from '../../renderer/store/store';

/*
 * The lead's list of held changes against a relay answering as relay/held-edits-api.ts does
 * (fetch stands in for it here; test/relay/held-edits.test.ts proves the relay side): list,
 * accept and decline from the keyboard, the relay's refusals said plainly, and the list read
 * again when the relay pushes held-changed.
 */

const documentId = 'held-component-doc-0001';
const briefingId = 'b-held';
const record: ShareRecord = { relayUrl: 'ws://127.0.0.1:9', documentId, memberId: 'lead-member-id-00001', name: 'Aminah', role: 'lead' };

const budisWords: HeldChangeView = {
  heldId: 'held-change-budi-00001',
  uploadedBy: { memberId: 'siti-member-id-000001', name: 'Siti' },
  sessions: [{ memberId: 'budi-member-id-000001', name: 'Budi' }],
  items: 3,
  at: '2026-12-01T10:00:00.000Z',
  places: [
    { sectionId: 'b-held:item-1', sectionTitle: 'Item 1: Climate finance', field: 'position' },
    { sectionId: null, sectionTitle: null, field: 'keyMessages' },
  ],
  preview: 'Support the draft with reservations.',
};
const chensWords: HeldChangeView = { ...budisWords, heldId: 'held-change-chen-00001', sessions: [{ memberId: 'chen-member-id-000001', name: 'Chen' }], places: [], preview: '' };

type Answer = { status: number; body: unknown } | 'offline';
let held: HeldChangeView[];
let next: Answer[];
const calls: string[] = [];

beforeEach(async () => {
  held = [budisWords];
  next = [];
  calls.length = 0;
  vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
    const method = init.method ?? 'GET';
    calls.push(`${method} ${new URL(url).pathname}`);
    expect((init.headers as Record<string, string>).authorization).toBe('Bearer adb-relay-1.lead-token');
    const answer = next.shift();
    if (answer === 'offline') throw new TypeError('Failed to fetch');
    if (answer) return new Response(JSON.stringify(answer.body), { status: answer.status });
    const heldId = /\/held\/([^/]+)$/.exec(new URL(url).pathname)?.[1];
    if (heldId) held = held.filter((h) => h.heldId !== heldId);
    return new Response(JSON.stringify({ documentId, held }), { status: 200 });
  });
  await setRelayTarget(briefingId, { url: record.relayUrl, documentName: `briefing/${documentId}/content`, credential: 'adb-relay-1.lead-token' });
});
afterEach(() => vi.unstubAllGlobals());

const list = () => screen.getByRole('region', { name: /Changes waiting for your decision/ });

describe('the lead’s held changes', () => {
  it('lists whose words, who uploaded them, where and a preview; accepting from the keyboard applies them and empties the list', async () => {
    const user = userEvent.setup();
    render(<HeldChanges briefingId={briefingId} record={record} />);
    const change = await screen.findByRole('listitem', { name: 'Words by Budi' });
    expect(change.textContent).toContain('Uploaded by Siti');
    expect(within(change).getByText('Item 1: Climate finance — National position')).toBeTruthy();
    expect(within(change).getByText('General — Key messages')).toBeTruthy();
    expect(within(change).getByText('Support the draft with reservations.')).toBeTruthy();

    within(change).getByRole('button', { name: 'Accept the changes by Budi' }).focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(within(list()).getByRole('status').textContent).toBe('Accepted: the words by Budi are now in the briefing for everyone.'));
    expect(calls).toEqual([`GET /v1/briefings/${documentId}/held`, `POST /v1/briefings/${documentId}/held/${budisWords.heldId}`]);
    expect(screen.queryByRole('listitem', { name: 'Words by Budi' })).toBeNull();
  });

  it('declines; a refused accept stays listed with the reason; offline and not-lead are said plainly', async () => {
    held = [budisWords, chensWords];
    const user = userEvent.setup();
    render(<HeldChanges briefingId={briefingId} record={record} />);
    await screen.findByRole('listitem', { name: 'Words by Chen' });
    expect(within(screen.getByRole('listitem', { name: 'Words by Chen' })).getByText('No text: changes to lists, dates or choices.')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Decline the changes by Chen' }));
    await waitFor(() => expect(within(list()).getByRole('status').textContent).toBe('Declined: the changes by Chen were deleted from the relay.'));
    expect(calls.at(-1)).toBe(`DELETE /v1/briefings/${documentId}/held/${chensWords.heldId}`);
    expect(screen.queryByRole('listitem', { name: 'Words by Chen' })).toBeNull();

    next = [{ status: 409, body: { error: 'held-refused', message: 'not-author: an edit attributed to someone else' } }];
    await user.click(screen.getByRole('button', { name: 'Accept the changes by Budi' }));
    expect((await within(list()).findByRole('alert')).textContent).toBe('The relay would not apply this change: it fails the checks on who wrote what. It stays held; you can decline it.');
    await waitFor(() => expect(calls.at(-1)).toBe(`GET /v1/briefings/${documentId}/held`));
    expect(screen.getByRole('listitem', { name: 'Words by Budi' })).toBeTruthy();

    next = ['offline'];
    await user.click(screen.getByRole('button', { name: 'Accept the changes by Budi' }));
    await waitFor(() => expect(within(list()).getByRole('alert').textContent).toBe('The relay cannot be reached. The held changes stay on the relay: try again when you are online.'));
    expect(screen.getByRole('listitem', { name: 'Words by Budi' })).toBeTruthy();

    next = [{ status: 403, body: { error: 'forbidden', message: 'only a lead manages members' } }];
    await user.click(screen.getByRole('button', { name: 'Refresh held changes' }));
    await waitFor(() => expect(within(list()).getByRole('alert').textContent).toBe('Only the head of delegation can see and decide on held changes.'));
  });

  it('reads the list again when the relay says it changed (a member’s upload was just held)', async () => {
    act(() => useAppStore.setState({ draft: { briefing: { id: briefingId }, sections: {}, order: [] } as unknown as BriefingDraft }));
    held = [];
    render(<HeldChanges briefingId={briefingId} record={record} />);
    await waitFor(() => expect(within(list()).getByRole('status').textContent).toBe('No changes are waiting.'));
    held = [budisWords];
    act(() => useAppStore.setState({ heldChanged: useAppStore.getState().heldChanged + 1 }));
    expect(await screen.findByRole('listitem', { name: 'Words by Budi' })).toBeTruthy();
  });
});

describe('the member whose upload was partly held', () => {
  it('is told whose words wait, by name, in the three languages', () => {
    act(() => useAppStore.setState({ relay: { state: 'synced', waiting: 0 }, relayNotice: 'edits-held', relayNoticeNames: ['Budi', 'Chen'] }));
    const { rerender } = render(<RelayStatusNote />);
    expect(screen.getByRole('alert').textContent).toBe('Changes by Budi and Chen that the relay had lost are waiting for the head of delegation to accept them. Your own changes keep syncing.');
    act(() => useAppStore.setState({ language: 'ms' }));
    rerender(<RelayStatusNote />);
    expect(screen.getByRole('alert').textContent).toBe('Perubahan oleh Budi dan Chen yang telah hilang daripada geganti sedang menunggu untuk diterima oleh ketua delegasi. Perubahan anda sendiri terus disegerakkan.');
    act(() => useAppStore.setState({ language: 'id' }));
    rerender(<RelayStatusNote />);
    expect(screen.getByRole('alert').textContent).toBe('Perubahan dari Budi dan Chen yang sempat hilang dari relay sedang menunggu diterima oleh ketua delegasi. Perubahan Anda sendiri tetap disinkronkan.');
    // Nobody named (a session with no member): the general sentence.
    act(() => useAppStore.setState({ language: 'en', relayNoticeNames: [] }));
    rerender(<RelayStatusNote />);
    expect(screen.getByRole('alert').textContent).toBe('Some of your colleagues’ changes that the relay had lost are waiting for the head of delegation to accept them. Your own changes keep syncing.');
  });
});
