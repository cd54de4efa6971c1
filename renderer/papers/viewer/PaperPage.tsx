import { useCallback, useMemo, useState } from 'react';
import { versionLabel } from '../attach/version-label';
import { Link, useLocation, useSearch } from 'wouter';
import type { Annotation, Paper, PaperVersion } from '../../../shared/papers/model';
import { Loading, NotFound, Page } from '../../components/Page';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../store/store';
import { createAnnotation } from '../annotations/annotations-repo';
import { AnnotationPanel } from '../annotations/AnnotationPanel';
import { useDelegation } from '../annotations/use-delegation';
import { colleagueAnnotations } from '../../../shared/papers/colleague-annotations';
import { formatDateTime } from '../annotations/format-date';
import { formatBytes } from '../attach/format-bytes';
import { OwnerLink } from '../attach/OwnerLink';
import { RevisionControl } from '../attach/RevisionControl';
import { deletePaper, saveVersionFile } from '../storage/papers-repo';
import { openVersionWithSystem, type OpenOutcome } from '../storage/open-with-system';
import { desktopApi } from '../../platform/platform';
import { PaperReader, type TextSelection } from './PaperReader';
import { useAnnotations, usePageTexts, usePaper, usePdfDocument } from './use-paper';
import '../papers.css';

/** `/papers/:id?version=…&page=…&q=…`: one paper, read and annotated. */
export function PaperPage({ id }: { id: string }) {
  const t = useT();
  const view = usePaper(id);
  if (view === undefined) return <Loading />;
  if (view === null) return <NotFound what={t('papers.paper')} id={id} />;
  return <PaperDetail paper={view.paper} versions={view.versions} />;
}

function PaperDetail({ paper, versions }: { paper: Paper; versions: PaperVersion[] }) {
  const t = useT();
  const language = useAppStore((s) => s.language);
  const params = new URLSearchParams(useSearch());
  const [, navigate] = useLocation();
  const version = versions.find((v) => v.id === params.get('version')) ?? versions.find((v) => v.id === paper.currentVersionId) ?? versions.at(-1)!;
  const isCurrent = version.id === paper.currentVersionId;
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [opened, setOpened] = useState<{ versionId: string; outcome: OpenOutcome }>();
  const desktop = desktopApi() !== undefined;
  const openWithSystem = () =>
    void openVersionWithSystem(version.id).then(
      (outcome) => setOpened({ versionId: version.id, outcome }),
      () => setOpened({ versionId: version.id, outcome: 'failed' }),
    );

  const choose = (versionId: string) => navigate(`/papers/${paper.id}${versionId === paper.currentVersionId ? '' : `?version=${versionId}`}`, { replace: true });

  return (
    <Page
      title={paper.title}
      subtitle={
        <>
          <OwnerLink owner={paper.owner} /> · {versionLabel(version, t)} · {version.name} · {formatBytes(version.size, language)}
          {' · '}
          {version.addedBy ? t('papers.addedByOn', { who: version.addedBy, date: formatDateTime(version.addedAt, language) }) : t('papers.addedOn', { date: formatDateTime(version.addedAt, language) })}
        </>
      }
      actions={
        <>
          <label>
            {t('papers.version')}{' '}
            <select value={version.id} onChange={(e) => choose(e.target.value)}>
              {versions.map((v) => (
                <option key={v.id} value={v.id}>
                  {versionLabel(v, t)}
                  {v.id === paper.currentVersionId ? ` (${t('papers.current')})` : ''}
                </option>
              ))}
            </select>
          </label>
          <RevisionControl paper={paper} />
          {versions.length > 1 && <Link href={`/papers/${paper.id}/compare`}>{t('papers.compare.link')}</Link>}
          <Link href={`/papers/${paper.id}/annotations`}>{t('papers.annotations.printLink')}</Link>
          {/* The desktop app opens the file with the system's viewer; a browser can only download it. */}
          {desktop && (
            <button type="button" onClick={openWithSystem}>
              {t('papers.openWithSystemViewer')}
            </button>
          )}
          {(version.isPdf || desktop) && (
            <button type="button" onClick={() => void saveVersionFile(version.id)}>
              {t('papers.download')}
            </button>
          )}
          {!version.isPdf && !desktop && (
            <button type="button" onClick={openWithSystem}>
              {t('papers.openWithSystem')}
            </button>
          )}
          {opened?.versionId === version.id && (opened.outcome === 'no-application' || opened.outcome === 'failed') && (
            <span role="alert">{t(opened.outcome === 'no-application' ? 'papers.open.noApplication' : 'papers.open.failed', { name: version.name })}</span>
          )}
          {confirmDelete ? (
            <span role="group" aria-label={t('papers.deleteConfirm')}>
              {t('papers.deleteConfirm')}{' '}
              <button type="button" onClick={() => void deletePaper(paper.id).then(() => history.back())}>
                {t('papers.delete')}
              </button>
              <button type="button" onClick={() => setConfirmDelete(false)}>
                {t('papers.cancel')}
              </button>
            </span>
          ) : (
            <button type="button" onClick={() => setConfirmDelete(true)}>
              {t('papers.deletePaper')}
            </button>
          )}
        </>
      }
    >
      {!isCurrent && <p className="paper-notice">{t('papers.olderVersion')}</p>}
      {version.hasScripts && <p className="paper-notice">{t('papers.scriptsOff')}</p>}
      {version.isPdf ? (
        <PdfPaper paper={paper} versions={versions} version={version} page={Number(params.get('page')) || undefined} query={params.get('q') ?? undefined} focus={params.get('annotation') ?? undefined} />
      ) : (
        <p>{t('papers.notPdfHint')}</p>
      )}
    </Page>
  );
}

