import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo } from 'react';
import { readClearance, type ClearedContent } from '../../../shared/clearance/clearance-record';
import { db } from '../../db/db';
import { useMyRole } from '../sharing/use-my-role';
import type { ClearanceRow } from '../assignments/assignment-rows';
import { acquireControl } from './control-session';

/** Keeps a briefing's control document open (and synced with the relay) while the component is mounted. */
export function useControlSession(briefingId: string | undefined): void {
  useEffect(() => {
    if (!briefingId) return;
    const handle = acquireControl(briefingId);
    handle.ready.catch((error: unknown) => console.error('Could not open the assignments and clearances', error));
    return handle.release;
  }, [briefingId]);
}

/** Whether I may assign sections and clear: the lead of a shared briefing, or anyone on one that is not shared. */
export function useMayLead(briefingId: string): boolean {
  const { role } = useMyRole(briefingId);
  return role === undefined || role === 'lead';
}

/** The briefing's current clearance row (undefined while loading, null when never cleared). */
export function useCurrentClearance(briefingId: string): ClearanceRow | null | undefined {
  return useLiveQuery(async () => (await db.clearances.where('briefingId').equals(briefingId).filter((c) => c.current).first()) ?? null, [briefingId]);
}

// The last few cleared contents read back from their state: every section editor of a 300-item brief asks for the same one.
const decoded = new Map<string, ClearedContent & { verified: boolean }>();

export function clearedContentOf(row: ClearanceRow): (ClearedContent & { verified: boolean }) | undefined {
  if (!row.state) return undefined;
  let content = decoded.get(row.id);
  if (!content) {
    content = readClearance({ ...row, state: row.state });
    decoded.set(row.id, content);
    if (decoded.size > 4) decoded.delete(decoded.keys().next().value!);
  }
  return content;
}

/** The cleared content of a briefing (decoded once per clearance), or null when it has none. */
export function useClearedContent(briefingId: string): { row: ClearanceRow; content: (ClearedContent & { verified: boolean }) | undefined } | null | undefined {
  const row = useCurrentClearance(briefingId);
  return useMemo(() => (row === undefined ? undefined : row === null ? null : { row, content: clearedContentOf(row) }), [row]);
}
