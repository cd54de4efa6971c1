import { describe, expect, it } from 'vitest';
import sources from '../../assets/dataset/sources.json';
import bodies from '../../assets/dataset/bodies.json';
import meetings from '../../assets/dataset/meetings.json';
import agendaItems from '../../assets/dataset/agenda-items.json';
import frameworks from '../../assets/dataset/frameworks.json';
import targets from '../../assets/dataset/targets.json';
import { DatasetRecords } from '../../shared/model';
import { layoutOrgChart, orgChartBodyIds, type ChartBody, type OrgChartLayout, type OrgChartNode } from '../../shared/pack/org-chart';

const records = DatasetRecords.parse({ sources, bodies, meetings, agendaItems, frameworks, targets });
const A4_TEXT_WIDTH = 640;

function body(id: string, reportsTo: string[] = [], name = `Name of ${id}`): ChartBody {
  return { id, acronym: id.toUpperCase(), name: { en: name }, reportsTo };
}

const ids = (layout: OrgChartLayout) => layout.nodes.map((n) => n.id).sort();
const node = (layout: OrgChartLayout, id: string) => layout.nodes.find((n) => n.id === id)!;

/** Boxes closer than a few pixels are as bad as overlapping ones: the frames would merge. */
function overlaps(a: OrgChartNode, b: OrgChartNode, gap = 6): boolean {
  return a.x < b.x + b.width + gap && b.x < a.x + a.width + gap && a.y < b.y + b.height + gap && b.y < a.y + a.height + gap;
}

/** The invariants every layout keeps, checked on each layout of this file. */
function expectWellFormed(layout: OrgChartLayout): void {
  for (let i = 0; i < layout.nodes.length; i++) {
    const a = layout.nodes[i]!;
    expect(a.x).toBeGreaterThanOrEqual(0);
    expect(a.y).toBeGreaterThanOrEqual(0);
    expect(a.x + a.width).toBeLessThanOrEqual(layout.width);
    expect(a.y + a.height).toBeLessThanOrEqual(layout.height);
    expect(a.acronymLines.length + a.nameLines.length).toBeLessThanOrEqual(7);
    for (const b of layout.nodes.slice(i + 1)) expect(overlaps(a, b), `${a.id} overlaps ${b.id}`).toBe(false);
  }
  for (const edge of layout.edges) {
    const parent = node(layout, edge.from);
    const child = node(layout, edge.to);
    expect(parent.y + parent.height, `${edge.from} is above ${edge.to}`).toBeLessThan(child.y);
    const first = edge.points[0]!;
    const last = edge.points[edge.points.length - 1]!;
    // Starts on the parent's bottom edge, ends on the child's top edge.
    expect(first[1]).toBe(parent.y + parent.height);
    expect(first[0]).toBeGreaterThanOrEqual(parent.x);
    expect(first[0]).toBeLessThanOrEqual(parent.x + parent.width);
    expect(last[1]).toBe(child.y);
    expect(last[0]).toBeGreaterThanOrEqual(child.x);
    expect(last[0]).toBeLessThanOrEqual(child.x + child.width);
    for (let k = 1; k < edge.points.length; k++) {
      const [x0, y0] = edge.points[k - 1]!;
      const [x1, y1] = edge.points[k]!;
      expect(x0 === x1 || y0 === y1, `segment ${k} of ${edge.from}->${edge.to} is orthogonal`).toBe(true);
      // No segment runs through a box other than its own ends' boxes.
      for (const other of layout.nodes) {
        if (other.id === edge.from || other.id === edge.to) continue;
        const crosses =
          Math.max(x0, x1) > other.x + 0.5 && Math.min(x0, x1) < other.x + other.width - 0.5 && Math.max(y0, y1) > other.y + 0.5 && Math.min(y0, y1) < other.y + other.height - 0.5;
        expect(crosses, `${edge.from}->${edge.to} crosses ${other.id}`).toBe(false);
      }
    }
  }
}

