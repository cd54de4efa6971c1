import { HocuspocusProvider, WebSocketStatus } from '@hocuspocus/provider';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { parseRelayDocumentName, parseRelayNotice, relayDocumentName, relayErrorFrom, type RelayErrorCode } from '../../shared/collab/relay-protocol';
import type { RelayTarget } from './connection';

/**
 * The comments document's connection to the relay: the same relay, credential and briefing as
 * the content connection (`RelayTarget`), to the briefing's `comments` document. Its awareness
 * carries presence (awareness-presence.ts). The relay opens it read-write for lead, drafters and
 * reviewers and read-only for readers (whose comment updates it drops).
 */
export type CommentsRelayState = 'connecting' | 'connected' | 'synced' | 'offline' | 'refused';

export interface CommentsRelay {
  readonly awareness: Awareness;
  readonly state: CommentsRelayState;
  /** `readonly` when the relay says this member may only read comments. */
  readonly scope: 'read-write' | 'readonly' | undefined;
  /** Why the relay refused or closed the connection (`not-comment-author`: it refused a change to the comments). */
  readonly refusal: RelayErrorCode | undefined;
  onChange(listener: () => void): () => void;
  destroy(): void;
}

/** The comments document's name on the relay, from the content document's name in the target. */
export function commentsDocumentName(target: RelayTarget): string | undefined {
  const parsed = parseRelayDocumentName(target.documentName);
  return parsed ? relayDocumentName(parsed.documentId, 'comments') : undefined;
}

export function connectComments(doc: Y.Doc, target: RelayTarget, options: { WebSocketPolyfill?: unknown } = {}): CommentsRelay | undefined {
  const name = commentsDocumentName(target);
  if (!name) return undefined;
  const listeners = new Set<() => void>();
  let state: CommentsRelayState = 'connecting';
  let refused = false;
  let refusal: RelayErrorCode | undefined;
  // The relay refused a change it will refuse again on every reconnect: stop syncing, keep the comments here.
  const refuseComments = () => {
    refused = true;
    refusal = 'not-comment-author';
    state = 'refused';
    provider?.disconnect();
    emit();
  };
  const emit = () => {
    for (const listener of listeners) listener();
  };
  const provider = new HocuspocusProvider({
    url: target.url,
    name,
    document: doc,
    token: target.credential,
    ...(options.WebSocketPolyfill ? { WebSocketPolyfill: options.WebSocketPolyfill } : {}),
    onStatus: ({ status }) => {
      if (refused) return;
      state = status === WebSocketStatus.Connected ? (provider?.isSynced ? 'synced' : 'connected') : status === WebSocketStatus.Connecting && state === 'connecting' ? 'connecting' : 'offline';
      emit();
    },
    onSynced: () => {
      if (!refused) state = 'synced';
      emit();
    },
    onAuthenticated: () => emit(),
    onAuthenticationFailed: ({ reason }: { reason: string }) => {
      refused = true;
      refusal = relayErrorFrom(reason);
      state = 'refused';
      emit();
    },
    onClose: ({ event }: { event: { reason?: string } }) => {
      if (relayErrorFrom(event.reason) === 'not-comment-author') refuseComments();
    },
    onStateless: ({ payload }: { payload: string }) => {
      if (parseRelayNotice(payload)?.code === 'not-comment-author') refuseComments();
    },
  } as ConstructorParameters<typeof HocuspocusProvider>[0]);
  const awareness = provider.awareness!;
  return {
    awareness,
    get state() {
      return state;
    },
    get refusal() {
      return refusal;
    },
    get scope() {
      return provider.isAuthenticated ? (provider.authorizedScope as 'read-write' | 'readonly' | undefined) : undefined;
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    destroy() {
      listeners.clear();
      provider.destroy();
    },
  };
}
