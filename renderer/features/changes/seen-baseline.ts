import { z } from 'zod';
import { base64ToUpdate, updateToBase64 } from '../../../shared/collab/briefing-doc';
import { docStateOf } from '../../collab/doc-log';
import { db } from '../../db/db';

/*
 * When I last looked at a briefing: the whole state of its document at that moment, in a
 * settings row `changes.seen:<briefing id>` (settings are encrypted at rest and kept in
 * backups). A state, not only a state vector, because the Yjs log is garbage-collected
 * (deleted text is dropped), so what I saw can only be compared with what is there now if it
 * is kept. It is this machine's: each member has their own "last looked".
 */
const seenKey = (briefingId: string) => `changes.seen:${briefingId}`;

const SeenRow = z.object({ at: z.string(), state: z.string().min(1) }).strict();

export interface SeenBaseline {
  at: string;
  state: Uint8Array;
}

export async function seenBaseline(briefingId: string): Promise<SeenBaseline | undefined> {
  const parsed = SeenRow.safeParse((await db.settings.get(seenKey(briefingId)))?.value);
  return parsed.success ? { at: parsed.data.at, state: base64ToUpdate(parsed.data.state) } : undefined;
}

/** Marks the briefing as seen as it is stored now (the editor saves within a second of each change). */
export async function markSeen(briefingId: string, now = new Date()): Promise<void> {
  const state = await docStateOf(briefingId);
  if (!state) return;
  await db.settings.put({ key: seenKey(briefingId), value: { at: now.toISOString(), state: updateToBase64(state) } });
}

/** The first time a briefing is opened here, what it holds then counts as seen. */
export async function ensureSeenBaseline(briefingId: string): Promise<void> {
  if (!(await db.settings.get(seenKey(briefingId)))) await markSeen(briefingId);
}

/** A deleted briefing's baseline goes with it (it holds the briefing's text as it was). */
export async function forgetSeen(briefingId: string): Promise<void> {
  await db.settings.delete(seenKey(briefingId));
}
