import { describe, expect, it } from 'vitest';
import { allNodeKeys, buildBodyTree, visibleTreeRows, type TreeBody } from '../../shared/browse/body-tree';

const bodies: TreeBody[] = [
  { id: 'amme', acronym: 'AMME', level: 'ministerial', pillar: 'socio-cultural', reportsTo: [] },
  { id: 'asoen', acronym: 'ASOEN', level: 'senior-officials', pillar: 'socio-cultural', reportsTo: ['amme'] },
  { id: 'awgcc', acronym: 'AWGCC', level: 'working-group', pillar: 'socio-cultural', reportsTo: ['asoen'] },
  { id: 'awgcme', acronym: 'AWGCME', level: 'working-group', pillar: 'socio-cultural', reportsTo: ['asoen'] },
  { id: 'admm', acronym: 'ADMM', level: 'ministerial', pillar: 'political-security', reportsTo: [] },
  { id: 'adsom', acronym: 'ADSOM', level: 'senior-officials', pillar: 'political-security', reportsTo: ['admm'] },
  { id: 'adsom-wg', acronym: 'ADSOM WG', level: 'working-group', pillar: 'political-security', reportsTo: ['adsom', 'admm'] },
  { id: 'orphan', acronym: 'ORPH', level: 'committee', pillar: 'economic', reportsTo: ['not-in-dataset'] },
];

describe('body hierarchy', () => {
  const tree = buildBodyTree(bodies);

  it('puts bodies that report to nobody in the dataset at the top of their pillar', () => {
    expect(tree.roots.get('socio-cultural')).toEqual(['amme']);
    expect(tree.roots.get('economic')).toEqual(['orphan']);
  });

  it('orders children by level, then acronym', () => {
    expect(tree.children.get('admm')).toEqual(['adsom', 'adsom-wg']);
    expect(tree.children.get('asoen')).toEqual(['awgcc', 'awgcme']);
  });

  it('shows only pillars when everything is collapsed', () => {
    const rows = visibleTreeRows(tree, {});
    expect(rows.map((r) => r.key)).toEqual(['political-security', 'economic', 'socio-cultural']);
    expect(rows.find((r) => r.key === 'political-security')).toMatchObject({ count: 3, expanded: false });
  });

  it('shows a body under both bodies it reports to, each with its own path', () => {
    const rows = visibleTreeRows(tree, Object.fromEntries(allNodeKeys(tree).map((k) => [k, true as const])));
    const wg = rows.filter((r) => r.type === 'body' && r.id === 'adsom-wg').map((r) => r.key);
    expect(wg).toEqual(['political-security/admm/adsom/adsom-wg', 'political-security/admm/adsom-wg']);
    expect(rows.find((r) => r.key === 'socio-cultural/amme/asoen/awgcc')?.depth).toBe(3);
  });

  it('survives a reporting loop without recursing forever', () => {
    const loop = buildBodyTree([
      { id: 'a', acronym: 'A', level: 'committee', pillar: 'economic', reportsTo: [] },
      { id: 'b', acronym: 'B', level: 'committee', pillar: 'economic', reportsTo: ['a', 'c'] },
      { id: 'c', acronym: 'C', level: 'committee', pillar: 'economic', reportsTo: ['b'] },
    ]);
    const rows = visibleTreeRows(loop, Object.fromEntries(allNodeKeys(loop).map((k) => [k, true as const])));
    expect(rows.map((r) => r.key)).toEqual(['economic', 'economic/a', 'economic/a/b', 'economic/a/b/c']);
  });
});
