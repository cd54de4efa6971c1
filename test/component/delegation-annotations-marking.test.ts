import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { createElement } from 'react';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { readDelegationAnnotations } from '../../shared/collab/delegation-annotations';
import { acquireCommentsWorkspace, commentsDocId, releaseCommentsWorkspace } from '../../renderer/collab/comments-workspace';
import { whenLoaded } from '../../renderer/collab/delegation-annotations-session';
import { readDocUpdates } from '../../renderer/collab/doc-log';
import { setPlainMode } from '../../renderer/crypto/key-state';
import { ensureBuiltinDataset } from '../../renderer/db/builtin';
import { db } from '../../renderer/db/db';
import { createBriefingForMeeting } from '../../renderer/features/briefings/repo';
import { AnnotationPanel } from '../../renderer/papers/annotations/AnnotationPanel';
import { shareAnnotation } from '../../renderer/papers/annotations/annotation-sharing';

/*
 * An annotation shared with the delegation of a briefing whose marking needs a passphrase, on a
 * machine without one, is not written to the briefing's comments log (in the clear): it stays
 * in memory, as a comment would (guardCompanionWrite).
 */
const now = '2026-12-02T06:00:00.000Z';

describe('sharing an annotation without a passphrase', () => {
  it('keeps it out of the comments log of a RESTRICTED briefing, and stores it for an OFFICIAL one', async () => {
    setPlainMode();
    await ensureBuiltinDataset(db);
    const stored: Record<string, number> = {};
    const told: Record<string, string[]> = {};
    for (const classification of ['OFFICIAL', 'RESTRICTED']) {
      const id = await createBriefingForMeeting({ meetingId: 'asoen-36', title: `${classification} brief`, delegation: 'MY', author: 'Aminah', classification: 'OFFICIAL' });
      // Raised after creation, as a colleague's change reaches this copy (creating it so needs a passphrase).
      await db.briefings.update(id, { classification });
      await db.settings.put({ key: `sharing:${id}`, value: { relayUrl: 'ws://127.0.0.1:4455', documentId: 'doc-id-0123456789ab', memberId: 'member-aminah-012345678', name: 'Aminah', role: 'lead' } });
      const annotationId = `a-${classification}`;
      await db.papers.put({ id: 'p1', title: 'Draft joint statement', owner: { kind: 'meeting', id: 'asoen-36' }, ownerKey: 'meeting:asoen-36', meetingId: 'asoen-36', currentVersionId: 'v1', createdAt: now, createdBy: 'Aminah', updatedAt: now });
      await db.paperVersions.put({ id: 'v1', paperId: 'p1', revision: 0, label: '', name: 'statement.pdf', type: 'application/pdf', size: 10, sha256: 'a'.repeat(64), isPdf: true, addedAt: now, addedBy: 'Aminah' });
      await db.annotations.put({
        id: annotationId,
        paperId: 'p1',
        kind: 'note',
        note: 'Our red line is 2030',
        color: 'pink',
        target: { versionId: 'v1', quote: { type: 'TextQuoteSelector', exact: 'by 2030', prefix: '', suffix: '' }, position: { type: 'TextPositionSelector', start: 5, end: 12 }, page: 1, status: 'anchored' },
        previousTargets: [],
        scope: 'private',
        createdAt: now,
        createdBy: 'Aminah',
        updatedAt: now,
      });
      const workspace = acquireCommentsWorkspace(id);
      await whenLoaded(workspace);
      await shareAnnotation(annotationId, id);
      await waitFor(() => expect(workspace.current.annotations.map((a) => a.id)).toEqual([annotationId]));
      await workspace.flush();
      const onDisk = new Y.Doc();
      for (const update of await readDocUpdates(commentsDocId(id))) Y.applyUpdate(onDisk, update);
      stored[classification] = readDelegationAnnotations(onDisk).length;
      // The paper's panel says so: the workspace, and the annotation with it, goes once nobody holds it.
      const row = (await db.annotations.get(annotationId))!;
      const target = { briefingId: id, title: `${classification} brief`, memberId: 'member-aminah-012345678', name: 'Aminah', role: 'lead' as const };
      render(createElement(AnnotationPanel, { annotations: [row], shareTargets: [target], onGo: () => undefined }));
      told[classification] = screen.queryAllByRole('alert').map((p) => p.textContent ?? '');
      cleanup();
      releaseCommentsWorkspace(workspace);
    }
    expect(stored).toEqual({ OFFICIAL: 1, RESTRICTED: 0 });
    expect(told).toEqual({
      OFFICIAL: [],
      RESTRICTED: ['Your shared annotations on “RESTRICTED brief” are kept in memory only, not saved on this computer: the briefing is marked RESTRICTED, which needs a passphrase. Set one in Settings → Security to keep them here.'],
    });
  });
});
