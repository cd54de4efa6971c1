import { useSyncExternalStore } from 'react';
import { cryptoMode, onModeChange } from '../../crypto/key-state';
import { useT } from '../../i18n/use-t';
import { modKey } from '../shortcuts/registry';
import { lockNow } from './lock-session';

/** The header's Lock button, shown while a passphrase protects the data. */
export function LockButton() {
  const t = useT();
  const mode = useSyncExternalStore(onModeChange, cryptoMode);
  if (mode !== 'unlocked') return null;
  const keys = `${modKey()}+Shift+L`;
  return (
    <button type="button" className="header-button lock-button" title={t('lock.lockNowTitle', { keys })} aria-keyshortcuts="Control+Shift+L Meta+Shift+L" onClick={() => void lockNow()}>
      {t('lock.lockNow')}
    </button>
  );
}
