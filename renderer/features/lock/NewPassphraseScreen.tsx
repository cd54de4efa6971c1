import { useState, type FormEvent } from 'react';
import { useT } from '../../i18n/use-t';
import { chooseNewPassphraseAfterRecovery } from './lock-session';
import { newPassphraseProblem, PassphraseFields } from './PassphraseFields';

/** After unlocking with the recovery key: a new passphrase (a rewrap of the same data key). */
export function NewPassphraseScreen({ recoveryKey }: { recoveryKey: string }) {
  const t = useT();
  const [value, setValue] = useState({ passphrase: '', confirm: '' });
  const [message, setMessage] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problem = newPassphraseProblem(value);
    if (problem) return setMessage(t(problem.key, problem.vars));
    setBusy(true);
    try {
      await chooseNewPassphraseAfterRecovery(recoveryKey, value.passphrase);
    } catch (error) {
      setMessage(t('lock.failed', { message: error instanceof Error ? error.message : String(error) }));
      setBusy(false);
    }
  };
  return (
    <form className="lock-card" onSubmit={(e) => void submit(e)} aria-busy={busy}>
      <h1>{t('lock.newPassphrase.title')}</h1>
      <p>{t('lock.newPassphrase.intro')}</p>
      <PassphraseFields value={value} onChange={setValue} labels={{ passphrase: 'security.change.next', confirm: 'security.change.confirm' }} />
      {message && <p role="alert">{message}</p>}
      <p>
        <button type="submit" className="primary" disabled={busy}>
          {t('lock.newPassphrase.submit')}
        </button>
      </p>
    </form>
  );
}
