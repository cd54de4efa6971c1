/**
 * The labelled query sets of the search benchmark: every `bench/search-queries*.json` present
 * (search-queries.json, written by someone who had tuned the engine; search-queries-blind.json,
 * written without looking at it, once merged; any later one). A set that is not there is simply
 * not reported; a file that is there but malformed stops the bench with its name, so a broken
 * set is never reported as a low score.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export const LabelledQuery = z.strictObject({
  q: z.string().min(1),
  lang: z.enum(['en', 'ms', 'id']),
  kind: z.string().min(1),
  /** Keys (kind:id) of the records any one of which counts as found. */
  expect: z.array(z.string().regex(/^[A-Za-z]+:.+$/)).min(1),
});
export type LabelledQuery = z.infer<typeof LabelledQuery>;

const QueryFile = z.object({ $comment: z.string().optional(), queries: z.array(LabelledQuery).min(1) });

export interface QuerySet {
  /** "labelled" for search-queries.json, else the part after "search-queries-" ("blind"). */
  name: string;
  file: string;
  queries: LabelledQuery[];
}

const FILE = /^search-queries(?:-([a-z0-9-]+))?\.json$/;
export const BENCH_DIR = fileURLToPath(new URL('.', import.meta.url));

/** Every query set in `dir`, the main one (search-queries.json) first, the others by name. */
export function loadQuerySets(dir = BENCH_DIR): QuerySet[] {
  const sets: QuerySet[] = [];
  for (const file of readdirSync(dir).sort()) {
    const match = FILE.exec(file);
    if (!match) continue;
    let parsed: z.infer<typeof QueryFile>;
    try {
      parsed = QueryFile.parse(JSON.parse(readFileSync(join(dir, file), 'utf8')));
    } catch (error) {
      throw new Error(`bench/${file} is not a labelled query set: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
    sets.push({ name: match[1] ?? 'labelled', file, queries: parsed.queries });
  }
  return sets.sort((a, b) => (a.name === 'labelled' ? -1 : b.name === 'labelled' ? 1 : a.name.localeCompare(b.name)));
}
