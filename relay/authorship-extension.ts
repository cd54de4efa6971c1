import type { Extension, afterUnloadDocumentPayload, beforeSyncPayload, onChangePayload } from '@hocuspocus/server';
import { parseRelayDocumentName, RELAY_ERRORS, type DocumentKind, type RelayErrorCode, type RelayNotice, type Role } from '../shared/collab/relay-protocol';
import type { MemberContext } from './access-control';
import * as Y from 'yjs';
import { editAuthorsMap } from '../shared/collab/attribution';
import type { SplitContext, SplitUpdate } from './edit-split';
import type { HeldEdits } from './held-edits';
import { tellLeadsHeldChanged } from './held-edits-api';
import { ProbeDocs } from './probe-docs';
import type { SessionUploaders } from './session-uploaders';

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
 *
 * The content rule may also split an update (edit-split.ts): the sender's own part is checked
 * and applied, colleagues' sessions the relay lacks are held (held-edits.ts) and the sender is
 * told calmly (`edits-held`, naming whose changes wait), and keeps syncing; the leads connected
 * are told the list changed (`held-changed`). Hocuspocus applies the message it read after
 * this hook returns, so the own part is applied here and the message's bytes are zeroed in place
 * (an update with no structs and no deletions): the held part is never applied or passed on
 * (test/relay/held-edits.test.ts proves both).
 */

export interface Sender {
  memberId: string;
  role: Role;
  /** The member's name in the registry now. */
  name?: string;
  /** Sessions with no authors entry this member uploaded first (kept on disk: session-uploaders.ts). */
  unattributedOwn?: ReadonlySet<number>;
  /** Sessions the lead vouches for (their upload carried colleagues' sessions the relay lacked). */
  vouched?: ReadonlySet<number>;
}

export type AuthorshipVerdict = { ok: true } | { ok: false; refusal: string; detail: string };

export interface AuthorshipRule {
  kind: DocumentKind;
  /** The notice and close code of a refusal. */
  code: RelayErrorCode;
  /** Applies the update to the probe and judges it (the probe is thrown away after a refusal). */
  check: (probe: Y.Doc, update: Uint8Array, sender: Sender) => AuthorshipVerdict;
  /** Splits off colleagues' sessions to hold (content only). */
  split?: (probe: Y.Doc, update: Uint8Array, sender: Sender, context: SplitContext) => SplitUpdate;
  held?: HeldEdits;
  /** The names of the members whose sessions were held (null: a session with no member), for the uploader's notice. */
  namesOf?: (documentName: string, memberIds: readonly (string | null)[]) => Promise<string[]>;
  /** Who uploaded each session with no authors entry first, kept on disk (else in memory per loaded document). */
  uploaders?: SessionUploaders;
}

export class AuthorshipCheck implements Extension {
  extensionName: string;
  /** After access control (which has set the connection's member and read-only flag). */
  priority = 900;
  private readonly probes = new ProbeDocs();
  /** Per document: sessions with no authors entry, and the member who uploaded each first. */
  private readonly unattributed = new WeakMap<Y.Doc, Map<number, string>>();

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
    const firsts = (await this.rule.uploaders?.firsts(documentName)) ?? this.unattributed.get(document) ?? new Map<number, string>();
    const probe = this.probes.probeFor(documentName, document);
    if (!this.rule.uploaders) this.unattributed.set(document, firsts);
    const sender: Sender = {
      memberId: context.memberId,
      role: context.role,
      ...(context.name !== undefined ? { name: context.name } : {}),
      unattributedOwn: new Set([...firsts].filter(([, by]) => by === context.memberId).map(([client]) => client)),
    };
    // type 2: a Yjs update message (a live edit); 1: the upload made on connecting (sync step 2).
    const parts = this.rule.split?.(probe, payload, sender, { ownSessions: document.connections.get(connection)?.clients ?? new Set(), live: type === 2 }) ?? { own: payload };
    if (parts.vouched) sender.vouched = new Set(parts.vouched.map((s) => s.client));
    const fresh = freshUnattributed(probe, parts.own);
    const verdict = this.rule.check(probe, parts.own, sender);
    if (!verdict.ok) {
      this.probes.drop(documentName);
      this.log(`refused a ${this.rule.kind} update to ${documentName} from ${context.role} ${context.memberId}: ${verdict.refusal} (${verdict.detail})`);
      const notice: RelayNotice = { type: 'relay-notice', code: this.rule.code, document: documentName };
      connection.sendStateless(JSON.stringify(notice));
      // Hocuspocus closes the connection with this code and reason, and handles nothing after it.
      throw Object.assign(new Error(`${this.rule.kind} update refused: ${verdict.refusal}`), { code: RELAY_ERRORS[this.rule.code], reason: this.rule.code });
    }
    if (this.rule.uploaders) await this.rule.uploaders.record(documentName, fresh, context.memberId);
    else for (const client of fresh) if (!firsts.has(client)) firsts.set(client, context.memberId);
    if (parts.vouched) {
      const whose = [...new Set(parts.vouched.map((s) => s.memberId ?? 'no member'))].join(', ');
      this.log(`applied lead ${context.memberId}'s upload to ${documentName} with ${parts.vouched.length} colleagues' sessions the relay lacked (${whose}), vouched for by the lead`);
    }
    if (!parts.held || !this.rule.held) return;
    Y.applyUpdate(document, parts.own, { source: 'connection', connection });
    payload.fill(0); // what Hocuspocus applies next: an empty update (see above)
    await this.rule.held.add(documentName, context.memberId, parts.held);
    this.log(`held ${parts.held.items} items under ${parts.held.sessions.length} colleagues' sessions in ${documentName}, uploaded by ${context.memberId}`);
    const names = (await this.rule.namesOf?.(documentName, parts.held.sessions.map((s) => s.memberId))) ?? [];
    const notice: RelayNotice = { type: 'relay-notice', code: 'edits-held', document: documentName, ...(names.length > 0 ? { names } : {}) };
    connection.sendStateless(JSON.stringify(notice));
    tellLeadsHeldChanged(document);
  }

  /** A colleague who came back with their changes: what is held and now in the document goes. */
  async onChange({ document, documentName }: onChangePayload): Promise<void> {
    if (parseRelayDocumentName(documentName)?.kind !== this.rule.kind || !this.rule.held) return;
    const dropped = await this.rule.held.dropContained(documentName, document);
    if (dropped === 0) return;
    this.log(`dropped ${dropped} held uploads of ${documentName}: the document has them now`);
    tellLeadsHeldChanged(document);
  }

  async afterUnloadDocument({ documentName }: afterUnloadDocumentPayload): Promise<void> {
    this.probes.drop(documentName);
  }
}

/** Sessions of `update` that start here with no authors entry and nothing on the relay yet. */
function freshUnattributed(probe: Y.Doc, update: Uint8Array): number[] {
  let from: Map<number, number>;
  try {
    from = Y.parseUpdateMeta(update).from;
  } catch {
    return [];
  }
  const authors = editAuthorsMap(probe);
  return [...from].filter(([client, clock]) => clock === 0 && Y.getState(probe.store, client) === 0 && !authors.has(String(client))).map(([client]) => client);
}
