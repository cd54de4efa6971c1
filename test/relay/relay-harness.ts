import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HocuspocusProvider, WebSocketStatus } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
import type { RegisterBriefing } from '../../shared/collab/relay-api';
import { parseRelayNotice, relayDocumentName, type DocumentKind, type Role } from '../../shared/collab/relay-protocol';
import { hashMemberToken, newMemberToken, newRelayId, relayCredential } from '../../shared/collab/relay-token';
import { startRelay, type RelayOptions, type RunningRelay } from '../../relay/relay-server';

/*
 * The real relay on 127.0.0.1 with a temporary data folder, and Node clients speaking to it
 * through @hocuspocus/provider (ws as the WebSocket), as the app will.
 */

/**
 * `ws` throws when a socket still connecting is closed and nobody listens for its error; the
 * provider closes such sockets when told to go offline mid-connect. Browsers only report it.
 */
class NodeWebSocket extends WebSocket {
  constructor(...args: ConstructorParameters<typeof WebSocket>) {
    super(...args);
    this.on('error', () => undefined);
  }
}

export interface TestRelay {
  current: RunningRelay;
  dataDir: string;
  port: number;
  /** Stops the relay cleanly and starts it again on the same port and data folder. */
  restart(options?: { loseData?: boolean }): Promise<void>;
  /** The two halves of a restart, for edits made while the relay is down. */
  stop(options?: { loseData?: boolean }): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

export async function startTestRelay(options: Partial<RelayOptions> = {}): Promise<TestRelay> {
  const dataDir = await mkdtemp(join(tmpdir(), 'adb-relay-test-'));
  const first = await startRelay({ dataDir, storeDebounceMs: 50, registryPollMs: 0, ...options });
  const relay: TestRelay = {
    current: first,
    dataDir,
    port: first.port,
    async stop({ loseData = false } = {}) {
      await relay.current.stop();
      if (loseData) await rm(dataDir, { recursive: true, force: true });
    },
    async start() {
      relay.current = await startRelay({ dataDir, storeDebounceMs: 50, registryPollMs: 0, ...options, port: relay.port });
    },
    async restart(restartOptions) {
      await relay.stop(restartOptions);
      await relay.start();
    },
    async close() {
      await relay.current.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  return relay;
}

export interface TestMember {
  memberId: string;
  name: string;
  role: Role;
  token: string;
}

export function member(name: string, role: Role): TestMember {
  return { memberId: newRelayId(), name, role, token: newMemberToken() };
}

export function registration(documentId: string, members: TestMember[], expiresAt?: string): RegisterBriefing {
  return {
    documentId,
    members: members.map((m) => ({
      memberId: m.memberId,
      name: m.name,
      role: m.role,
      tokenHash: hashMemberToken(m.token),
      ...(expiresAt ? { invitationExpiresAt: expiresAt } : {}),
    })),
  };
}

export async function api(relay: TestRelay, method: string, path: string, init: { token?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  const response = await fetch(`${relay.current.httpUrl}${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(init.token ? { authorization: `Bearer ${relayCredential(init.token)}` } : {}),
      ...init.headers,
    },
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

export async function registerBriefing(relay: TestRelay, members: TestMember[], headers: Record<string, string> = {}): Promise<string> {
  const documentId = newRelayId();
  const { status, body } = await api(relay, 'POST', '/v1/briefings', { body: registration(documentId, members), headers });
  if (status !== 201) throw new Error(`registration failed: ${status} ${JSON.stringify(body)}`);
  return documentId;
}

export interface TestClient {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  /** A new provider on the same document (what the app does after a refusal it can recover from); it stays offline if told. */
  renew(options?: { offline?: boolean }): void;
  failures: string[];
  closes: string[];
  /** The relay's notices (refused writes…), as sent: what a test of refusals looks at. */
  notices: string[];
  /** Every stateless message, notices and members-changed pushes alike, in order. */
  stateless: string[];
  text(): string;
  offline(): void;
  online(): void;
  destroy(): void;
}

export function connectClient(relay: TestRelay, documentId: string, who: Pick<TestMember, 'token'>, kind: DocumentKind = 'content', options: { credential?: string; doc?: Y.Doc } = {}): TestClient {
  const doc = options.doc ?? new Y.Doc();
  const failures: string[] = [];
  const closes: string[] = [];
  const notices: string[] = [];
  const stateless: string[] = [];
  const makeProvider = (autoConnect = true) => new HocuspocusProvider({
    autoConnect,
    url: relay.current.url,
    name: relayDocumentName(documentId, kind),
    document: doc,
    token: options.credential ?? relayCredential(who.token),
    WebSocketPolyfill: NodeWebSocket,
    // Quick retries: the relay restarts in milliseconds in these tests.
    delay: 20,
    minDelay: 20,
    maxDelay: 100,
    factor: 1.5,
    jitter: false,
    onAuthenticationFailed: ({ reason }) => failures.push(reason),
    onClose: ({ event }) => closes.push(event.reason),
    onStateless: ({ payload }) => {
      stateless.push(payload);
      if (parseRelayNotice(payload)) notices.push(payload);
    },
  } as ConstructorParameters<typeof HocuspocusProvider>[0]);
  let provider = makeProvider();
  return {
    doc,
    get provider() {
      return provider;
    },
    renew({ offline = false } = {}) {
      provider.destroy();
      provider = makeProvider(!offline);
    },
    failures,
    closes,
    notices,
    stateless,
    text: () => doc.getText('body').toString(),
    offline: () => provider.disconnect(),
    online: () => {
      // The provider ignores connect() while a socket it was told to close is still open (its
      // status stays "connected" until the close event): reconnect once that has happened.
      const socket = provider.configuration.websocketProvider;
      if (socket.shouldConnect || socket.status === WebSocketStatus.Disconnected) {
        void provider.connect();
        return;
      }
      const reconnect = (): void => {
        socket.off('disconnect', reconnect);
        void provider.connect();
      };
      socket.on('disconnect', reconnect);
    },
    destroy: () => provider.destroy(),
  };
}

/** Waits for content (checked on every event-loop turn), failing with `what` if it never comes. */
export async function until(condition: () => boolean, what: string, limitMs = 15_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > limitMs) throw new Error(`never happened: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

export const synced = (client: TestClient) => client.provider.isSynced && client.provider.unsyncedChanges === 0;

/** The clients a test file opens on its briefing's content, all destroyed in its afterEach. */
export function contentClients() {
  const open: TestClient[] = [];
  return {
    open(relay: TestRelay, documentId: string, who: Pick<TestMember, 'token'>, doc?: Y.Doc): TestClient {
      const client = connectClient(relay, documentId, who, 'content', doc ? { doc } : {});
      open.push(client);
      return client;
    },
    destroyAll(): void {
      for (const client of open.splice(0)) client.destroy();
    },
  };
}

/** The relay's own loaded copy of a briefing's document; undefined while it holds none. */
export function documentOnRelay(relay: TestRelay, documentId: string, kind: DocumentKind = 'content'): Y.Doc | undefined {
  // Hocuspocus's Document is a Y.Doc (from its own import of yjs).
  return relay.current.hocuspocus.documents.get(relayDocumentName(documentId, kind)) as unknown as Y.Doc | undefined;
}

/** A document's body text; '' where there is no document yet. */
export const bodyText = (doc: Y.Doc | undefined): string => doc?.getText('body').toString() ?? '';

/** Whether the relay told this client that some of its edits are held for the lead. */
export const toldEditsHeld = (client: TestClient): boolean => client.notices.some((n) => parseRelayNotice(n)?.code === 'edits-held');

/** A copy of a document that writes under the same session (client id): an older app's second window, or a forger. */
export function sameSessionCopy(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  copy.clientID = doc.clientID;
  return copy;
}
