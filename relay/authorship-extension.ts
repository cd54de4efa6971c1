import type { Extension, afterUnloadDocumentPayload, beforeSyncPayload } from '@hocuspocus/server';
import { parseRelayDocumentName, RELAY_ERRORS, type DocumentKind, type RelayErrorCode, type RelayNotice, type Role } from '../shared/collab/relay-protocol';
import type { MemberContext } from './access-control';
import type * as Y from 'yjs';
import { ProbeDocs } from './probe-docs';

/*
 * Authorship, enforced before an update reaches a document: every update a member sends on a
 * connection to a document of `kind` is first applied to a probe (a copy of the stored document,
 * kept in step with it: probe-docs.ts) and checked against the member the token names. Two are
 * configured (relay-server.ts): comments (shared/collab/comments-authorship.ts) and the content's
 * record of who wrote and removed what (edit-authorship-check.ts). A refused update is never
 * applied, stored or broadcast, so nobody else's document ever holds it; the sender gets a notice
 * with `code` saying why and the connection is closed with that code (the app stops syncing that
 * document and says so; what it has locally stays). The probe that took the refused change is
 * thrown away and built again from the document.
 */

export type AuthorshipVerdict = { ok: true } | { ok: false; refusal: string; detail: string };

export interface AuthorshipRule {
  kind: DocumentKind;
  /** The notice and close code of a refusal. */
  code: RelayErrorCode;
  /** Applies the update to the probe and judges it (the probe is thrown away after a refusal). */
  check: (probe: Y.Doc, update: Uint8Array, sender: { memberId: string; role: Role }) => AuthorshipVerdict;
}

export class AuthorshipCheck implements Extension {
  extensionName: string;
  /** After access control (which has set the connection's member and read-only flag). */
  priority = 900;
  private readonly probes = new ProbeDocs();

  constructor(
    private readonly rule: AuthorshipRule,
    private readonly log: (line: string) => void,
  ) {
    this.extensionName = `adb-${rule.kind}-authorship`;
  }

  async beforeSync({ connection, type, payload, document, documentName }: beforeSyncPayload): Promise<void> {
    if (type === 0 || connection.readOnly) return; // a state vector; or a read-only connection, whose writes Hocuspocus drops
    if (parseRelayDocumentName(documentName)?.kind !== this.rule.kind) return;
    const context = connection.context as MemberContext;
    const verdict = this.rule.check(this.probes.probeFor(documentName, document), payload, { memberId: context.memberId, role: context.role });
    if (verdict.ok) return;
    this.probes.drop(documentName);
    this.log(`refused a ${this.rule.kind} update to ${documentName} from ${context.role} ${context.memberId}: ${verdict.refusal} (${verdict.detail})`);
    const notice: RelayNotice = { type: 'relay-notice', code: this.rule.code, document: documentName };
    connection.sendStateless(JSON.stringify(notice));
    // Hocuspocus closes the connection with this code and reason, and handles nothing after it.
    throw Object.assign(new Error(`${this.rule.kind} update refused: ${verdict.refusal}`), { code: RELAY_ERRORS[this.rule.code], reason: this.rule.code });
  }

  async afterUnloadDocument({ documentName }: afterUnloadDocumentPayload): Promise<void> {
    this.probes.drop(documentName);
  }
}
