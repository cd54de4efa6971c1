import { memo, useMemo, type ReactNode } from 'react';
import type { PackDocument } from '../../../shared/pack/model';
import type { Placement } from '../../../shared/pack/paginate';
import type { FlowUnit, UnitSlice } from './flow';
import type { PackLayout } from './layout';
import { watermarkImage } from './watermark';
import { PackUnit, type UnitEnv } from './PackUnit';

/** Where the annexed papers go: the first page of each (by its contents id) and the pack's total. */
export interface PackAnnexPlan {
  firstPages: ReadonlyMap<string, number>;
  totalPages: number;
}

export interface PageLabels {
  pageOf: (page: number, pages: number) => string;
  draft: string;
  cover: { label: string; value: string }[];
  coverTitle: string;
  pageLabel: (page: number) => string;
  /** Internal or Shareable, at the top right of every page. */
  profile: string;
}

/** A printed page: running header and marking at the top, marking and "page X of Y" at the foot, DRAFT until cleared. */
export function PackPageFrame({ doc, page, pages, labels, children, section, className = '' }: { doc: PackDocument; page: number; pages: number; labels: PageLabels; children: ReactNode; section?: string; className?: string }) {
  return (
    <article className={`pack-page paper-${doc.paper} ${className}`} aria-label={labels.pageLabel(page)} data-page={page}>
      <header className="pack-page-head">
        <span className="pack-running">
          {doc.meetingCode}
          {section && <span className="pack-running-section"> · {section}</span>}
        </span>
        <span className="pack-marking">{doc.marking}</span>
        <span className="pack-running-end">{labels.profile}</span>
      </header>
      <div className="pack-page-body">{children}</div>
      <footer className="pack-page-foot">
        <span className="pack-running">{doc.meetingCode}</span>
        <span className="pack-marking">{doc.marking}</span>
        <span className="pack-folio">{labels.pageOf(page, pages)}</span>
      </footer>
      {doc.draft && <Watermark word={labels.draft} />}
    </article>
  );
}

function Cover({ doc, labels }: { doc: PackDocument; labels: PageLabels }) {
  return (
    <div className="pack-cover">
      <p className="pack-cover-code">{doc.cover.meetingCode}</p>
      <h2 className="pack-cover-title">{doc.cover.title}</h2>
      {doc.cover.number && <p className="pack-cover-number">{doc.cover.number}</p>}
      <p className="pack-cover-brief">{doc.cover.briefTitle}</p>
      <dl className="pack-cover-facts">
        {labels.cover.map((row) => (
          <div key={row.label}>
            <dt>{row.label}</dt>
            <dd>{row.value}</dd>
          </div>
        ))}
      </dl>
      <p className="pack-cover-marking">{doc.marking}</p>
    </div>
  );
}

function Watermark({ word }: { word: string }) {
  const image = watermarkImage(word);
  return image ? (
    <img className="pack-watermark-image" src={image} alt="" data-watermark={word} />
  ) : (
    <p className="pack-watermark" aria-hidden="true">
      {word}
    </p>
  );
}

/** One page of the flow; memoised, so adding pages in steps does not render the earlier ones again. */
const FlowPage = memo(function FlowPage({ doc, page, number, total, section, units, env, labels }: { doc: PackDocument; page: Placement<UnitSlice>[]; number: number; total: number; section: string; units: FlowUnit[]; env: UnitEnv; labels: PageLabels }) {
  return (
    <PackPageFrame doc={doc} page={number} pages={total} labels={labels} section={section}>
      {page.map((placed, k) => (
        <div className="pack-unit" key={`${placed.unit}-${k}`}>
          <PackUnit unit={units[placed.unit]!} env={env} slice={placed.slice} continued={placed.continued} />
        </div>
      ))}
    </PackPageFrame>
  );
});

/** Every page of the laid-out pack, the cover first; `shown` lets a long pack appear in steps. */
export function PackPages({ doc, layout, env, labels, shown, annex }: { doc: PackDocument; layout: PackLayout; env: Omit<UnitEnv, 'pageOf'>; labels: PageLabels; shown: number; annex?: PackAnnexPlan }) {
  // With an annex, every "Page X of Y" counts its pages too, and the contents gives where each paper starts.
  const total = annex?.totalPages ?? layout.pages.length + 1;
  const unitEnv = useMemo<UnitEnv>(() => ({ ...env, pageOf: (id) => layout.chapterPages.get(id) ?? annex?.firstPages.get(id) }), [env, layout, annex]);
  return (
    <>
      <PackPageFrame doc={doc} page={1} pages={total} labels={labels} className="pack-cover-page">
        <Cover doc={doc} labels={labels} />
      </PackPageFrame>
      {layout.pages.slice(0, Math.max(0, shown - 1)).map((page, p) => (
        <FlowPage key={p} doc={doc} page={page} number={p + 2} total={total} section={layout.pageTitles[p]!} units={layout.units} env={unitEnv} labels={labels} />
      ))}
    </>
  );
}
