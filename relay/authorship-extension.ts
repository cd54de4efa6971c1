import type { Extension, afterUnloadDocumentPayload, beforeSyncPayload } from '@hocuspocus/server';
import * as Y from 'yjs';
import { checkCommentsUpdate } from '../shared/collab/comments-authorship';
import { parseRelayDocumentName, RELAY_ERRORS, type RelayNotice } from '../shared/collab/relay-protocol';
import type { MemberContext } from './access-control';

/*
 * Comment authorship, enforced before an update reaches the comments document: every update a
 * member sends on a comments connection is first applied to a probe (a copy of the stored
 * document, kept in step with it) and checked against the member the token names
 * (shared/collab/comments-authorship.ts). A refused update is never applied, stored or
 * broadcast, so nobody else's document ever holds it; the sender gets a `not-comment-author`
 * notice saying why and its comments connection is closed with that code (the app stops
 * syncing comments and says so; what it has locally stays). The probe that took the refused
 * change is thrown away and built again from the document.
 */

interface Probe {
  doc: Y.Doc;
  detach(): void;
}

export class CommentsAuthorship implements Extension {
  extensionName = 'adb-comments-authorship';
  /** After access control (which has set the connection's member and read-only flag). */
  priority = 900;
  private readonly probes = new Map<string, Probe>();

  constructor(private readonly log: (line: string) => void) {}

  async beforeSync({ connection, type, payload, document, documentName }: beforeSyncPayload): Promise<void> {
    if (type === 0 || connection.readOnly) return; // a state vector; or a read-only connection, whose writes Hocuspocus drops
    if (parseRelayDocumentName(documentName)?.kind !== 'comments') return;
    const context = connection.context as MemberContext;
    const probe = this.probeFor(documentName, document);
    const verdict = checkCommentsUpdate(probe.doc, payload, { memberId: context.memberId, role: context.role });
    if (verdict.ok) return;
    this.drop(documentName);
    this.log(`refused a comments update to ${documentName} from ${context.role} ${context.memberId}: ${verdict.refusal} (${verdict.detail})`);
    const notice: RelayNotice = { type: 'relay-notice', code: 'not-comment-author', document: documentName };
    connection.sendStateless(JSON.stringify(notice));
    // Hocuspocus closes the connection with this code and reason, and handles nothing after it.
    throw Object.assign(new Error(`comments update refused: ${verdict.refusal}`), { code: RELAY_ERRORS['not-comment-author'], reason: 'not-comment-author' });
  }

  async afterUnloadDocument({ documentName }: afterUnloadDocumentPayload): Promise<void> {
    this.drop(documentName);
  }

  private probeFor(name: string, document: Y.Doc): Probe {
    const existing = this.probes.get(name);
    if (existing) return existing;
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(document));
    const mirror = (update: Uint8Array) => Y.applyUpdate(doc, update);
    document.on('update', mirror);
    const probe = {
      doc,
      detach: () => {
        document.off('update', mirror);
        doc.destroy();
      },
    };
    this.probes.set(name, probe);
    return probe;
  }

  private drop(name: string): void {
    this.probes.get(name)?.detach();
    this.probes.delete(name);
  }
}
