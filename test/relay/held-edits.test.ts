import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { editAuthorsMap } from '../../shared/collab/attribution';
import { parseHeldChanged, parseRelayNotice } from '../../shared/collab/relay-protocol';
import { api, bodyText, contentClients, documentOnRelay, member, registerBriefing, sameSessionCopy, startTestRelay, synced, toldEditsHeld, until, type TestClient, type TestMember, type TestRelay } from './relay-harness';

/*
 * A relay restored from an older backup lost Budi's latest words; Siti still has them. Her
 * re-upload is split: her own edit is applied and reaches everyone at once, Budi's part is held
 * (not visible to anyone) until the lead accepts it, declines it, or Budi comes back with it.
 */

let relay: TestRelay;
let backup: string;
const clients = contentClients();
const lead = member('Aminah', 'lead');
const budi = member('Budi', 'drafter');
const siti = member('Siti', 'drafter');
const reader = member('Chen', 'reader');
let id: string;
const at = '2026-12-01T10:00:00.000Z';

const open = (who: TestMember, doc?: Y.Doc): TestClient => clients.open(relay, id, who, doc);
const onRelay = () => documentOnRelay(relay, id);

/** An edit as the app makes it: the session's authors entry with its first edit. */
function type(client: TestClient, who: TestMember, words: string, atStart = false) {
  const doc = client.doc;
  doc.transact(() => {
    if (!editAuthorsMap(doc).has(String(doc.clientID))) editAuthorsMap(doc).set(String(doc.clientID), { memberId: who.memberId, name: who.name, at });
    doc.getText('body').insert(atStart ? 0 : doc.getText('body').length, words);
  });
}

beforeEach(async () => {
  relay = await startTestRelay();
  id = await registerBriefing(relay, [lead, budi, siti, reader]);
});
afterEach(async () => {
  clients.destroyAll();
  await relay.close();
  await rm(backup, { recursive: true, force: true });
});

/** Budi and Siti edit; the relay is then restored from a backup taken before Budi's last words. */
async function relayLostBudisWords() {
  const budiClient = open(budi);
  const sitiClient = open(siti);
  await until(() => synced(budiClient) && synced(sitiClient), 'both connected');
  type(budiClient, budi, 'Budi one. ');
  await until(() => bodyText(sitiClient.doc) === 'Budi one. ' && synced(budiClient), 'Siti has Budi’s first words');
  // The backup: the data folder as it is now, once the relay has written it.
  await relay.stop();
  backup = await mkdtemp(join(tmpdir(), 'adb-relay-backup-'));
  await cp(relay.dataDir, backup, { recursive: true });
  await relay.start();
  await until(() => synced(budiClient) && synced(sitiClient), 'both back');
  type(budiClient, budi, 'Budi two. ');
  await until(() => bodyText(sitiClient.doc) === 'Budi one. Budi two. ', 'Siti has Budi’s second words');
  budiClient.destroy();
  sitiClient.offline();
  // Restored from the backup: Budi's second words are gone from the relay.
  await relay.stop();
  await rm(relay.dataDir, { recursive: true, force: true });
  await cp(backup, relay.dataDir, { recursive: true });
  await relay.start();
  const leadClient = open(lead);
  await until(() => synced(leadClient) && bodyText(leadClient.doc) === 'Budi one. ', 'the lead sees the restored briefing');
  return { budiClient, sitiClient, leadClient };
}

const heldList = async (who: TestMember) => api(relay, 'GET', `/v1/briefings/${id}/held`, { token: who.token });

