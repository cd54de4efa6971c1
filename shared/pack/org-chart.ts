import type { Body, Language } from '../model';
import { pickText } from '../model/text';

/** What the chart needs of a body. */
export type ChartBody = Pick<Body, 'id' | 'acronym' | 'name' | 'reportsTo'>;

export interface OrgChartNode {
  /** The body's id, or `more:<parent id>` for the "+N more" node of a parent. */
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
  acronym: string;
  /** The acronym as drawn: one line, or two for a long one. */
  acronymLines: string[];
  nameLines: string[];
  /** A body of the meeting (drawn with a bold frame). */
  focus: boolean;
  /** On a "+N more" node: how many children are not drawn. */
  more?: number;
}

export interface OrgChartEdge {
  /** The parent (reported to). */
  from: string;
  /** The child (reporting). */
  to: string;
  /** Orthogonal polyline from the parent's bottom edge to the child's top edge. */
  points: [number, number][];
}

export interface OrgChartLayout {
  width: number;
  height: number;
  nodes: OrgChartNode[];
  edges: OrgChartEdge[];
  /** Where the bodies not linked to the main chart begin (drawn apart below it, under a label), if there are any. */
  apart?: { y: number };
}

export interface OrgChartOptions {
  lang: Language;
  /** Children drawn under each body of the meeting before a "+N more" node; 8 by default. */
  maxChildren?: number;
  /**
   * Width to fit in, in CSS pixels; 640 by default (the 170 mm text width of an A4 page). Rows of
   * children wrap onto several lines to fit; a chart still wider is scaled down by its viewBox.
   */
  maxWidth?: number;
}

/** Sizes in CSS pixels, at 1:1 on a 170 mm wide A4 text column. Shared with the component. */
export const ORG_CHART_STYLE = {
  acronymSize: 11,
  acronymLineHeight: 13,
  nameSize: 9.5,
  /** Height of a line of the name. */
  lineHeight: 12,
  padX: 8,
  padY: 6,
  minNodeWidth: 84,
  maxNodeWidth: 184,
  moreNodeWidth: 84,
  hGap: 14,
  layerGap: 30,
  rowGap: 22,
  margin: 4,
} as const;

const S = ORG_CHART_STYLE;
/** Room for three lines at least: acronym and two lines of name, or a long acronym on two and one of name. */
const MIN_NODE_HEIGHT = S.padY * 2 + 2 * S.acronymLineHeight + 3 + S.lineHeight;
/** Lines a box holds at most (acronym and name): enough for any real body's name, so no box is cut. */
const MAX_BOX_LINES = 7;
/** Room above the bodies drawn apart, for their label. */
export const APART_LABEL_HEIGHT = 26;

/**
 * Advance of a character in em, roughly, for Noto Sans: narrow, wide and capital letters differ
 * enough that one average misjudges names such as "Lembaga Pemegang Amanah" by 10%.
 */
function advance(ch: string): number {
  if (' iljI.,;:!\'’|'.includes(ch)) return 0.27;
  if ('ftrJ()-/'.includes(ch)) return 0.35;
  if ('mw'.includes(ch)) return 0.86;
  if ('MW'.includes(ch)) return 0.92;
  if (ch >= '0' && ch <= '9') return 0.57;
  if (ch !== ch.toLowerCase()) return 0.66;
  return 0.55;
}

function emWidth(text: string): number {
  let em = 0;
  for (const ch of text) em += advance(ch);
  return em;
}

/** Width estimates without a DOM (the layout runs in plain TypeScript), with a little to spare. */
function nameWidth(text: string): number {
  return emWidth(text) * S.nameSize * 1.08;
}
function acronymWidth(text: string): number {
  // Bold is about 8% wider than regular.
  return emWidth(text) * S.acronymSize * 1.13;
}

type Measure = (text: string) => number;

