import type { Connection, connectedPayload, Document, Extension, Hocuspocus } from '@hocuspocus/server';

/*
 * Every connection to a document must end up on the one copy the relay lists under its name.
 *
 * Hocuspocus unloads a document when its last connection closes. A member whose app reconnects
 * at that moment (its provider replaced, a network blip) can be handed the copy being unloaded:
 * `createDocument` returns it while it is still listed, and the unload removes and destroys it
 * before the new connection is added. That connection then lives on a copy nobody else is on:
 * the relay acknowledges the member's changes (their app says "synced") while colleagues, who
 * get the document loaded again from its file, never see them. Worse, when that discarded copy
 * is unloaded in turn, Hocuspocus removes the entry *by name*, which by then is the live copy
 * the others are on, and the next member to connect loads a third. Seen in the two-profile e2e
 * tests under load: the lead's words on the lead's machine, "synced", absent from the relay.
 *
 * Three guards, each closing one gap (tested in test/relay/document-reload.test.ts):
 * - `keepUnloadsToTheirOwnCopy`: a new connection waits for an unload in flight before asking
 *   for the document, and unloading a copy that is not the listed one destroys that copy only;
 * - `DocumentReloadGuard`: after a connection is set up, if its document is not the listed copy,
 *   it is closed with its socket (1012, "service restart"); the provider reconnects and the new
 *   connection gets the listed copy. Nothing is lost: the member's client still holds every
 *   change and sends what the relay lacks in the sync that follows;
 * - the document files merge what they store, including the listed copy's state when a discarded
 *   one writes (document-files.ts), so a late write from a discarded copy adds, never replaces.
 */

/** WebSocket close code 1012, "service restart": the client should reconnect. */
export const RELOAD_CLOSE_CODE = 1012;
export const RELOAD_REASON = 'document-reloaded';

/** Makes a Hocuspocus instance's load and unload respect which copy is listed (see above). */
export function keepUnloadsToTheirOwnCopy(hocuspocus: Hocuspocus): void {
  const createDocument = hocuspocus.createDocument.bind(hocuspocus);
  const unloadDocument = hocuspocus.unloadDocument.bind(hocuspocus);
  hocuspocus.createDocument = async (documentName, ...rest) => {
    // An unload in flight first: what it removes is not handed out.
    for (let unloading = hocuspocus.unloadingDocuments.get(documentName); unloading; unloading = hocuspocus.unloadingDocuments.get(documentName)) {
      await unloading.catch(() => undefined);
    }
    return createDocument(documentName, ...rest);
  };
  hocuspocus.unloadDocument = async (document: Document) => {
    const listed = hocuspocus.documents.get(document.name);
    if (listed && listed !== document) {
      // A discarded copy: its last connection is gone; the listed copy stays where it is.
      if (document.getConnectionsCount() === 0) document.destroy();
      return;
    }
    return unloadDocument(document);
  };
}

export class DocumentReloadGuard implements Extension {
  extensionName = 'adb-document-reload-guard';
  /** After access control (1000), which may already have closed the connection for a revoked member. */
  priority = 900;

  constructor(private readonly log: (line: string) => void) {}

  async connected({ connection, documentName, instance }: connectedPayload): Promise<void> {
    if (instance.documents.get(documentName) === connection.document) return;
    this.log(`reconnecting a connection to ${documentName}: it was handed a copy that is no longer listed`);
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
