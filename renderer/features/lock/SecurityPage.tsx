import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { DEFAULT_CLASSIFICATIONS } from '../../../shared/briefing/model';
import type { OsKeyStatus } from '../../../shared/ipc/contract';
import { Page } from '../../components/Page';
import { changePassphrase, setAutoLockMinutes, withRawDataKey } from '../../crypto/keyring';
import { KEYRING_ID } from '../../crypto/keyring-row';
import { WrongSecretError } from '../../crypto/key-wrap';
import { db } from '../../db/db';
import { useT } from '../../i18n/use-t';
import { desktopApi } from '../../platform/platform';
import { modKey } from '../shortcuts/registry';
import { EraseDialog } from './EraseDialog';
import { lockNow, setUpWithPassphrase } from './lock-session';
import { NewPassphraseForm } from './NewPassphraseForm';

const AUTO_LOCK_CHOICES = [0, 1, 5, 15, 30, 60, 240];

/** `/settings/security`: passphrase, auto-lock, quick unlock, lock now, erase. */
export function SecurityPage() {
  const t = useT();
  const id = useId();
  const keyring = useLiveQuery(() => db.keyring.get(KEYRING_ID), []);
  const [erasing, setErasing] = useState(false);
  const encrypted = keyring?.mode === 'passphrase';
  const keys = `${modKey()}+Shift+L`;
  return (
    <Page title={t('security.title')}>
      <div className="security-page">
        <section className="panel" aria-labelledby={`${id}-status`}>
          <h2 id={`${id}-status`}>{encrypted ? t('security.change.title') : t('security.setPassphrase')}</h2>
          <p>{encrypted ? t('security.status.encrypted', { keys }) : t('security.status.plain', { marking: DEFAULT_CLASSIFICATIONS[0] })}</p>
          {encrypted ? <ChangePassphrase /> : <SetPassphrase />}
        </section>
        {encrypted && keyring && (
          <>
            <section className="panel" aria-labelledby={`${id}-auto`}>
              <h2 id={`${id}-auto`}>{t('security.autoLock')}</h2>
              <select aria-label={t('security.autoLock')} value={keyring.autoLockMinutes} onChange={(e) => void setAutoLockMinutes(db, Number(e.target.value))}>
                {[...new Set([...AUTO_LOCK_CHOICES, keyring.autoLockMinutes])]
                  .sort((a, b) => a - b)
                  .map((m) => (
                    <option key={m} value={m}>
                      {m === 0 ? t('security.autoLock.never') : t('security.autoLock.minutes', { minutes: m })}
                    </option>
                  ))}
              </select>{' '}
              <button type="button" onClick={() => void lockNow()}>
                {t('security.lockNow')}
              </button>
            </section>
            <QuickUnlock on={Boolean(keyring.os)} backend={keyring.os?.backend} />
          </>
        )}
        <section className="panel" aria-labelledby={`${id}-erase`}>
          <h2 id={`${id}-erase`}>{t('security.erase.title')}</h2>
          <p>{t('security.erase.text')}</p>
          <button type="button" className="danger" onClick={() => setErasing(true)}>
            {t('lock.erase.open')}
          </button>
          {erasing && <EraseDialog onCancel={() => setErasing(false)} />}
        </section>
      </div>
    </Page>
  );
}

function SetPassphrase() {
  // The lock gate takes over after: the recovery key, then encrypting what is already stored.
  return <NewPassphraseForm className="form lock-card" submit="lock.setup.submit" working="lock.setup.working" onSubmit={(passphrase) => setUpWithPassphrase(passphrase)} />;
}

function ChangePassphrase() {
  return (
    <NewPassphraseForm
      className="form lock-card"
      askCurrent
      labels={{ passphrase: 'security.change.next', confirm: 'security.change.confirm' }}
      submit="security.change.submit"
      onSubmit={async (passphrase, current) => {
        await changePassphrase(db, { passphrase: current }, passphrase);
        return 'security.change.done';
      }}
    />
  );
}

function QuickUnlock({ on, backend }: { on: boolean; backend?: string }) {
  const t = useT();
  const id = useId();
  const api = desktopApi();
  const [status, setStatus] = useState<OsKeyStatus | undefined>();
  const [passphrase, setPassphrase] = useState('');
  const [message, setMessage] = useState<string | undefined>();
  useEffect(() => {
    void api?.osKeyStatus().then((r) => r.ok && setStatus(r.value));
  }, [api]);
  const enable = async (event: FormEvent) => {
    event.preventDefault();
    if (!api) return;
    try {
      const sealed = await withRawDataKey(db, passphrase, (raw) => api.sealKeyWithOs(new Uint8Array(raw)));
      // Never a plain-text fallback: anything but a sealed key from a real backend stores nothing.
      if (!sealed.ok || !sealed.value.ok) return setMessage(t('security.quick.unavailable', { backend: status?.backend ?? '?' }));
      await db.keyring.update(KEYRING_ID, { os: { sealed: sealed.value.sealed, backend: sealed.value.backend } });
      setPassphrase('');
      setMessage(undefined);
    } catch (error) {
      setMessage(error instanceof WrongSecretError ? t('security.change.wrong') : t('lock.failed', { message: String(error) }));
    }
  };
  return (
    <section className="panel" aria-labelledby={`${id}-quick`}>
      <h2 id={`${id}-quick`}>{t('security.quick.title')}</h2>
      <p>{t('security.quick.text')}</p>
      {!api ? (
        <p className="muted">{t('security.quick.webOnly')}</p>
      ) : on ? (
        <p>
          {t('security.quick.on', { backend: backend ?? '' })}{' '}
          <button type="button" onClick={() => void db.keyring.update(KEYRING_ID, { os: undefined })}>
            {t('security.quick.disable')}
          </button>
        </p>
      ) : status && !status.available ? (
        <p className="muted">{t('security.quick.unavailable', { backend: status.backend })}</p>
      ) : (
        <form className="lock-card" onSubmit={(e) => void enable(e)}>
          <label htmlFor={`${id}-pass`}>{t('security.change.current')}</label>
          <input id={`${id}-pass`} type="password" autoComplete="current-password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
          <p>
            <button type="submit">{t('security.quick.enable')}</button>
          </p>
        </form>
      )}
      {message && <p role="alert">{message}</p>}
    </section>
  );
}
