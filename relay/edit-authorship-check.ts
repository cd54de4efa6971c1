import * as Y from 'yjs';
import { deletionsMap, editAuthorsMap } from '../shared/collab/attribution';
import type { Role } from '../shared/collab/relay-protocol';
import { entryValue, judgeUpdate, Refused as Refusal, structsBetween, writtenClients } from '../shared/collab/update-check';

/*
 * Who a member may say wrote and removed what in a briefing's content document, checked by the
 * relay on every update before it is applied (edit-authorship.ts), against the member the
 * connection's token names. The document says who wrote what through its `authors` map (Yjs
 * client id -> member) and who removed what through its `deletions` map (client id -> ranges),
 * both written by each editing session (shared/collab/attribution.ts). A member may:
 *
 * - record only their own session: an `authors` entry names the sender (`memberId`), and is
 *   written by the session it is about (its key is the Yjs client id of the item that writes it);
 *   an entry with no member (edits made before the briefing was shared) is the lead's;
 * - never change or remove an entry once written, except the lead naming their own pre-share
 *   session with their member id (what the app does when the lead shares while editing);
 * - write content only under client ids that are theirs: no item of an update may carry the
 *   client id of a session recorded as another member's — that would make the edit show as that
 *   member's, or shadow their real edits at those clocks (the relay would take the forged items
 *   for theirs and drop the real ones as already known);
 * - record removals only under their own session, append-only, of things that are removed.
 *
 * A lead whose relay holds nothing yet for the briefing (first share, or a relay that lost its
 * data) may upload colleagues' sessions as they are: restoring, not writing. Pure: the relay
 * calls it on a probe document that mirrors the stored one.
 *
 * Items that build on what the relay does not have yet (updates out of order, after a restart)
 * wait in the probe as in the document and are judged when they are integrated; only under whose
 * sessions they are written is checked on arrival.
 *
 * Covered since the relay holds what it cannot judge (edit-split.ts, held-edits.ts): an upload
 * that carries colleagues' sessions the relay lacks (it lost them) is split before this check;
 * the sender's own part comes here, the colleagues' part is held until the colleague uploads it
 * again or the lead accepts it (then judged here with those sessions vouched for). A new
 * `authors` entry must carry the member's name as the relay's registry has it now; a member
 * other than the lead may not name or write under a session the relay already holds content of
 * with no entry (an older version's), unless that member uploaded it first since the document
 * loaded: the split holds such content for the lead (an older app carrying on its own session is
 * held, not lost), and what reaches this check is refused. A member's own new session naming
 * someone else (announced in its awareness, or started in a live edit) is not held: refused here.
 * A lead's upload carrying colleagues' sessions the relay lacks is applied with them vouched for.
 *
 * Not covered: the relay cannot tell a colleague's lost session from one a member made up in the
 * colleague's name and sent in the upload made on connecting (both are held, never applied, and
 * the lead decides); a session with no entry stays nobody's until the lead names it; the
 * "uploaded it first" memory is lost on a relay restart (the older app's next edits are held).
 */

export interface EditSender {
  memberId: string;
  role: Role;
  /** The member's name in the relay's registry now: a new `authors` entry must carry it. */
  name?: string;
  /** Sessions (Yjs client ids) the lead vouches for by accepting held changes: written as recorded, not as the sender. */
  vouched?: ReadonlySet<number>;
  /** Sessions with no `authors` entry that this member uploaded first since the document was loaded (theirs to carry on). */
  unattributedOwn?: ReadonlySet<number>;
}

export type EditRefusal =
  /** Content or a record written in another member's name. */
  | 'not-author'
  /** A record changed or removed after it was written. */
  | 'immutable'
  /** A record that is not one. */
  | 'malformed';


export type EditVerdict = { ok: true } | { ok: false; refusal: EditRefusal; detail: string };

/** A refusal of a content change (the shared walk's, typed for the content). */
class Refused extends Refusal<EditRefusal> {}
const NAME_MAX = 200;

