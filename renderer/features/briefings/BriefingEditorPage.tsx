import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { useLocation, useSearch } from 'wouter';
import type { Briefing, Section } from '../../../shared/briefing/model';
import { Loading, Page } from '../../components/Page';
import { db } from '../../db/db';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../store/store';
import { BriefingHeader } from './BriefingHeader';
import { BriefingOutline } from './BriefingOutline';
import { GeneralEditor } from './GeneralEditor';
import { SectionEditor } from './SectionEditor';
import { sectionMatches } from './find';
import { useMyRole } from '../sharing/use-my-role';
import { BriefingSidePanel } from '../comments/BriefingSidePanel';
import { ClearanceBar } from '../clearance/ClearanceBar';

/** The briefing editor: an outline of the meeting's agenda items and the part being edited. */
export function BriefingEditorPage({ id }: { id: string }) {
  const t = useT();
  const openBriefing = useAppStore((s) => s.openBriefing);
  const closeDraft = useAppStore((s) => s.closeDraft);
  const flush = useAppStore((s) => s.flush);
  const draft = useAppStore((s) => (s.draft?.briefing.id === id ? s.draft : undefined));
  const [missing, setMissing] = useState(false);

  useEffect(() => {
    let cancelled = false;
    setMissing(false);
    void openBriefing(id).then((found) => {
      if (!cancelled && !found && useAppStore.getState().draft?.briefing.id !== id) setMissing(true);
    });
    // Leaving the page, hiding the window or closing it writes whatever is pending.
    const onHide = () => void flush();
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      cancelled = true;
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onHide);
      void closeDraft();
    };
  }, [id, openBriefing, closeDraft, flush]);

  if (missing) return <Page title={t('briefings.notFound')}>{null}</Page>;
  if (!draft) return <Loading />;
  return <Editor briefing={draft.briefing} sections={draft.order.map((sid) => draft.sections[sid]!)} />;
}

function Editor({ briefing, sections }: { briefing: Briefing; sections: Section[] }) {
  const t = useT();
  const search = useSearch();
  const [, navigate] = useLocation();
  const undo = useAppStore((s) => s.undo);
  const redo = useAppStore((s) => s.redo);
  const params = new URLSearchParams(search);
  const selectedItem = params.get('item');
  const [query, setQuery] = useState('');
  const { canEdit } = useMyRole(briefing.id);
  const agendaIds = useLiveQuery(async () => new Set((await db.agendaItems.where('meetingId').equals(briefing.meetingId).primaryKeys()) as string[]), [briefing.meetingId]);
  // Sections a dataset update flagged (the flag lives in the database, not in the draft). This
  // reads every section row of the brief, so it waits until the editor is on screen.
  const painted = useAfterFirstPaint();
  const flagged = useLiveQuery(
    async () => (painted ? new Set((await db.sections.where('briefingId').equals(briefing.id).filter((s) => s.datasetReview !== undefined).primaryKeys()) as string[]) : undefined),
    [briefing.id, painted],
  );
  const matching = useMemo(() => (query.trim() ? new Set(sections.filter((s) => sectionMatches(s, query)).map((s) => s.id)) : undefined), [sections, query]);
  const current = selectedItem ? sections.find((s) => s.agendaItemId === selectedItem) : undefined;
  const at = (item?: string) => `/briefings/${briefing.id}${item ? `?item=${encodeURIComponent(item)}` : ''}`;

  const onKeyDown = (event: KeyboardEvent) => {
    const mod = event.ctrlKey || event.metaKey;
    if (!mod) return;
    const key = event.key.toLowerCase();
    if (key === 'z' && !event.shiftKey) {
      event.preventDefault();
      undo();
    } else if ((key === 'z' && event.shiftKey) || key === 'y') {
      event.preventDefault();
      redo();
    }
  };

  return (
    <div className="briefing-editor" onKeyDown={onKeyDown}>
      <BriefingHeader briefing={briefing} />
      <ClearanceBar briefingId={briefing.id} />
      <div className="editor-layout">
        <nav className="outline" aria-label={t('briefings.outline')}>
          <label className="find">
            {t('briefings.findInBrief')}
            <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
          </label>
          {matching && <p role="status">{t('briefings.findResults', { count: matching.size })}</p>}
          <BriefingOutline briefing={briefing} sections={sections} matching={matching} currentId={current?.id} agendaIds={agendaIds} flagged={flagged} href={at} />
        </nav>
        <fieldset className="editor-main plain" disabled={!canEdit}>
          {current ? (
            <SectionEditor key={current.id} section={current} meetingId={briefing.meetingId} detached={agendaIds !== undefined && !agendaIds.has(current.agendaItemId)} />
          ) : selectedItem ? (
            <p role="alert">
              {t('common.notFound', { what: t('meetings.programme'), id: selectedItem })}{' '}
              <button type="button" onClick={() => navigate(at())}>
                {t('briefings.general')}
              </button>
            </p>
          ) : (
            <GeneralEditor briefing={briefing} sections={sections} />
          )}
        </fieldset>
        <BriefingSidePanel briefing={briefing} section={current} />
      </div>
    </div>
  );
}

/** False until the page is idle after the first paint (for work the first paint does not need). */
function useAfterFirstPaint(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    if (typeof requestIdleCallback !== 'function') {
      const timer = setTimeout(() => setPainted(true), 0);
      return () => clearTimeout(timer);
    }
    const handle = requestIdleCallback(() => setPainted(true), { timeout: 1000 });
    return () => cancelIdleCallback(handle);
  }, []);
  return painted;
}
