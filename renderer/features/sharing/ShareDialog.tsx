import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { ROLES, type Role } from '../../../shared/collab/relay-protocol';
import { isAllowedRelayUrl } from '../../../shared/collab/relay-token';
import { useT } from '../../i18n/use-t';
import { saveTextFile } from '../../platform/platform';
import { useAppStore } from '../../store/store';
import { HeldChanges } from './HeldChanges';
import { MembersList } from './MembersList';
import { allowRelay, reloadKeeping, takePending } from './relay-allow';
import { sharingErrorCode } from './relay-client';
import { inviteMember, shareBriefing, shareRecordFor, type IssuedInvitation } from './share-record';
import { sharingMessage } from './sharing-messages';
import { PRIVATE_TEXT } from '../../components/private-text';
import { formatDateTime } from '../../i18n/format';

/** "Share with the delegation…": relay address, registration, then members and their invitations. */
export function ShareDialog({ briefingId, onClose }: { briefingId: string; onClose: () => void }) {
  const t = useT();
  const id = useId();
  const language = useAppStore((s) => s.language);
  const reconnectRelay = useAppStore((s) => s.reconnectRelay);
  const record = useLiveQuery(() => shareRecordFor(briefingId), [briefingId]);
  const [pending] = useState(() => takePending('share'));
  const [relayUrl, setRelayUrl] = useState(pending?.relayUrl ?? 'wss://');
  const [secret, setSecret] = useState('');
  const [leadName, setLeadName] = useState(pending?.leadName ?? '');
  const [memberName, setMemberName] = useState('');
  const [role, setRole] = useState<Role>('drafter');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [issued, setIssued] = useState<IssuedInvitation | undefined>();
  const [copied, setCopied] = useState(false);
  const [membersVersion, setMembersVersion] = useState(0);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await work();
    } catch (failure) {
      setError(sharingMessage(t, sharingErrorCode(failure)));
    } finally {
      setBusy(false);
    }
  };

  const share = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      if (isAllowedRelayUrl(relayUrl.trim()) && (await allowRelay(relayUrl.trim())) === 'reload') return reloadKeeping('share', { relayUrl, leadName });
      await shareBriefing(briefingId, { relayUrl, leadName, enrolmentSecret: secret });
      reconnectRelay();
    });
  };

  const invite = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      setIssued(await inviteMember(briefingId, { name: memberName, role }));
      setCopied(false);
      setMemberName('');
      setMembersVersion((v) => v + 1);
    });
  };

  const until = (iso: string) => formatDateTime(iso, language);

  return (
    <section className="panel share-dialog" role="dialog" aria-labelledby={`${id}-h`} onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <h2 id={`${id}-h`} ref={heading} tabIndex={-1}>
        {t('sharing.title')}
      </h2>
      <button type="button" className="close" onClick={onClose}>
        {t('sharing.close')}
      </button>
      {record === undefined ? (
        <form onSubmit={share}>
          <p>{t('sharing.intro')}</p>
          <label className="field line">
            {t('sharing.relayUrl')}
            <input type="url" required value={relayUrl} onChange={(e) => setRelayUrl(e.target.value)} spellCheck={false} />
          </label>
          <label className="field line">
            {t('sharing.secret')}
            <input type="password" value={secret} onChange={(e) => setSecret(e.target.value)} autoComplete="off" />
          </label>
          <label className="field line">
            {t('sharing.leadName')}
            <input required value={leadName} onChange={(e) => setLeadName(e.target.value)} />
          </label>
          <button type="submit" disabled={busy}>
            {busy ? t('sharing.working') : t('sharing.share')}
          </button>
        </form>
      ) : (
        <>
          <p>{record.role === 'lead' ? t('sharing.sharedOn', { relay: record.relayUrl }) : t('sharing.memberOn', { relay: record.relayUrl, role: t(`sharing.role.${record.role}`) })}</p>
          {record.role === 'lead' && (
            <form onSubmit={invite} className="invite-form">
              <h3>{t('sharing.add')}</h3>
              <label className="field line">
                {t('sharing.memberName')}
                <input required value={memberName} onChange={(e) => setMemberName(e.target.value)} />
              </label>
              <label className="field line">
                {t('sharing.memberRole')}
                <select value={role} onChange={(e) => setRole(e.target.value as Role)}>
                  {ROLES.filter((r) => r !== 'lead').map((r) => (
                    <option key={r} value={r}>
                      {t(`sharing.role.${r}`)}
                    </option>
                  ))}
                </select>
              </label>
              <button type="submit" disabled={busy}>
                {busy ? t('sharing.working') : t('sharing.invite')}
              </button>
            </form>
          )}
          {issued && (
            <div className="invitation" role="status">
              <p>{t('sharing.invitationFor', { name: issued.invitation.name, role: t(`sharing.role.${issued.invitation.role}`), until: until(issued.invitation.expiresAt) })}</p>
              <label className="field">
                {t('sharing.code')}
                <textarea {...PRIVATE_TEXT} readOnly value={issued.code} rows={3} onFocus={(e) => e.target.select()} spellCheck={false} />
              </label>
              <button
                type="button"
                onClick={() =>
                  void navigator.clipboard?.writeText(issued.code).then(
                    () => setCopied(true),
                    () => setCopied(false),
                  )
                }
              >
                {t('sharing.copy')}
              </button>{' '}
              <button type="button" onClick={() => saveTextFile(issued.file.name, issued.file.text, 'application/json')}>
                {t('sharing.saveFile')}
              </button>
              {copied && <span className="muted"> {t('sharing.copied')}</span>}
            </div>
          )}
          <MembersList briefingId={briefingId} record={record} version={membersVersion} onInvitation={setIssued} />
          {record.role === 'lead' && <HeldChanges briefingId={briefingId} record={record} />}
        </>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </section>
  );
}
