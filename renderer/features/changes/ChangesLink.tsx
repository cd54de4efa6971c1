import { Link } from 'wouter';
import { useT } from '../../i18n/use-t';
import { useChangesSinceSeen } from './use-changes';

/** "3 parts changed since you last looked", opening the list of changes. */
export function ChangesLink({ briefingId }: { briefingId: string }) {
  const t = useT();
  const seen = useChangesSinceSeen(briefingId);
  if (!seen) return null;
  const count = seen.changes.length;
  return (
    <p className="changes-link" data-changes={count}>
      {count === 0 ? t('changes.link', { count }) : <Link href={`/briefings/${briefingId}/changes`}>{t('changes.link', { count })}</Link>}
    </p>
  );
}
