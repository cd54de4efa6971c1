import type { ReactNode } from 'react';
import type { Body, Language } from '../../../shared/model';
import type { PackCertainty } from '../../../shared/pack/model';
import type { FlowUnit, TableBlock, UnitSlice } from './flow';
import { OrgChart } from './OrgChart';
import { breakable, PackMarkdown } from './PackMarkdown';

/** What units need besides themselves: a few labels, the contents' page numbers, the bodies for the chart. */
export interface UnitEnv {
  contentsTitle: string;
  /** The page a chapter starts on; undefined while measuring (a placeholder of the same width is shown). */
  pageOf: (chapterId: string) => number | undefined;
  bodies: readonly Body[];
  language: Language;
  /** "Talking points (continued)": a heading repeated on the page that goes on with its matter. */
  continued: (title: string) => string;
}

/** Plain text of a unit's text container, or the part of it a slice prints; `data-slice` marks it for the splitter. */
function Sliced({ text, slice, index }: { text: string; slice?: UnitSlice; index: number }) {
  const range = slice?.ranges[index];
  return <span data-slice="">{breakable(range ? text.slice(range[0], range[1]) : text)}</span>;
}

function Cites({ numbers }: { numbers?: number[] }) {
  if (!numbers || numbers.length === 0) return null;
  return <sup className="pack-cite">[{numbers.join(', ')}]</sup>;
}

/** How sure the fact is, after it: discreet for verified, a framed word for the others (shared/pack/certainty.ts). */
function CertaintyMark({ certainty }: { certainty?: PackCertainty }) {
  if (!certainty) return null;
  return <span className={`pack-certainty level-${certainty.level}`}>{certainty.mark}</span>;
}

/**
 * The publisher's note and the sources on each side, under the fact: a text container of its
 * own (after the fact's), so a split fact carries the rest of its note to the next page; an
 * empty part prints nothing (`:empty`).
 */
function CertaintyDetail({ certainty, slice, index }: { certainty?: PackCertainty; slice?: UnitSlice; index: number }) {
  if (!certainty?.detail) return null;
  const range = slice?.ranges[index];
  const text = range ? certainty.detail.slice(range[0], range[1]) : certainty.detail;
  return (
    <span className={`pack-certainty-detail level-${certainty.level}`} data-slice="">
      {breakable(text)}
    </span>
  );
}

/** A one-row table (the header or one body row), with the table's column widths, so every row lines up. */
function TableFrame({ table, head = false, children }: { table: TableBlock; head?: boolean; children: ReactNode }) {
  const row = <tr>{children}</tr>;
  return (
    <table className="pack-table">
      <colgroup>
        {table.columns.map((c, i) => (
          <col key={i} style={{ width: `${c.width}%` }} />
        ))}
      </colgroup>
      {head ? <thead>{row}</thead> : <tbody>{row}</tbody>}
    </table>
  );
}

