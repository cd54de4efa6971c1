import { Link } from 'wouter';
import { versionLabel } from '../attach/version-label';
import { Loading, NotFound, Page } from '../../components/Page';
import { formatDateTime } from './format-date';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../store/store';
import { OwnerLink } from '../attach/OwnerLink';
import { useAnnotations, usePaper } from '../viewer/use-paper';
import { sortAnnotations } from './AnnotationPanel';
import { originalQuote } from '../../../shared/papers/reanchor';
import '../papers.css';

/** `/papers/:id/annotations`: a paper's annotations as a list to read or print. */
export function AnnotationsPrintPage({ id }: { id: string }) {
  const t = useT();
  const language = useAppStore((s) => s.language);
  const view = usePaper(id);
  const annotations = useAnnotations(id);
  if (view === undefined || !annotations) return <Loading />;
  if (view === null) return <NotFound what={t('papers.paper')} id={id} />;
  const version = view.versions.find((v) => v.id === view.paper.currentVersionId);
  const { placed, orphans } = sortAnnotations(annotations);
  return (
    <Page
      title={t('papers.print.title', { title: view.paper.title })}
      subtitle={
        <>
          <OwnerLink owner={view.paper.owner} /> · {version && versionLabel(version, t)} · {t('papers.print.printed', { date: formatDateTime(new Date().toISOString(), language) })}
        </>
      }
      actions={
        <>
          <button type="button" onClick={() => window.print()}>
            {t('papers.print.button')}
          </button>
          <Link href={`/papers/${id}`}>{t('papers.compare.back')}</Link>
        </>
      }
    >
      <div className="paper-print">
        {annotations.length === 0 && <p>{t('papers.annotations.none')}</p>}
        <ol className="paper-print-list">
          {placed.map((a) => (
            <li key={a.id}>
              <p className="paper-print-where">
                {t('papers.annotations.onPage', { page: a.target.page ?? 0 })}
                {a.target.status !== 'anchored' && ` · ${t(`papers.status.${a.target.status}`)}`}
              </p>
              <blockquote>{a.target.quote.exact}</blockquote>
              {a.note && <p className="paper-print-note">{a.note}</p>}
            </li>
          ))}
        </ol>
        {orphans.length > 0 && (
          <>
            <h2>{t('papers.annotations.orphans', { count: orphans.length })}</h2>
            <ol className="paper-print-list">
              {orphans.map((a) => (
                <li key={a.id}>
                  <blockquote>{originalQuote(a)}</blockquote>
                  {a.note && <p className="paper-print-note">{a.note}</p>}
                </li>
              ))}
            </ol>
          </>
        )}
      </div>
    </Page>
  );
}
