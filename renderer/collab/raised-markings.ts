import { db } from '../db/db';
import { markingNeedsPassphrase, storedMarkings } from '../features/lock/marking-guard';
import { announceMarking, listenToAllTabs } from './tab-channel';

/*
 * A briefing's marking as this profile last heard it, for the guard of what is written without a
 * passphrase (companion-docs.ts, briefing-session.ts). A colleague's raise reaches the briefing's
 * content session only; without a passphrase that session may not write it, so the stored row
 * keeps the old marking. Every other tab of the profile, and every later session, learns it here:
 * - the tab that heard the change tells the other tabs at once (tab channel, `marking` message);
 * - a raise that needs a passphrase is also kept in a settings row `marking.raised:<briefing id>`
 *   holding the marking alone (never content, so it is safe to store without a passphrase), read
 *   by a tab opened later or after the content session was closed. It goes when a session hears
 *   a marking it may store, and with the briefing.
 */

export const raisedMarkingKey = (briefingId: string) => `marking.raised:${briefingId}`;

/** The latest marking each briefing was heard to have in another tab, since this tab opened. */
const heardInOtherTabs = new Map<string, string>();
let listening = false;

/** Starts listening for the other tabs' markings (once per tab; before a companion document is written). */
export function listenForMarkings(): void {
  if (listening) return;
  listening = true;
  listenToAllTabs((message) => {
    if (message.kind === 'marking') heardInOtherTabs.set(message.docId, message.marking);
    // Replaced as a whole (import, restore): its stored row speaks for it again.
    else if (message.kind === 'replaced') heardInOtherTabs.delete(message.docId);
  });
}

/**
 * A session here heard the briefing's marking change (a colleague's, another tab's, or the
 * delegate's own): the other tabs are told, and a marking this profile may not store is kept as
 * the briefing's raised marking (one it may store drops the record).
 */
export async function noteHeardMarking(briefingId: string, marking: string): Promise<void> {
  listenForMarkings();
  announceMarking(briefingId, marking);
  heardInOtherTabs.delete(briefingId);
  if (markingNeedsPassphrase(marking, await storedMarkings())) await db.settings.put({ key: raisedMarkingKey(briefingId), value: marking });
  else await db.settings.delete(raisedMarkingKey(briefingId));
}

/** The marking heard in another tab, else the raise kept for the briefing; undefined when neither is known. */
export async function raisedMarking(briefingId: string): Promise<string | undefined> {
  const heard = heardInOtherTabs.get(briefingId);
  if (heard !== undefined) return heard;
  const kept = (await db.settings.get(raisedMarkingKey(briefingId)))?.value;
  return typeof kept === 'string' ? kept : undefined;
}
