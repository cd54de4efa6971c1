import { useState } from 'react';
import type { Annotation } from '../../../shared/papers/model';
import { useT } from '../../i18n/use-t';
import { shareAnnotation, unshareAnnotation, type ShareTarget } from './annotation-sharing';

/**
 * Shares one's annotation with the delegation of one of the meeting's shared briefings, or takes
 * it back. Readers cannot write to a briefing's comments, so theirs are not offered. The briefing
 * the annotation is linked to comes first.
 */
export function ShareControl({ a, targets }: { a: Annotation; targets: readonly ShareTarget[] }) {
  const t = useT();
  const [failed, setFailed] = useState(false);
  const writable = targets.filter((b) => b.role !== 'reader');
  if (writable.length === 0 && !a.shared) return null;
  const linked = a.link?.briefingId;
  const ordered = [...writable.filter((b) => b.briefingId === linked), ...writable.filter((b) => b.briefingId !== linked)];
  return (
    <>
      <label className="paper-share">
        {t('delegationNotes.shareWith')}{' '}
        <select
          value={a.shared?.briefingId ?? ''}
          onChange={(e) => {
            const briefingId = e.target.value;
            setFailed(false);
            void (briefingId ? shareAnnotation(a.id, briefingId) : unshareAnnotation(a.id)).catch((error: unknown) => {
              console.error('Could not share the annotation', error);
              setFailed(true);
            });
          }}
        >
          <option value="">{t('delegationNotes.notShared')}</option>
          {ordered.map((b) => (
            <option key={b.briefingId} value={b.briefingId}>
              {b.title}
            </option>
          ))}
        </select>
      </label>
      {failed && (
        <p role="alert" className="paper-share-error">
          {t('annotationShare.couldNotShare')}
        </p>
      )}
    </>
  );
}
