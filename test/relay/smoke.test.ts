import { afterEach, expect, it } from 'vitest';
import { connectClient, member, registerBriefing, startTestRelay, synced, until, type TestRelay } from './relay-harness';

let relay: TestRelay;
afterEach(async () => relay?.close());

it('two drafters see each other', async () => {
  relay = await startTestRelay();
  const lead = member('Aminah', 'lead');
  const drafter = member('Budi', 'drafter');
  const id = await registerBriefing(relay, [lead, drafter]);
  const a = connectClient(relay, id, lead);
  const b = connectClient(relay, id, drafter);
  await until(() => synced(a) && synced(b), 'both synced');
  a.doc.getText('body').insert(0, 'hello ');
  await until(() => b.text() === 'hello ', 'b sees a');
  expect(a.provider.authorizedScope).toBe('read-write');
  a.destroy();
  b.destroy();
});