describe('colleagues’ changes the relay lost, re-uploaded by a member', () => {
  it('are held while the member’s own edit reaches everyone; the lead’s accept makes them appear', async () => {
    const { sitiClient, leadClient } = await relayLostBudisWords();
    // At the start: an edit after Budi's held words would wait for them (it builds on them).
    type(sitiClient, siti, 'Siti. ', true);
    sitiClient.online();
    await until(() => bodyText(leadClient.doc).includes('Siti.'), 'Siti’s own edit reaches the lead');
    await until(() => toldEditsHeld(sitiClient), 'Siti is told calmly');
    // Told whose words wait, by name; the lead connected is told the list changed.
    expect(sitiClient.notices.map(parseRelayNotice).find((n) => n?.code === 'edits-held')?.names).toEqual(['Budi']);
    await until(() => leadClient.stateless.some((p) => parseHeldChanged(p)?.documentId === id), 'the lead is told');
    expect(sitiClient.stateless.some((p) => parseHeldChanged(p))).toBe(false);
    expect(bodyText(leadClient.doc)).not.toContain('Budi two.');
    expect(bodyText(onRelay())).not.toContain('Budi two.');
    expect(sitiClient.closes).not.toContain('not-edit-author');

    const { status, body: listed } = await heldList(lead);
    expect(status).toBe(200);
    const held = listed.held as { heldId: string; uploadedBy: { name: string }; sessions: { name: string }[]; items: number }[];
    expect(held).toHaveLength(1);
    expect(held[0]).toMatchObject({ uploadedBy: { name: 'Siti' }, sessions: [{ name: 'Budi' }], places: [{ sectionId: null, field: 'body' }], preview: 'Budi two.' });

    // Siti keeps syncing her own edits.
    type(sitiClient, siti, 'Siti again. ', true);
    await until(() => bodyText(leadClient.doc).includes('Siti again.'), 'Siti’s next edit reaches the lead');

    const told = leadClient.stateless.length;
    const accepted = await api(relay, 'POST', `/v1/briefings/${id}/held/${held[0]!.heldId}`, { token: lead.token });
    expect(accepted.status).toBe(200);
    await until(() => leadClient.stateless.slice(told).some((p) => parseHeldChanged(p)), 'the lead is told the list changed');
    await until(() => bodyText(leadClient.doc).includes('Budi two.') && bodyText(sitiClient.doc) === bodyText(leadClient.doc), 'Budi’s words appear for everyone, in place');
    expect((await heldList(lead)).body.held).toEqual([]);
  });

  it('a declined change is dropped; a reader may neither list nor accept', async () => {
    const { sitiClient } = await relayLostBudisWords();
    sitiClient.online();
    await until(() => toldEditsHeld(sitiClient), 'held');
    const heldId = ((await heldList(lead)).body.held as { heldId: string }[])[0]!.heldId;
    expect((await heldList(reader)).status).toBe(403);
    expect((await api(relay, 'POST', `/v1/briefings/${id}/held/${heldId}`, { token: reader.token })).status).toBe(403);
    expect((await api(relay, 'POST', `/v1/briefings/${id}/held/${heldId}`, { token: siti.token })).status).toBe(403);
    expect((await api(relay, 'DELETE', `/v1/briefings/${id}/held/${heldId}`, { token: lead.token })).status).toBe(200);
    expect((await heldList(lead)).body.held).toEqual([]);
    expect(bodyText(onRelay())).not.toContain('Budi two.');
  });

  it('is dropped when Budi comes back with his changes', async () => {
    const { budiClient, sitiClient, leadClient } = await relayLostBudisWords();
    sitiClient.online();
    await until(() => toldEditsHeld(sitiClient), 'held');
    const again = open(budi, budiClient.doc);
    await until(() => synced(again) && bodyText(leadClient.doc) === 'Budi one. Budi two. ', 'Budi’s own upload is applied');
    const deadline = Date.now() + 10_000;
    let held = (await heldList(lead)).body.held as unknown[];
    while (held.length > 0 && Date.now() < deadline) held = (await heldList(lead)).body.held as unknown[];
    expect(held).toEqual([]);
  });

  it('a forged item under Budi’s session uploaded by Siti is held, never applied or passed on', async () => {
    const budiClient = open(budi);
    const leadClient = open(lead);
    await until(() => synced(budiClient) && synced(leadClient), 'connected');
    type(budiClient, budi, 'Budi. ');
    await until(() => bodyText(leadClient.doc) === 'Budi. ' && synced(budiClient), 'everyone has Budi’s words');
    const forgedDoc = sameSessionCopy(budiClient.doc);
    const forger = open(siti, forgedDoc);
    await until(() => synced(forger), 'the forger connected');
    forgedDoc.getText('body').insert(0, 'Budi agrees to abstain. ');
    await until(() => toldEditsHeld(forger), 'held');
    expect(bodyText(onRelay())).toBe('Budi. ');
    expect(bodyText(leadClient.doc)).toBe('Budi. ');
    expect((await heldList(lead)).body.held).toHaveLength(1);
  });
});

