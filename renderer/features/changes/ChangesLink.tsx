import { Link } from 'wouter';
import { useT } from '../../i18n/use-t';

/**
 * Opens "what changed since you last looked". A plain link: counting the changes means reading
 * and comparing the whole document, which the editor of a 300-item brief should not pay for on
 * opening; the changes page does it.
 */
export function ChangesLink({ briefingId }: { briefingId: string }) {
  const t = useT();
  return (
    <p className="changes-link">
      <Link href={`/briefings/${briefingId}/changes`}>{t('changes.title')}</Link>
    </p>
  );
}
