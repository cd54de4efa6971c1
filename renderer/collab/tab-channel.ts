/**
 * Live updates between tabs and windows of the app on one machine (BroadcastChannel): each
 * briefing document's updates as they are made, a catch-up on open (a tab sends its state
 * vector, the others answer with what it lacks), and word that a document was replaced
 * (import, restore) so open editors load it again. The log in IndexedDB is read on open; this
 * carries what happens after. Also a briefing's marking as a session here heard it change
 * (`docId` is the briefing's id): a tab without that session guards the briefing's comments
 * and control document with it (raised-markings.ts).
 */
export type TabMessage =
  | { kind: 'update'; docId: string; update: Uint8Array; from: string; to?: string }
  | { kind: 'sync'; docId: string; stateVector: Uint8Array; from: string }
  | { kind: 'replaced'; docId: string; from: string }
  | { kind: 'marking'; docId: string; marking: string; from: string };

export const TAB_CHANNEL_NAME = 'asean-delegate-briefing-docs';

/** This tab's id in messages (messages from itself are ignored). */
export const TAB_ID = globalThis.crypto.randomUUID();

type Payload<K extends TabMessage['kind']> = Omit<Extract<TabMessage, { kind: K }>, 'from'>;

export interface TabChannel {
  post<K extends TabMessage['kind']>(message: Payload<K> & { kind: K }): void;
  close(): void;
}

/** Listens for one document's messages; a no-op channel where BroadcastChannel is missing. */
export function openTabChannel(docId: string, onMessage: (message: TabMessage) => void): TabChannel {
  if (typeof BroadcastChannel === 'undefined') return { post: () => undefined, close: () => undefined };
  const channel = new BroadcastChannel(TAB_CHANNEL_NAME);
  channel.onmessage = (event: MessageEvent<TabMessage>) => {
    const message = event.data;
    if (!message || message.docId !== docId || message.from === TAB_ID) return;
    if (message.kind === 'update' && message.to !== undefined && message.to !== TAB_ID) return;
    onMessage(message);
  };
  return {
    post: (message) => channel.postMessage({ ...message, from: TAB_ID }),
    close: () => channel.close(),
  };
}

/** Sends one message to every other tab (no document of it needs to be open in this tab). */
function announce(message: TabMessage): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel(TAB_CHANNEL_NAME);
  channel.postMessage(message);
  channel.close();
}

/** Tells every tab that a document was replaced as a whole (no open editor is needed in this tab). */
export function announceReplaced(docId: string): void {
  announce({ kind: 'replaced', docId, from: TAB_ID });
}

/** Tells every tab the marking a session here has just seen on a briefing. */
export function announceMarking(briefingId: string, marking: string): void {
  announce({ kind: 'marking', docId: briefingId, marking, from: TAB_ID });
}

/** Listens for the other tabs' messages of every document; returns what stops it (a no-op without BroadcastChannel). */
export function listenToAllTabs(onMessage: (message: TabMessage) => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => undefined;
  const channel = new BroadcastChannel(TAB_CHANNEL_NAME);
  channel.onmessage = (event: MessageEvent<TabMessage>) => {
    if (event.data && event.data.from !== TAB_ID) onMessage(event.data);
  };
  // Node's channel (tests) would otherwise keep the process alive; browsers have no unref.
  (channel as { unref?: () => void }).unref?.();
  return () => channel.close();
}
