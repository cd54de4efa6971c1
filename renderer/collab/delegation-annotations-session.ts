import type * as Y from 'yjs';
import type { CommentAuthor } from '../../shared/collab/comments-doc';
import { putDelegationAnnotation, withdrawDelegationAnnotation, type DelegationAnnotation } from '../../shared/collab/delegation-annotations';
import { acquireCommentsWorkspace, releaseCommentsWorkspace, type CommentsWorkspace } from './comments-workspace';

/*
 * Writing the annotations a member shares with a briefing's delegation into that briefing's
 * comments document, through its comments workspace: persisted in the same log as the comments
 * (through guardCompanionWrite, so a briefing whose marking needs a passphrase is not written
 * without one), sent to the relay when connected, and queued there while offline, like a comment.
 */

/** Resolves once the workspace has read the stored comments document (writing before would not see what is there). */
export function whenLoaded(workspace: CommentsWorkspace): Promise<void> {
  if (workspace.current.loaded) return Promise.resolve();
  return new Promise((resolve) => {
    const off = workspace.subscribe(() => {
      if (!workspace.current.loaded) return;
      off();
      resolve();
    });
  });
}

async function withWorkspace(briefingId: string, change: (doc: Y.Doc, origin: unknown) => void): Promise<void> {
  const workspace = acquireCommentsWorkspace(briefingId);
  try {
    await whenLoaded(workspace);
    workspace.change((doc) => change(doc, workspace.origin));
    await workspace.flush();
  } finally {
    releaseCommentsWorkspace(workspace);
  }
}

/** Shares an annotation with the delegation of `briefingId`, or writes its new words, colour or link there. */
export function publishDelegationAnnotation(briefingId: string, value: DelegationAnnotation): Promise<void> {
  return withWorkspace(briefingId, (doc, origin) => putDelegationAnnotation(doc, value, origin));
}

/** Takes an annotation back from the delegation: a tombstone without its words in its place. */
export function withdrawFromDelegation(briefingId: string, id: string, author: CommentAuthor, at: string): Promise<void> {
  return withWorkspace(briefingId, (doc, origin) => withdrawDelegationAnnotation(doc, id, author, at, origin));
}
