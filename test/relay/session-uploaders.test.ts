import { afterEach, beforeEach, expect, it } from 'vitest';
import * as Y from 'yjs';
import { parseRelayNotice, relayDocumentName } from '../../shared/collab/relay-protocol';
import { connectClient, member, registerBriefing, startTestRelay, synced, until, type TestClient, type TestMember, type TestRelay } from './relay-harness';

/*
 * Who uploaded an unnamed session (an older app's, no authors entry) first is kept on disk
 * (relay/session-uploaders.ts): after a relay restart that member's next live edits under it are
 * applied, while another member's edits under it are still held for the lead.
 */

let relay: TestRelay;
const clients: TestClient[] = [];
const lead = member('Aminah', 'lead');
const budi = member('Budi', 'drafter');
const siti = member('Siti', 'drafter');
let id: string;

function open(who: TestMember, doc?: Y.Doc): TestClient {
  const client = connectClient(relay, id, who, 'content', doc ? { doc } : {});
  clients.push(client);
  return client;
}
const onRelay = () => relay.current.hocuspocus.documents.get(relayDocumentName(id, 'content')) as unknown as Y.Doc | undefined;
const body = (doc: Y.Doc | undefined) => doc?.getText('body').toString() ?? '';
const held = (client: TestClient) => client.notices.some((n) => parseRelayNotice(n)?.code === 'edits-held');

beforeEach(async () => {
  relay = await startTestRelay();
  id = await registerBriefing(relay, [lead, budi, siti]);
});
afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await relay.close();
});

it('a member’s own unnamed session is still theirs after a relay restart; a colleague’s edit under it is held', async () => {
  const older = open(siti);
  await until(() => synced(older), 'Siti connected');
  // An older app: content with no authors entry, Siti uploads it first.
  older.doc.getText('body').insert(0, 'Old words. ');
  await until(() => synced(older) && body(onRelay()) === 'Old words. ', 'on the relay');

  await relay.restart();
  await until(() => synced(older), 'Siti back after the restart');
  older.doc.getText('body').insert(body(older.doc).length, 'More words.');
  await until(() => body(onRelay()) === 'Old words. More words.' || held(older), 'applied or held');
  expect(held(older)).toBe(false);
  expect(body(onRelay())).toBe('Old words. More words.');

  // Budi writing under Siti's unnamed session: held for the lead, not applied.
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(older.doc));
  copy.clientID = older.doc.clientID;
  const carrier = open(budi, copy);
  await until(() => synced(carrier), 'Budi connected');
  copy.getText('body').insert(copy.getText('body').length, ' Not Siti’s.');
  await until(() => held(carrier), 'Budi’s edit held');
  expect(body(onRelay())).toBe('Old words. More words.');
});
