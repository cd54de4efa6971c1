import { afterEach, beforeEach, expect, it } from 'vitest';
import { api, bodyText, contentClients, documentOnRelay, member, registerBriefing, registration, startTestRelay, synced, toldEditsHeld, until, type TestClient, type TestMember, type TestRelay } from './relay-harness';

/*
 * The case the interleavings property found (seed -1848576085): a relay that lost its data also
 * forgets who uploaded each unnamed session first (an older app's session, no authors entry:
 * relay/session-uploaders.ts). If a colleague's reconnect re-uploads Siti's unnamed session
 * before Siti does, the relay takes it for the colleague's, and Siti's next words under it are
 * held for the lead (docs/collaboration.md, "Sessions with no entry"): not applied, not lost, and
 * everyone has them once the lead accepts.
 */

let relay: TestRelay;
const clients = contentClients();
const lead = member('Aminah', 'lead');
const budi = member('Budi', 'drafter');
const siti = member('Siti', 'drafter');
let id: string;

const open = (who: TestMember): TestClient => clients.open(relay, id, who);
const onRelay = () => documentOnRelay(relay, id);

beforeEach(async () => {
  relay = await startTestRelay();
  id = await registerBriefing(relay, [lead, budi, siti]);
});
afterEach(async () => {
  clients.destroyAll();
  await relay.close();
});

it('after a data loss, words under an unnamed session a colleague re-uploaded first wait for the lead, then reach everyone', async () => {
  const aminah = open(lead);
  const carrier = open(budi);
  const older = open(siti);
  await until(() => [aminah, carrier, older].every(synced), 'all connected');
  older.doc.getText('body').insert(0, 'Old words. ');
  await until(() => [aminah, carrier].every((c) => bodyText(c.doc) === 'Old words. '), 'everyone has Siti’s words');

  // The relay loses its data folder; the lead registers the briefing again; only Budi reconnects.
  aminah.offline();
  older.offline();
  await relay.restart({ loseData: true });
  expect((await api(relay, 'POST', '/v1/briefings', { body: registration(id, [lead, budi, siti]) })).status).toBe(201);
  carrier.renew();
  await until(() => synced(carrier) && bodyText(onRelay()) === 'Old words. ', 'Budi re-uploaded Siti’s session');

  // Siti carries on under her session, then reconnects: her new words are held, not applied.
  older.doc.getText('body').insert(bodyText(older.doc).length, 'New words.');
  older.renew();
  await until(() => toldEditsHeld(older), 'Siti’s new words held');
  expect(bodyText(onRelay())).toBe('Old words. ');
  expect(bodyText(older.doc)).toBe('Old words. New words.');

  const listed = await api(relay, 'GET', `/v1/briefings/${id}/held`, { token: lead.token });
  const held = listed.body.held as { heldId: string; uploadedBy: { memberId: string }; sessions: { memberId: string | null }[]; preview: string }[];
  expect(held).toMatchObject([{ uploadedBy: { memberId: siti.memberId }, sessions: [{ memberId: null }] }]);
  expect(held[0]!.preview).toContain('New words.');

  // The lead accepts (the share dialog's "Changes waiting for your decision"): everyone has them.
  expect((await api(relay, 'POST', `/v1/briefings/${id}/held/${held[0]!.heldId}`, { token: lead.token })).status).toBe(200);
  aminah.renew();
  await until(() => [aminah, carrier, older].every((c) => synced(c) && bodyText(c.doc) === 'Old words. New words.'), 'everyone has Siti’s new words');
});
