import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { sessionOwners, type EditSender } from './edit-authorship-check';

/*
 * Splitting a member's update into what they wrote and what they carry for colleagues.
 *
 * A member's app holds colleagues' changes too, and sends the relay whatever it lacks (sync step
 * 2). When the relay lost some of a colleague's changes (restored from an older backup, data
 * folder lost), that upload carries items under sessions recorded as the colleague's. The relay
 * cannot tell them from content forged in the colleague's name, so it neither refuses the whole
 * upload (the member's own edits would stop syncing) nor applies it: it keeps the member's own
 * part and holds the rest until the colleague comes back with it or the lead accepts it
 * (held-edits.ts). Pure, with public Yjs APIs: `diffUpdate` against a state vector that says
 * "already have" for the sessions to leave out. The delete set goes with both parts (deleting
 * twice is harmless; who may record a removal is checked in the part that records it).
 */

export interface HeldSession {
  client: number;
  /** The member the session is recorded as (null: no member — the lead's before sharing, or an older app's session with no entry). */
  memberId: string | null;
}

export interface SplitUpdate {
  /** What the sender may write as themselves: checked and applied as usual. */
  own: Uint8Array;
  /** Items under colleagues' sessions, or undefined when there are none. */
  held?: { update: Uint8Array; sessions: HeldSession[]; items: number };
  /**
   * A lead's upload: colleagues' sessions the relay lacks, left in `own` and applied at once as
   * the lead vouches for them (the lead could accept them held anyway), recorded in the log.
   */
  vouched?: HeldSession[];
}

export interface SplitContext {
  /** The Yjs client ids this connection announced as its own (its awareness). */
  ownSessions?: ReadonlySet<number>;
  /**
   * Whether the update is a live edit (a Yjs update message) rather than the upload a member's
   * app sends on connecting (sync step 2). Colleagues' lost changes come with that upload; a
   * session the relay has never seen that starts in a live edit is one the sender opened now.
   */
  live?: boolean;
}

/**
 * Splits `update` (as `sender` sent it to the relay whose copy is `probe`, not modified here).
 *
 * A colleague's session is one recorded as another member's, by the relay's copy or by the
 * session's own `authors` entry in the update. Left in the own part, to be refused as a forgery
 * (`not-edit-author`): a session new to the relay that names someone else and is the sender's
 * own — announced in this connection's awareness, or started in a live edit.
 *
 * Held with no member (`memberId: null`): what a member other than the lead writes under a
 * session the relay holds with no authors entry (an older app's) that the member did not upload
 * first (`sender.unattributedOwn`, kept on disk: session-uploaders.ts): nobody's until the lead says so.
 */
export function splitEditUpdate(probe: Y.Doc, update: Uint8Array, sender: EditSender, context: SplitContext = {}): SplitUpdate {
  if (sender.role === 'lead' && probe.store.clients.size === 0) return { own: update }; // a lead restoring a relay that holds nothing
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    decoded = Y.decodeUpdate(update);
  } catch {
    return { own: update }; // not a Yjs update: the check refuses it as malformed
  }
  const before = sessionOwners(probe);
  const claimed = new Map<number, string | null>();
  const ends = new Map<number, number>();
  const counts = new Map<number, number>();
  for (const struct of decoded.structs) {
    if (struct instanceof Y.Skip) continue;
    const client = struct.id.client;
    ends.set(client, Math.max(ends.get(client) ?? 0, struct.id.clock + struct.length));
    counts.set(client, (counts.get(client) ?? 0) + 1);
    if (struct instanceof Y.Item && (struct.parent as unknown) === 'authors' && struct.parentSub === String(client)) {
      const memberId = (struct.content.getContent().at(-1) as { memberId?: unknown } | undefined)?.memberId;
      if (typeof memberId === 'string' || memberId === null) claimed.set(client, memberId);
    }
  }
  const sessions: HeldSession[] = [];
  for (const [client, end] of ends) {
    const onRelay = Y.getState(probe.store, client);
    if (end <= onRelay) continue; // the relay has it all already
    const known = before.has(client);
    if (!known && onRelay > 0 && !claimed.has(client)) {
      // An older app's session, carried on without naming it: the sender's only if they uploaded it first here.
      if (sender.role !== 'lead' && !(sender.unattributedOwn?.has(client) ?? false)) sessions.push({ client, memberId: null });
      continue;
    }
    const owner = known ? before.get(client)! : claimed.get(client);
    if (owner === undefined || owner === sender.memberId || (owner === null && sender.role === 'lead')) continue;
    if (!known && onRelay === 0 && (context.ownSessions?.has(client) || context.live)) continue;
    sessions.push({ client, memberId: owner });
  }
  if (sessions.length === 0) return { own: update };
  if (sender.role === 'lead') return { own: update, vouched: sessions };
  const heldClients = new Set(sessions.map((s) => s.client));
  const ownTarget = new Map<number, number>();
  const heldTarget = new Map<number, number>();
  for (const [client, end] of ends) (heldClients.has(client) ? ownTarget : heldTarget).set(client, end);
  return {
    own: Y.diffUpdate(update, encodeStateVector(ownTarget)),
    held: { update: Y.diffUpdate(update, encodeStateVector(heldTarget)), sessions, items: sessions.reduce((n, s) => n + (counts.get(s.client) ?? 0), 0) },
  };
}

/** A state vector from a map, in Yjs's encoding (count, then client and clock pairs): Yjs writes one only from a document or an update. */
function encodeStateVector(clocks: Map<number, number>): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, clocks.size);
  for (const [client, clock] of clocks) {
    encoding.writeVarUint(encoder, client);
    encoding.writeVarUint(encoder, clock);
  }
  return encoding.toUint8Array(encoder);
}

/** Whether `doc` holds every item of `update` (its structs; the delete set is idempotent). */
export function documentHolds(doc: Y.Doc, update: Uint8Array): boolean {
  // Not `encodeStateVectorFromUpdate`: it leaves out clients whose part does not start at clock 0.
  for (const struct of Y.decodeUpdate(update).structs) {
    if (!(struct instanceof Y.Skip) && Y.getState(doc.store, struct.id.client) < struct.id.clock + struct.length) return false;
  }
  return true;
}