function cutToWidth(text: string, width: number, measure: Measure): string {
  let cut = text;
  while (cut.length > 1 && measure(`${cut}…`) > width) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

/** Greedy word wrap into lines of at most `width`; the last allowed line ends in "…" when cut. */
function wrap(text: string, width: number, maxLines: number, measure: Measure): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  let lineStart = 0;
  for (let i = 0; i < words.length; i++) {
    const candidate = line ? `${line} ${words[i]}` : words[i]!;
    if (measure(candidate) <= width || !line) {
      line = candidate;
      continue;
    }
    if (lines.length === maxLines - 1) {
      // The last allowed line takes the rest (and is cut below).
      line = words.slice(lineStart).join(' ');
      break;
    }
    lines.push(line);
    line = words[i]!;
    lineStart = i;
  }
  if (line) lines.push(line);
  return lines.map((l) => (measure(l) > width ? cutToWidth(l, width, measure) : l));
}

/** The split into two lines whose longer line is shortest ("ASEAN Working Group on / Climate Change"). */
function balancedTwoLines(text: string, measure: Measure): [string, string] | undefined {
  const words = text.split(/\s+/).filter(Boolean);
  let best: [string, string] | undefined;
  let bestWidth = Infinity;
  for (let i = 1; i < words.length; i++) {
    const pair: [string, string] = [words.slice(0, i).join(' '), words.slice(i).join(' ')];
    const width = Math.max(measure(pair[0]), measure(pair[1]));
    if (width < bestWidth) [best, bestWidth] = [pair, width];
  }
  return best;
}

interface Box {
  /** The acronym on one line, or two when it is long ("ACDM WG on Preparedness, Response and Recovery"). */
  acronymLines: string[];
  nameLines: string[];
  width: number;
}

/** A body's box: as narrow as its text allows; acronym and name on three lines at most, the name on two. */
function measure(acronym: string, name: string): Box {
  const maxInner = S.maxNodeWidth - 2 * S.padX;
  const minInner = S.minNodeWidth - 2 * S.padX;
  const acronymLines = acronymWidth(acronym) <= maxInner ? [acronym] : wrap(acronym, maxInner, 2, acronymWidth);
  const nameMax = MAX_BOX_LINES - acronymLines.length;
  const floor = Math.max(minInner, ...acronymLines.map(acronymWidth));
  let nameLines: string[];
  if (nameWidth(name) <= floor) nameLines = [name];
  else {
    const pair = nameMax >= 2 ? balancedTwoLines(name, nameWidth) : undefined;
    nameLines = pair && Math.max(nameWidth(pair[0]), nameWidth(pair[1])) <= maxInner ? pair : wrap(name, maxInner, nameMax, nameWidth);
  }
  const used = Math.max(floor, ...nameLines.map(nameWidth));
  const width = Math.ceil(Math.min(S.maxNodeWidth, used + 2 * S.padX));
  return { acronymLines, nameLines, width };
}

interface Item {
  id: string;
  focus: boolean;
  more?: number;
  box: Box;
  layer: number;
  /** Children in the spanning tree (placed under this node). */
  kids: string[];
}

/**
 * The bodies concerned and how they report: the bodies of the meeting (focus), everything they
 * report to up to the top, and their direct children (at most `maxChildren` each, then a "+N
 * more" node). Cycles in `reportsTo` are broken where they are met; unknown ids are ignored.
 */