const NO_TEXT: string[] = [];

function PdfPaper({ paper, versions, version, page, query, focus }: { paper: Paper; versions: PaperVersion[]; version: PaperVersion; page?: number; query?: string; focus?: string }) {
  const t = useT();
  const doc = usePdfDocument(version.id);
  const pages = usePageTexts(version.id);
  const all = useAnnotations(paper.id);
  const [selection, setSelection] = useState<TextSelection>();
  const [goTo, setGoTo] = useState<{ page: number; seq: number }>();
  const [focused, setFocused] = useState(focus);
  // Annotations shown on a version are those placed in it; on an older version, those made there.
  const shown = useMemo(
    () => (all ?? []).map((a) => (a.target.versionId === version.id ? a : ({ ...a, target: a.previousTargets.find((p) => p.versionId === version.id) ?? { ...a.target, position: undefined } } as Annotation))),
    [all, version.id],
  );
  // Colleagues' annotations shared with the delegation of the meeting's shared briefings, placed on this version.
  const delegation = useDelegation(paper.meetingId);
  const withColleagues = useMemo(
    () => [...shown, ...colleagueAnnotations(delegation.entries, { paper, versions, shown: version, pages, ownIds: new Set(shown.map((a) => a.id)) })],
    [shown, delegation.entries, paper, versions, version, pages],
  );
  const onSelection = useCallback((s: TextSelection | undefined) => setSelection(s), []);
  // Without a mouse selection, the current find match is what Highlight and Add note act on.
  const [match, setMatch] = useState<TextSelection>();
  const onMatch = useCallback((m: TextSelection | undefined) => setMatch(m), []);
  const target = selection ?? match;

  // The pages are drawn as soon as the document opens; the stored text (find, annotating) follows.
  if (doc.state === 'loading' || !all) return <Loading />;
  if (doc.state === 'failed') return <p role="alert">{t(`papers.problem.${doc.problem === 'missing' ? 'failed' : doc.problem}`)}</p>;

  const annotate = async (kind: Annotation['kind']) => {
    if (!target || !pages) return;
    const made = await createAnnotation({ paperId: paper.id, versionId: version.id, pages, start: target.start, end: target.end, kind });
    document.getSelection()?.removeAllRanges();
    setSelection(undefined);
    setFocused(made.id);
  };
  const canAnnotate = version.id === paper.currentVersionId;

  return (
    <div className="paper-layout">
      <div className="paper-main">
        {canAnnotate && (
          <div className="paper-selection-actions" role="group" aria-label={t('papers.selection.label')}>
            <button type="button" disabled={!target} onClick={() => void annotate('highlight')}>
              {t('papers.selection.highlight')}
            </button>
            <button type="button" disabled={!target} onClick={() => void annotate('note')}>
              {t('papers.selection.note')}
            </button>
            <span className="muted" aria-live="polite">
              {selection
                ? t('papers.selection.selected', { text: selection.text.slice(0, 60) })
                : match
                  ? t('papers.selection.match', { text: match.text.slice(0, 60) })
                  : t('papers.selection.hint')}
            </span>
          </div>
        )}
        <PaperReader doc={doc.doc} pages={pages ?? NO_TEXT} annotations={withColleagues} initialPage={page} initialQuery={query} focusAnnotation={focused} onSelection={onSelection} onMatch={onMatch} goTo={goTo} />
      </div>
      <AnnotationPanel
        annotations={withColleagues}
        shareTargets={delegation.briefings}
        meetingId={paper.meetingId}
        focused={focused}
        onGo={(a) => {
          setFocused(a.id);
          if (a.target.page) setGoTo({ page: a.target.page, seq: Date.now() });
        }}
      />
    </div>
  );
}