describe('layoutOrgChart over the built-in dataset', () => {
  const asoen36 = records.meetings.find((m) => m.id === 'asoen-36')!;

  it('draws ASOEN-36’s bodies with what they report to, parents above children, within an A4 column', () => {
    const layout = layoutOrgChart(records.bodies, asoen36.bodyIds, { lang: 'en' });
    expectWellFormed(layout);
    expect(ids(layout)).toEqual(['amme', 'asoen', 'awgcc', 'awgcme', 'awgee', 'awgesc', 'awgmrpe', 'awgncb', 'awgwrm']);
    expect(layout.width).toBeLessThanOrEqual(A4_TEXT_WIDTH);
    expect(node(layout, 'asoen')).toMatchObject({ acronym: 'ASOEN', focus: true, nameLines: ['ASEAN Senior Officials', 'on Environment'] });
    expect(node(layout, 'amme').focus).toBe(false);
    expect(node(layout, 'amme').y).toBeLessThan(node(layout, 'asoen').y);
    expect(layout.edges.map((e) => `${e.from}>${e.to}`)).toContain('amme>asoen');
    expect(layout.edges.filter((e) => e.from === 'asoen')).toHaveLength(7);
  });

  it('names the boxes in the pack’s language, in the original where the dataset has no translation', () => {
    const layout = layoutOrgChart(records.bodies, ['asoen', 'adsom'], { lang: 'ms' });
    expect(node(layout, 'asoen').nameLines.join(' ')).toBe('Mesyuarat Pegawai-Pegawai Kanan Alam Sekitar ASEAN');
    expect(node(layout, 'adsom').nameLines.join(' ')).toBe("ASEAN Defence Senior Officials' Meeting");
  });

  it('places a body that reports to two bodies once, with an edge from each, under both', () => {
    const layout = layoutOrgChart(records.bodies, ['adsom-wg', 'acdm'], { lang: 'en' });
    expectWellFormed(layout);
    expect(layout.nodes.filter((n) => n.id === 'adsom-wg')).toHaveLength(1);
    expect(layout.edges.filter((e) => e.to === 'adsom-wg').map((e) => e.from).sort()).toEqual(['admm', 'adsom']);
    expect(layout.edges.filter((e) => e.to === 'acdm').map((e) => e.from).sort()).toEqual(['ammdm', 'cop-aadmer']);
    // ADSOM WG sits below ADSOM, which sits below ADMM: the ADMM edge goes around ADSOM.
    expect(node(layout, 'adsom-wg').y).toBeGreaterThan(node(layout, 'adsom').y);
  });

  it('keeps every meeting’s chart well formed and legible on A4', () => {
    for (const meeting of records.meetings) {
      const focus = [...new Set([...meeting.bodyIds, ...records.agendaItems.filter((i) => i.meetingId === meeting.id).flatMap((i) => i.bodyIds)])];
      const layout = layoutOrgChart(records.bodies, focus, { lang: 'en' });
      expectWellFormed(layout);
      expect(layout.width, meeting.id).toBeLessThanOrEqual(A4_TEXT_WIDTH);
      for (const id of focus) expect(node(layout, id), `${meeting.id}: ${id}`).toBeDefined();
    }
  });
});

