import { useId, useMemo } from 'react';
import type { Body, Language } from '../../../shared/model';
import { ORG_CHART_STYLE as S, layoutOrgChart, type OrgChartNode } from '../../../shared/pack/org-chart';
import { translate } from '../../i18n/translate';
import './pack-fonts.css';

/**
 * Black on white whatever the app's theme: the chart is a figure of a printed page. Explicit
 * fills and strokes, no currentColor, so dark mode does not turn it into white on white. The
 * space between the boxes is left transparent so that the page's DRAFT watermark shows through:
 * the chart is meant for the pack's paper-white pages. The chart itself sits on paper, so the
 * watermark shows around it and never across its boxes.
 */
const INK = '#000000';
const PAPER = '#ffffff';
const FOCUS_FILL = '#ececec';
const EDGE = '#444444';
const FONT = "'Pack Sans', 'Noto Sans', system-ui, sans-serif";
const LEGEND_HEIGHT = 22;

function NodeBox({ node, moreLabel }: { node: OrgChartNode; moreLabel: string }) {
  const cx = node.x + node.width / 2;
  if (node.more !== undefined) {
    return (
      <g>
        <rect x={node.x} y={node.y} width={node.width} height={node.height} rx={3} fill={PAPER} stroke={INK} strokeWidth={1} strokeDasharray="4 3" />
        <text x={cx} y={node.y + node.height / 2 + S.nameSize / 3} textAnchor="middle" fontSize={S.nameSize + 0.5} fill={INK}>
          {moreLabel}
        </text>
      </g>
    );
  }
  const content = node.acronymLines.length * S.acronymLineHeight + 3 + node.nameLines.length * S.lineHeight;
  const top = node.y + (node.height - content) / 2;
  const nameTop = top + node.acronymLines.length * S.acronymLineHeight + 3;
  return (
    <g>
      <rect
        x={node.x}
        y={node.y}
        width={node.width}
        height={node.height}
        rx={3}
        fill={node.focus ? FOCUS_FILL : PAPER}
        stroke={INK}
        strokeWidth={node.focus ? 2.2 : 1}
      />
      <text textAnchor="middle" fontSize={S.acronymSize} fontWeight={700} fill={INK}>
        {node.acronymLines.map((line, i) => (
          <tspan key={i} x={cx} y={top + (i + 1) * S.acronymLineHeight - 3}>
            {line}
          </tspan>
        ))}
      </text>
      <text textAnchor="middle" fontSize={S.nameSize} fill={INK}>
        {node.nameLines.map((line, i) => (
          <tspan key={i} x={cx} y={nameTop + (i + 1) * S.lineHeight - 2.5}>
            {line}
          </tspan>
        ))}
      </text>
    </g>
  );
}

/**
 * The organisational chart of a pack's annex: the meeting's bodies (bold frame), what they
 * report to up to the top, and their direct children, as an SVG that prints in black and white.
 * Its text is in the pack's language, which may differ from the interface's.
 */
export function OrgChart(props: { bodies: readonly Body[]; focusIds: readonly string[]; lang: Language; title?: string }) {
  const { bodies, focusIds, lang } = props;
  const id = useId();
  const layout = useMemo(() => layoutOrgChart(bodies, focusIds, { lang }), [bodies, focusIds, lang]);
  if (layout.nodes.length === 0) return null;

  const title = props.title ?? translate(lang, 'packs.orgChart.title');
  const nodeById = new Map(layout.nodes.map((n) => [n.id, n]));
  const acronymOf = new Map(layout.nodes.map((n) => [n.id, n.acronym]));
  const description = [
    ...layout.edges.map((e) => {
      const child = nodeById.get(e.to)!;
      return child.more !== undefined
        ? translate(lang, 'packs.orgChart.moreLong', { count: child.more, parent: acronymOf.get(e.from)! })
        : translate(lang, 'packs.orgChart.reportsTo', { child: child.acronym, parent: acronymOf.get(e.from)! });
    }),
  ].join(' ');
  const legend = translate(lang, 'packs.orgChart.legend');
  // The legend's width is estimated like the boxes' text (no DOM measuring).
  const width = Math.max(layout.width, Math.ceil(S.margin + 30 + legend.length * S.nameSize * 0.55));
  const height = layout.height + LEGEND_HEIGHT;
  const legendY = layout.height + 4;
  return (
    <svg
      role="img"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-desc`}
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      style={{ maxWidth: '100%', height: 'auto', display: 'block' }}
      fontFamily={FONT}
      className="pack-org-chart"
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      {/* Paper under the whole chart: the page's DRAFT watermark stays behind it, never across its boxes and lines. */}
      <rect x={0} y={0} width={width} height={height} fill={PAPER} />
      {layout.apart && (
        <g aria-hidden="true">
          <line x1={S.margin} x2={width - S.margin} y1={layout.apart.y} y2={layout.apart.y} stroke={EDGE} strokeWidth={0.6} strokeDasharray="3 3" />
          <text x={width / 2} y={layout.apart.y + 15} textAnchor="middle" fontSize={S.nameSize} fontStyle="italic" fill={INK}>
            {translate(lang, 'packs.orgChart.apart')}
          </text>
        </g>
      )}
      <g fill="none" stroke={EDGE} strokeWidth={1.2} strokeLinejoin="round">
        {layout.edges.map((e) => (
          <path key={`${e.from}>${e.to}`} d={e.points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${x} ${y}`).join(' ')} />
        ))}
      </g>
      {layout.nodes.map((node) => (
        <NodeBox key={node.id} node={node} moreLabel={node.more !== undefined ? translate(lang, 'packs.orgChart.more', { count: node.more }) : ''} />
      ))}
      <g aria-hidden="true">
        <rect x={S.margin + 1} y={legendY + 3} width={18} height={11} rx={2} fill={FOCUS_FILL} stroke={INK} strokeWidth={2.2} />
        <text x={S.margin + 26} y={legendY + 12.5} fontSize={S.nameSize} fill={INK}>
          {legend}
        </text>
      </g>
    </svg>
  );
}
