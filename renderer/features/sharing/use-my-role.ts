import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import { mayWrite, type Role } from '../../../shared/collab/relay-protocol';
import { relayTargetFor } from '../../collab/briefing-relay';
import { useAppStore } from '../../store/store';
import { listMembers } from './relay-client';
import { rememberMyRole, shareRecordFor } from './share-record';

/**
 * My role on a shared briefing (undefined for one that is not shared), and whether I may change
 * its content. Each time the briefing (re)connects to its relay, the role is read from the
 * relay's members list: the lead may have changed it meanwhile (the relay then closes the
 * connection with `role-changed` and the app reconnects).
 */
export function useMyRole(briefingId: string): { role: Role | undefined; canEdit: boolean } {
  const record = useLiveQuery(() => shareRecordFor(briefingId), [briefingId]);
  const synced = useAppStore((s) => s.relay?.state === 'synced');
  const shared = record !== undefined;
  useEffect(() => {
    if (!synced || !shared) return;
    let live = true;
    void (async () => {
      const [target, current] = await Promise.all([relayTargetFor(briefingId), shareRecordFor(briefingId)]);
      if (!target || !current) return;
      const answer = await listMembers(current.relayUrl, current.documentId, target.credential);
      const me = answer.members.find((m) => m.memberId === answer.you);
      if (live && me) await rememberMyRole(briefingId, me.role);
    })().catch(() => undefined); // the relay's own refusal shows in the header already
    return () => {
      live = false;
    };
  }, [briefingId, synced, shared]);
  const role = record?.role;
  return { role, canEdit: role === undefined || mayWrite(role, 'content') };
}
