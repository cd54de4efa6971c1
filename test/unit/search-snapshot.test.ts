/** The saved search index: read back, it answers exactly as the index it was made from, and it never holds the delegate's own documents (issue 15). */
import { describe, expect, it } from 'vitest';
import agendaItems from '../../assets/dataset/agenda-items.json';
import bodies from '../../assets/dataset/bodies.json';
import frameworks from '../../assets/dataset/frameworks.json';
import meetings from '../../assets/dataset/meetings.json';
import sources from '../../assets/dataset/sources.json';
import targets from '../../assets/dataset/targets.json';
import { DatasetRecords } from '../../shared/model';
import { engineFingerprint, recordsToDocs, SearchIndex, shippedThesaurus, snapshotProblem, type IndexSnapshot, type SearchDoc } from '../../shared/search';
import { createSearchHost } from '../../renderer/features/search/host';
import { REFERENCE_KINDS, type FromSearchWorker, type IndexStatus } from '../../renderer/features/search/protocol';
import type { IndexStore } from '../../renderer/features/search/saved-index';

const reference = recordsToDocs(DatasetRecords.parse({ sources, bodies, meetings, agendaItems, frameworks, targets }));
const briefing: SearchDoc = { kind: 'briefing', id: 'b1', href: '/briefings/b1', title: 'Our position on haze', text: ['Zanzibarite fallback line: concede the peatland target'] };
const QUERIES = ['ASOEN', 'asoen 36', 'envrionment', 'alam sekitar', 'kesihatan', 'perlindungan', 'Langkawi', 'pertahan', 'cop30', 'admm2025', 'Senior Officials on Environment', 'kerjasama', 'haze', 'Zanzibarite', 'Jepun', 'ha noi', 'mineral'];

const thesaurus = shippedThesaurus();
const fresh = () => new SearchIndex({ thesaurus });
const answers = (index: SearchIndex) => QUERIES.map((q) => index.search(q, { lang: 'ms', limit: 10 })).map((r) => ({ hits: r.hits.map((h) => [h.key, h.score, h.partial?.matched, h.snippet]), total: r.total, totals: r.totals, suggestions: r.suggestions }));

/** Through a structured clone, as IndexedDB stores it. */
const stored = (snapshot: IndexSnapshot): IndexSnapshot => structuredClone(snapshot);

describe('a saved search index', () => {
  it('answers every kind of query exactly as the index it was made from', () => {
    const built = fresh();
    built.addAll(reference);
    const restored = fresh();
    restored.restore(stored(built.snapshot(REFERENCE_KINDS)));
    expect(restored.size).toBe(built.size);
    expect(restored.vocabularySize).toBe(built.vocabularySize);
    expect(answers(restored)).toEqual(answers(built));
  });

  it('holds reference records only: a briefing in the index is neither saved nor lost when the reference part is read back', () => {
    const built = fresh();
    built.add(briefing);
    built.addAll(reference);
    const snapshot = built.snapshot(REFERENCE_KINDS);
    expect(snapshot.docs.some((d) => d.kind === 'briefing')).toBe(false);
    expect(snapshot.terms).not.toContain('zanzibarite');
    expect(JSON.stringify(snapshot).toLowerCase()).not.toContain('zanzibar');

    // Read into an index that holds the briefing already: the briefing stays findable.
    const restored = fresh();
    restored.add(briefing);
    restored.restore(stored(snapshot));
    expect(restored.search('Zanzibarite').hits.map((h) => h.key)).toEqual(['briefing:b1']);
    expect(restored.size).toBe(built.size);
    const reference1 = fresh();
    reference1.addAll(reference);
    reference1.add(briefing);
    expect(answers(restored)).toEqual(answers(reference1));
  });

  it('renumbers around removed documents, and stays current after more changes', () => {
    const built = fresh();
    built.addAll(reference);
    for (const doc of reference.filter((_, i) => i % 3 === 0)) built.remove(doc.kind, doc.id);
    const restored = fresh();
    restored.restore(stored(built.snapshot(REFERENCE_KINDS)));
    // The snapshot leaves the removed documents' postings behind, as a compaction does.
    built.compact();
    expect(restored.size).toBe(built.size);
    expect(answers(restored)).toEqual(answers(built));
    // Added and removed afterwards, as sources change: the restored index keeps up like the other.
    for (const index of [built, restored]) {
      index.add({ kind: 'meeting', id: 'new', href: '/meetings/new', title: 'Langkawi haze meeting' });
      index.remove('body', 'asoen');
    }
    expect(answers(restored)).toEqual(answers(built));
  });

  it('is refused when another format or other indexing code made it', () => {
    const built = fresh();
    built.addAll(reference.slice(0, 20));
    const snapshot = built.snapshot(REFERENCE_KINDS);
    expect(snapshotProblem(snapshot)).toBeUndefined();
    expect(snapshotProblem({ ...snapshot, engine: 'other' })).toMatch(/other indexing code/);
    expect(snapshotProblem({ ...snapshot, format: 0 as 1 })).toMatch(/format/);
    expect(snapshotProblem({ ...snapshot, stemOf: new Int32Array(0) })).toMatch(/inconsistent/);
    expect(() => fresh().restore({ ...snapshot, engine: 'other' })).toThrow(/other indexing code/);
    expect(engineFingerprint()).toBe(snapshot.engine);
  });
});

