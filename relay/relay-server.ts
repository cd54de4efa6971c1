import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { Hocuspocus, type WebSocketLike } from '@hocuspocus/server';
import crossws from 'crossws/adapters/node';
import * as decoding from 'lib0/decoding';
import { parseRelayDocumentName, RELAY_ERRORS } from '../shared/collab/relay-protocol';
import { AccessControl, type MemberContext } from './access-control';
import { AuthorshipCheck } from './authorship-extension';
import { DocumentReloadGuard, keepUnloadsToTheirOwnCopy } from './document-reload-guard';
import { checkEditUpdate } from './edit-authorship-check';
import { checkCommentsUpdate } from '../shared/collab/comments-authorship';
import { documentFiles } from './document-files';
import { splitEditUpdate } from './edit-split';
import { HeldEdits } from './held-edits';
import { SessionUploaders } from './session-uploaders';
import { heldEditsApi, heldNames } from './held-edits-api';
import { MemberRegistry } from './member-registry';
import { membersApi } from './members-api';
import { MembersPush } from './members-push';

/*
 * The relay: a configured Hocuspocus instance (roles in AccessControl, comment authorship and
 * the content's record of who wrote and removed what in AuthorshipCheck, persistence through its
 * database extension) behind a small Node HTTP host of our own, instead of Hocuspocus's
 * `Server`, for two reasons: the members API shares the port without hook tricks, and every
 * WebSocket frame's document name is checked before Hocuspocus queues it, so a client that
 * speaks another protocol is closed at once with `protocol-mismatch` instead of timing out.
 */

export interface RelayOptions {
  dataDir: string;
  /** 127.0.0.1 unless told otherwise. */
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Required to register a briefing when set (docs/relay.md, "Enrolment"). */
  enrolmentSecret?: string;
  /** How long Hocuspocus waits after the last change before writing a document (ms). */
  storeDebounceMs?: number;
  /** How often the members files are re-read for changes made by another instance (ms; 0 = never). */
  registryPollMs?: number;
  log?: (line: string) => void;
  now?: () => Date;
}

export interface RunningRelay {
  /** ws://host:port */
  url: string;
  httpUrl: string;
  port: number;
  hocuspocus: Hocuspocus;
  registry: MemberRegistry;
  /** Closes every connection, writes every document and the members files, then stops listening. */
  stop(): Promise<void>;
}

/** The document name a Hocuspocus frame is addressed to, or undefined when the bytes are not a Hocuspocus frame. */
function frameDocumentName(bytes: Uint8Array): string | undefined {
  try {
    const raw = decoding.readVarString(decoding.createDecoder(bytes));
    const name = raw.split('\0')[0];
    return name === '' ? undefined : name;
  } catch {
    return undefined;
  }
}

export async function startRelay(options: RelayOptions): Promise<RunningRelay> {
  const log = options.log ?? (() => undefined);
  const registry = new MemberRegistry(options.dataDir, options.now, log);
  const access = new AccessControl(registry, log);
  const push = new MembersPush(registry);
  const held = new HeldEdits(options.dataDir, options.now);
  const uploaders = new SessionUploaders(options.dataDir);
  const hocuspocus = new Hocuspocus({
    name: 'adb-relay',
    quiet: true,
    debounce: options.storeDebounceMs ?? 1000,
    maxDebounce: Math.max(options.storeDebounceMs ?? 1000, 5000),
    extensions: [
      access,
      new DocumentReloadGuard(log),
      new AuthorshipCheck({ kind: 'comments', code: 'not-comment-author', check: checkCommentsUpdate }, log),
      new AuthorshipCheck({ kind: 'content', code: 'not-edit-author', check: checkEditUpdate, split: splitEditUpdate, held, namesOf: (name, ids) => heldNames(registry, name, ids), uploaders }, log),
      push,
      documentFiles(options.dataDir),
    ],
  });
  keepUnloadsToTheirOwnCopy(hocuspocus);
  access.attach(hocuspocus);
  push.attach(hocuspocus);

  const onlineMembers = (documentId: string): Set<string> => {
    const online = new Set<string>();
    for (const document of hocuspocus.documents.values()) {
      if (parseRelayDocumentName(document.name)?.documentId !== documentId) continue;
      for (const connection of document.getConnections()) online.add((connection.context as MemberContext).memberId);
    }
    return online;
  };
  const api = membersApi({ registry, enrolmentSecret: options.enrolmentSecret, onlineMembers, held: heldEditsApi(hocuspocus, held, registry), log });

  type Peer = { websocket: unknown; request: unknown; close(code?: number, reason?: string): void };
  const clients = new WeakMap<object, ReturnType<Hocuspocus['handleConnection']>>();
  const ws = crossws({
    // A 300-item briefing's first sync is a few megabytes; nothing legitimate comes near this.
    serverOptions: { maxPayload: 64 * 1024 * 1024 },
    hooks: {
      open(peer) {
        clients.set(peer, hocuspocus.handleConnection((peer as Peer).websocket as WebSocketLike, (peer as Peer).request as Request));
      },
      message(peer, message) {
        const bytes = message.uint8Array();
        const name = frameDocumentName(bytes);
        if (name === undefined) {
          log('closed a connection that does not speak the Hocuspocus protocol');
          peer.close(RELAY_ERRORS['protocol-mismatch'], 'protocol-mismatch');
          return;
        }
        if (!parseRelayDocumentName(name)) {
          log(`closed a connection asking for ${JSON.stringify(name.slice(0, 80))}`);
          peer.close(RELAY_ERRORS['bad-document'], 'bad-document');
          return;
        }
        clients.get(peer)?.handleMessage(bytes);
      },
      close(peer, event) {
        clients.get(peer)?.handleClose({ code: event.code ?? 1000, reason: event.reason ?? '' });
        clients.delete(peer);
      },
      error(_peer, error) {
        log(`websocket error: ${String(error)}`);
      },
    },
  });

  const httpServer: HttpServer = createServer((request, response) => {
    void api(request, response);
  });
  // Upgraded sockets leave the HTTP server's bookkeeping; kept here so that stop() ends them all.
  const upgraded = new Set<Duplex>();
  httpServer.on('upgrade', (request, socket, head) => {
    upgraded.add(socket);
    socket.once('close', () => upgraded.delete(socket));
    void ws.handleUpgrade(request, socket, head);
  });

  const poll = options.registryPollMs ?? 2000;
  const timer = poll > 0 ? setInterval(() => void registry.refresh(), poll) : undefined;
  timer?.unref();

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      httpServer.off('error', reject);
      resolve();
    });
  });
  const address = httpServer.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      if (timer) clearInterval(timer);
      const closed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
      hocuspocus.closeConnections();
      hocuspocus.flushPendingStores();
      ws.closeAll(1001, 'relay-stopping');
      // Documents unload (and are written) once their last connection is gone.
      for (let i = 0; i < 200 && (hocuspocus.getDocumentsCount() > 0 || hocuspocus.unloadingDocuments.size > 0); i++) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      await registry.close();
      ws.closeAll(1001, 'relay-stopping', true);
      for (const socket of upgraded) socket.destroy();
      httpServer.closeAllConnections();
      await closed;
    })();
    return stopping;
  };

  return { url: `ws://${host}:${address.port}`, httpUrl: `http://${host}:${address.port}`, port: address.port, hocuspocus, registry, stop };
}
