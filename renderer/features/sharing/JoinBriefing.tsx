import { useId, useState, type FormEvent } from 'react';
import { useLocation } from 'wouter';
import { INVITATION_FILE_EXTENSION, parseInvitation } from '../../../shared/collab/invitation';
import { useT } from '../../i18n/use-t';
import { allowRelay, reloadKeeping, takePending } from './relay-allow';
import { joinWithInvitation } from './share-record';
import { MarkingNeedsPassphraseError } from '../lock/marking-guard';
import { sharingMessage } from './sharing-messages';
import { PRIVATE_TEXT } from '../../components/private-text';

/** "Join a shared briefing": paste an invitation code or open an `.adbinvite` file. */
export function JoinBriefing() {
  const t = useT();
  const id = useId();
  const [, navigate] = useLocation();
  const [code, setCode] = useState(() => takePending('join')?.code ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();

  const join = async (text: string) => {
    setBusy(true);
    setError(undefined);
    try {
      const parsed = parseInvitation(text);
      if (parsed.ok && (await allowRelay(parsed.invitation.relay)) === 'reload') return reloadKeeping('join', { code: text });
      const outcome = await joinWithInvitation(text);
      if (outcome.ok) navigate(`/briefings/${outcome.briefingId}`);
      else setError(sharingMessage(t, 'invitation' in outcome ? outcome.invitation : outcome.relay));
    } catch (error) {
      // Without a passphrase a shared brief marked above the lowest marking is not stored: say so.
      setError(error instanceof MarkingNeedsPassphraseError ? t('sharing.join.needsPassphrase', { marking: error.marking }) : sharingMessage(t, 'internal'));
    } finally {
      setBusy(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void join(code);
  };

  return (
    <section className="panel join" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('sharing.join')}</h2>
      <form onSubmit={submit}>
        <label className="field">
          {t('sharing.join.paste')}
          <textarea {...PRIVATE_TEXT} value={code} onChange={(e) => setCode(e.target.value)} rows={3} spellCheck={false} placeholder="ADB-INVITE-1.…" />
        </label>
        <button type="submit" disabled={busy}>
          {busy ? t('sharing.join.working') : t('sharing.join.go')}
        </button>{' '}
        <label>
          {t('sharing.join.file')}{' '}
          <input
            type="file"
            accept={`${INVITATION_FILE_EXTENSION},application/json`}
            disabled={busy}
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void file.text().then(join);
            }}
          />
        </label>
      </form>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </section>
  );
}
