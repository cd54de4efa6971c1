import { afterEach, expect, it } from 'vitest';
import { startRelay, type RunningRelay } from '../../relay/relay-server';
import { api, connectClient, member, registerBriefing, startTestRelay, until, type TestClient, type TestRelay } from './relay-harness';

/*
 * Two relay instances on one data folder (what docs/relay.md describes for several instances,
 * without Redis here): a member removed through one is disconnected from the other once it
 * re-reads the member file.
 */

let first: TestRelay;
let second: RunningRelay | undefined;
const clients: TestClient[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await second?.stop();
  await first.close();
});

it('a removal through one instance closes the member’s connection on another', async () => {
  first = await startTestRelay();
  const lead = member('Lead', 'lead');
  const drafter = member('Drafter', 'drafter');
  const id = await registerBriefing(first, [lead, drafter]);
  second = await startRelay({ dataDir: first.dataDir, registryPollMs: 20 });
  const onSecond = connectClient({ ...first, current: second }, id, drafter);
  clients.push(onSecond);
  await until(() => onSecond.provider.authorizedScope === 'read-write', 'connected to the second instance');

  expect((await api(first, 'DELETE', `/v1/briefings/${id}/members/${drafter.memberId}`, { token: lead.token })).status).toBe(200);
  await until(() => onSecond.closes.includes('revoked'), 'the second instance closes the removed member');
  await until(() => onSecond.failures.includes('revoked'), 'and refuses the reconnection');
});
