import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { acquireCommentsWorkspace, releaseCommentsWorkspace, type CommentsSnapshot, type CommentsWorkspace, type Me } from '../../collab/comments-workspace';
import { shareRecordFor } from '../sharing/share-record';

/** The open briefing's comments workspace (shared by every component that asks; closed when the last lets go). */
export function useCommentsWorkspace(briefingId: string): CommentsWorkspace | undefined {
  const [workspace, setWorkspace] = useState<CommentsWorkspace | undefined>();
  useEffect(() => {
    const acquired = acquireCommentsWorkspace(briefingId);
    setWorkspace(acquired);
    return () => {
      setWorkspace(undefined);
      releaseCommentsWorkspace(acquired);
    };
  }, [briefingId]);
  return workspace;
}

const EMPTY: CommentsSnapshot = { loaded: false, threads: [], annotations: [], present: [], relay: 'local', canComment: false };

/**
 * Part of the workspace's state; `select` should return a primitive or a stable value (the
 * snapshot itself, a count, a joined string) so that unrelated changes do not re-render.
 */
export function useComments<T>(workspace: CommentsWorkspace | undefined, select: (snapshot: CommentsSnapshot) => T): T {
  return useSyncExternalStore(
    (listener) => workspace?.subscribe(listener) ?? (() => undefined),
    () => select(workspace?.current ?? EMPTY),
  );
}

/** Who I am on this briefing: the member of its share record, or (not shared) its author here. */
export function useMe(briefingId: string, localName: string): Me | undefined {
  const record = useLiveQuery(async () => (await shareRecordFor(briefingId)) ?? null, [briefingId]);
  if (record === undefined) return undefined;
  if (record === null) return { memberId: null, name: localName, role: undefined };
  return { memberId: record.memberId, name: record.name, role: record.role };
}
