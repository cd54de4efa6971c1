import WebSocket from 'ws';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editAuthorsMap } from '../../shared/collab/attribution';
import { relayDocumentName } from '../../shared/collab/relay-protocol';
import { relayCredential } from '../../shared/collab/relay-token';
import { connectToRelay, type RelayConnection, type RelayStatus } from '../../renderer/collab/connection';
import type { RelayErrorCode } from '../../shared/collab/relay-protocol';
import { connectClient, member, registerBriefing, startTestRelay, type TestRelay } from '../relay/relay-harness';

/** ws reports a socket closed while connecting as an error nobody listens to; browsers only log it. */
class NodeWebSocket extends WebSocket {
  constructor(...args: ConstructorParameters<typeof WebSocket>) {
    super(...args);
    this.on('error', () => undefined);
  }
}

let relay: TestRelay;
beforeAll(async () => {
  relay = await startTestRelay({ log: () => undefined });
});
afterAll(async () => relay.close());

function until(connection: RelayConnection, test: (status: RelayStatus) => boolean): Promise<RelayStatus> {
  return new Promise((resolve) => {
    if (test(connection.status)) return resolve(connection.status);
    const off = connection.onStatus((status) => {
      if (test(status)) {
        off();
        resolve(status);
      }
    });
  });
}

const text = (doc: Y.Doc) => doc.getText('t').toString();

describe('the app’s relay connection', () => {
  it('takes the provider down when the network goes, and sends what was typed offline on its return', async () => {
    const lead = member('Aminah', 'lead');
    const drafter = member('Budi', 'drafter');
    const documentId = await registerBriefing(relay, [lead, drafter]);
    const other = connectClient(relay, documentId, lead);
    const network = new EventTarget() as EventTarget & { navigator: { onLine: boolean } };
    network.navigator = { onLine: true };
    const doc = new Y.Doc();
    const connection = connectToRelay(
      doc,
      { url: `ws://127.0.0.1:${relay.port}`, documentName: relayDocumentName(documentId, 'content'), credential: relayCredential(drafter.token) },
      { WebSocketPolyfill: NodeWebSocket, network: network as never },
    );
    await until(connection, (s) => s.state === 'synced');

    network.dispatchEvent(new Event('offline'));
    expect(connection.status.state).toBe('offline');
    doc.getText('t').insert(0, 'typed offline');
    expect(connection.status).toEqual({ state: 'offline', waiting: 1 });
    // Nothing reaches the others while offline.
    other.doc.getText('t').insert(0, 'lead online. ');
    expect(text(doc)).toBe('typed offline');

    network.dispatchEvent(new Event('online'));
    await until(connection, (s) => s.state === 'synced');
    await new Promise<void>((resolve) => {
      const check = () => text(other.doc).includes('typed offline') && text(doc).includes('lead online.') && (other.doc.off('update', check), resolve());
      other.doc.on('update', check);
      check();
    });
    expect(text(doc)).toBe(text(other.doc));
    connection.destroy();
    other.destroy();
  });

  it('reports the relay’s forbidden-write notice to a reader who edits', async () => {
    const lead = member('Aminah', 'lead');
    const reader = member('Chen', 'reader');
    const documentId = await registerBriefing(relay, [lead, reader]);
    const notices: RelayErrorCode[] = [];
    let noticed: () => void = () => undefined;
    const arrived = new Promise<void>((resolve) => (noticed = resolve));
    const doc = new Y.Doc();
    const connection = connectToRelay(
      doc,
      { url: `ws://127.0.0.1:${relay.port}`, documentName: relayDocumentName(documentId, 'content'), credential: relayCredential(reader.token) },
      {
        WebSocketPolyfill: NodeWebSocket,
        onNotice: (code) => {
          notices.push(code);
          noticed();
        },
      },
    );
    await until(connection, (s) => s.state === 'synced');
    doc.getText('t').insert(0, 'a reader tries');
    await arrived;
    expect(notices).toContain('forbidden-write');
    connection.destroy();
  });
  it('keeps syncing, and tells the member calmly, when the relay holds changes under another member\'s session', async () => {
    const lead = member('Aminah', 'lead');
    const drafter = member('Budi', 'drafter');
    const documentId = await registerBriefing(relay, [lead, drafter]);
    const leadClient = connectClient(relay, documentId, lead);
    // The drafter's machine holds a session recorded as the lead's that the relay lacks (it lost it).
    const leads = new Y.Doc();
    leads.transact(() => {
      editAuthorsMap(leads).set(String(leads.clientID), { memberId: lead.memberId, name: lead.name, at: '2026-12-01T10:00:00.000Z' });
      leads.getText('t').insert(0, 'in the lead\'s name');
    });
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(leads));
    const notices: RelayErrorCode[] = [];
    const names: (string[] | undefined)[] = [];
    const connection = connectToRelay(
      doc,
      { url: `ws://127.0.0.1:${relay.port}`, documentName: relayDocumentName(documentId, 'content'), credential: relayCredential(drafter.token) },
      { WebSocketPolyfill: NodeWebSocket, onNotice: (code, notice) => (notices.push(code), names.push(notice.names)) },
    );
    // Uploaded on connecting: held by the relay for the lead, never applied; the drafter is told whose.
    await new Promise<void>((resolve) => {
      const check = () => (notices.includes('edits-held') ? resolve() : setTimeout(check, 10));
      check();
    });
    expect(names[notices.indexOf('edits-held')]).toEqual(['Aminah']);
    const content = () => relay.current.hocuspocus.documents.get(relayDocumentName(documentId, 'content'));
    expect(content()?.getText('t').toString()).toBe('');
    expect(connection.status.state).not.toBe('refused');
    // The lead's next edit still reaches the drafter: the connection was not stopped.
    leadClient.doc.getText('t').insert(0, 'lead. ');
    await new Promise<void>((resolve) => {
      const check = () => (doc.getText('t').toString().includes('lead. ') ? resolve() : setTimeout(check, 10));
      check();
    });
    expect(leadClient.doc.getText('t').toString()).toBe('lead. ');
    connection.destroy();
    leadClient.destroy();
  });
});