/** A store in memory, as the worker's database store behaves. */
function memoryStore(signature: { value: string }) {
  const rows = new Map<string, IndexSnapshot>();
  const store: IndexStore = {
    signature: async () => signature.value,
    read: async (sig) => (rows.has(sig) ? structuredClone(rows.get(sig)!) : undefined),
    write: async (sig, snapshot) => {
      rows.clear();
      rows.set(sig, structuredClone(snapshot));
    },
  };
  return { store, rows };
}

function startHost(store: IndexStore) {
  const messages: FromSearchWorker[] = [];
  let reads = 0;
  let saved!: () => void;
  const savedOnce = new Promise<void>((resolve) => (saved = resolve));
  const host = createSearchHost(
    (m) => {
      messages.push(m);
      if (m.type === 'status' && m.status.saved) saved();
    },
    async () => {
      reads++;
      return reference;
    },
    { store, idleMs: 0 },
  );
  const status = (): IndexStatus => messages.flatMap((m) => (m.type === 'status' ? [m.status] : [])).at(-1)!;
  const ask = async (q: string, reqId: number) => {
    await host.handle({ type: 'query', reqId, q, lang: 'en', limit: 5 });
    const answer = messages.find((m) => m.type === 'result' && m.reqId === reqId);
    return answer?.type === 'result' ? answer.result.hits.map((h) => h.key) : undefined;
  };
  return { host, status, ask, savedOnce, reads: () => reads };
}

describe('the search host with a saved index', () => {
  it('builds and saves on the first start, reads the saved index on the next, and builds again when the records changed', async () => {
    const signature = { value: 'datasets v1' };
    const { store, rows } = memoryStore(signature);

    const first = startHost(store);
    await first.host.handle({ type: 'load-reference' });
    expect(first.status()).toMatchObject({ ready: true, from: 'records', docs: reference.length });
    await first.savedOnce;
    expect(rows.has('datasets v1')).toBe(true);
    const expected = await first.ask('alam sekitar', 1);

    const second = startHost(store);
    await second.host.handle({ type: 'load-reference' });
    expect(second.status()).toMatchObject({ ready: true, from: 'saved', saved: true, docs: reference.length });
    expect(second.reads()).toBe(0);
    expect(await second.ask('alam sekitar', 1)).toEqual(expected);

    signature.value = 'datasets v2';
    const third = startHost(store);
    await third.host.handle({ type: 'load-reference' });
    expect(third.status()).toMatchObject({ from: 'records' });
    expect(third.reads()).toBe(1);
  });

  it('never saves the delegate\'s own documents, even when they were indexed before the reference records', async () => {
    const { store, rows } = memoryStore({ value: 'v1' });
    const host = startHost(store);
    await host.host.handle({ type: 'replace-kind', kind: 'briefing', docs: [briefing] });
    await host.host.handle({ type: 'load-reference' });
    await host.savedOnce;
    const saved = [...rows.values()][0]!;
    expect(saved.docs.every((d) => (REFERENCE_KINDS as readonly string[]).includes(d.kind))).toBe(true);
    expect(saved.terms).not.toContain('zanzibarite');
    expect(await host.ask('Zanzibarite', 7)).toEqual(['briefing:b1']);
  });

  it('builds from the records when the saved index cannot be read', async () => {
    const store: IndexStore = { signature: async () => 'v1', read: () => Promise.reject(new Error('disk full')), write: async () => undefined };
    const host = startHost(store);
    await host.host.handle({ type: 'load-reference' });
    expect(host.status()).toMatchObject({ ready: true, from: 'records' });
    expect(await host.ask('ASOEN', 2)).toContain('body:asoen');
  });
});
