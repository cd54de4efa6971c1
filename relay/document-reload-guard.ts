import type { Connection, connectedPayload, Extension, Hocuspocus } from '@hocuspocus/server';

/*
 * A connection must end up on the document every other member's connection is on.
 *
 * Hocuspocus unloads a document when its last connection closes. A member whose app reconnects
 * at that moment (its provider replaced, a network blip) can be handed the document being
 * unloaded: `createDocument` returns it while it is still listed, and the unload removes and
 * destroys it before the new connection is added. That connection then lives on a copy nobody
 * else is on: the relay acknowledges the member's changes (their app says "synced") while
 * colleagues, who get the document loaded again from its file, never see them. Seen in the
 * two-profile tests under load: the lead's words stored on the lead's machine, "synced", and
 * absent from the relay's document.
 *
 * After every connection is set up, this checks that its document is the one the relay lists
 * under that name; if not, it closes the connection and its socket with 1012 ("service
 * restart"), which the provider answers by reconnecting, and the new connection loads the
 * document afresh. Nothing is lost: the member's client still holds every change and sends what
 * the relay lacks in the sync that follows; the document files merge what they store
 * (document-files.ts), so a late write from the discarded copy adds to the file, never replaces it.
 */

/** WebSocket close code 1012, "service restart": the client should reconnect. */
export const RELOAD_CLOSE_CODE = 1012;
export const RELOAD_REASON = 'document-reloaded';

export class DocumentReloadGuard implements Extension {
  extensionName = 'adb-document-reload-guard';
  /** After access control (1000), which may already have closed the connection for a revoked member. */
  priority = 900;

  constructor(private readonly log: (line: string) => void) {}

  async connected({ connection, documentName, instance }: connectedPayload): Promise<void> {
    if (instance.documents.get(documentName) === connection.document) return;
    this.log(`reconnecting a connection to ${documentName}: it was handed the copy being unloaded`);
    const socket = connection.webSocket;
    connection.close({ code: RELOAD_CLOSE_CODE, reason: RELOAD_REASON });
    if (!socketInUse(instance, socket)) socket.close(RELOAD_CLOSE_CODE, RELOAD_REASON);
  }
}

function socketInUse(instance: Hocuspocus, socket: Connection['webSocket']): boolean {
  for (const document of instance.documents.values()) {
    if (document.getConnections().some((connection) => connection.webSocket === socket)) return true;
  }
  return false;
}
