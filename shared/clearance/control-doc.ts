import type * as Y from 'yjs';
import { Clearance, ClearanceMeta, clearanceMeta, contentOfState } from './clearance-record';

/*
 * A shared briefing's third relay document, `control` (shared/collab/relay-protocol.ts): what
 * only the lead writes. The relay opens it read-only for everybody else, so a drafter's change
 * to an assignment or a clearance is dropped there and reaches nobody. Every briefing has one,
 * shared or not (kept beside its content document on this machine). Layout:
 *
 * - `assignments` Y.Map: section id -> plain `Assignment` (shared/assignments), last writer wins.
 * - `clearance` Y.Map: `current` -> the current clearance (with the document state it cleared).
 * - `clearances` Y.Array: every clearance ever made, oldest first, without state (the history).
 *
 * Values from the relay are checked when read: a damaged entry reads as absent, never as a
 * clearance.
 */

export const CONTROL_ROOTS = { assignments: 'assignments', clearance: 'clearance', history: 'clearances' } as const;

export const clearanceRoot = (doc: Y.Doc) => doc.getMap<unknown>(CONTROL_ROOTS.clearance);
export const historyRoot = (doc: Y.Doc) => doc.getArray<unknown>(CONTROL_ROOTS.history);

export function currentClearance(doc: Y.Doc): Clearance | undefined {
  const parsed = Clearance.safeParse(clearanceRoot(doc).get('current'));
  return parsed.success ? parsed.data : undefined;
}

/** Markings read from cleared states, by the state itself (a state is decoded once, not on every save). */
const clearedMarkings = new WeakMap<Uint8Array, string>();

/** What clearedMarking gives for a cleared state that cannot be read: treated as the highest marking, never as none. */
export const UNREADABLE_CLEARED_STATE = 'UNREADABLE';

/**
 * The marking of the briefing the current clearance holds (the header of its cleared state), or
 * undefined when there is no clearance. The state is the briefing's words: whoever stores this
 * document must treat it as marked so, whatever the briefing's row says. A state that cannot be
 * read gives UNREADABLE_CLEARED_STATE, which no plain profile may store.
 */
export function clearedMarking(doc: Y.Doc): string | undefined {
  const current = currentClearance(doc);
  if (!current) return undefined;
  let marking = clearedMarkings.get(current.state);
  if (marking === undefined) {
    try {
      marking = contentOfState(current.state).briefing.classification;
    } catch {
      marking = UNREADABLE_CLEARED_STATE;
    }
    clearedMarkings.set(current.state, marking);
  }
  return marking;
}

/** The history, newest first. */
export function clearanceHistory(doc: Y.Doc): ClearanceMeta[] {
  const out: ClearanceMeta[] = [];
  for (const entry of historyRoot(doc).toArray()) {
    const parsed = ClearanceMeta.safeParse(entry);
    if (parsed.success) out.push(parsed.data);
  }
  return out.sort((a, b) => (a.clearedAt < b.clearedAt ? 1 : a.clearedAt > b.clearedAt ? -1 : 0));
}

/** Records a clearance: it becomes the current one (replacing the last) and joins the history. Call inside a transaction. */
export function recordClearance(doc: Y.Doc, clearance: Clearance): void {
  clearanceRoot(doc).set('current', Clearance.parse(clearance));
  historyRoot(doc).push([clearanceMeta(clearance)]);
}
