import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import sources from '../../assets/dataset/sources.json';
import bodies from '../../assets/dataset/bodies.json';
import meetings from '../../assets/dataset/meetings.json';
import agendaItems from '../../assets/dataset/agenda-items.json';
import frameworks from '../../assets/dataset/frameworks.json';
import targets from '../../assets/dataset/targets.json';

/** The blind evaluation set for search: its format, and every expected record exists in the built-in dataset. */
const file = fileURLToPath(new URL('../../bench/search-queries-blind.json', import.meta.url));

const KIND_OF_RECORD = {
  body: bodies,
  meeting: meetings,
  agendaItem: agendaItems,
  target: targets,
  framework: frameworks,
  source: sources,
} as const;

const BlindQuery = z
  .object({
    q: z.string().trim().min(1),
    lang: z.enum(['en', 'ms', 'id']),
    kind: z.enum(['acronym', 'word', 'translation', 'typo', 'prefix', 'place', 'date', 'phrase']),
    expect: z.array(z.string().regex(/^(body|meeting|agendaItem|target|framework|source):[a-z0-9-]+$/)).min(1),
  })
  .strict();

const BlindSet = z.object({ $comment: z.string().min(20), queries: z.array(BlindQuery) }).strict();

const set = BlindSet.parse(JSON.parse(readFileSync(file, 'utf8')));

describe('bench/search-queries-blind.json', () => {
  it('holds 200 queries, roughly a third per language', () => {
    expect(set.queries).toHaveLength(200);
    for (const lang of ['en', 'ms', 'id'] as const) {
      const n = set.queries.filter((query) => query.lang === lang).length;
      expect(n, lang).toBeGreaterThanOrEqual(60);
      expect(n, lang).toBeLessThanOrEqual(75);
    }
  });

  it('uses every kind of query', () => {
    const kinds = new Set(set.queries.map((query) => query.kind));
    expect([...kinds].sort()).toEqual(['acronym', 'date', 'phrase', 'place', 'prefix', 'translation', 'typo', 'word']);
  });

  it('has no query twice in the same language', () => {
    const seen = new Set<string>();
    for (const query of set.queries) {
      const key = `${query.lang}:${query.q.toLowerCase()}`;
      expect(seen.has(key), key).toBe(false);
      seen.add(key);
    }
  });

  it('expects only records that exist in the built-in dataset', () => {
    const ids = new Set(
      Object.entries(KIND_OF_RECORD).flatMap(([kind, records]) =>
        (records as ReadonlyArray<{ id: string }>).map((record) => `${kind}:${record.id}`),
      ),
    );
    const missing = set.queries.flatMap((query) => query.expect.filter((key) => !ids.has(key)).map((key) => `${query.q} → ${key}`));
    expect(missing).toEqual([]);
  });
});
