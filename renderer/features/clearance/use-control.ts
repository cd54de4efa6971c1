import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import { readClearance, type ClearedContent } from '../../../shared/clearance/clearance-record';
import { db } from '../../db/db';
import { useMyRole } from '../sharing/use-my-role';
import type { ClearanceRow } from '../assignments/assignment-rows';
import { acquireControl } from './control-session';

const NO_REFUSALS: ReadonlyMap<string, string> = new Map();

/**
 * Keeps these briefings' control documents open (and synced with the relay) while the component
 * is mounted. Returns, by briefing id, the marking of each whose document is kept in memory only
 * (its save refused: the marking needs a passphrase this app has not).
 */
export function useControlSessions(briefingIds: readonly string[]): ReadonlyMap<string, string> {
  const key = briefingIds.join('|');
  const [refused, setRefused] = useState(NO_REFUSALS);
  useEffect(() => {
    if (!key) return;
    let gone = false;
    const offs: (() => void)[] = [];
    const handles = key.split('|').map((briefingId) => {
      const handle = acquireControl(briefingId);
      handle.ready.then(
        (session) => {
          if (gone) return;
          const read = () =>
            setRefused((now) => {
              if (now.get(briefingId) === session.unsavedMarking) return now;
              const next = new Map(now);
              if (session.unsavedMarking === undefined) next.delete(briefingId);
              else next.set(briefingId, session.unsavedMarking);
              return next;
            });
          read();
          offs.push(session.subscribe(read));
        },
        (error: unknown) => console.error('Could not open the assignments and clearances', error),
      );
      return handle;
    });
    return () => {
      gone = true;
      offs.forEach((off) => off());
      setRefused(NO_REFUSALS);
      handles.forEach((h) => h.release());
    };
  }, [key]);
  return refused;
}

/** One briefing's control document kept open while mounted: the marking that keeps it in memory only, if any. */
export function useControlSession(briefingId: string | undefined): string | undefined {
  const refused = useControlSessions(useMemo(() => (briefingId ? [briefingId] : []), [briefingId]));
  return briefingId ? refused.get(briefingId) : undefined;
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
