import { Server } from '@hocuspocus/server';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { readBriefingDoc } from '../../shared/collab/briefing-doc';
import { updateSection } from '../../shared/collab/briefing-doc-changes';
import { changeBriefingDoc, loadBriefingDoc } from '../../renderer/collab/briefing-docs';
import { joinSharedBriefing, relayTargetFor, setRelayTarget } from '../../renderer/collab/briefing-relay';
import { isAllowedRelayUrl } from '../../shared/collab/relay-token';
import { connectToRelay } from '../../renderer/collab/connection';
import { ensureBuiltinDataset } from '../../renderer/db/builtin';
import { db } from '../../renderer/db/db';
import { createBriefingForMeeting, deleteBriefing, loadBriefing } from '../../renderer/features/briefings/repo';
import { renderAppAt } from './render-app';

const servers: Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.destroy();
});

describe('a shared briefing in the editor', () => {
  it('shows synced, then offline with the changes waiting, and nothing typed is lost', async () => {
    const server = new Server({ port: 0, address: '127.0.0.1', quiet: true, async onAuthenticate({ token }) { if (token !== 'member') throw new Error('bad-token'); } });
    await server.listen();
    servers.push(server);
    await ensureBuiltinDataset(db);
    const id = await createBriefingForMeeting({ meetingId: 'asoen-36', title: 'Shared brief', delegation: 'MY', author: 'Aminah', classification: 'OFFICIAL' });
    await setRelayTarget(id, { url: `ws://127.0.0.1:${server.address.port}`, documentName: 'briefing/component-test-doc/content', credential: 'member' });
    const user = userEvent.setup();
    await renderAppAt(`/briefings/${id}?item=asoen-36-ajdec-19`);
    const status = await screen.findByRole('status', { name: 'Delegation relay' });
    await waitFor(() => expect(status.textContent).toBe('Synced with the delegation'), { timeout: 10_000 });
    await server.destroy();
    servers.splice(0);
    await waitFor(() => expect(status.dataset.relayState).toBe('offline'), { timeout: 20_000 });
    await user.type(screen.getByLabelText('Objectives'), 'abc');
    await waitFor(() => expect(status.textContent).toBe('Offline: changes waiting: 3'));
    expect((screen.getByLabelText('Objectives') as HTMLTextAreaElement).value).toBe('abc');
  });

  it('takes relay addresses under the feed rules: wss anywhere, ws on loopback only', async () => {
    expect(['wss://relay.kln.gov.my/collab', 'ws://127.0.0.1:8765', 'ws://localhost:1234', 'ws://[::1]:9'].map(isAllowedRelayUrl)).toEqual([true, true, true, true]);
    expect(['ws://relay.kln.gov.my', 'https://relay.kln.gov.my', 'wss//x', 'javascript:alert(1)'].map(isAllowedRelayUrl)).toEqual([false, false, false, false]);
    await expect(setRelayTarget('b1', { url: 'ws://relay.kln.gov.my', documentName: 'briefing/x/content', credential: 'c' })).rejects.toThrow(/wss:\/\//);
    await db.settings.put({ key: 'relay.target:b1', value: { url: 'ws://relay.kln.gov.my', documentName: 'd', credential: 'c' } });
    expect(await relayTargetFor('b1')).toBeUndefined();
  });

  it('a member joins: the briefing comes from the relay and is stored like any other; a wrong credential stores nothing', async () => {
    const server = new Server({ port: 0, address: '127.0.0.1', quiet: true, async onAuthenticate({ token }) { if (token !== 'member') throw new Error('bad-token'); } });
    await server.listen();
    servers.push(server);
    await ensureBuiltinDataset(db);
    const id = await createBriefingForMeeting({ meetingId: 'asoen-36', title: 'Lead’s brief', delegation: 'MY', author: 'Aminah', classification: 'OFFICIAL' });
    const sectionId = `${id}:asoen-36-ajdec-19`;
    await changeBriefingDoc(id, (doc) => updateSection(doc, { ...readBriefingDoc(doc).sections.find((s) => s.id === sectionId)!, position: 'The lead’s position' }));
    const target = { url: `ws://127.0.0.1:${server.address.port}`, documentName: 'briefing/join-test-document/content', credential: 'member' };
    // The lead's machine uploads the briefing.
    const leadDoc = (await loadBriefingDoc(id))!;
    const lead = connectToRelay(leadDoc, target);
    await waitFor(() => expect(lead.status.state).toBe('synced'), { timeout: 10_000 });
    // The member's machine does not have it.
    await deleteBriefing(id);
    expect(await joinSharedBriefing({ ...target, credential: 'wrong' }, { timeoutMs: 10_000 })).toEqual({ ok: false, reason: expect.any(String) });
    expect(await db.briefings.count()).toBe(0);
    expect(await joinSharedBriefing(target)).toEqual({ ok: true, briefingId: id });
    lead.destroy();
    expect((await loadBriefing(id))?.sections.find((s) => s.id === sectionId)?.position).toBe('The lead’s position');
    expect(await relayTargetFor(id)).toEqual(target);
    await renderAppAt(`/briefings/${id}?item=asoen-36-ajdec-19`);
    expect(((await screen.findByLabelText('National position')) as HTMLTextAreaElement).value).toBe('The lead’s position');
  });
});
