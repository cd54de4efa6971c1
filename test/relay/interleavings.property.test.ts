import fc from 'fast-check';
import { expect, it } from 'vitest';
import { api, connectClient, member, registerBriefing, registration, startTestRelay, synced, type TestClient, type TestMember, type TestRelay } from './relay-harness';
import { deleteWord, typeWord, wordsOf } from './word-edits';

/*
 * Random interleavings of edits, disconnects, reconnects, relay restarts and relay data losses
 * (after which the lead re-registers the briefing, as the app does on `unknown-briefing`):
 * once everyone is back online, all converge and hold exactly the words typed and not deleted.
 *
 * Some words may wait for the lead's decision on the way, by design (docs/collaboration.md,
 * "Sessions with no entry"). These clients write no `authors` entries, so every session is an
 * unnamed one (an older app's), and the relay gives such a session to the member who uploads it
 * first (relay/session-uploaders.ts). A data loss forgets that too: if a colleague's reconnect
 * re-uploads Drafter 2's session before Drafter 2 does (it carries Drafter 2's words), the relay
 * takes it for the colleague's, and Drafter 2's next words under it are held for the lead
 * (`memberId: null`), not applied: kept on disk and in Drafter 2's app, but never reaching the
 * others until the lead accepts them. So the lead here does what the share dialog lets them
 * ("Changes waiting for your decision"): accepts what is held. The property stays as strict:
 * only held changes of unnamed sessions may be accepted (nothing here is anyone's by name), every
 * accept must succeed (a refused one fails the run), and all must converge on exactly the words
 * typed and not deleted — a word lost or stuck in a way the lead cannot release still fails.
 */

const CLIENTS = 3;
const command = fc.oneof(
  { weight: 6, arbitrary: fc.record({ op: fc.constant('type' as const), client: fc.nat(CLIENTS - 1), at: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('delete' as const), client: fc.nat(CLIENTS - 1), at: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('offline' as const), client: fc.nat(CLIENTS - 1) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('online' as const), client: fc.nat(CLIENTS - 1) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('restart' as const), loseData: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('pause' as const), ms: fc.integer({ min: 0, max: 15 }) }) },
);

it('edits, disconnects and relay restarts in any order converge without losing a word', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(command, { minLength: 5, maxLength: 30 }), async (commands) => {
      const relay = await startTestRelay();
      const members = [member('Lead', 'lead'), member('Drafter 1', 'drafter'), member('Drafter 2', 'drafter')];
      const id = await registerBriefing(relay, members);
      const clients: TestClient[] = members.map((m) => connectClient(relay, id, m));
      const offline = new Set<number>();
      const typed = new Set<string>();
      const deleted = new Set<string>();
      let counter = 0;
      try {
        for (const c of commands) {
          switch (c.op) {
            case 'type': {
              const word = `w${counter++}`;
              typed.add(word);
              typeWord(clients[c.client]!.doc.getText('body'), word, (n) => c.at % n);
              break;
            }
            case 'delete': {
              const word = deleteWord(clients[c.client]!.doc.getText('body'), (n) => c.at % n);
              if (word) deleted.add(word);
              break;
            }
            case 'offline':
              clients[c.client]!.offline();
              offline.add(c.client);
              break;
            case 'online':
              clients[c.client]!.online();
              offline.delete(c.client);
              break;
            case 'restart':
              await relay.restart({ loseData: c.loseData });
              if (c.loseData) {
                const { status } = await api(relay, 'POST', '/v1/briefings', { body: registration(id, members) });
                expect(status).toBe(201);
                // Providers refused while the briefing was unknown start again; offline ones stay offline.
                clients.forEach((client, n) => client.renew({ offline: offline.has(n) }));
              }
              break;
            case 'pause':
              await new Promise((resolve) => setTimeout(resolve, c.ms));
              break;
          }
          await new Promise((resolve) => setImmediate(resolve));
        }
        clients.forEach((client, n) => offline.has(n) && client.online());
        await convergeWithLeadAccepting(relay, id, members[0]!, clients);
        const expected = [...typed].filter((w) => !deleted.has(w)).sort();
        for (const client of clients) expect(wordsOf(client.text()).sort()).toEqual(expected);
      } finally {
        for (const client of clients) client.destroy();
        await relay.close();
      }
    }),
    // Bounded: 25 runs; shrinking a failure stops after a minute (the counterexample so far is reported).
    { numRuns: 25, interruptAfterTimeLimit: 60_000, markInterruptAsFailure: true },
  );
}, 120_000);

/** Waits for all clients to hold the same text, in sync, while the lead accepts what the relay holds. */
async function convergeWithLeadAccepting(relay: TestRelay, documentId: string, lead: TestMember, clients: TestClient[]): Promise<void> {
  const converged = () => clients.every(synced) && clients.every((cl) => cl.text() === clients[0]!.text());
  const started = Date.now();
  while (!converged()) {
    if (Date.now() - started > 15_000) throw new Error('never happened: convergence');
    await acceptHeld(relay, documentId, lead);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** The lead accepts every held change (all of unnamed sessions: these clients name none). */
async function acceptHeld(relay: TestRelay, documentId: string, lead: TestMember): Promise<void> {
  const listed = await api(relay, 'GET', `/v1/briefings/${documentId}/held`, { token: lead.token });
  expect(listed.status).toBe(200);
  for (const entry of listed.body.held as { heldId: string; sessions: { memberId: string | null }[] }[]) {
    expect(entry.sessions.map((s) => s.memberId)).toEqual(entry.sessions.map(() => null));
    const accepted = await api(relay, 'POST', `/v1/briefings/${documentId}/held/${entry.heldId}`, { token: lead.token });
    // 404: dropped since it was listed, its author having uploaded it meanwhile (the document holds it).
    expect([200, 404]).toContain(accepted.status);
  }
}
