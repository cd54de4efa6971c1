import { afterEach, describe, expect, it } from 'vitest';
import { editAuthorsMap } from '../../shared/collab/attribution';
import { api, connectClient, member, registration, registerBriefing, startTestRelay, synced, until, type TestClient, type TestMember, type TestRelay } from './relay-harness';
import { deleteWord, randomPick, typeWord, wordsOf } from './word-edits';

let relay: TestRelay;
let clients: TestClient[] = [];
afterEach(async () => {
  for (const client of clients) client.destroy();
  clients = [];
  await relay.close();
});

const typed = new Set<string>();
const deleted = new Set<string>();

const memberOf = new Map<TestClient, TestMember>();

/**
 * An edit as the app makes it: the session's authors entry with its first change. (A session
 * with no entry is an older app's: the relay holds what others write under it, edit-split.ts.)
 */
function asTheApp(client: TestClient, change: () => void): void {
  const doc = client.doc;
  const who = memberOf.get(client)!;
  doc.transact(() => {
    if (!editAuthorsMap(doc).has(String(doc.clientID))) editAuthorsMap(doc).set(String(doc.clientID), { memberId: who.memberId, name: who.name, at: '2026-12-01T10:00:00.000Z' });
    change();
  });
}

function type(client: TestClient, word: string): void {
  typed.add(word);
  asTheApp(client, () => typeWord(client.doc.getText('body'), word, randomPick));
}

function remove(client: TestClient): void {
  asTheApp(client, () => {
    const word = deleteWord(client.doc.getText('body'), randomPick);
    if (word) deleted.add(word);
  });
}

async function converged(all: TestClient[]): Promise<void> {
  await until(() => all.every(synced) && all.every((c) => c.text() === all[0]!.text()), 'all clients converge');
  const expected = [...typed].filter((w) => !deleted.has(w)).sort();
  for (const client of all) expect(wordsOf(client.text()).sort()).toEqual(expected);
  const onRelay = [...relay.current.hocuspocus.documents.values()].find((d) => d.name.endsWith('/content'));
  expect(onRelay?.getText('body').toString()).toBe(all[0]!.text());
}

async function setUp(count: number): Promise<{ members: TestMember[]; id: string }> {
  typed.clear();
  deleted.clear();
  relay = await startTestRelay();
  const members = [member('Lead', 'lead'), ...Array.from({ length: count - 1 }, (_, i) => member(`Drafter ${i + 1}`, 'drafter'))];
  const id = await registerBriefing(relay, members);
  memberOf.clear();
  clients = members.map((m) => connectClient(relay, id, m));
  clients.forEach((client, i) => memberOf.set(client, members[i]!));
  await until(() => clients.every(synced), 'all connected');
  return { members, id };
}

describe('several members edit the same text', () => {
  it('two clients typing at once converge with every word', async () => {
    await setUp(2);
    for (let i = 0; i < 40; i++) clients.forEach((c, n) => type(c, `c${n}w${i}`));
    await converged(clients);
  });

  it('three clients typing and deleting at once converge', async () => {
    await setUp(3);
    for (let i = 0; i < 40; i++) {
      clients.forEach((c, n) => type(c, `c${n}w${i}`));
      if (i % 7 === 6) remove(clients[i % 3]!);
    }
    await converged(clients);
  });

  it('one goes offline, edits, comes back', async () => {
    await setUp(3);
    const [a, b, c] = clients as [TestClient, TestClient, TestClient];
    type(a, 'before');
    await converged(clients);
    b.offline();
    await until(() => !b.provider.isAuthenticated, 'b offline');
    for (let i = 0; i < 25; i++) {
      type(b, `offline${i}`);
      type(a, `online-a${i}`);
      type(c, `online-c${i}`);
    }
    remove(b);
    remove(a);
    await until(() => a.text() === c.text() && wordsOf(a.text()).length === 1 + 25 + 25 - 1, 'a and c meanwhile');
    expect(a.text()).not.toContain('offline');
    b.online();
    await converged(clients);
  });
});

describe('relay faults', () => {
  it('a relay restart mid-way loses nothing, including edits made while it was down', async () => {
    await setUp(3);
    const [a, b, c] = clients as [TestClient, TestClient, TestClient];
    for (let i = 0; i < 10; i++) clients.forEach((cl, n) => type(cl, `first-c${n}w${i}`));
    await converged(clients);
    await relay.stop();
    await until(() => clients.every((cl) => !cl.provider.isAuthenticated), 'all see the relay gone');
    for (let i = 0; i < 10; i++) {
      type(a, `down-a${i}`);
      type(b, `down-b${i}`);
    }
    remove(c);
    await relay.start();
    for (let i = 0; i < 5; i++) type(c, `after-c${i}`);
    await converged(clients);
  });

  it('a lost data folder loses nothing any member still has: the lead re-registers, everyone re-uploads', async () => {
    const { members, id } = await setUp(3);
    for (let i = 0; i < 10; i++) clients.forEach((cl, n) => type(cl, `kept-c${n}w${i}`));
    await converged(clients);
    const [, b] = clients as [TestClient, TestClient];
    b.offline();
    type(b, 'only-b-has-this');
    await relay.stop({ loseData: true });
    await relay.start();
    // Until the lead restores the briefing, members are told the relay does not know it.
    clients[0]!.renew();
    await until(() => clients[0]!.failures.includes('unknown-briefing'), 'told unknown-briefing');
    await registerBriefingAgain(members, id);
    for (const client of clients) client.renew();
    await converged(clients);
    expect(clients[0]!.text()).toContain('only-b-has-this');
  });
});

async function registerBriefingAgain(members: TestMember[], id: string): Promise<void> {
  const { status } = await api(relay, 'POST', '/v1/briefings', { body: registration(id, members) });
  expect(status).toBe(201);
}
