import { useEffect, useSyncExternalStore } from 'react';
import { derivationProgress, onDerivationProgress, warmUpKeyDerivation } from '../../crypto/argon2-client';
import { useT } from '../../i18n/use-t';

/**
 * The passphrase being checked (Argon2id in its worker, about a second): a progress bar, so
 * the delegate sees the app working rather than frozen. Renders nothing when no derivation runs.
 * Mounting it starts the worker, so its module is loaded before the first click.
 */
export function DerivationProgress() {
  const t = useT();
  const progress = useSyncExternalStore(onDerivationProgress, derivationProgress);
  useEffect(() => warmUpKeyDerivation(), []);
  if (!progress) return null;
  const percent = progress.fraction === undefined ? undefined : Math.round(progress.fraction * 100);
  return (
    <p className="derivation-progress" role="status">
      <span>{t('lock.deriving')}</span>{' '}
      <progress aria-label={t('lock.deriving')} max={100} value={percent} />
    </p>
  );
}
