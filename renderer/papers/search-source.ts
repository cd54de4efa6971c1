import { liveQuery } from 'dexie';
import type { SearchDoc } from '../../shared/search';
import { db } from '../db/db';
import { registerSearchSource } from '../features/search/sources';

/*
 * Words inside papers in the app's search: one document per page of each paper's current
 * version, so a result opens the paper at that page (with the words to find there). The index
 * folds and stems page text like everything else. It follows the papers table: attaching,
 * re-issuing (the current version changes) and deleting re-index only the paper concerned.
 */

export const PAPER_KIND = 'paper';

async function docsFor(paperId: string): Promise<SearchDoc[]> {
  const paper = await db.papers.get(paperId);
  if (!paper) return [];
  const text = await db.paperTexts.get(paper.currentVersionId);
  if (!text) return [];
  return text.pages.flatMap((page, i) =>
    page.trim() === ''
      ? []
      : [
          {
            kind: PAPER_KIND,
            id: `${paper.id}:${i + 1}`,
            href: `/papers/${paper.id}?page=${i + 1}`,
            title: `${paper.title} (${i + 1}/${text.pages.length})`,
            text: [page],
            date: paper.updatedAt.slice(0, 10),
          },
        ],
  );
}

export function registerPaperSearch(): () => void {
  // The page ids each paper has in the index, so a shorter new version or a deletion drops them all.
  const indexed = new Map<string, string[]>();
  const read = async (paperId: string) => {
    const docs = await docsFor(paperId);
    indexed.set(paperId, docs.map((d) => d.id));
    return docs;
  };
  return registerSearchSource({
    kind: PAPER_KIND,
    load: async () => {
      indexed.clear();
      const ids = await db.papers.toCollection().primaryKeys();
      return (await Promise.all(ids.map(read))).flat();
    },
    subscribe: (onChange) => {
      let previous: Map<string, string> | undefined;
      const sub = liveQuery(() => db.papers.toArray()).subscribe(async (papers) => {
        const stamps = new Map(papers.map((p) => [p.id, `${p.currentVersionId}|${p.updatedAt}`]));
        const before = previous;
        previous = stamps;
        if (!before) return;
        const changed = papers.filter((p) => before.get(p.id) !== stamps.get(p.id)).map((p) => p.id);
        const gone = [...before.keys()].filter((id) => !stamps.has(id));
        if (changed.length === 0 && gone.length === 0) return;
        const old = [...changed, ...gone].flatMap((id) => indexed.get(id) ?? []);
        gone.forEach((id) => indexed.delete(id));
        const upsert = (await Promise.all(changed.map(read))).flat();
        const kept = new Set(upsert.map((d) => d.id));
        onChange({ upsert, remove: old.filter((id) => !kept.has(id)) });
      });
      return () => sub.unsubscribe();
    },
  });
}
