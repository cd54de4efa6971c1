import { useLiveQuery } from 'dexie-react-hooks';
import { mayWrite, type Role } from '../../../shared/collab/relay-protocol';
import { shareRecordFor } from './share-record';

/** My role on a shared briefing (undefined for one that is not shared), and whether I may change its content. */
export function useMyRole(briefingId: string): { role: Role | undefined; canEdit: boolean } {
  const record = useLiveQuery(() => shareRecordFor(briefingId), [briefingId]);
  const role = record?.role;
  return { role, canEdit: role === undefined || mayWrite(role, 'content') };
}