/** Who each session is, as the probe's `authors` map says now (client id -> member id, null for pre-share). */
export function sessionOwners(probe: Y.Doc): Map<number, string | null> {
  const out = new Map<number, string | null>();
  for (const [key, entry] of editAuthorsMap(probe)) {
    const memberId = (entry as { memberId?: unknown } | undefined)?.memberId;
    if (typeof memberId === 'string' || memberId === null) out.set(Number(key), memberId);
  }
  return out;
}

/** Whether `sender` may write under a session recorded as `memberId`'s (undefined: recorded as nobody's). */
function mayWriteAs(sender: EditSender, memberId: string | null | undefined, client?: number): boolean {
  if (client !== undefined && sender.vouched?.has(client)) return true;
  return memberId === undefined || memberId === sender.memberId || (memberId === null && sender.role === 'lead');
}

function isEntry(value: unknown): value is { memberId: string | null; name: string; at: string } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const { memberId, name, at, ...rest } = value as Record<string, unknown>;
  return Object.keys(rest).length === 0 && (typeof memberId === 'string' || memberId === null) && typeof name === 'string' && name.length <= NAME_MAX && typeof at === 'string' && at.length <= 40;
}

/**
 * Applies `update` to `probe` and answers whether `sender` may make that change. After a refusal
 * the probe holds the refused change: the caller throws it away.
 */
export function checkEditUpdate(probe: Y.Doc, update: Uint8Array, sender: EditSender): EditVerdict {
  const restoring = sender.role === 'lead' && probe.store.clients.size === 0;
  const before = sessionOwners(probe);
  const waitingBefore = waitingByClient(probe);
  const verdict: EditVerdict = judgeUpdate<EditRefusal>(probe, update, (transaction) => judgeTransaction(probe, transaction, sender, before, restoring));
  if (verdict.ok && !restoring && probe.store.pendingStructs) {
    // Items that build on what the relay does not have yet wait until it comes (Yjs's way with
    // updates out of order: refusing them would stall a member's sync after a restart). They are
    // integrated with a later update and judged then; what can be checked now is under whose
    // sessions those this update brought are written (others' waiting items are not this sender's).
    const now = sessionOwners(probe);
    for (const [client, length] of waitingByClient(probe)) {
      if (length > (waitingBefore.get(client) ?? 0) && !mayWriteAs(sender, now.get(client), client)) return { ok: false, refusal: 'not-author', detail: `an edit written as another member's session (${client}), waiting for what it builds on` };
    }
  }
  return verdict;
}

/** How much is waiting in the probe for what it builds on, per client id. */
function waitingByClient(probe: Y.Doc): Map<number, number> {
  const out = new Map<number, number>();
  const pending = probe.store.pendingStructs;
  if (!pending) return out;
  for (const struct of Y.decodeUpdate(pending.update).structs) {
    if (!(struct instanceof Y.Skip)) out.set(struct.id.client, (out.get(struct.id.client) ?? 0) + struct.length);
  }
  return out;
}