function select(bodies: readonly ChartBody[], focusIds: readonly string[], maxChildren: number) {
  const byId = new Map(bodies.map((b) => [b.id, b]));
  const focus = [...new Set(focusIds)].filter((id) => byId.has(id));
  const included = new Set<string>(focus);
  const stack = [...focus];
  while (stack.length > 0) {
    const body = byId.get(stack.pop()!)!;
    for (const parent of body.reportsTo) {
      if (byId.has(parent) && !included.has(parent)) {
        included.add(parent);
        stack.push(parent);
      }
    }
  }
  const childrenOf = new Map<string, ChartBody[]>();
  for (const body of bodies) {
    for (const parent of new Set(body.reportsTo)) {
      if (!byId.has(parent) || parent === body.id) continue;
      let list = childrenOf.get(parent);
      if (!list) childrenOf.set(parent, (list = []));
      list.push(body);
    }
  }
  const byAcronym = (a: ChartBody, b: ChartBody) => a.acronym.localeCompare(b.acronym, 'en') || a.id.localeCompare(b.id);
  const more = new Map<string, number>();
  const ancestorsAndFocus = new Set(included);
  for (const id of focus) {
    const children = [...(childrenOf.get(id) ?? [])].sort(byAcronym);
    // Children already in the chart come first, so capping never hides a body of the meeting.
    const shown = [...children.filter((c) => ancestorsAndFocus.has(c.id)), ...children.filter((c) => !ancestorsAndFocus.has(c.id))];
    const kept = shown.slice(0, Math.max(maxChildren, shown.filter((c) => ancestorsAndFocus.has(c.id)).length));
    for (const child of kept) included.add(child.id);
    const hidden = shown.filter((c) => !included.has(c.id)).length;
    if (hidden > 0) more.set(id, hidden);
  }
  return { byId, focus: new Set(focus), included, more };
}

/**
 * The ids of the bodies the chart draws (the meeting's, what they report to, their first
 * `maxChildren` children each), for a caller that lists them or puts their acronyms in the glossary.
 */
export function orgChartBodyIds(bodies: readonly ChartBody[], focusIds: readonly string[], maxChildren = 8): string[] {
  return [...select(bodies, focusIds, Math.max(1, maxChildren)).included].sort();
}

/**
 * Layers by longest path from the top, parents above children. Edges that close a cycle (met
 * while walking down from a body that reports to nobody in the chart, or from the first body by
 * acronym when all are in a cycle) are dropped, so the chart is always a drawing of a DAG.
 */
function layers(ids: readonly string[], parentsOf: (id: string) => string[]) {
  const childrenOf = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const id of ids) for (const p of parentsOf(id)) childrenOf.get(p)!.push(id);
  const state = new Map<string, 'open' | 'done'>();
  const kept: [string, string][] = [];
  const visit = (id: string) => {
    state.set(id, 'open');
    for (const child of childrenOf.get(id)!) {
      const s = state.get(child);
      if (s === 'open') continue; // a cycle: this edge is dropped
      kept.push([id, child]);
      if (s === undefined) visit(child);
    }
    state.set(id, 'done');
  };
  const roots = ids.filter((id) => parentsOf(id).length === 0);
  for (const id of [...roots, ...ids]) if (!state.has(id)) visit(id);
  // Longest path over the kept edges, in topological order.
  const indegree = new Map(ids.map((id) => [id, 0]));
  const down = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const [p, c] of kept) {
    indegree.set(c, indegree.get(c)! + 1);
    down.get(p)!.push(c);
  }
  const layer = new Map(ids.map((id) => [id, 0]));
  const queue = ids.filter((id) => indegree.get(id) === 0);
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i]!;
    for (const c of down.get(id)!) {
      layer.set(c, Math.max(layer.get(c)!, layer.get(id)! + 1));
      indegree.set(c, indegree.get(c)! - 1);
      if (indegree.get(c) === 0) queue.push(c);
    }
  }
  return { layer, edges: kept };
}

interface Placed {
  id: string;
  x: number;
  y: number;
  width: number;
}

