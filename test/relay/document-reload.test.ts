import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document, type Hocuspocus } from '@hocuspocus/server';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { documentFiles, readDocumentFile, storeDocumentFile } from '../../relay/document-files';
import { relayDocumentName } from '../../shared/collab/relay-protocol';
import { connectClient, member, registerBriefing, startTestRelay, synced, until, type TestClient, type TestRelay } from './relay-harness';

/*
 * A member who reconnects just as the relay unloads the document (its last connection closed)
 * can be handed the copy being unloaded. Their changes are then acknowledged on a copy nobody
 * else is on: "synced" for them, invisible to the others (seen in the two-profile e2e tests under
 * load). The race itself is a matter of microtasks; here it is made to happen every time, by
 * letting the unload win right after Hocuspocus hands the document over.
 */

let relay: TestRelay | undefined;
let clients: TestClient[] = [];
afterEach(async () => {
  for (const client of clients) client.destroy();
  clients = [];
  await relay?.close();
  relay = undefined;
});

/** The next connection set up for `documentName` gets a document that is then unloaded (removed and destroyed), as when the unload wins the race. */
function unloadUnderNextConnection(hocuspocus: Hocuspocus, documentName: string): { fired: () => boolean } {
  const original = hocuspocus.createDocument.bind(hocuspocus);
  let fired = false;
  hocuspocus.createDocument = async (...args: Parameters<Hocuspocus['createDocument']>) => {
    const document = await original(...args);
    if (!fired && args[0] === documentName) {
      fired = true;
      hocuspocus.documents.delete(documentName);
      document.destroy();
    }
    return document;
  };
  return { fired: () => fired };
}

const listed = (documentName: string) => relay?.current.hocuspocus.documents.get(documentName);

/** A relay with a lead and a drafter registered, the lead connected and synced on the content document. */
async function leadOnline() {
  const started = await startTestRelay({ log: () => undefined });
  relay = started;
  const lead = member('Aminah', 'lead');
  const drafter = member('Budi', 'drafter');
  const id = await registerBriefing(started, [lead, drafter]);
  const leadClient = connectClient(started, id, lead);
  clients.push(leadClient);
  await until(() => synced(leadClient), 'the lead is synced');
  return { relay: started, drafter, id, name: relayDocumentName(id, 'content'), leadClient };
}

describe('a member reconnecting while the relay unloads the document', () => {
  it('is moved onto the live document, so colleagues get their changes and the relay keeps them', async () => {
    const { relay, drafter, id, name, leadClient } = await leadOnline();
    leadClient.doc.getText('body').insert(0, 'Secure the ASEAN paragraph.');
    await until(() => synced(leadClient), "the lead's first words are acknowledged");
    await until(() => !!listed(name)?.getText('body').toString().includes('Secure'), 'the relay holds them');

    // The lead's app replaces its provider; the copy it is handed is unloaded under it.
    const race = unloadUnderNextConnection(relay.current.hocuspocus, name);
    leadClient.renew();
    await until(() => race.fired() && synced(leadClient) && listed(name)?.getConnections().length === 1, 'the lead is back, on the listed document');

    const drafterClient = connectClient(relay, id, drafter);
    clients.push(drafterClient);
    await until(() => synced(drafterClient), 'the drafter is synced');
    leadClient.doc.getText('body').insert(leadClient.doc.getText('body').length, ' Cite the 2025 plan.');
    await until(() => drafterClient.text() === 'Secure the ASEAN paragraph. Cite the 2025 plan.', "the drafter gets the lead's change");
    expect(listed(name)?.getConnections().length).toBe(2);
    expect(listed(name)?.getText('body').toString()).toBe('Secure the ASEAN paragraph. Cite the 2025 plan.');
  });
});

describe('a discarded copy of a document', () => {
  it('is unloaded alone: the listed copy, with the members on it, stays listed', async () => {
    const { relay, drafter, id, name, leadClient } = await leadOnline();
    const live = listed(name)!;

    // A copy handed out in the race and then left by its connection (see above) is unloaded.
    const discarded = new Document(name);
    const hocuspocus = relay.current.hocuspocus;
    await until(() => hocuspocus.shouldUnloadDocument(discarded), 'no store pending under that name');
    await hocuspocus.unloadDocument(discarded);
    expect(listed(name)).toBe(live);

    const drafterClient = connectClient(relay, id, drafter);
    clients.push(drafterClient);
    await until(() => synced(drafterClient), 'the drafter is synced');
    leadClient.doc.getText('body').insert(0, 'Secure the ASEAN paragraph.');
    await until(() => drafterClient.text() === 'Secure the ASEAN paragraph.', "the drafter gets the lead's change");
    expect(live.getConnections().length).toBe(2);
  });
});

describe('the document files', () => {
  let dir: string;
  afterEach(async () => rm(dir, { recursive: true, force: true }));

  const docWith = (text: string, base?: Uint8Array) => {
    const doc = new Y.Doc();
    if (base) Y.applyUpdate(doc, base);
    doc.getText('body').insert(doc.getText('body').length, text);
    return doc;
  };
  const fileText = async (name: string) => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, (await readDocumentFile(dir, name))!);
    return doc.getText('body').toString();
  };

  it('merge what a copy stores into what the file holds: a copy that missed changes never takes them back', async () => {
    dir = await mkdtemp(join(tmpdir(), 'adb-docfiles-'));
    const name = relayDocumentName('BRIEFING12345678901234', 'content');
    const base = docWith('Base.');
    await storeDocumentFile(dir, name, Y.encodeStateAsUpdate(base));
    const live = docWith(' Live words.', Y.encodeStateAsUpdate(base));
    await storeDocumentFile(dir, name, Y.encodeStateAsUpdate(live));
    // A stale copy (it has only the base) writes late.
    const stale = docWith('', Y.encodeStateAsUpdate(base));
    await storeDocumentFile(dir, name, Y.encodeStateAsUpdate(stale));
    expect(await fileText(name)).toBe('Base. Live words.');
  });

  it("take the listed copy's state along when a discarded copy's store ran in its place", async () => {
    dir = await mkdtemp(join(tmpdir(), 'adb-docfiles-'));
    const name = relayDocumentName('BRIEFING12345678901234', 'content');
    const base = docWith('Base.');
    const live = docWith(' Live words.', Y.encodeStateAsUpdate(base));
    const store = documentFiles(dir).configuration.store;
    const instance = { documents: new Map([[name, live]]) } as unknown as Hocuspocus;
    await store({ documentName: name, state: Buffer.from(Y.encodeStateAsUpdate(base)), document: base, instance } as unknown as Parameters<typeof store>[0]);
    expect(await fileText(name)).toBe('Base. Live words.');
  });

  it('write one store at a time per file, so two copies storing at once both land', async () => {
    dir = await mkdtemp(join(tmpdir(), 'adb-docfiles-'));
    const name = relayDocumentName('BRIEFING12345678901234', 'content');
    const base = docWith('Base.');
    const store = documentFiles(dir).configuration.store;
    await store({ documentName: name, state: Buffer.from(Y.encodeStateAsUpdate(base)) } as Parameters<typeof store>[0]);
    const one = docWith(' One.', Y.encodeStateAsUpdate(base));
    const two = docWith(' Two.', Y.encodeStateAsUpdate(base));
    await Promise.all([one, two].map((doc) => store({ documentName: name, state: Buffer.from(Y.encodeStateAsUpdate(doc)) } as Parameters<typeof store>[0])));
    const text = await fileText(name);
    expect(text).toContain('One.');
    expect(text).toContain('Two.');
    expect(text.startsWith('Base.')).toBe(true);
  });
});
