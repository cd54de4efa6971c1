import type { AnnexCandidate } from '../../papers/annex/annex-papers';
import { useT } from '../../i18n/use-t';

/** Which of the meeting's PDF papers are printed after the pack: a checkbox each, with its page count. */
export function PackPapersPicker({ candidates, picked, onChange }: { candidates: readonly AnnexCandidate[] | undefined; picked: readonly string[]; onChange: (picked: readonly string[]) => void }) {
  const t = useT();
  if (!candidates) return null;
  const toggle = (id: string, on: boolean) => onChange(candidates.map((c) => c.paper.id).filter((x) => (x === id ? on : picked.includes(x))));
  return (
    <fieldset className="pack-items pack-papers">
      <legend>{t('packs.papersLabel')}</legend>
      {candidates.length === 0 ? (
        <p className="muted">{t('packs.papersNone')}</p>
      ) : (
        <div className="pack-items-list">
          {candidates.map(({ paper, version }) => (
            <label key={paper.id} className="pack-check">
              <input type="checkbox" checked={picked.includes(paper.id)} onChange={(e) => toggle(paper.id, e.target.checked)} />
              {paper.title} <small className="muted">({t('packs.papersPages', { pages: version.pageCount ?? 0 })})</small>
            </label>
          ))}
        </div>
      )}
    </fieldset>
  );
}
