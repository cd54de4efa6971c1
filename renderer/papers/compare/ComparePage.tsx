import { useMemo, useState } from 'react';
import { versionLabel } from '../attach/version-label';
import { Link, useLocation, useSearch } from 'wouter';
import { diffWords, sideBySide, summarize, type DiffRow } from '../../../shared/papers/diff';
import { PAGE_BREAK } from '../../../shared/papers/page-text';
import { Loading, NotFound, Page } from '../../components/Page';
import { useT } from '../../i18n/use-t';
import { usePageTexts, usePaper } from '../viewer/use-paper';
import '../papers.css';

/** Long unchanged stretches are shortened to their ends so the changes stand out. */
const KEEP = 160;

/** `/papers/:id/compare?from=…&to=…`: the text of two versions side by side, changes marked. */
export function ComparePage({ id }: { id: string }) {
  const t = useT();
  const view = usePaper(id);
  const params = new URLSearchParams(useSearch());
  const [, navigate] = useLocation();
  const versions = view?.versions.filter((v) => v.isPdf) ?? [];
  const to = versions.find((v) => v.id === params.get('to')) ?? versions.at(-1);
  const from = versions.find((v) => v.id === params.get('from')) ?? versions[Math.max(0, versions.indexOf(to!) - 1)];
  const before = usePageTexts(from?.id);
  const after = usePageTexts(to?.id);
  const parts = useMemo(() => (before && after ? diffWords(before.join(PAGE_BREAK), after.join(PAGE_BREAK)) : undefined), [before, after]);
  if (view === undefined) return <Loading />;
  if (view === null || !from || !to) return <NotFound what={t('papers.paper')} id={id} />;
  const set = (key: 'from' | 'to', value: string) => {
    const next = new URLSearchParams({ from: from.id, to: to.id });
    next.set(key, value);
    navigate(`/papers/${id}/compare?${next}`, { replace: true });
  };
  const stats = parts && summarize(parts);
  return (
    <Page title={t('papers.compare.title', { title: view.paper.title })} subtitle={<Link href={`/papers/${id}`}>{t('papers.compare.back')}</Link>}>
      <div className="paper-compare-pick">
        {(['from', 'to'] as const).map((key) => (
          <label key={key}>
            {t(`papers.compare.${key}`)}{' '}
            <select value={(key === 'from' ? from : to).id} onChange={(e) => set(key, e.target.value)}>
              {versions.map((v) => (
                <option key={v.id} value={v.id}>
                  {versionLabel(v, t)} — {v.name}
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
      {!parts || !stats ? (
        <Loading />
      ) : (
        <>
          <p role="status">{stats.changes === 0 ? t('papers.compare.same') : t('papers.compare.summary', { changes: stats.changes, inserted: stats.inserted, deleted: stats.deleted })}</p>
          <table className="paper-diff">
            <caption className="visually-hidden">{t('papers.compare.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{versionLabel(from, t)}</th>
                <th scope="col">{versionLabel(to, t)}</th>
              </tr>
            </thead>
            <tbody>
              {sideBySide(parts).map((row, i) => (
                <DiffRowView key={i} row={row} />
              ))}
            </tbody>
          </table>
        </>
      )}
    </Page>
  );
}

function DiffRowView({ row }: { row: DiffRow }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  if (row.kind === 'same') {
    const text = row.left[0]!.text.replaceAll('\f', '');
    const short = !open && text.length > KEEP * 2;
    const shown = short ? `${text.slice(0, KEEP)} … ${text.slice(-KEEP)}` : text;
    return (
      <tr className="same">
        <td colSpan={2}>
          {shown}
          {short && (
            <button type="button" className="link-button" onClick={() => setOpen(true)}>
              {t('papers.compare.showAll')}
            </button>
          )}
        </td>
      </tr>
    );
  }
  return (
    <tr className="changed">
      <td>
        {row.left.map((p, i) => (
          <del key={i}>{p.text.replaceAll('\f', '')}</del>
        ))}
      </td>
      <td>
        {row.right.map((p, i) => (
          <ins key={i}>{p.text.replaceAll('\f', '')}</ins>
        ))}
      </td>
    </tr>
  );
}