function judgeTransaction(probe: Y.Doc, transaction: Y.Transaction, sender: EditSender, before: Map<number, string | null>, restoring: boolean): void {
  const authors = editAuthorsMap(probe);
  const deletions = deletionsMap(probe);
  const after = sessionOwners(probe);
  // What was written, client by client.
  for (const { client, start, end } of writtenClients(transaction)) {
    const mine = (memberId: string | null | undefined) => mayWriteAs(sender, memberId, client);
    const vouched = sender.vouched?.has(client) ?? false;
    // Content under a session that is someone else's, before or after this update.
    if (!restoring && (!mine(before.get(client)) || !mine(after.get(client)))) throw new Refused('not-author', `an edit written as another member's session (${client})`);
    // A session the relay holds content of with no authors entry (an older version of the app):
    // nobody's, so only the lead (or the member who uploaded it first here) may name it.
    const legacy = !restoring && !vouched && start > 0 && !before.has(client) && sender.role !== 'lead' && !(sender.unattributedOwn?.has(client) ?? false);
    // Content carried on under it too: the split holds it for the lead (edit-split.ts); what comes here is refused.
    if (legacy) throw new Refused('not-author', `an edit under a session the relay holds with no author (${client})`);
    for (const item of structsBetween(probe, client, start, end)) {
      if (!(item instanceof Y.Item)) continue;
      if (item.parent === authors) {
        if (item.deleted) continue; // written and replaced within the update: the one kept is checked
        const value = entryValue(item);
        if (!isEntry(value)) throw new Refused('malformed', 'an authors entry that is not one');
        if (restoring) continue;
        if (item.parentSub !== String(client)) throw new Refused('not-author', 'an authors entry written for another session');
        if (!mine(value.memberId)) throw new Refused('not-author', `an edit attributed to ${value.name || value.memberId || 'someone else'}`);
        const was = before.get(client);
        if (was === undefined && !vouched && value.memberId !== null && sender.name !== undefined && value.name !== sender.name) throw new Refused('not-author', 'a new authors entry that does not carry the member’s name');
        if (was !== undefined && was !== value.memberId && !(was === null && sender.role === 'lead')) throw new Refused('immutable', 'an authors entry rewritten');
      } else if (item.parent === deletions) {
        if (!(item.content instanceof Y.ContentType) || !(item.content.type instanceof Y.Array)) throw new Refused('malformed', 'a deletions entry that is not a list');
        if (!restoring && item.parentSub !== String(client)) throw new Refused('not-author', 'removals recorded for another session');
      } else if (item.parent instanceof Y.Array && item.parent._item?.parent === deletions) {
        checkRemovalRecord(probe, item, restoring);
      }
    }
  }

  // What was removed: records are never changed once written (a replaced authors entry is the lead's own rename above).
  Y.iterateDeletedStructs(transaction, transaction.deleteSet, (struct) => {
    if (!(struct instanceof Y.Item) || struct.id.clock >= (transaction.beforeState.get(struct.id.client) ?? 0)) return;
    if (struct.parent === authors) {
      const replaced = struct.parentSub !== null && authors._map.get(struct.parentSub) !== struct;
      if (!replaced) throw new Refused('immutable', 'an authors entry removed');
    } else if (struct.parent === deletions || (struct.parent instanceof Y.Array && struct.parent._item?.parent === deletions)) {
      throw new Refused('immutable', 'a removal record removed');
    }
  });
}

/** Numbers pushed to a session's removal list: (client, clock, length) triples of things removed. */
function checkRemovalRecord(probe: Y.Doc, item: Y.Item, restoring: boolean): void {
  const list = item.parent as Y.Array<unknown>;
  const key = list._item?.parentSub;
  if (!restoring && key !== String(item.id.client)) throw new Refused('not-author', 'removals recorded for another session');
  const numbers = item.content.getContent();
  if (numbers.length % 3 !== 0 || !numbers.every((n) => Number.isSafeInteger(n) && (n as number) >= 0)) throw new Refused('malformed', 'a removal record that is not ranges');
  if (item.deleted) return;
  for (let i = 0; i < numbers.length; i += 3) {
    const [client, clock, length] = numbers.slice(i, i + 3) as [number, number, number];
    if (!removed(probe, client, clock, length)) throw new Refused('malformed', 'a removal recorded of something that is still there');
  }
}

/** Whether every struct of `client` in [clock, clock + length) exists and is removed. */
function removed(probe: Y.Doc, client: number, clock: number, length: number): boolean {
  const structs = probe.store.clients.get(client);
  if (!structs || length === 0 || Y.getState(probe.store, client) < clock + length) return false;
  for (let i = Y.findIndexSS(structs, clock); i < structs.length && structs[i]!.id.clock < clock + length; i++) {
    if (!structs[i]!.deleted) return false;
  }
  return true;
}
