import { DEFAULT_CLASSIFICATIONS } from '../../../shared/briefing/model';
import { useT } from '../../i18n/use-t';
import { continueWithoutPassphrase, setUpWithPassphrase } from './lock-session';
import { NewPassphraseForm } from './NewPassphraseForm';

/** First run: choose a passphrase, or continue without one for OFFICIAL-only work. */
export function SetUpScreen() {
  const t = useT();
  return (
    <NewPassphraseForm title={t('lock.setup.title')} intro={t('lock.setup.intro')} submit="lock.setup.submit" working="lock.setup.working" onSubmit={(passphrase) => setUpWithPassphrase(passphrase)}>
      <hr />
      <p className="muted">{t('lock.setup.skipHint', { marking: DEFAULT_CLASSIFICATIONS[0] })}</p>
      <p>
        <button type="button" data-action="continue-without-passphrase" onClick={() => void continueWithoutPassphrase()}>
          {t('lock.setup.skip')}
        </button>
      </p>
    </NewPassphraseForm>
  );
}
