import { liveQuery } from 'dexie';
import type { Briefing } from '../../../shared/briefing/model';
import type { SearchDoc } from '../../../shared/search';
import { db } from '../../db/db';
import type { StoredSection } from '../../db/schema';
import { registerSearchSource } from '../search/sources';

function briefingDoc(b: Briefing): SearchDoc {
  return {
    kind: 'briefing',
    id: b.id,
    href: `/briefings/${b.id}`,
    title: b.title,
    keywords: [b.classification, b.author],
    text: [b.keyMessages, b.logistics, ...b.bilaterals.flatMap((x) => [x.counterpart, x.objectives, ...x.talkingPoints.map((p) => p.text)]), ...b.contacts.map((c) => `${c.name} ${c.role}`)],
    date: b.updatedAt.slice(0, 10),
  };
}

/** Each agenda section is a "note" result: the delegate's own words on one agenda item. */
function sectionDoc(s: StoredSection, title: string): SearchDoc {
  return {
    kind: 'note',
    id: s.id,
    href: `/briefings/${s.briefingId}?item=${encodeURIComponent(s.agendaItemId)}`,
    title: `${s.agendaTitle} — ${title}`,
    text: [s.objectives, s.position, s.redLines, s.fallback, s.privateNotes, ...s.talkingPoints.map((p) => p.text), ...s.followUps.map((f) => `${f.what} ${f.owner}`), ...s.targets.map((t) => t.evidence)].filter((x) => x.trim() !== ''),
    date: s.updatedAt.slice(0, 10),
  };
}

async function loadAll(): Promise<SearchDoc[]> {
  const [briefings, sections] = await Promise.all([db.briefings.toArray(), db.sections.toArray()]);
  const titles = new Map(briefings.map((b) => [b.id, b.title]));
  return [...briefings.map(briefingDoc), ...sections.map((s) => sectionDoc(s, titles.get(s.briefingId) ?? ''))];
}

/**
 * Briefings and their sections in search. The index follows edits as they are saved:
 * a changed section is re-indexed on its own, so a new talking point is findable at once.
 */
export function registerBriefingSearch(): () => void {
  const kinds = ['briefing', 'note'] as const;
  const unregister = kinds.map((kind) =>
    registerSearchSource({
      kind,
      load: async () => (await loadAll()).filter((d) => d.kind === kind),
      subscribe: (onChange) => {
        let previous = new Map<string, string>();
        let first = true;
        const read = async (): Promise<(Briefing | StoredSection)[]> => (kind === 'briefing' ? db.briefings.toArray() : db.sections.toArray());
        const sub = liveQuery(read).subscribe(async (rows) => {
          const stamps = new Map(rows.map((r) => [r.id, r.updatedAt]));
          if (first) {
            first = false;
            previous = stamps;
            return;
          }
          const changed = rows.filter((r) => previous.get(r.id) !== r.updatedAt);
          const removed = [...previous.keys()].filter((id) => !stamps.has(id));
          previous = stamps;
          if (changed.length === 0 && removed.length === 0) return;
          const titles = new Map((await db.briefings.toArray()).map((b) => [b.id, b.title]));
          const upsert = kind === 'briefing' ? (changed as Briefing[]).map(briefingDoc) : (changed as StoredSection[]).map((s) => sectionDoc(s, titles.get(s.briefingId) ?? ''));
          onChange({ upsert, remove: removed });
        });
        return () => sub.unsubscribe();
      },
    }),
  );
  return () => unregister.forEach((u) => u());
}
