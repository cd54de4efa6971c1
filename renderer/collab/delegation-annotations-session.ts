import type * as Y from 'yjs';
import type { CommentAuthor } from '../../shared/collab/comments-doc';
import { putDelegationAnnotation, shareDelegationAnnotation, withdrawDelegationAnnotation, type DelegationAnnotation } from '../../shared/collab/delegation-annotations';
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

/*
 * Briefings whose last annotation write was kept in memory only (its marking needs a passphrase
 * this app has not): the workspace is closed a moment after the write, and that write with it,
 * so the paper's annotation panel says so (AnnotationPanel), as the comments panel does.
 */
let unsaved: ReadonlyMap<string, string> = new Map();
const unsavedListeners = new Set<() => void>();

function noteSaved(briefingId: string, marking: string | undefined): void {
  if (unsaved.get(briefingId) === marking) return;
  const next = new Map(unsaved);
  if (marking) next.set(briefingId, marking);
  else next.delete(briefingId);
  unsaved = next;
  for (const listener of unsavedListeners) listener();
}

/** Briefing id -> the marking that kept its shared annotations' last change from being saved. */
export const unsavedAnnotationMarkings = (): ReadonlyMap<string, string> => unsaved;

export function subscribeUnsavedAnnotations(listener: () => void): () => void {
  unsavedListeners.add(listener);
  return () => unsavedListeners.delete(listener);
}

async function withWorkspace(briefingId: string, change: (doc: Y.Doc, origin: unknown) => void): Promise<void> {
  const workspace = acquireCommentsWorkspace(briefingId);
  try {
    await whenLoaded(workspace);
    workspace.change((doc) => change(doc, workspace.origin));
    await workspace.flush();
    noteSaved(briefingId, workspace.current.unsavedMarking);
  } finally {
    releaseCommentsWorkspace(workspace);
  }
}

/** Shares an annotation with the delegation of `briefingId`, or writes its new words, colour or link there. */
export function publishDelegationAnnotation(briefingId: string, value: DelegationAnnotation): Promise<void> {
  return withWorkspace(briefingId, (doc, origin) => putDelegationAnnotation(doc, value, origin));
}

/** Shares an annotation with the delegation of `briefingId`, under `freshId` if its own id holds an entry of another paper there; resolves to the id used. */
export async function shareWithDelegation(briefingId: string, value: DelegationAnnotation, freshId: string): Promise<string> {
  let id = value.id;
  await withWorkspace(briefingId, (doc, origin) => {
    id = shareDelegationAnnotation(doc, value, freshId, origin);
  });
  return id;
}

/** Takes an annotation back from the delegation: a tombstone without its words in its place. */
export function withdrawFromDelegation(briefingId: string, id: string, author: CommentAuthor, at: string): Promise<void> {
  return withWorkspace(briefingId, (doc, origin) => withdrawDelegationAnnotation(doc, id, author, at, origin));
}
