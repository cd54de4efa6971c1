import { Server } from '@hocuspocus/server';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import type { Briefing, Section } from '../../shared/briefing/model';
import { briefingDocUpdate, readBriefingDoc } from '../../shared/collab/briefing-doc';
import { updateSection } from '../../shared/collab/briefing-doc-changes';
import { connectToRelay, type RelayConnection, type RelayStatus } from '../../renderer/collab/connection';

/*
 * The client half against a plain Hocuspocus server on 127.0.0.1 (the relay of `relay/` adds
 * roles and persistence on top; its own tests cover those). Tokens here are stand-ins: the real
 * document names and credentials come from the relay contract.
 */

const at = '2026-11-23T10:00:00.000Z';
const briefing = { id: 'b1', meetingId: 'm', title: 'Brief', delegation: 'MY', author: 'A', classification: 'OFFICIAL', status: 'draft', statusHistory: [], keyMessages: '', bilaterals: [], members: [], contacts: [], logistics: '', review: [], createdAt: at, updatedAt: at } satisfies Briefing;
const section: Section = { id: 'b1:i1', briefingId: 'b1', agendaItemId: 'i1', order: 0, agendaTitle: 'Item', objectives: '', position: '', redLines: '', fallback: '', talkingPoints: [], background: '', targets: [], followUps: [], privateNotes: '', review: [], updatedAt: at };

const servers: Server[] = [];
const connections: RelayConnection[] = [];

async function startRelay(port = 0): Promise<Server> {
  const server = new Server({
    port,
    address: '127.0.0.1',
    quiet: true,
    async onAuthenticate({ token }) {
      if (token !== 'member-token') throw new Error('bad-token');
    },
  });
  await server.listen();
  servers.push(server);
  return server;
}

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`never happened: ${what}`);
}

function member(server: Server, doc: Y.Doc, credential = 'member-token', waitingAtStart = 0) {
  const statuses: RelayStatus[] = [];
  const connection = connectToRelay(doc, { url: `ws://127.0.0.1:${server.address.port}`, documentName: 'briefing/test-document-0001/content', credential }, { WebSocketPolyfill: WebSocket, waitingAtStart });
  connection.onStatus((s) => statuses.push(s));
  connections.push(connection);
  return { connection, statuses };
}

const edit = (doc: Y.Doc, objectives: (before: string) => string) =>
  doc.transact(() => {
    const s = readBriefingDoc(doc).sections[0]!;
    updateSection(doc, { ...s, objectives: objectives(s.objectives) });
  });
const objectives = (doc: Y.Doc) => readBriefingDoc(doc).sections[0]?.objectives;

afterEach(async () => {
  for (const c of connections.splice(0)) c.destroy();
  for (const s of servers.splice(0)) await s.destroy();
});

describe('a briefing document on the relay', () => {
  it('syncs two members, says synced, and counts changes made offline until the relay has them', async () => {
    const server = await startRelay();
    const lead = new Y.Doc();
    Y.applyUpdate(lead, briefingDocUpdate(briefing, [section]));
    const a = member(server, lead);
    await until(() => a.connection.status.state === 'synced', 'lead synced');
    const drafter = new Y.Doc();
    const b = member(server, drafter);
    await until(() => objectives(drafter) === '', 'drafter has the briefing');
    edit(drafter, () => 'Drafted by B');
    await until(() => objectives(lead) === 'Drafted by B', 'lead sees B');

    // The relay goes away: edits are counted as waiting, and kept.
    const port = server.address.port;
    await server.destroy();
    servers.splice(servers.indexOf(server), 1);
    await until(() => a.connection.status.state === 'offline', 'lead offline');
    edit(lead, (t) => `${t}, revised by A`);
    edit(lead, (t) => `${t} twice`);
    expect(a.connection.status).toEqual({ state: 'offline', waiting: 2 });
    edit(drafter, (t) => `B first: ${t}`);

    // A new relay with an empty database: both members upload what they have, and converge.
    const restarted = await startRelay(port);
    await until(() => a.connection.status.state === 'synced' && b.connection.status.state === 'synced', 'both synced again');
    await until(() => objectives(lead) === objectives(drafter) && objectives(lead) === 'B first: Drafted by B, revised by A twice', 'converged');
    expect(a.statuses.map((s) => s.state)).toContain('offline');
    expect(restarted.hocuspocus.getDocumentsCount()).toBe(1);
  });

  it('starts with the changes an earlier session left unconfirmed, and clears them once synced', async () => {
    const server = await startRelay();
    const doc = new Y.Doc();
    Y.applyUpdate(doc, briefingDocUpdate(briefing, [section]));
    const waiting: number[] = [];
    const connection = connectToRelay(doc, { url: `ws://127.0.0.1:${server.address.port}`, documentName: 'briefing/test-document-0002/content', credential: 'member-token' }, { WebSocketPolyfill: WebSocket, waitingAtStart: 5, onWaitingChange: (n) => waiting.push(n) });
    connections.push(connection);
    expect(connection.status).toEqual({ state: 'connecting', waiting: 5 });
    await until(() => connection.status.state === 'synced', 'synced');
    expect(waiting.at(-1)).toBe(0);
  });

  it('is refused with the relay’s reason for a wrong credential, and keeps the local document', async () => {
    const server = await startRelay();
    const doc = new Y.Doc();
    Y.applyUpdate(doc, briefingDocUpdate(briefing, [section]));
    const { connection } = member(server, doc, 'stolen-token');
    await until(() => connection.status.state === 'refused', 'refused');
    expect(connection.status).toMatchObject({ state: 'refused', reason: expect.any(String) });
    edit(doc, () => 'Still mine');
    expect(objectives(doc)).toBe('Still mine');
  });
});
