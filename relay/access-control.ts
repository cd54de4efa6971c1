import type { Connection, Extension, Hocuspocus, beforeHandleAwarenessPayload, beforeSyncPayload, connectedPayload, onAuthenticatePayload, onDisconnectPayload } from '@hocuspocus/server';
import * as Y from 'yjs';
import { mayWrite, parseRelayDocumentName, RELAY_ERRORS, type DocumentKind, type RelayErrorCode, type RelayNotice, type Role } from '../shared/collab/relay-protocol';
import { parseRelayCredential } from '../shared/collab/relay-token';
import { PRESENCE_FIELD, presenceAs } from '../shared/collab/comments-presence';
import type { MemberChange, MemberRegistry } from './member-registry';

/*
 * Roles, enforced where Hocuspocus puts them: `onAuthenticate` checks the member's token for
 * the briefing and opens the connection read-only unless the role may write that document
 * (shared/collab/relay-protocol.ts, WRITERS). Hocuspocus then drops every update a read-only
 * connection sends — it is neither applied, stored nor broadcast — and this extension tells the
 * sender once with a `forbidden-write` notice. Removing a member (or changing their role or
 * token) closes their open connections at once.
 */

export interface MemberContext {
  documentId: string;
  kind: DocumentKind;
  memberId: string;
  role: Role;
  /** Which token opened the connection: a re-issued token revokes connections made with the old one. */
  tokenHash: string;
  /** The member's name as the lead registered it (what presence shows). */
  name?: string;
}

/** Thrown from onAuthenticate: Hocuspocus sends `reason` to the client as "permission denied". */
function refuse(code: RelayErrorCode): { reason: RelayErrorCode; code: number } {
  return { reason: code, code: RELAY_ERRORS[code] };
}

/** Between two forbidden-write notices to one connection (a misbehaving client must not make the relay chatty). */
const NOTICE_INTERVAL_MS = 5_000;

export class AccessControl implements Extension {
  extensionName = 'adb-access-control';
  /** First in the chain: nothing else runs for a refused connection. */
  priority = 1000;
  private instance: Hocuspocus | undefined;
  private readonly lastNotice = new WeakMap<Connection, number>();

  constructor(
    private readonly registry: MemberRegistry,
    private readonly log: (line: string) => void,
  ) {
    registry.onChange((change) => this.closeMember(change));
  }

  attach(instance: Hocuspocus): void {
    this.instance = instance;
  }

  async onAuthenticate({ token, documentName, connectionConfig }: onAuthenticatePayload): Promise<MemberContext> {
    const target = parseRelayDocumentName(documentName);
    if (!target) throw refuse('bad-document');
    const credential = parseRelayCredential(token);
    if (!credential.ok) throw refuse(credential.code);
    const result = await this.registry.authenticate(target.documentId, credential.token);
    if (!result.ok) {
      this.log(`refused ${documentName}: ${result.code}`);
      throw refuse(result.code);
    }
    connectionConfig.readOnly = !mayWrite(result.member.role, target.kind);
    return { ...target, memberId: result.member.memberId, role: result.member.role, tokenHash: result.member.tokenHash, name: result.member.name };
  }

  async connected({ context, connection }: connectedPayload<MemberContext>): Promise<void> {
    // A removal or role change that landed while this connection was being set up.
    const member = (await this.registry.get(context.documentId))?.members.find((m) => m.memberId === context.memberId);
    if (!member || member.tokenHash !== context.tokenHash || member.role !== context.role) {
      const code: RelayErrorCode = !member || member.tokenHash !== context.tokenHash ? 'revoked' : 'role-changed';
      connection.close({ code: RELAY_ERRORS[code], reason: code });
      return;
    }
    await this.registry.touch(context.documentId, context.memberId, context.tokenHash);
  }

  async onDisconnect({ context }: onDisconnectPayload<MemberContext>): Promise<void> {
    if (context?.memberId) await this.registry.touch(context.documentId, context.memberId, context.tokenHash);
  }

  /** Hocuspocus already refuses the write; this says so to the sender, so the app can show why. */
  async beforeSync({ connection, type, payload, document, documentName }: beforeSyncPayload): Promise<void> {
    if (!connection.readOnly || type === 0) return; // 0 = sync step 1: a state vector, not a write
    if (Y.snapshotContainsUpdate(Y.snapshot(document), payload)) return;
    const now = Date.now();
    if (now - (this.lastNotice.get(connection) ?? 0) < NOTICE_INTERVAL_MS) return;
    this.lastNotice.set(connection, now);
    const context = connection.context as MemberContext;
    this.log(`dropped a write to ${documentName} from ${context.role} ${context.memberId}`);
    const notice: RelayNotice = { type: 'relay-notice', code: 'forbidden-write', document: documentName };
    connection.sendStateless(JSON.stringify(notice));
  }

  /**
   * Presence (awareness on a comments connection) says who a member is from their token, never
   * from what their client claims: every presence state in an update is rewritten with the
   * connection's member id, name and role before anyone else gets it.
   */
  async beforeHandleAwareness({ context, states }: beforeHandleAwarenessPayload<MemberContext>): Promise<void> {
    if (!context?.memberId) return;
    for (const state of states.values()) {
      if (!state || !(PRESENCE_FIELD in state)) continue;
      const presence = presenceAs(state[PRESENCE_FIELD], { memberId: context.memberId, name: context.name ?? '', role: context.role });
      if (presence) state[PRESENCE_FIELD] = presence;
      else delete state[PRESENCE_FIELD];
    }
  }

  /** Closes every open connection of a member who was removed, or whose role or token changed. */
  closeMember({ documentId, memberId, change }: MemberChange): void {
    if (!this.instance) return;
    const code: RelayErrorCode = change === 'removed' || change === 'token-changed' ? 'revoked' : 'role-changed';
    const sockets = new Set<Connection['webSocket']>();
    for (const document of this.instance.documents.values()) {
      if (parseRelayDocumentName(document.name)?.documentId !== documentId) continue;
      for (const connection of document.getConnections()) {
        const context = connection.context as MemberContext | undefined;
        if (context?.memberId !== memberId) continue;
        sockets.add(connection.webSocket);
        connection.close({ code: RELAY_ERRORS[code], reason: code });
      }
    }
    // A socket that carried nothing else is closed too, with the typed code.
    for (const socket of sockets) {
      if (!this.socketInUse(socket)) socket.close(RELAY_ERRORS[code], code);
    }
    if (sockets.size > 0) this.log(`closed ${memberId} on ${documentId}: ${code}`);
  }

  private socketInUse(socket: Connection['webSocket']): boolean {
    for (const document of this.instance?.documents.values() ?? []) {
      if (document.getConnections().some((connection) => connection.webSocket === socket)) return true;
    }
    return false;
  }
}
