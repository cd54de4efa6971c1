import type { AnnotationTarget } from '../../../shared/papers/model';
import { useT } from '../../i18n/use-t';

/** Where an annotation is in the paper, for any annotation list: its page (a link to it) and, unless anchored, its status. */
export function AnnotationPlace({ target, onGo }: { target: Pick<AnnotationTarget, 'page' | 'status'>; onGo: () => void }) {
  const t = useT();
  return (
    <>
      {target.page && (
        <button type="button" className="link-button" onClick={onGo}>
          {t('papers.annotations.onPage', { page: target.page })}
        </button>
      )}
      {target.status !== 'anchored' && <span className={`paper-status status-${target.status}`}>{t(`papers.status.${target.status}`)}</span>}
    </>
  );
}
