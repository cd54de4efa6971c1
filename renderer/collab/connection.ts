import { HocuspocusProvider, WebSocketStatus } from '@hocuspocus/provider';
import type * as Y from 'yjs';
import { parseHeldChanged, parseMembersChanged, parseRelayNotice, type RelayErrorCode, type RelayNotice } from '../../shared/collab/relay-protocol';

/**
 * Connects a briefing's document to the delegation's relay (a Hocuspocus server, `relay/`).
 * The document stays the one the editor, the log and the other tabs use: the relay is one more
 * peer. What the relay calls the document and how a member proves who they are is the relay
 * contract's business (`shared/collab/relay-protocol.ts` and `relay-token.ts`, the relay's room):
 * callers pass the document name and credential made there, so this module depends on no format.
 */
export interface RelayTarget {
  /** `wss://…` (or `ws://` on loopback), checked by the caller under the feed address rules. */
  url: string;
  /** The relay's name for the briefing's content document. */
  documentName: string;
  /** The member credential the relay expects as the Hocuspocus token. */
  credential: string;
}

/**
 * What the editor header shows: `connecting`, `synced` (the relay has everything), `connected`
 * (syncing), `offline` with the changes made here that the relay has not confirmed, or
 * `refused` (with the relay's reason: bad token, removed member...).
 */
export type RelayStatus =
  | { state: 'connecting'; waiting: number }
  | { state: 'connected'; waiting: number }
  | { state: 'synced'; waiting: 0 }
  | { state: 'offline'; waiting: number }
  | { state: 'refused'; waiting: number; reason: string };

export interface RelayConnectionOptions {
  /** Changes not confirmed by the relay when the app last closed (the log keeps them; the count is only for the header). */
  waitingAtStart?: number;
  /** Told the unconfirmed count whenever it changes, to keep it across restarts. */
  onWaitingChange?: (waiting: number) => void;
  /** Origins of updates that are not edits made on this machine (read from the log, from another tab). */
  foreignOrigins?: readonly unknown[];
  /** For Node tests: a WebSocket implementation. */
  WebSocketPolyfill?: unknown;
  /** Told of a relay notice (e.g. `forbidden-write`: an update this member may not make was dropped; `edits-held` with whose). */
  onNotice?: (code: RelayErrorCode, notice: RelayNotice) => void;
  /** Told (a lead's connection) when the changes the relay holds for the leads changed (read them again). */
  onHeldChanged?: () => void;
  /** Told when the relay says the briefing's members list changed (read it again). */
  onMembersChanged?: () => void;
  /** Where `online` / `offline` events come from (the window in the app; none in Node tests). */
  network?: Pick<Window, 'addEventListener' | 'removeEventListener'> & { navigator?: { onLine: boolean } };
}

export interface RelayConnection {
  readonly status: RelayStatus;
  onStatus(listener: (status: RelayStatus) => void): () => void;
  /** Stops syncing; the document and its local log are untouched. */
  destroy(): void;
}

