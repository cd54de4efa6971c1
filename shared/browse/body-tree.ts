import { BODY_LEVELS, PILLARS, type BodyLevel, type Pillar } from '../model';

/** What the hierarchy needs of a body. */
export interface TreeBody {
  id: string;
  acronym: string;
  level: BodyLevel;
  pillar: Pillar;
  reportsTo: readonly string[];
}

export type TreeRow =
  | { type: 'pillar'; key: string; depth: 0; pillar: Pillar; hasChildren: boolean; expanded: boolean; count: number }
  | { type: 'body'; key: string; depth: number; id: string; hasChildren: boolean; expanded: boolean };

export interface BodyTree {
  roots: Map<Pillar, string[]>;
  children: Map<string, string[]>;
}

const levelRank = new Map(BODY_LEVELS.map((level, i) => [level, i]));

/**
 * Builds the reporting-line hierarchy: each pillar's top bodies (those reporting to no body of
 * their own pillar in the dataset), then the bodies reporting to each. A body reporting to two bodies
 * (ADSOM WG supports ADSOM and ADMM) stands under both.
 */
export function buildBodyTree(bodies: readonly TreeBody[]): BodyTree {
  const byId = new Map(bodies.map((b) => [b.id, b]));
  const compare = (a: string, b: string) => {
    const x = byId.get(a)!;
    const y = byId.get(b)!;
    return (levelRank.get(x.level) ?? 99) - (levelRank.get(y.level) ?? 99) || x.acronym.localeCompare(y.acronym);
  };
  const roots = new Map<Pillar, string[]>(PILLARS.map((p) => [p, []]));
  const children = new Map<string, string[]>();
  for (const body of bodies) {
    const parents = body.reportsTo.filter((p) => byId.has(p));
    // A body stands under its own pillar: one reporting only to bodies of another pillar (the
    // ADMM to the cross-pillar Summit) is also a top body of its own pillar, not moved away.
    if (!parents.some((p) => byId.get(p)!.pillar === body.pillar)) roots.get(body.pillar)!.push(body.id);
    for (const parent of parents) {
      const list = children.get(parent) ?? [];
      list.push(body.id);
      children.set(parent, list);
    }
  }
  for (const list of roots.values()) list.sort(compare);
  for (const list of children.values()) list.sort(compare);
  return { roots, children };
}

/** Counts every body under a pillar, including bodies standing under two parents once. */
function countPillar(tree: BodyTree, pillar: Pillar): number {
  const seen = new Set<string>();
  const stack = [...(tree.roots.get(pillar) ?? [])];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(tree.children.get(id) ?? []));
  }
  return seen.size;
}

/** The rows on show: pillars, and the bodies under every expanded node, depth first. */
export function visibleTreeRows(tree: BodyTree, expanded: Readonly<Record<string, true>>): TreeRow[] {
  const rows: TreeRow[] = [];
  const walk = (id: string, path: string, depth: number, ancestors: Set<string>) => {
    const key = `${path}/${id}`;
    const kids = (tree.children.get(id) ?? []).filter((k) => !ancestors.has(k));
    const open = expanded[key] === true && kids.length > 0;
    rows.push({ type: 'body', key, depth, id, hasChildren: kids.length > 0, expanded: open });
    if (!open) return;
    const next = new Set(ancestors).add(id);
    for (const kid of kids) walk(kid, key, depth + 1, next);
  };
  for (const pillar of PILLARS) {
    const top = tree.roots.get(pillar) ?? [];
    if (top.length === 0) continue;
    const open = expanded[pillar] === true;
    rows.push({ type: 'pillar', key: pillar, depth: 0, pillar, hasChildren: true, expanded: open, count: countPillar(tree, pillar) });
    if (open) for (const id of top) walk(id, pillar, 1, new Set());
  }
  return rows;
}

/** Every node key of the tree, to expand all of it. */
export function allNodeKeys(tree: BodyTree): string[] {
  const keys: string[] = [];
  const walk = (id: string, path: string, ancestors: Set<string>) => {
    const key = `${path}/${id}`;
    const kids = (tree.children.get(id) ?? []).filter((k) => !ancestors.has(k));
    if (kids.length === 0) return;
    keys.push(key);
    const next = new Set(ancestors).add(id);
    for (const kid of kids) walk(kid, key, next);
  };
  for (const pillar of PILLARS) {
    const top = tree.roots.get(pillar) ?? [];
    if (top.length === 0) continue;
    keys.push(pillar);
    for (const id of top) walk(id, pillar, new Set());
  }
  return keys;
}