describe('layoutOrgChart on made-up hierarchies', () => {
  it('shows the focus, all its ancestors and its direct children, not its grandchildren or siblings', () => {
    const tree = [body('top'), body('mid', ['top']), body('focus', ['mid']), body('sibling', ['mid']), body('kid', ['focus']), body('grandkid', ['kid'])];
    const layout = layoutOrgChart(tree, ['focus'], { lang: 'en' });
    expectWellFormed(layout);
    expect(ids(layout)).toEqual(['focus', 'kid', 'mid', 'top']);
    expect(layout.nodes.filter((n) => n.focus).map((n) => n.id)).toEqual(['focus']);
    const ys = ['top', 'mid', 'focus', 'kid'].map((id) => node(layout, id).y);
    expect([...ys].sort((a, b) => a - b)).toEqual(ys);
    expect(new Set(ys).size).toBe(4);
  });

  it('caps the children drawn and says how many more there are', () => {
    const tree = [body('parent'), ...Array.from({ length: 12 }, (_, i) => body(`c${String(i).padStart(2, '0')}`, ['parent']))];
    const layout = layoutOrgChart(tree, ['parent'], { lang: 'en', maxChildren: 5 });
    expectWellFormed(layout);
    const children = layout.nodes.filter((n) => n.id.startsWith('c'));
    expect(children.map((n) => n.id)).toEqual(['c00', 'c01', 'c02', 'c03', 'c04']);
    expect(orgChartBodyIds(tree, ['parent'], 5)).toEqual(['c00', 'c01', 'c02', 'c03', 'c04', 'parent']);
    const more = node(layout, 'more:parent');
    expect(more.more).toBe(7);
    expect(layout.edges.map((e) => `${e.from}>${e.to}`)).toContain('parent>more:parent');
    // With the default cap of 8, 4 more.
    expect(node(layoutOrgChart(tree, ['parent'], { lang: 'en' }), 'more:parent').more).toBe(4);
  });

  it('never hides a child that is itself a body of the meeting', () => {
    const tree = [body('parent'), ...Array.from({ length: 6 }, (_, i) => body(`c${i}`, ['parent']))];
    const layout = layoutOrgChart(tree, ['parent', 'c5'], { lang: 'en', maxChildren: 2 });
    expect(node(layout, 'c5')).toMatchObject({ focus: true });
    expect(node(layout, 'more:parent').more).toBe(4);
  });

  it('wraps a wide row of children onto several rows to fit the width', () => {
    const long = 'A working group with a rather long name indeed';
    const tree = [body('parent'), ...Array.from({ length: 8 }, (_, i) => body(`c${i}`, ['parent'], long))];
    const layout = layoutOrgChart(tree, ['parent'], { lang: 'en' });
    expectWellFormed(layout);
    expect(layout.width).toBeLessThanOrEqual(A4_TEXT_WIDTH);
    const rows = new Set(layout.nodes.filter((n) => n.id.startsWith('c')).map((n) => n.y));
    expect(rows.size).toBeGreaterThan(1);
    // Given room, one row.
    const wide = layoutOrgChart(tree, ['parent'], { lang: 'en', maxWidth: 3000 });
    expect(new Set(wide.nodes.filter((n) => n.id.startsWith('c')).map((n) => n.y)).size).toBe(1);
  });

  it('shows every real name whole, on as many lines as it needs; only an absurd one is cut', () => {
    const long = 'ASEAN Senior Officials Meeting on Critical Minerals and Mineral Resources Development Cooperation Framework';
    const layout = layoutOrgChart([body('x', [], long), body('y', ['x'])], ['x'], { lang: 'en' });
    expect(node(layout, 'x').nameLines.join(' ')).toBe(long);
    expect(node(layout, 'y').height).toBe(node(layout, 'x').height);
    const absurd = layoutOrgChart([body('x', [], 'Word '.repeat(60).trim())], ['x'], { lang: 'en' });
    expect(node(absurd, 'x').nameLines.at(-1)!.endsWith('…')).toBe(true);
  });

  it('draws bodies not linked to the meeting’s hierarchy apart, below it, and says so', () => {
    const layout = layoutOrgChart([body('top'), body('a', ['top']), body('lone'), body('lone-kid', ['lone'])], ['a', 'lone-kid'], { lang: 'en' });
    expectWellFormed(layout);
    expect(layout.apart).toBeDefined();
    const main = ['top', 'a'].map((id) => node(layout, id));
    const apart = ['lone', 'lone-kid'].map((id) => node(layout, id));
    for (const n of apart) expect(n.y).toBeGreaterThan(layout.apart!.y);
    for (const n of main) expect(n.y + n.height).toBeLessThan(layout.apart!.y);
    expect(layoutOrgChart([body('top'), body('a', ['top'])], ['a'], { lang: 'en' }).apart).toBeUndefined();
  });

  it('does not hang on cycles in reportsTo, and still draws parents above children', () => {
    const tree = [body('a', ['c']), body('b', ['a']), body('c', ['b']), body('self', ['self'])];
    const layout = layoutOrgChart(tree, ['a', 'self'], { lang: 'en' });
    expectWellFormed(layout);
    expect(ids(layout)).toEqual(['a', 'b', 'c', 'self']);
    // One edge of the three-body cycle cannot be drawn downwards and is left out.
    expect(layout.edges).toHaveLength(2);
    expect(layout.edges.some((e) => e.from === 'self')).toBe(false);
  });

  it('ignores unknown ids, in the focus and in reportsTo', () => {
    const tree = [body('a', ['nowhere']), body('b', ['a', 'missing'])];
    const layout = layoutOrgChart(tree, ['b', 'not-a-body'], { lang: 'en' });
    expectWellFormed(layout);
    expect(ids(layout)).toEqual(['a', 'b']);
    expect(layout.edges.map((e) => `${e.from}>${e.to}`)).toEqual(['a>b']);
    expect(layoutOrgChart(tree, ['not-a-body'], { lang: 'en' })).toEqual({ width: 0, height: 0, nodes: [], edges: [] });
  });
});
