import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { KeyringRow } from '../../crypto/keyring-row';
import { useT } from '../../i18n/use-t';
import { desktopApi } from '../../platform/platform';
import { DerivationProgress } from './DerivationProgress';
import { EraseDialog } from './EraseDialog';
import { unlock, unlockByRecoveryKey, unlockWithOs } from './lock-session';

/** Seconds left until `retryAt`, ticking while there are any. */
function useSecondsUntil(retryAt: number | undefined): number {
  const left = () => (retryAt === undefined ? 0 : Math.max(0, Math.ceil((retryAt - Date.now()) / 1000)));
  const [seconds, setSeconds] = useState(left);
  useEffect(() => {
    setSeconds(left());
    if (retryAt === undefined) return;
    const timer = setInterval(() => {
      const next = left();
      setSeconds(next);
      if (next === 0) clearInterval(timer);
    }, 250);
    return () => clearInterval(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `left` reads only retryAt
  }, [retryAt]);
  return seconds;
}

/** At start and after every lock: the passphrase, or the recovery key, or (desktop) the OS. */
export function LockScreen({ keyring }: { keyring: KeyringRow }) {
  const t = useT();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [mode, setMode] = useState<'passphrase' | 'recovery'>('passphrase');
  const [secret, setSecret] = useState('');
  const [busy, setBusy] = useState(false);
  const [wrong, setWrong] = useState(false);
  const [quickFailed, setQuickFailed] = useState(false);
  const [erasing, setErasing] = useState(false);
  const wait = useSecondsUntil(keyring.retryAt);
  const quick = Boolean(keyring.os && desktopApi());

  useEffect(() => input.current?.focus(), [mode]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || wait > 0 || secret === '') return;
    setBusy(true);
    setWrong(false);
    const result = await (mode === 'passphrase' ? unlock(secret) : unlockByRecoveryKey(secret));
    setBusy(false);
    if (!result.ok) {
      setWrong(result.reason === 'wrong');
      setSecret('');
      input.current?.focus();
    }
  };

  return (
    <form className="lock-card" onSubmit={(e) => void submit(e)} aria-busy={busy}>
      <h1>{t('lock.locked.title')}</h1>
      <p>{t('lock.locked.intro')}</p>
      <label htmlFor={`${id}-secret`}>{mode === 'passphrase' ? t('lock.setup.passphrase') : t('lock.recoveryKey')}</label>
      <input
        id={`${id}-secret`}
        ref={input}
        type={mode === 'passphrase' ? 'password' : 'text'}
        autoComplete={mode === 'passphrase' ? 'current-password' : 'off'}
        spellCheck={false}
        value={secret}
        onChange={(e) => setSecret(e.target.value)}
      />
      {wrong && <p role="alert">{mode === 'passphrase' ? t('lock.wrong') : t('lock.wrongRecovery')}</p>}
      {wait > 0 && <p role="status">{t('lock.wait', { seconds: wait })}</p>}
      <DerivationProgress />
      <p>
        <button type="submit" className="primary" disabled={busy || wait > 0}>
          {busy ? t('lock.unlocking') : t('lock.unlock')}
        </button>
        {quick && mode === 'passphrase' && (
          <>
            {' '}
            <button
              type="button"
              disabled={busy}
              onClick={() => {
                setQuickFailed(false);
                void unlockWithOs(keyring).then((ok) => setQuickFailed(!ok));
              }}
            >
              {t('lock.quickUnlock')}
            </button>
          </>
        )}
      </p>
      {quickFailed && <p role="alert">{t('lock.quickFailed')}</p>}
      <p>
        <button
          type="button"
          className="link-button"
          onClick={() => {
            setMode(mode === 'passphrase' ? 'recovery' : 'passphrase');
            setSecret('');
            setWrong(false);
          }}
        >
          {mode === 'passphrase' ? t('lock.useRecovery') : t('lock.usePassphrase')}
        </button>
      </p>
      <p>
        <button type="button" className="link-button" onClick={() => setErasing(true)}>
          {t('lock.erase.open')}
        </button>
      </p>
      {erasing && <EraseDialog onCancel={() => setErasing(false)} />}
    </form>
  );
}