describe('the lead’s own upload, and sessions with no author', () => {
  it('a lead re-uploading colleagues’ sessions the restored relay lacks has them applied at once, not held', async () => {
    const leadClient = open(lead);
    const budiClient = open(budi);
    await until(() => synced(leadClient) && synced(budiClient), 'both connected');
    type(budiClient, budi, 'Budi one. ');
    await until(() => bodyText(leadClient.doc) === 'Budi one. ' && synced(budiClient), 'the lead has Budi’s first words');
    await relay.stop();
    backup = await mkdtemp(join(tmpdir(), 'adb-relay-backup-'));
    await cp(relay.dataDir, backup, { recursive: true });
    await relay.start();
    await until(() => synced(leadClient) && synced(budiClient), 'both back');
    type(budiClient, budi, 'Budi two. ');
    await until(() => bodyText(leadClient.doc) === 'Budi one. Budi two. ', 'the lead has Budi’s second words');
    budiClient.destroy();
    leadClient.offline();
    await relay.stop();
    await rm(relay.dataDir, { recursive: true, force: true });
    await cp(backup, relay.dataDir, { recursive: true });
    await relay.start();
    const sitiClient = open(siti);
    await until(() => synced(sitiClient) && bodyText(sitiClient.doc) === 'Budi one. ', 'Siti sees the restored briefing');
    leadClient.online();
    await until(() => bodyText(sitiClient.doc) === 'Budi one. Budi two. ', 'Budi’s words reach Siti through the lead’s upload');
    expect(editAuthorsMap(onRelay()!).get(String(budiClient.doc.clientID))?.memberId).toBe(budi.memberId);
    expect(leadClient.notices.map((n) => parseRelayNotice(n)?.code)).toEqual([]);
    expect(leadClient.closes).not.toContain('not-edit-author');
    expect((await heldList(lead)).body.held).toEqual([]);
  });

  it('content a member writes under a session the relay holds with no author is held for the lead, not applied', async () => {
    const leadClient = open(lead);
    await until(() => synced(leadClient), 'the lead');
    // A legacy session: content with no authors entry (an older version of the app), uploaded by the lead.
    leadClient.doc.getText('body').insert(0, 'Old words. ');
    await until(() => synced(leadClient) && bodyText(onRelay()) === 'Old words. ', 'on the relay');
    const legacy = sameSessionCopy(leadClient.doc);
    const carrier = open(siti, legacy);
    await until(() => synced(carrier), 'Siti connected');
    legacy.getText('body').insert(legacy.getText('body').length, 'Unsigned words.');
    await until(() => toldEditsHeld(carrier), 'held');
    // Nobody's words: the notice names no one.
    expect(carrier.notices.map(parseRelayNotice).find((n) => n?.code === 'edits-held')?.names).toBeUndefined();
    expect(bodyText(onRelay())).toBe('Old words. ');
    expect(bodyText(leadClient.doc)).toBe('Old words. ');
    const held = (await heldList(lead)).body.held as { heldId: string; sessions: { memberId: string | null }[]; preview: string }[];
    expect(held).toMatchObject([{ sessions: [{ memberId: null }], preview: 'Unsigned words.' }]);
    expect((await api(relay, 'POST', `/v1/briefings/${id}/held/${held[0]!.heldId}`, { token: lead.token })).status).toBe(200);
    await until(() => bodyText(leadClient.doc) === 'Old words. Unsigned words.', 'accepted by the lead');
  });
});

describe('authors entries the relay refuses', () => {
  it('a new authors entry with a wrong name, and a member claiming a legacy session', async () => {
    const leadClient = open(lead);
    await until(() => synced(leadClient), 'the lead');
    // A legacy session: content with no authors entry (an older version of the app), uploaded by the lead.
    leadClient.doc.getText('body').insert(0, 'Old words. ');
    await until(() => synced(leadClient) && bodyText(onRelay()) === 'Old words. ', 'on the relay');
    const legacyClient = leadClient.doc.clientID;

    const renamed = open(siti);
    await until(() => synced(renamed), 'Siti');
    renamed.doc.transact(() => {
      editAuthorsMap(renamed.doc).set(String(renamed.doc.clientID), { memberId: siti.memberId, name: 'Siti (Director)', at });
      renamed.doc.getText('body').insert(0, 'Hi. ');
    });
    await until(() => renamed.closes.includes('not-edit-author'), 'a wrong name is refused');
    expect(bodyText(onRelay())).toBe('Old words. ');

    const claimDoc = new Y.Doc();
    Y.applyUpdate(claimDoc, Y.encodeStateAsUpdate(leadClient.doc));
    const claimer = open(siti, claimDoc);
    await until(() => synced(claimer), 'Siti again');
    const legacy = sameSessionCopy(leadClient.doc);
    legacy.transact(() => editAuthorsMap(legacy).set(String(legacyClient), { memberId: siti.memberId, name: 'Siti', at }));
    Y.applyUpdate(claimDoc, Y.encodeStateAsUpdate(legacy, Y.encodeStateVector(claimDoc)));
    await until(() => claimer.closes.includes('not-edit-author'), 'claiming a legacy session is refused');
    expect(editAuthorsMap(onRelay()!).has(String(legacyClient))).toBe(false);
  });
});
