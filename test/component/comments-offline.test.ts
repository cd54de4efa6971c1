import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { putDelegationAnnotation, readDelegationAnnotations } from '../../shared/collab/delegation-annotations';
import { relayDocumentName } from '../../shared/collab/relay-protocol';
import { relayCredential } from '../../shared/collab/relay-token';
import { setRelayTarget } from '../../renderer/collab/briefing-relay';
import { acquireCommentsWorkspace, releaseCommentsWorkspace, type CommentsWorkspace } from '../../renderer/collab/comments-workspace';
import { connectClient, member, registerBriefing, startTestRelay, synced, until, type TestRelay } from '../relay/relay-harness';

/*
 * A briefing's comments workspace off the network: its relay provider is taken down when the
 * window goes offline (a socket the network dropped may never say so) and built again when it
 * is back; what was written meanwhile (here an annotation shared with the delegation) reaches
 * colleagues then, not before.
 */

let relay: TestRelay;
beforeAll(async () => {
  relay = await startTestRelay({ log: () => undefined });
});
afterAll(async () => relay.close());

const state = (w: CommentsWorkspace) => w.current.relay;

describe('the comments workspace offline', () => {
  it('goes offline with the window, and sends what was written meanwhile when back', async () => {
    const lead = member('Aminah', 'lead');
    const drafter = member('Budi', 'drafter');
    const documentId = await registerBriefing(relay, [lead, drafter]);
    await setRelayTarget('b-offline', { url: `ws://127.0.0.1:${relay.port}`, documentName: relayDocumentName(documentId, 'content'), credential: relayCredential(drafter.token) });
    const colleague = connectClient(relay, documentId, lead, 'comments');
    const workspace = acquireCommentsWorkspace('b-offline');
    try {
      await until(() => state(workspace) === 'synced' && synced(colleague), 'both connected', 20_000);

      window.dispatchEvent(new Event('offline'));
      expect(state(workspace)).toBe('offline');
      workspace.change((doc) =>
        putDelegationAnnotation(doc, {
          id: 'a1',
          author: { memberId: drafter.memberId, name: 'Budi' },
          paper: { sha256: 'f'.repeat(64), name: 'statement.pdf', title: 'Draft joint statement' },
          quote: { exact: 'sustainable fisheries', prefix: '', suffix: '' },
          kind: 'note',
          color: 'green',
          note: 'Written offline.',
          createdAt: '2026-12-02T10:00:00.000Z',
          updatedAt: '2026-12-02T10:00:00.000Z',
        }),
      );
      await workspace.flush();
      expect(readDelegationAnnotations(colleague.doc)).toEqual([]);

      window.dispatchEvent(new Event('online'));
      await until(() => readDelegationAnnotations(colleague.doc)[0]?.note === 'Written offline.', 'the colleague gets it once back online', 20_000);
      expect(state(workspace)).toBe('synced');
    } finally {
      releaseCommentsWorkspace(workspace);
      colleague.destroy();
    }
  });
});
