import { describe, expect, it } from 'vitest';
import { benchDocs, LABELLED_QUERIES } from '../../bench/search-compare';
import { docKey } from '../../shared/search';

describe('the labelled benchmark queries', () => {
  it('are 200, in the three languages, each expecting records that exist', () => {
    expect(LABELLED_QUERIES).toHaveLength(200);
    expect(new Set(LABELLED_QUERIES.map((q) => q.lang))).toEqual(new Set(['en', 'ms', 'id']));
    const keys = new Set(benchDocs(500).map((d) => docKey(d.kind, d.id)));
    for (const query of LABELLED_QUERIES) for (const key of query.expect) expect(keys, query.q).toContain(key);
  });
});