/** Lays the spanning forest out as nested blocks; a body's leaf children form a grid of `cols` columns at most. */
function place(items: Map<string, Item>, roots: readonly string[], maxCols: number, layerTop: (layer: number) => number, nodeHeight: number) {
  const placed = new Map<string, Placed>();
  /** Width of a subtree's block, and its layout when `left` is given. */
  const block = (id: string, left: number | undefined): number => {
    const item = items.get(id)!;
    const kids = item.kids;
    const leafKids = kids.length >= 2 && kids.every((k) => items.get(k)!.kids.length === 0);
    let kidsWidth = 0;
    let kidsLeft = 0;
    if (kids.length > 0 && leafKids) {
      const cols = Math.max(1, Math.min(maxCols, kids.length));
      const cell = Math.max(...kids.map((k) => items.get(k)!.box.width));
      kidsWidth = cols * cell + (cols - 1) * S.hGap;
      if (left !== undefined) {
        kidsLeft = left + Math.max(0, (item.box.width - kidsWidth) / 2);
        const top = layerTop(item.layer + 1);
        kids.forEach((k, i) => {
          const row = Math.floor(i / cols);
          const col = i % cols;
          // A short last row is centred under the others.
          const inRow = Math.min(cols, kids.length - row * cols);
          const offset = ((cols - inRow) * (cell + S.hGap)) / 2;
          placed.set(k, { id: k, x: kidsLeft + offset + col * (cell + S.hGap), y: top + row * (nodeHeight + S.rowGap), width: cell });
        });
      }
    } else if (kids.length > 0) {
      const widths = kids.map((k) => block(k, undefined));
      kidsWidth = widths.reduce((a, b) => a + b, 0) + (kids.length - 1) * S.hGap;
      if (left !== undefined) {
        let x = left + Math.max(0, (item.box.width - kidsWidth) / 2);
        kids.forEach((k, i) => {
          block(k, x);
          x += widths[i]! + S.hGap;
        });
      }
    }
    const width = Math.max(item.box.width, kidsWidth);
    if (left !== undefined) {
      // The parent is centred over its children's block.
      const centre = kids.length > 0 ? left + Math.max(0, (item.box.width - kidsWidth) / 2) + kidsWidth / 2 : left + width / 2;
      placed.set(id, { id, x: centre - item.box.width / 2, y: layerTop(item.layer), width: item.box.width });
    }
    return width;
  };
  let x = S.margin;
  for (const root of roots) {
    const w = block(root, x);
    x += w + S.hGap;
  }
  return { placed, width: x - S.hGap + S.margin };
}

/** Rows a layer's grids take: the tallest grid of children under a body on the layer above. */
function gridRows(items: Map<string, Item>, maxCols: number, members: ReadonlySet<string>): Map<number, number> {
  const rows = new Map<number, number>();
  for (const item of items.values()) {
    if (!members.has(item.id)) continue;
    const kids = item.kids;
    if (kids.length === 0) continue;
    const leafKids = kids.length >= 2 && kids.every((k) => items.get(k)!.kids.length === 0);
    const r = leafKids ? Math.ceil(kids.length / Math.max(1, Math.min(maxCols, kids.length))) : 1;
    rows.set(item.layer + 1, Math.max(rows.get(item.layer + 1) ?? 1, r));
  }
  return rows;
}

type Rect = { x: number; y: number; width: number; height: number };

/**
 * An orthogonal path from the parent's bottom to the child's top: down into the gap below the
 * parent, across to a free vertical channel, down to the gap above the child, across, and down.
 */
function route(from: Rect, to: Rect, yA: number, yB: number, obstacles: readonly Rect[]): [number, number][] {
  const px = from.x + from.width / 2;
  const cx = to.x + to.width / 2;
  const start: [number, number] = [px, from.y + from.height];
  const end: [number, number] = [cx, to.y];
  const points: [number, number][] = [start, [px, yA]];
  if (yB > yA + 0.5) {
    const between = obstacles.filter((r) => r.y < yB && r.y + r.height > yA && r !== from && r !== to);
    const free = (x: number) => between.every((r) => x < r.x - 2 || x > r.x + r.width + 2);
    const candidates = [cx, px, ...between.flatMap((r) => [r.x - S.hGap / 2, r.x + r.width + S.hGap / 2])].sort(
      (a, b) => Math.abs(a - cx) + Math.abs(a - px) - (Math.abs(b - cx) + Math.abs(b - px)),
    );
    const x = candidates.find(free) ?? cx;
    points.push([x, yA], [x, yB]);
  }
  points.push([cx, yB], end);
  // Drop zero-length and collinear points.
  const out: [number, number][] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (last && Math.abs(last[0] - p[0]) < 0.01 && Math.abs(last[1] - p[1]) < 0.01) continue;
    const prev = out[out.length - 2];
    if (last && prev && ((prev[0] === last[0] && last[0] === p[0]) || (prev[1] === last[1] && last[1] === p[1]))) out[out.length - 1] = p;
    else out.push(p);
  }
  return out.map(([x, y]) => [Math.round(x * 10) / 10, Math.round(y * 10) / 10]);
}