export function connectToRelay(doc: Y.Doc, target: RelayTarget, options: RelayConnectionOptions = {}): RelayConnection {
  const listeners = new Set<(status: RelayStatus) => void>();
  const foreign = new Set(options.foreignOrigins ?? []);
  // Edits made here the relay has not confirmed: from earlier sessions, plus those made since.
  let carried = options.waitingAtStart ?? 0;
  let madeHere = 0;
  let socket: WebSocketStatus = WebSocketStatus.Connecting;
  // After one failed or lost connection, a new attempt is shown as offline, not as connecting.
  let failedOnce = false;
  let refused: string | undefined;
  let status: RelayStatus = { state: 'connecting', waiting: carried };

  let provider: HocuspocusProvider | undefined;
  let destroyed = false;
  // The socket of a provider taken down on going offline; a new one waits for its close.
  let closing: Promise<void> = Promise.resolve();

  const start = () => {
    const next: HocuspocusProvider = new HocuspocusProvider({
      url: target.url,
      name: target.documentName,
      document: doc,
      token: target.credential,
      ...(options.WebSocketPolyfill ? { WebSocketPolyfill: options.WebSocketPolyfill } : {}),
      onStatus: ({ status: s }) => {
        if (provider !== next) return;
        socket = s;
        update();
      },
      onSynced: () => update(),
      onUnsyncedChanges: () => update(),
      onAuthenticationFailed: ({ reason }) => {
        refused = reason;
        update();
      },
      onStateless: ({ payload }) => {
        const notice = parseRelayNotice(payload);
        if (notice?.code === 'not-edit-author') refuseEdits(next);
        if (notice) options.onNotice?.(notice.code, notice);
        else if (parseMembersChanged(payload)) options.onMembersChanged?.();
        else if (parseHeldChanged(payload)) options.onHeldChanged?.();
      },
      onClose: ({ event }) => {
        // Closed by the relay with a reason (member removed): the same as a refusal.
        const reason = (event as { reason?: string } | undefined)?.reason;
        if (reason === 'revoked' || reason === 'bad-token' || reason === 'invitation-expired' || reason === 'unknown-briefing') refused = reason;
        else if (reason === 'not-edit-author') refuseEdits(next);
      },
    } as ConstructorParameters<typeof HocuspocusProvider>[0]);
    provider = next;
    next.on('close', () => {
      if (provider !== next) return;
      failedOnce = true;
      update();
    });
  };

  /**
   * The relay refused an edit it will refuse on every reconnect (an edit recorded in another
   * member's name): stop syncing, keep everything here, and say why (`refused`).
   */
  const refuseEdits = (which: HocuspocusProvider) => {
    refused = 'not-edit-author';
    if (provider === which) provider = undefined;
    which.destroy();
    update();
  };

  /**
   * Going offline takes the provider down (not `disconnect()`, whose reconnection replays every
   * queued message): coming back builds a new one, which sends one diff against the relay's
   * state vector. It waits for the old socket's close so the relay never sees both at once.
   */
  const goOffline = () => {
    const old = provider;
    if (!old) return;
    provider = undefined;
    const ws = (old.configuration.websocketProvider as unknown as { webSocket?: WebSocket | null }).webSocket;
    closing =
      ws && ws.readyState !== 3
        ? new Promise<void>((resolve) => {
            ws.addEventListener('close', () => resolve(), { once: true });
            // A socket the network already dropped may never report its close.
            setTimeout(resolve, 2000);
          })
        : Promise.resolve();
    old.destroy();
    socket = WebSocketStatus.Disconnected;
    failedOnce = true;
    update();
  };
  const goOnline = () => {
    if (provider || destroyed || refused === 'not-edit-author') return;
    void closing.then(() => {
      if (!provider && !destroyed) {
        start();
        update();
      }
    });
  };
  const network = options.network;
  if (network?.navigator && !network.navigator.onLine) {
    failedOnce = true;
  } else {
    start();
  }
  network?.addEventListener('offline', goOffline);
  network?.addEventListener('online', goOnline);

  const onDocUpdate = (_update: Uint8Array, origin: unknown) => {
    if ((provider && origin === provider) || foreign.has(origin)) return;
    if (!(status.state === 'synced' && socket === WebSocketStatus.Connected)) madeHere++;
    update();
  };
  doc.on('update', onDocUpdate);

  function update() {
    const confirmed = !!provider && provider.isSynced && !provider.hasUnsyncedChanges && socket === WebSocketStatus.Connected;
    if (confirmed && (carried > 0 || madeHere > 0)) {
      carried = 0;
      madeHere = 0;
      options.onWaitingChange?.(0);
    }
    const waiting = carried + Math.max(madeHere, provider?.unsyncedChanges ?? 0);
    const next: RelayStatus = refused
      ? { state: 'refused', waiting, reason: refused }
      : confirmed
        ? { state: 'synced', waiting: 0 }
        : socket === WebSocketStatus.Connected
          ? { state: 'connected', waiting }
          : socket === WebSocketStatus.Connecting && !failedOnce
            ? { state: 'connecting', waiting }
            : { state: 'offline', waiting };
    if (next.state === status.state && next.waiting === status.waiting) return;
    if (next.waiting !== status.waiting) options.onWaitingChange?.(next.waiting);
    status = next;
    for (const listener of listeners) listener(status);
  }

  return {
    get status() {
      return status;
    },
    onStatus(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    destroy() {
      doc.off('update', onDocUpdate);
      listeners.clear();
      destroyed = true;
      network?.removeEventListener('offline', goOffline);
      network?.removeEventListener('online', goOnline);
      provider?.destroy();
      provider = undefined;
    },
  };
}
