import { useLiveQuery } from 'dexie-react-hooks';
import { versionLabel } from '../attach/version-label';
import { useState } from 'react';
import { useSearch } from 'wouter';
import { Loading, Page } from '../../components/Page';
import { db } from '../../db/db';
import { useT } from '../../i18n/use-t';
import { annexCandidates } from './annex-papers';
import { AnnexPrintPages } from './AnnexPrintPages';
import type { SHEETS } from './render-annex';
import '../papers.css';

/**
 * `/papers/annex?meeting=…`: a meeting's papers printed as a pack annex, in the browser (web
 * mode's path): chosen papers, numbered from a given page of the pack and stamped with its
 * marking, for a delegate whose pack is printed apart; the packs layout places the same
 * `<AnnexPrintPages>` after its own pages.
 */
export function AnnexPage() {
  const t = useT();
  const meetingId = new URLSearchParams(useSearch()).get('meeting') ?? '';
  const data = useLiveQuery(async () => {
    const [meeting, candidates, briefing] = await Promise.all([db.meetings.get(meetingId), annexCandidates(meetingId), db.briefings.where('meetingId').equals(meetingId).last()]);
    return { meeting, candidates, marking: briefing?.classification ?? '' };
  }, [meetingId]);
  const [chosen, setChosen] = useState<string[]>();
  const [marking, setMarking] = useState<string>();
  const [first, setFirst] = useState(1);
  const [sheet, setSheet] = useState<keyof typeof SHEETS>('A4');
  const [ready, setReady] = useState(false);
  if (!data) return <Loading />;
  const ids = chosen ?? data.candidates.map((c) => c.paper.id);
  const count = data.candidates.filter((c) => ids.includes(c.paper.id)).reduce((n, c) => n + (c.version.pageCount ?? 0), 0);
  const stamp = marking ?? data.marking;
  return (
    <Page title={t('papers.annex.title', { meeting: data.meeting?.code ?? meetingId })}>
      <div className="annex-print-page">
        <fieldset className="annex-controls">
          <legend>{t('papers.annex.choose')}</legend>
          {data.candidates.length === 0 && <p>{t('papers.annex.none')}</p>}
          {data.candidates.map(({ paper, version }) => (
            <label key={paper.id} className="annex-choice">
              <input
                type="checkbox"
                checked={ids.includes(paper.id)}
                onChange={(e) => {
                  setReady(false);
                  setChosen(e.target.checked ? [...ids, paper.id] : ids.filter((id) => id !== paper.id));
                }}
              />{' '}
              {paper.title} <span className="muted">({versionLabel(version, t)}, {t('papers.pages', { count: version.pageCount ?? 0 })})</span>
            </label>
          ))}
          <label>
            {t('papers.annex.marking')} <input value={stamp} onChange={(e) => setMarking(e.target.value)} />
          </label>
          <label>
            {t('papers.annex.firstPage')} <input type="number" min={1} value={first} onChange={(e) => setFirst(Math.max(1, Number(e.target.value) || 1))} />
          </label>
          <label>
            {t('papers.annex.sheet')}{' '}
            <select value={sheet} onChange={(e) => setSheet(e.target.value as keyof typeof SHEETS)}>
              <option value="A4">A4</option>
              <option value="Letter">US Letter</option>
            </select>
          </label>
          <p className="muted">{t('papers.annex.numbering', { first, last: first + count - 1, total: first + count - 1 })}</p>
          <button type="button" disabled={!ready || count === 0} onClick={() => window.print()}>
            {t('papers.print.button')}
          </button>
        </fieldset>
        {ids.length > 0 && (
          <AnnexPrintPages
            meetingId={meetingId}
            paperIds={ids}
            firstPage={first}
            totalPages={first + count - 1}
            marking={stamp}
            sheet={sheet}
            pageLabel={(page, total) => t('papers.annex.pageLabel', { page, total })}
            onReady={() => setReady(true)}
          />
        )}
      </div>
    </Page>
  );
}
