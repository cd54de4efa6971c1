import { useId, useState } from 'react';
import { useT } from '../../i18n/use-t';
import { eraseEverything } from './lock-session';

/** "Erase all my data": asks for a typed word, then destroys the keys and the database. */
export function EraseDialog({ onCancel }: { onCancel: () => void }) {
  const t = useT();
  const id = useId();
  const word = t('lock.erase.word');
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  return (
    <div role="alertdialog" aria-labelledby={`${id}-title`} aria-describedby={`${id}-warning`} className="conflict erase-dialog">
      <h2 id={`${id}-title`}>{t('lock.erase.title')}</h2>
      <p id={`${id}-warning`}>{t('lock.erase.warning', { word })}</p>
      <label htmlFor={`${id}-word`}>{t('lock.erase.confirmLabel', { word })}</label>{' '}
      <input id={`${id}-word`} value={typed} autoComplete="off" onChange={(e) => setTyped(e.target.value)} />
      <p>
        <button
          type="button"
          className="danger"
          disabled={busy || typed.trim().toLocaleUpperCase() !== word.toLocaleUpperCase()}
          onClick={() => {
            setBusy(true);
            void eraseEverything();
          }}
        >
          {busy ? t('lock.erasing') : t('lock.erase.confirm')}
        </button>{' '}
        <button type="button" onClick={onCancel} disabled={busy}>
          {t('lock.erase.cancel')}
        </button>
      </p>
    </div>
  );
}
