import { useCallback, useEffect, useId, useState } from 'react';
import type { MembersResponse } from '../../../shared/collab/relay-api';
import { ROLES, type Role } from '../../../shared/collab/relay-protocol';
import { relayTargetFor } from '../../collab/briefing-relay';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../store/store';
import { listMembers, sharingErrorCode, type SharingErrorCode } from './relay-client';
import { changeMemberRole, inviteMember, registerAgain, rememberMyRole, removeMember, type IssuedInvitation, type ShareRecord } from './share-record';
import { sharingMessage } from './sharing-messages';
import { MemberPresence } from '../presence/MemberPresence';
import { formatDateTime } from '../../i18n/format';

/** Members as the relay knows them (name, role, online, last seen); the lead changes roles and removes. */
export function MembersList({ briefingId, record, version, onInvitation }: { briefingId: string; record: ShareRecord; version: number; onInvitation: (issued: IssuedInvitation) => void }) {
  const t = useT();
  const id = useId();
  const language = useAppStore((s) => s.language);
  const [answer, setAnswer] = useState<MembersResponse | undefined>();
  const [failure, setFailure] = useState<SharingErrorCode | undefined>();
  const [note, setNote] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const isLead = record.role === 'lead';

  const load = useCallback(async () => {
    try {
      const target = await relayTargetFor(briefingId);
      if (!target) return;
      const next = await listMembers(record.relayUrl, record.documentId, target.credential);
      setAnswer(next);
      setFailure(undefined);
      const me = next.members.find((m) => m.memberId === next.you);
      if (me) await rememberMyRole(briefingId, me.role);
    } catch (error) {
      setFailure(sharingErrorCode(error));
    }
  }, [briefingId, record.relayUrl, record.documentId]);

  // No polling: the relay pushes "members changed" (added, removed, role, online, last seen) on
  // the briefing's connection, and the list is read again on each push and on every reconnect.
  const pushed = useAppStore((s) => (s.draft?.briefing.id === briefingId ? s.membersChanged : 0));
  const synced = useAppStore((s) => s.draft?.briefing.id === briefingId && s.relay?.state === 'synced');
  useEffect(() => {
    void load();
  }, [load, version, pushed, synced]);

  const act = async (work: () => Promise<void>) => {
    setBusy(true);
    setNote(undefined);
    try {
      await work();
      await load();
    } catch (error) {
      setFailure(sharingErrorCode(error));
    } finally {
      setBusy(false);
    }
  };

  const time = (iso: string) => formatDateTime(iso, language);
  // The relay's list, or (while it cannot be read) the lead's own list.
  const rows =
    answer?.members ??
    (record.members ?? []).map((m) => ({ memberId: m.memberId, name: m.name, role: m.role, online: false, lastSeenAt: null as string | null, addedAt: '', invitationExpiresAt: m.expiresAt }));

  return (
    <section className="members" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>
        {t('sharing.members')}{' '}
        <button type="button" onClick={() => void load()} disabled={busy}>
          {t('sharing.refresh')}
        </button>
      </h3>
      {failure && (
        <p role="alert" className="error">
          {sharingMessage(t, failure)}{' '}
          {isLead && failure === 'unknown-briefing' && (
            <button type="button" disabled={busy} onClick={() => void act(async () => registerAgain(briefingId).then(() => setNote(t('sharing.registered'))))}>
              {t('sharing.registerAgain')}
            </button>
          )}
        </p>
      )}
      {note && <p role="status">{note}</p>}
      <table className="members-table">
        <thead>
          <tr>
            <th>{t('sharing.col.name')}</th>
            <th>{t('sharing.col.role')}</th>
            <th>{t('sharing.col.online')}</th>
            <th>{t('sharing.col.seen')}</th>
            {isLead && <th>{t('sharing.col.actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((m) => {
            const me = m.memberId === (answer?.you ?? record.memberId);
            return (
              <tr key={m.memberId} data-member={m.name}>
                <td>
                  {m.name} {me && <span className="muted">{t('sharing.you')}</span>}
                </td>
                <td>
                  {isLead && !me ? (
                    <select
                      aria-label={`${t('sharing.col.role')}: ${m.name}`}
                      value={m.role}
                      disabled={busy}
                      onChange={(e) => void act(() => changeMemberRole(briefingId, m.memberId, e.target.value as Role))}
                    >
                      {ROLES.map((r) => (
                        <option key={r} value={r}>
                          {t(`sharing.role.${r}`)}
                        </option>
                      ))}
                    </select>
                  ) : (
                    t(`sharing.role.${m.role}`)
                  )}
                </td>
                <td>{m.online ? t('sharing.online') : t('sharing.offline')}<MemberPresence briefingId={briefingId} memberId={m.memberId} /></td>
                <td>{m.lastSeenAt ? time(m.lastSeenAt) : t('sharing.never')}</td>
                {isLead && (
                  <td>
                    {!me && (
                      <>
                        <button type="button" disabled={busy} onClick={() => void act(async () => onInvitation(await inviteMember(briefingId, { name: m.name, role: m.role, memberId: m.memberId })))}>
                          {t('sharing.reinvite')}
                        </button>{' '}
                        <button
                          type="button"
                          disabled={busy}
                          onClick={() => {
                            if (window.confirm(t('sharing.removeConfirm', { name: m.name }))) void act(() => removeMember(briefingId, m.memberId));
                          }}
                        >
                          {t('sharing.remove')}
                        </button>
                      </>
                    )}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
