import { useId, useState } from 'react';
import { useT } from '../../i18n/use-t';
import { continueToApp } from './lock-session';

/** The recovery key, shown once after set-up; printable on its own sheet. */
export function RecoveryKeyScreen({ recoveryKey }: { recoveryKey: string }) {
  const t = useT();
  const id = useId();
  const [kept, setKept] = useState(false);
  return (
    <div className="lock-card recovery-sheet">
      <h1>{t('lock.recovery.title')}</h1>
      <p className="print-only">{t('lock.recovery.printHeading')}</p>
      <p>{t('lock.recovery.intro')}</p>
      <p className="recovery-key" aria-label={t('lock.recoveryKey')} data-testid="recovery-key">
        {recoveryKey}
      </p>
      <p className="no-print">
        <button type="button" onClick={() => window.print()}>
          {t('lock.recovery.print')}
        </button>
      </p>
      <p className="no-print">
        <input id={`${id}-kept`} type="checkbox" checked={kept} onChange={(e) => setKept(e.target.checked)} /> <label htmlFor={`${id}-kept`}>{t('lock.recovery.kept')}</label>
      </p>
      <p className="no-print">
        <button type="button" className="primary" disabled={!kept} onClick={continueToApp}>
          {t('lock.recovery.continue')}
        </button>
      </p>
    </div>
  );
}
