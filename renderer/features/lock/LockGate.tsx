import { useEffect, type ReactNode } from 'react';
import { useT } from '../../i18n/use-t';
import { LanguageSwitcher } from '../settings/LanguageSwitcher';
import { useLanguagePreference } from '../settings/language';
import { LockScreen } from './LockScreen';
import { startLockSession, useLockStore } from './lock-session';
import { NewPassphraseScreen } from './NewPassphraseScreen';
import { RecoveryKeyScreen } from './RecoveryKeyScreen';
import { SetUpScreen } from './SetUpScreen';
import { useAutoLock } from './use-auto-lock';
import './lock.css';

/**
 * Nothing of the delegate's work renders until the lock is open: set-up at first run, the
 * lock screen at every start with a passphrase, progress while an older database is encrypted.
 */
export function LockGate({ children }: { children: ReactNode }) {
  const t = useT();
  const phase = useLockStore((s) => s.phase);
  useEffect(() => {
    void startLockSession();
  }, []);
  useAutoLock(phase.name === 'open');
  // The language is a plain row: the lock screen speaks the delegate's language too.
  useLanguagePreference(phase.name !== 'starting' && phase.name !== 'open');
  if (phase.name === 'open') return <>{children}</>;
  return (
    <div className="app lock-shell">
      <header className="app-header">
        <span className="brand">{t('app.name')}</span>
        <LanguageSwitcher className="header-language" label={t('header.language')} />
      </header>
      <main id="main" className="app-main lock-main">
        {phase.name === 'setup' && <SetUpScreen />}
        {phase.name === 'recovery' && <RecoveryKeyScreen recoveryKey={phase.recoveryKey} />}
        {phase.name === 'locked' && <LockScreen keyring={phase.keyring} />}
        {phase.name === 'new-passphrase' && <NewPassphraseScreen recoveryKey={phase.recoveryKey} />}
        {phase.name === 'encrypting' && (
          <div className="lock-card">
            <p role="status">{t('lock.encrypting', { done: phase.done, total: phase.total })}</p>
            <progress max={Math.max(1, phase.total)} value={phase.done} />
          </div>
        )}
        {phase.name === 'failed' && (
          <p role="alert" className="boot-error">
            {t('lock.failed', { message: phase.message })}
          </p>
        )}
        {(phase.name === 'starting' || phase.name === 'locking') && (
          <p role="status" className="loading">
            {t('app.loading')}
          </p>
        )}
      </main>
    </div>
  );
}