/** One flow unit, exactly as measured and as printed: text only through React and the safe Markdown component. */
export function PackUnit({ unit, env, slice, continued = false }: { unit: FlowUnit; env: UnitEnv; slice?: UnitSlice; continued?: boolean }) {
  const first = !slice || slice.first;
  const last = !slice || slice.last;
  switch (unit.kind) {
    case 'contents-title':
      return <h2 className={`pack-chapter-title${continued ? ' continued' : ''}`}>{continued ? env.continued(env.contentsTitle) : env.contentsTitle}</h2>;
    case 'contents-group':
      return <p className="pack-toc-entry pack-toc-group">{unit.text}</p>;
    case 'contents-entry': {
      const page = env.pageOf(unit.chapter.id);
      return (
        <p className={`pack-toc-entry level-${unit.chapter.level}`} data-chapter={unit.chapter.id}>
          <span className="pack-toc-title">{unit.chapter.title}</span>
          <span className="pack-toc-dots" aria-hidden="true" />
          <span className="pack-toc-page">{page ?? '000'}</span>
        </p>
      );
    }
    case 'chapter-title':
      return (
        <h2 className={`pack-chapter-title level-${unit.chapter.level}`} id={`pack-${unit.chapter.id}`}>
          {unit.chapter.title}
        </h2>
      );
    case 'table-head':
      return (
        <TableFrame table={unit.table} head>
          {unit.table.columns.map((c, i) => (
            <th key={i} scope="col">
              {c.label}
            </th>
          ))}
        </TableFrame>
      );
    case 'table-row':
      return (
        <TableFrame table={unit.table}>
          {unit.row.cells.map((cell, i) => (
            <td key={i}>
              {unit.table.columns[i]?.markdown ? <PackMarkdown text={cell} range={slice?.ranges[i]} className="markdown pack-cell-md" /> : <Sliced text={cell} slice={slice} index={i} />}
              {last && i === unit.row.cells.length - 1 && (
                <>
                  <Cites numbers={unit.row.cites} />
                  <CertaintyMark certainty={unit.row.certainty} />
                </>
              )}
              {i === unit.row.cells.length - 1 && <CertaintyDetail certainty={unit.row.certainty} slice={slice} index={unit.row.cells.length} />}
            </td>
          ))}
        </TableFrame>
      );
    case 'block': {
      const block = unit.block;
      switch (block.kind) {
        case 'heading': {
          const Heading = block.level === 2 ? 'h3' : 'h4';
          return (
            <Heading className={`pack-h${block.level}${continued ? ' continued' : ''}`}>
              {continued ? env.continued(block.text) : block.text}
              {!continued && <Cites numbers={block.cites} />}
              {!continued && <CertaintyMark certainty={block.certainty} />}
              {!continued && <CertaintyDetail certainty={block.certainty} index={0} />}
            </Heading>
          );
        }
        case 'text':
          return (
            <p className={`pack-text${block.tone ? ` tone-${block.tone}` : ''}`}>
              <Sliced text={block.text} slice={slice} index={0} />
              {last && <Cites numbers={block.cites} />}
              {last && <CertaintyMark certainty={block.certainty} />}
              {last && block.pageRef && <span className="pack-page-ref"> {block.pageRef.label.replace('{page}', String(env.pageOf(block.pageRef.chapterId) ?? '000'))}</span>}
              <CertaintyDetail certainty={block.certainty} slice={slice} index={1} />
            </p>
          );
        case 'field':
          return (
            <p className="pack-field">
              <span className="pack-field-label">{first ? block.label : ''}</span>
              <span className="pack-field-value">
                <Sliced text={block.value} slice={slice} index={0} />
                {last && <Cites numbers={block.cites} />}
                {last && <CertaintyMark certainty={block.certainty} />}
                <CertaintyDetail certainty={block.certainty} slice={slice} index={1} />
              </span>
            </p>
          );
        case 'markdown':
          return (
            <div className={`pack-md${block.tone ? ` tone-${block.tone}` : ''}${block.number !== undefined ? ' numbered' : ''}`}>
              {block.number !== undefined && <span className="pack-point-number">{first ? `${block.number}.` : ''}</span>}
              <PackMarkdown text={block.text} range={slice?.ranges[0]} />
              {last && <Cites numbers={block.cites} />}
            </div>
          );
        case 'certainty-legend':
          return (
            <div className="pack-certainty-legend">
              <p className="pack-certainty-legend-title">{block.title}</p>
              <ul>
                {block.entries.map((e) => (
                  <li key={e.level}>
                    <span className={`pack-certainty level-${e.level}`}>{e.mark}</span> {e.meaning}
                  </li>
                ))}
              </ul>
              <p className="pack-certainty-legend-unmarked">{block.unmarked}</p>
            </div>
          );
        case 'org-chart':
          return (
            <div className="pack-figure">
              <OrgChart bodies={env.bodies} focusIds={block.focusIds} lang={env.language} />
            </div>
          );
      }
    }
  }
}
