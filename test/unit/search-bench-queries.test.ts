import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { benchDocs, LABELLED_QUERIES, QUERY_SETS } from '../../bench/search-compare';
import { loadQuerySets } from '../../bench/search-query-sets';
import { docKey } from '../../shared/search';

describe('the labelled benchmark queries', () => {
  it('are 200, in the three languages, each expecting records that exist', () => {
    expect(LABELLED_QUERIES).toHaveLength(200);
    expect(new Set(LABELLED_QUERIES.map((q) => q.lang))).toEqual(new Set(['en', 'ms', 'id']));
  });

  it('every set present (the blind one too, once merged) expects records that exist', () => {
    expect(QUERY_SETS[0]!.name).toBe('labelled');
    const keys = new Set(benchDocs(500).map((d) => docKey(d.kind, d.id)));
    for (const set of QUERY_SETS) for (const query of set.queries) for (const key of query.expect) expect(keys, `${set.file}: ${query.q}`).toContain(key);
  });
});

describe('loading the query sets', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const folder = (files: Record<string, unknown>) => {
    const dir = mkdtempSync(join(tmpdir(), 'query-sets-'));
    dirs.push(dir);
    for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content));
    return dir;
  };
  const query = (q: string) => ({ q, lang: 'ms', kind: 'word', expect: ['body:asoen'] });

  it('reads every search-queries*.json, the main set first, and nothing else', () => {
    const dir = folder({
      'search-queries-blind.json': { queries: [query('alam sekitar'), query('jerebu')] },
      'search-queries.json': { $comment: 'tuned', queries: [query('asoen')] },
      'search-queries-blind.json.bak': { queries: [query('old')] },
      'other.json': { queries: [query('other')] },
    });
    const sets = loadQuerySets(dir);
    expect(sets.map((s) => [s.name, s.file, s.queries.length])).toEqual([
      ['labelled', 'search-queries.json', 1],
      ['blind', 'search-queries-blind.json', 2],
    ]);
  });

  it('reports no blind set when its file is missing', () => {
    const sets = loadQuerySets(folder({ 'search-queries.json': { queries: [query('asoen')] } }));
    expect(sets.map((s) => s.name)).toEqual(['labelled']);
  });

  it('stops with the file name when a set is malformed, rather than scoring it', () => {
    const main = { queries: [query('asoen')] };
    expect(() => loadQuerySets(folder({ 'search-queries.json': main, 'search-queries-blind.json': '{"queries": [' }))).toThrow(/search-queries-blind\.json/);
    expect(() => loadQuerySets(folder({ 'search-queries.json': main, 'search-queries-blind.json': { queries: [{ q: 'x', lang: 'fr', kind: 'w', expect: ['body:x'] }] } }))).toThrow(/search-queries-blind\.json/);
  });
});
