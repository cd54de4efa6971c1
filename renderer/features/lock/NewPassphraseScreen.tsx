import { useT } from '../../i18n/use-t';
import { chooseNewPassphraseAfterRecovery } from './lock-session';
import { NewPassphraseForm } from './NewPassphraseForm';

/** After unlocking with the recovery key: a new passphrase (a rewrap of the same data key). */
export function NewPassphraseScreen({ recoveryKey }: { recoveryKey: string }) {
  const t = useT();
  return (
    <NewPassphraseForm
      title={t('lock.newPassphrase.title')}
      intro={t('lock.newPassphrase.intro')}
      labels={{ passphrase: 'security.change.next', confirm: 'security.change.confirm' }}
      submit="lock.newPassphrase.submit"
      onSubmit={(passphrase) => chooseNewPassphraseAfterRecovery(recoveryKey, passphrase)}
    />
  );
}
