import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import type { DelegationEntry } from '../../../shared/papers/colleague-annotations';
import { acquireCommentsWorkspace, releaseCommentsWorkspace } from '../../collab/comments-workspace';
import { watchMarking } from '../../collab/marking-watch';
import { sharedBriefingsOf, type ShareTarget } from './annotation-sharing';

export interface DelegationView {
  /** The meeting's shared briefings (where an annotation can be shared; readers only read). */
  briefings: ShareTarget[];
  /** Every live annotation shared in their comments documents, with the briefing each came through. */
  entries: DelegationEntry[];
}

const NONE: DelegationView = { briefings: [], entries: [] };

/**
 * The annotations shared with the delegations of a meeting's shared briefings, live: each
 * briefing's comments workspace is held open (and so connected to the relay) while the paper or
 * the meeting is on screen, and released after.
 */
export function useDelegation(meetingId: string | undefined): DelegationView {
  const briefings = useLiveQuery(() => sharedBriefingsOf(meetingId), [meetingId]);
  const [entries, setEntries] = useState<DelegationEntry[]>([]);
  const ids = (briefings ?? []).map((b) => b.briefingId).join(' ');
  useEffect(() => {
    if (!ids) return setEntries([]);
    // Without a passphrase, a colleague's raise of the marking is heard by the content session only: watched first (marking-watch.ts).
    const unwatch = ids.split(' ').map((id) => watchMarking(id));
    const workspaces = ids.split(' ').map((id) => acquireCommentsWorkspace(id));
    // A workspace tells of every change (presence too): the entries are taken again only when an annotation changed,
    // so the paper does not place colleagues' annotations again on each.
    let seen = '';
    const collect = () => {
      const next = workspaces.flatMap((w) => w.current.annotations.map((annotation) => ({ briefingId: w.briefingId, annotation })));
      const key = JSON.stringify(next);
      if (key === seen) return;
      seen = key;
      setEntries(next);
    };
    const offs = workspaces.map((w) => w.subscribe(collect));
    collect();
    return () => {
      for (const off of offs) off();
      for (const w of workspaces) releaseCommentsWorkspace(w);
      for (const release of unwatch) release();
    };
  }, [ids]);
  return briefings ? { briefings, entries } : NONE;
}
