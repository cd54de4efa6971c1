import { useId, useState, type FormEvent } from 'react';
import { useT } from '../../i18n/use-t';

/** Asks for the passphrase (or recovery key) an encrypted file was made with. */
export function FileSecretPrompt({ wrong, onSubmit, onCancel }: { wrong: boolean; onSubmit: (secret: { passphrase: string } | { recoveryKey: string }) => void; onCancel: () => void }) {
  const t = useT();
  const id = useId();
  const [mode, setMode] = useState<'passphrase' | 'recoveryKey'>('passphrase');
  const [value, setValue] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (value) onSubmit(mode === 'passphrase' ? { passphrase: value } : { recoveryKey: value });
  };
  return (
    <form className="conflict" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <p id={`${id}-title`}>{t('lock.file.encrypted')}</p>
      <label htmlFor={`${id}-secret`}>{mode === 'passphrase' ? t('lock.setup.passphrase') : t('lock.recoveryKey')}</label>{' '}
      <input id={`${id}-secret`} type={mode === 'passphrase' ? 'password' : 'text'} autoComplete="off" value={value} onChange={(e) => setValue(e.target.value)} />
      {wrong && <p role="alert">{t('lock.file.wrong')}</p>}
      <p>
        <button type="submit" className="primary">
          {t('lock.file.open')}
        </button>{' '}
        <button type="button" onClick={onCancel}>
          {t('lock.erase.cancel')}
        </button>{' '}
        <button type="button" className="link-button" onClick={() => setMode(mode === 'passphrase' ? 'recoveryKey' : 'passphrase')}>
          {mode === 'passphrase' ? t('lock.useRecovery') : t('lock.usePassphrase')}
        </button>
      </p>
    </form>
  );
}