/**
 * Lays out the organisational chart of a meeting's bodies as a layered tree: what they report to
 * above, their direct children below, each body once (a body reporting to two bodies gets both
 * edges). Pure: text widths are estimated from character counts, so it runs without a DOM.
 */
export function layoutOrgChart(bodies: readonly ChartBody[], focusIds: readonly string[], opts: OrgChartOptions): OrgChartLayout {
  const maxChildren = Math.max(1, opts.maxChildren ?? 8);
  const maxWidth = opts.maxWidth ?? 640;
  const { byId, focus, included, more } = select(bodies, focusIds, maxChildren);
  if (included.size === 0) return { width: 0, height: 0, nodes: [], edges: [] };

  const byAcronym = (a: string, b: string) => byId.get(a)!.acronym.localeCompare(byId.get(b)!.acronym, 'en') || a.localeCompare(b);
  const ids = [...included].sort(byAcronym);
  const parentsOf = (id: string) => [...new Set(byId.get(id)!.reportsTo)].filter((p) => included.has(p) && p !== id);
  const { layer, edges } = layers(ids, parentsOf);

  const items = new Map<string, Item>();
  for (const id of ids) {
    const body = byId.get(id)!;
    items.set(id, { id, focus: focus.has(id), box: measure(body.acronym, pickText(body.name, opts.lang).text), layer: layer.get(id)!, kids: [] });
  }
  // Spanning tree: each body under its first parent on the layer just above (exists by construction).
  const roots: string[] = [];
  for (const id of ids) {
    const l = layer.get(id)!;
    const primary = byId.get(id)!.reportsTo.find((p) => included.has(p) && layer.get(p) === l - 1 && edges.some(([a, b]) => a === p && b === id));
    if (primary) items.get(primary)!.kids.push(id);
    else roots.push(id);
  }
  for (const [parent, count] of more) {
    const id = `more:${parent}`;
    items.set(id, { id, focus: false, more: count, box: { acronymLines: [], nameLines: [], width: S.moreNodeWidth }, layer: layer.get(parent)! + 1, kids: [] });
    items.get(parent)!.kids.push(id);
  }
  // Bodies that have children of their own go after the leaves, so the grids stay together.
  for (const item of items.values()) {
    item.kids.sort((a, b) => {
      const ma = a.startsWith('more:') ? 1 : 0;
      const mb = b.startsWith('more:') ? 1 : 0;
      return ma - mb || byAcronym(a, b);
    });
  }

  const nodeHeight = Math.max(MIN_NODE_HEIGHT, ...[...items.values()].map((i) => S.padY * 2 + i.box.acronymLines.length * S.acronymLineHeight + 3 + i.box.nameLines.length * S.lineHeight));

  // Bodies linked to each other form a group; the group with the meeting's bodies is the chart,
  // the others are drawn apart below it (a reader must not take them for part of one hierarchy).
  const group = new Map<string, string>();
  const find = (id: string): string => {
    const up = group.get(id) ?? id;
    if (up === id) return id;
    const top = find(up);
    group.set(id, top);
    return top;
  };
  for (const item of items.values()) for (const kid of item.kids) group.set(find(kid), find(item.id));
  for (const [p, c] of edges) if (find(p) !== find(c)) group.set(find(c), find(p));
  const weight = new Map<string, number>();
  for (const id of items.keys()) weight.set(find(id), (weight.get(find(id)) ?? 0) + (focus.has(id) ? 1000 : 1));
  const main = [...weight].sort((a, b) => b[1] - a[1])[0]![0];
  const inMain = new Set([...items.keys()].filter((id) => find(id) === main));
  const apartIds = new Set([...items.keys()].filter((id) => !inMain.has(id)));

  const tryLayout = (maxCols: number, bandRoots: readonly string[], members: ReadonlySet<string>, top: number) => {
    const rows = gridRows(items, maxCols, members);
    const maxLayer = Math.max(...[...members].map((id) => items.get(id)!.layer));
    const tops: number[] = [];
    let y = top;
    for (let l = 0; l <= maxLayer; l++) {
      tops.push(y);
      const r = rows.get(l) ?? 1;
      y += r * nodeHeight + (r - 1) * S.rowGap + S.layerGap;
    }
    const { placed, width } = place(items, bandRoots, maxCols, (l) => tops[l]!, nodeHeight);
    return { placed, width, tops, height: y - S.layerGap + S.margin };
  };
  const fit = (bandRoots: readonly string[], members: ReadonlySet<string>, top: number) => {
    let best = tryLayout(Infinity, bandRoots, members, top);
    const widest = Math.max(...[...members].map((id) => items.get(id)!.kids.length));
    for (let cols = widest - 1; cols >= 1 && best.width > maxWidth; cols--) best = tryLayout(cols, bandRoots, members, top);
    return best;
  };
  const mainBand = fit(roots.filter((r) => inMain.has(r)), inMain, S.margin);
  const apartBand = apartIds.size > 0 ? fit(roots.filter((r) => apartIds.has(r)), apartIds, mainBand.height + APART_LABEL_HEIGHT) : undefined;
  const totalWidth = Math.max(mainBand.width, apartBand?.width ?? 0);
  // Each band centred in the chart's width.
  const shift = (band: { width: number }) => (totalWidth - band.width) / 2;
  const bandOf = (id: string) => (apartBand && apartIds.has(id) ? apartBand : mainBand);
  const best = { width: totalWidth, height: apartBand ? apartBand.height : mainBand.height };

  const nodes: OrgChartNode[] = [...items.values()].map((item) => {
    const band = bandOf(item.id);
    const p = band.placed.get(item.id)!;
    const node: OrgChartNode = {
      id: item.id,
      x: Math.round((p.x + shift(band)) * 10) / 10,
      y: p.y,
      width: p.width,
      height: nodeHeight,
      acronym: item.more === undefined ? byId.get(item.id)!.acronym : '',
      acronymLines: item.box.acronymLines,
      nameLines: item.box.nameLines,
      focus: item.focus,
    };
    if (item.more !== undefined) node.more = item.more;
    return node;
  });
  const rect = new Map(nodes.map((n) => [n.id, n]));
  const drawn: [string, string][] = [...edges, ...[...more.keys()].map((p): [string, string] => [p, `more:${p}`])];
  return {
    width: Math.ceil(best.width),
    height: Math.ceil(best.height),
    ...(apartBand ? { apart: { y: mainBand.height + 4 } } : {}),
    nodes,
    edges: drawn.map(([from, to]) => {
      const parent = rect.get(from)!;
      const child = rect.get(to)!;
      const childLayer = items.get(to)!.layer;
      // Horizontal runs go through gaps no box is in: between the parent's layer and the next,
      // and just above the child (between layers, or between the rows of a grid).
      const tops = bandOf(from).tops;
      const yA = tops[items.get(from)!.layer + 1]! - S.layerGap / 2;
      const yB = child.y === tops[childLayer] ? child.y - S.layerGap / 2 : child.y - S.rowGap / 2;
      return { from, to, points: route(parent, child, yA, yB, nodes) };
    }),
  };
}
