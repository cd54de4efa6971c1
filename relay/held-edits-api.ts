import type { Document, Hocuspocus } from '@hocuspocus/server';
import * as Y from 'yjs';
import type { HeldChangeView } from '../shared/collab/relay-api';
import { parseRelayDocumentName, relayDocumentName, type HeldChanged } from '../shared/collab/relay-protocol';
import type { MemberContext } from './access-control';
import { checkEditUpdate } from './edit-authorship-check';
import { heldUpdate, type HeldEdits } from './held-edits';
import { summariseHeld } from './held-summary';
import type { MemberRegistry, StoredMember } from './member-registry';

/*
 * What the members API does with held changes (held-edits.ts), for the lead only (the API checks
 * the role): list them with who uploaded them and whose sessions they are, accept one (applied to
 * the content document through a direct connection, after the authorship checks that still hold
 * when the lead vouches for those sessions: entries for their own session only, never rewritten,
 * removals recorded by the remover of things removed), or decline one (deleted).
 */

/** Tells the leads connected to `document` that what is held for it changed (`held-changed`). */
export function tellLeadsHeldChanged(document: Document): void {
  const documentId = parseRelayDocumentName(document.name)?.documentId;
  if (!documentId) return;
  const message: HeldChanged = { type: 'held-changed', documentId };
  for (const connection of document.getConnections()) {
    if ((connection.context as MemberContext | undefined)?.role === 'lead') connection.sendStateless(JSON.stringify(message));
  }
}

/** The names of `memberIds` in the registry, each once (a session with no member, or a former member's, has none). */
export async function heldNames(registry: MemberRegistry, documentName: string, memberIds: readonly (string | null)[]): Promise<string[]> {
  const documentId = parseRelayDocumentName(documentName)?.documentId;
  const members = (documentId ? await registry.get(documentId) : undefined)?.members ?? [];
  return [...new Set(memberIds.flatMap((id) => members.filter((m) => id !== null && m.memberId === id).map((m) => m.name)))];
}

export type AcceptResult = { ok: true } | { ok: false; code: 'not-found' | 'held-refused'; message: string };

export interface HeldEditsApi {
  list(documentId: string): Promise<HeldChangeView[]>;
  accept(documentId: string, heldId: string, by: StoredMember): Promise<AcceptResult>;
  decline(documentId: string, heldId: string): Promise<boolean>;
}

export function heldEditsApi(hocuspocus: Hocuspocus, held: HeldEdits, registry: MemberRegistry): HeldEditsApi {
  const nameOf = async (documentId: string) => {
    const members = (await registry.get(documentId))?.members ?? [];
    return (memberId: string | null) => (memberId === null ? null : (members.find((m) => m.memberId === memberId)?.name ?? null));
  };
  const leadsOf = (documentName: string) => {
    const document = hocuspocus.documents.get(documentName);
    if (document) tellLeadsHeldChanged(document);
  };
  return {
    async list(documentId) {
      const name = await nameOf(documentId);
      const documentName = relayDocumentName(documentId, 'content');
      const entries = await held.list(documentName);
      if (entries.length === 0) return [];
      // Where each change writes is read against the briefing as the relay has it now.
      const direct = await hocuspocus.openDirectConnection(documentName, {});
      try {
        return entries.map((entry) => ({
          heldId: entry.heldId,
          uploadedBy: { memberId: entry.uploadedBy, name: name(entry.uploadedBy) },
          sessions: [...new Set(entry.sessions.map((s) => s.memberId))].map((memberId) => ({ memberId, name: name(memberId) })),
          items: entry.items,
          at: entry.at,
          ...summariseHeld(direct.document!, heldUpdate(entry)),
        }));
      } finally {
        await direct.disconnect({ unloadImmediately: false });
      }
    },
    async accept(documentId, heldId, by) {
      const documentName = relayDocumentName(documentId, 'content');
      const entry = (await held.list(documentName)).find((e) => e.heldId === heldId);
      if (!entry) return { ok: false, code: 'not-found', message: 'no such held change' };
      const update = heldUpdate(entry);
      const direct = await hocuspocus.openDirectConnection(documentName, { memberId: by.memberId, role: by.role });
      try {
        const document = direct.document!;
        const probe = new Y.Doc();
        Y.applyUpdate(probe, Y.encodeStateAsUpdate(document));
        const verdict = checkEditUpdate(probe, update, { memberId: by.memberId, role: by.role, vouched: new Set(entry.sessions.map((s) => s.client)) });
        probe.destroy();
        if (!verdict.ok) return { ok: false, code: 'held-refused', message: `${verdict.refusal}: ${verdict.detail}` };
        await direct.transact((doc) => Y.applyUpdate(doc, update));
      } finally {
        await direct.disconnect({ unloadImmediately: false });
      }
      await held.remove(documentName, heldId);
      leadsOf(documentName);
      return { ok: true };
    },
    async decline(documentId, heldId) {
      const documentName = relayDocumentName(documentId, 'content');
      const removed = (await held.remove(documentName, heldId)) !== undefined;
      if (removed) leadsOf(documentName);
      return removed;
    },
  };
}
