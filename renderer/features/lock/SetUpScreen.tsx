import { useState, type FormEvent } from 'react';
import { DEFAULT_CLASSIFICATIONS } from '../../../shared/briefing/model';
import { useT } from '../../i18n/use-t';
import { continueWithoutPassphrase, setUpWithPassphrase } from './lock-session';
import { newPassphraseProblem, PassphraseFields } from './PassphraseFields';

/** First run: choose a passphrase, or continue without one for OFFICIAL-only work. */
export function SetUpScreen() {
  const t = useT();
  const [value, setValue] = useState({ passphrase: '', confirm: '' });
  const [message, setMessage] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problem = newPassphraseProblem(value);
    if (problem) return setMessage(t(problem.key, problem.vars));
    setBusy(true);
    setMessage(undefined);
    try {
      await setUpWithPassphrase(value.passphrase);
    } catch (error) {
      setMessage(t('lock.failed', { message: error instanceof Error ? error.message : String(error) }));
      setBusy(false);
    }
  };

  return (
    <form className="lock-card" onSubmit={(e) => void submit(e)} aria-busy={busy}>
      <h1>{t('lock.setup.title')}</h1>
      <p>{t('lock.setup.intro')}</p>
      <PassphraseFields value={value} onChange={setValue} />
      {message && <p role="alert">{message}</p>}
      <p>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('lock.setup.working') : t('lock.setup.submit')}
        </button>
      </p>
      <hr />
      <p className="muted">{t('lock.setup.skipHint', { marking: DEFAULT_CLASSIFICATIONS[0] })}</p>
      <p>
        <button type="button" data-action="continue-without-passphrase" disabled={busy} onClick={() => void continueWithoutPassphrase()}>
          {t('lock.setup.skip')}
        </button>
      </p>
    </form>
  );
}
