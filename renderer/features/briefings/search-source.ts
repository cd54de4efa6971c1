import Dexie, { RangeSet, type ObservabilitySet, type Table } from 'dexie';
import type { Briefing } from '../../../shared/briefing/model';
import type { SearchDoc } from '../../../shared/search';
import { db } from '../../db/db';
import type { StoredSection } from '../../db/schema';
import { afterFirstPaint } from '../search/first-paint';
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

/** Rows read per step: each step decrypts this many rows, then the page gets a turn. */
export const ROWS_PER_STEP = 40;

/** Documents handed to the index per change, at most. */
const DOCS_PER_CHANGE = 1000;

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Rows compared or made into documents per task: 100k rows at once held the page for 160 ms after a restore. */
const ROWS_PER_TASK = 2000;

/** `each` over `items` a slice at a time, a task apart. */
async function inSlices<T>(items: readonly T[], each: (slice: readonly T[]) => void): Promise<void> {
  for (let at = 0; at < items.length; at += ROWS_PER_TASK) {
    if (at > 0) await nextTask();
    each(items.slice(at, at + ROWS_PER_TASK));
  }
}

/**
 * Every row of a table, read a step of rows at a time with a task between steps. With a passphrase
 * set each row is decrypted on the page's thread: read at once, a 300-item brief's sections held
 * the thread for a third of a second just as the app appeared after an unlock, and the first
 * briefing opened waited behind them.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any insert type: the rows are only read
async function readInSteps<T extends { id: string }>(table: Table<T, string, any>): Promise<T[]> {
  const rows: T[] = [];
  let last: string | undefined;
  for (;;) {
    const step = last === undefined ? await table.orderBy(':id').limit(ROWS_PER_STEP).toArray() : await table.where(':id').above(last).limit(ROWS_PER_STEP).toArray();
    rows.push(...step);
    if (step.length < ROWS_PER_STEP) return rows;
    last = step[step.length - 1]!.id;
    await nextTask();
  }
}

/**
 * The primary keys of `table` that a committed write changed, from Dexie's record of it (here,
 * in another tab or in a worker): a list, or 'all' when it was a range (a clear, a large bulk write).
 */
function changedKeys(parts: ObservabilitySet, table: string): string[] | 'all' | undefined {
  const tree = parts[`idb://${db.name}/${table}/`];
  if (!tree) return undefined;
  const keys: string[] = [];
  for (const node of RangeSet(tree)) {
    if (typeof node.from !== 'string' || node.from !== node.to) return 'all';
    keys.push(node.from);
  }
  return keys;
}

type Kind = 'briefing' | 'note';
type Row = Briefing | StoredSection;

/** When the first reads may start: by default once the app's first page has painted and the page is idle. */
export type StartWhen = (start: () => void) => void;

/**
 * Briefings and their sections in search. Nothing is read (nor, with a passphrase, decrypted)
 * until the first page after start-up or an unlock has painted; then the rows are read a few at
 * a time. The index follows edits as they are saved: a changed section is re-indexed on its own,
 * so a new talking point is findable at once.
 */
export function registerBriefingSearch(startWhen: StartWhen = afterFirstPaint): () => void {
  let painted: Promise<void> | undefined;
  const whenPainted = () => (painted ??= new Promise<void>((resolve) => startWhen(resolve)));
  const titles = async () => new Map((await readInSteps(db.briefings)).map((b) => [b.id, b.title]));
  const tableOf = (kind: Kind): Table<Row, string> => (kind === 'briefing' ? db.briefings : db.sections) as Table<Row, string>;
  const docsOf = async (kind: Kind, rows: Row[]): Promise<SearchDoc[]> => {
    if (rows.length === 0) return [];
    const names = kind === 'briefing' ? undefined : await titles();
    const docs: SearchDoc[] = [];
    await inSlices(rows, (slice) => {
      for (const r of slice) docs.push(names ? sectionDoc(r as StoredSection, names.get((r as StoredSection).briefingId) ?? '') : briefingDoc(r as Briefing));
    });
    return docs;
  };

  const source = (kind: Kind) => {
    /** What the index holds of this kind: each row's `updatedAt`, from the last read. */
    let indexed: Map<string, string> | undefined;
    let listener: ((change: { upsert: SearchDoc[]; remove: string[] }) => void) | undefined;
    let reading: Promise<void> = Promise.resolve();
    /** A write came while the first read ran: read again once it is done. */
    let stale = false;

    /**
     * Hands on what a write changed: only the rows it names are read (and decrypted), or, after a
     * range write, the whole table again (unchanged rows then come from the decrypted-row cache).
     */
    const follow = (keys: string[] | 'all') => {
      reading = reading.then(async () => {
        if (!listener) return;
        if (!indexed) return void (stale = true);
        const known = indexed;
        const rows = keys === 'all' ? await readInSteps(tableOf(kind)) : (await tableOf(kind).bulkGet(keys)).filter((r): r is Row => r !== undefined);
        // A restore can change 100k rows at once: compared, made into documents and handed on a
        // slice at a time, so none of it holds the page for long.
        const present = new Set<string>();
        const changed: Row[] = [];
        await inSlices(rows, (slice) => {
          for (const r of slice) {
            present.add(r.id);
            if (known.get(r.id) !== r.updatedAt) changed.push(r);
          }
        });
        const removed: string[] = [];
        await inSlices(keys === 'all' ? [...known.keys()] : keys, (slice) => {
          for (const id of slice) if (!present.has(id) && known.has(id)) removed.push(id);
        });
        for (const r of changed) known.set(r.id, r.updatedAt);
        for (const id of removed) known.delete(id);
        if (changed.length === 0 && removed.length === 0) return;
        const names = kind === 'note' ? await titles() : undefined;
        for (let at = 0; at < Math.max(changed.length, 1) && listener; at += DOCS_PER_CHANGE) {
          const slice = changed.slice(at, at + DOCS_PER_CHANGE);
          const upsert = names ? (slice as StoredSection[]).map((r) => sectionDoc(r, names.get(r.briefingId) ?? '')) : (slice as Briefing[]).map(briefingDoc);
          listener?.({ upsert, remove: at === 0 ? removed : [] });
          if (at + DOCS_PER_CHANGE < changed.length) await nextTask();
        }
      }).catch((error: unknown) => {
        // After unsubscribing (a lock, a test's end) a read still on its way may fail: nobody is told.
        if (listener) console.error(`Search source ${kind} could not follow an edit`, error);
      });
    };

    return registerSearchSource({
      kind,
      load: async () => {
        await whenPainted();
        const rows = await readInSteps(tableOf(kind));
        const docs = await docsOf(kind, rows);
        // Only now: an edit saved while the documents were made (a task at a time) is read again
        // below, after this load, rather than handed on before it (the load would replace it).
        const known = new Map<string, string>();
        await inSlices(rows, (slice) => slice.forEach((r) => known.set(r.id, r.updatedAt)));
        indexed = known;
        if (stale) {
          stale = false;
          follow('all');
        }
        return docs;
      },
      subscribe: (onChange) => {
        listener = onChange;
        const name = kind === 'briefing' ? 'briefings' : 'sections';
        const onMutated = (parts: ObservabilitySet) => {
          const keys = changedKeys(parts, name);
          if (keys === 'all' || keys?.length) follow(keys);
        };
        Dexie.on.storagemutated.subscribe(onMutated);
        return () => {
          listener = undefined;
          Dexie.on.storagemutated.unsubscribe(onMutated);
        };
      },
    });
  };
  const unregister = (['briefing', 'note'] as const).map(source);
  return () => unregister.forEach((u) => u());
}
