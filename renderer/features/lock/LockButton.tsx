import { useSyncExternalStore } from 'react';
import { cryptoMode, onModeChange } from '../../crypto/key-state';
import { useT } from '../../i18n/use-t';
import { modKey } from '../shortcuts/registry';
import { lockNow } from './lock-session';

/**
 * The header's Lock button, shown while a passphrase protects the data: a padlock the width of the
 * back and forward buttons, so the header still fits one row at 1280 px in all three languages;
 * its name is read out and shown as a tooltip.
 */
export function LockButton() {
  const t = useT();
  const mode = useSyncExternalStore(onModeChange, cryptoMode);
  if (mode !== 'unlocked') return null;
  const keys = `${modKey()}+Shift+L`;
  return (
    <button type="button" className="header-button lock-button" aria-label={t('lock.lockNow')} title={t('lock.lockNowTitle', { keys })} aria-keyshortcuts="Control+Shift+L Meta+Shift+L" onClick={() => void lockNow()}>
      <svg aria-hidden="true" focusable="false" width="14" height="16" viewBox="0 0 14 16">
        <path d="M3.5 7V4.75a3.5 3.5 0 0 1 7 0V7" fill="none" stroke="currentColor" strokeWidth="1.6" />
        <rect x="1" y="7" width="12" height="8.5" rx="1.5" fill="currentColor" />
      </svg>
    </button>
  );
}
