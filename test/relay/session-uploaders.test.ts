import { afterEach, beforeEach, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { bodyText, contentClients, documentOnRelay, member, registerBriefing, sameSessionCopy, startTestRelay, synced, toldEditsHeld, until, type TestClient, type TestMember, type TestRelay } from './relay-harness';

/*
 * Who uploaded an unnamed session (an older app's, no authors entry) first is kept on disk
 * (relay/session-uploaders.ts): after a relay restart that member's next live edits under it are
 * applied, while another member's edits under it are still held for the lead.
 */

let relay: TestRelay;
const clients = contentClients();
const lead = member('Aminah', 'lead');
const budi = member('Budi', 'drafter');
const siti = member('Siti', 'drafter');
let id: string;

const open = (who: TestMember, doc?: Y.Doc): TestClient => clients.open(relay, id, who, doc);
const onRelay = () => documentOnRelay(relay, id);

beforeEach(async () => {
  relay = await startTestRelay();
  id = await registerBriefing(relay, [lead, budi, siti]);
});
afterEach(async () => {
  clients.destroyAll();
  await relay.close();
});

it('a member’s own unnamed session is still theirs after a relay restart; a colleague’s edit under it is held', async () => {
  const older = open(siti);
  await until(() => synced(older), 'Siti connected');
  // An older app: content with no authors entry, Siti uploads it first.
  older.doc.getText('body').insert(0, 'Old words. ');
  await until(() => synced(older) && bodyText(onRelay()) === 'Old words. ', 'on the relay');

  await relay.restart();
  await until(() => synced(older), 'Siti back after the restart');
  older.doc.getText('body').insert(bodyText(older.doc).length, 'More words.');
  await until(() => bodyText(onRelay()) === 'Old words. More words.' || toldEditsHeld(older), 'applied or held');
  expect(toldEditsHeld(older)).toBe(false);
  expect(bodyText(onRelay())).toBe('Old words. More words.');

  // Budi writing under Siti's unnamed session: held for the lead, not applied.
  const copy = sameSessionCopy(older.doc);
  const carrier = open(budi, copy);
  await until(() => synced(carrier), 'Budi connected');
  copy.getText('body').insert(copy.getText('body').length, ' Not Siti’s.');
  await until(() => toldEditsHeld(carrier), 'Budi’s edit held');
  expect(bodyText(onRelay())).toBe('Old words. More words.');
});
