import { describe, expect, it } from 'vitest';
import sources from '../../assets/dataset/sources.json';
import bodies from '../../assets/dataset/bodies.json';
import meetings from '../../assets/dataset/meetings.json';
import agendaItems from '../../assets/dataset/agenda-items.json';
import frameworks from '../../assets/dataset/frameworks.json';
import targets from '../../assets/dataset/targets.json';
import { DatasetRecords } from '../../shared/model';
import { COMPACT_AFTER, docTerms, recordsToDocs, SearchIndex, type SearchDoc, type SearchHit } from '../../shared/search';

const records = DatasetRecords.parse({ sources, bodies, meetings, agendaItems, frameworks, targets });

function builtIndex(): SearchIndex {
  const index = new SearchIndex();
  index.addAll(recordsToDocs(records));
  return index;
}
const index = builtIndex();
const keys = (query: string, limit = 10) => index.search(query, { limit }).hits.map((h) => h.key);
const marked = (hit: SearchHit) => hit.titleRanges.map(([s, e]) => hit.title.slice(s, e));

describe('search over the built-in dataset', () => {
  it('indexes every reference record', () => {
    const total = Object.values(records).reduce((n, list) => n + list.length, 0);
    expect(index.size).toBe(total);
  });

  it('puts the body first for its exact acronym, its meetings next', () => {
    const found = keys('asoen');
    expect(found[0]).toBe('body:asoen');
    expect(found).toContain('meeting:asoen-36');
  });

  it('finds an acronym by prefix as it is typed', () => {
    expect(keys('aso')).toContain('body:asoen');
  });

  it('tolerates a typo, but ranks exact matches above it', () => {
    // "asoem" is one edit from both ASOEN and ASOMM; n is the key beside m, so ASOEN is the likelier.
    expect(keys('asoem')[0]).toMatch(/asoen/);
    expect(keys('asoem', 3)).toContain('body:asoen');
    const exact = index.search('asoen').hits[0]!.score;
    const typo = index.search('asoem').hits.find((h) => h.key === 'body:asoen')!.score;
    expect(typo).toBeLessThan(exact);
    expect(keys('envrionment')).toContain('body:asoen');
  });

  it('finds a body by its expansion, and what mentions only the acronym', () => {
    expect(keys('Senior Officials on Environment')[0]).toBe('body:asoen');
    // Meetings titled with the acronym are found from the spelled-out name.
    const byName = index.search('senior officials environment', { limit: 50 }).hits.map((h) => h.key);
    expect(byName).toContain('meeting:asoen-36');
  });

  it('finds the chemicals-and-waste working group by either acronym, and each leads to the other', () => {
    expect(keys('AWGMRPE')[0]).toBe('body:awgmrpe');
    expect(keys('AWGCW')[0]).toBe('body:awgmrpe');
    const hit = index.search('awgcw').hits[0]!;
    expect(hit.acronym).toBe('AWGCW');
    expect(hit.acronymRanges).toEqual([[0, 5]]);
  });

  it('an acronym also finds documents that spell the name out and never use the acronym', () => {
    const extra = new SearchIndex();
    extra.addAll(recordsToDocs({ bodies: records.bodies }));
    extra.add({ kind: 'note', id: 'n1', href: '/notes/n1', title: 'Position for the Senior Officials on Environment' });
    extra.add({ kind: 'note', id: 'n2', href: '/notes/n2', title: 'Waste: what the Working Group on Chemicals and Waste agreed' });
    expect(extra.search('asoen').hits.map((h) => h.key)).toContain('note:n1');
    expect(extra.search('awgcw').hits.map((h) => h.key)).toContain('note:n2');
    const note = extra.search('asoen').hits.find((h) => h.key === 'note:n1')!;
    expect(marked(note)).toEqual(['Senior', 'Officials', 'Environment']);
  });

  it('folds diacritics both ways: Hà Nội finds Ha Noi', () => {
    const hits = index.search('Hà Nội', { limit: 20 }).hits;
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.some((h) => /Ha Noi/.test(h.snippet ?? ''))).toBe(true);
  });

  it('finds Malay names and Malay word forms', () => {
    expect(keys('pegawai kanan alam sekitar')[0]).toBe('body:asoen');
    // The dataset says "perlindungan"; the root and another affixed form find it.
    const byForm = (q: string) => index.search(q, { limit: 100 }).hits.map((h) => h.key);
    const withPerlindungan = byForm('perlindungan');
    expect(withPerlindungan.length).toBeGreaterThan(0);
    expect(byForm('lindung')).toEqual(expect.arrayContaining(withPerlindungan));
    expect(byForm('pelindungan')).toEqual(expect.arrayContaining(withPerlindungan));
  });

  it('groups totals by kind and limits hits', () => {
    const result = index.search('asean', { limit: 5 });
    expect(result.hits).toHaveLength(5);
    expect(result.total).toBeGreaterThan(5);
    expect(Object.values(result.totals).reduce((a, b) => a + b, 0)).toBe(result.total);
    expect(Object.keys(result.totals)).toEqual(expect.arrayContaining(['body', 'meeting']));
  });

  it('shows titles in the chosen language and says when it fell back', () => {
    const ms = index.search('asoen', { lang: 'ms' }).hits[0]!;
    expect(ms.title).toBe('Mesyuarat Pegawai-Pegawai Kanan Alam Sekitar ASEAN');
    expect(ms.titleFallback).toBe(false);
    const id = index.search('asoen', { lang: 'id' }).hits[0]!;
    expect(id.titleFallback).toBe(true);
  });

  it('ranks documents matching every word first, then those matching most, marked as partial', () => {
    const result = index.search('asoen langkawi', { limit: 50 });
    expect(result.hits[0]!.key).toBe('meeting:asoen-36');
    expect(result.hits[0]!.partial).toBeUndefined();
    const complete = result.hits.filter((h) => !h.partial);
    expect(complete.map((h) => h.key)).not.toContain('meeting:asoen-35');
    expect(result.complete).toBe(complete.length);
    const asoen35 = result.hits.find((h) => h.key === 'meeting:asoen-35')!;
    expect(asoen35.partial).toEqual({ matched: 1, of: 2 });
    expect(result.hits.indexOf(asoen35)).toBeGreaterThanOrEqual(complete.length);
    // One word the dataset lacks no longer empties the result.
    const lacking = index.search('asoen zzzzqqq');
    expect(lacking.complete).toBe(0);
    expect(lacking.hits[0]!.key).toBe('body:asoen');
    expect(lacking.hits.every((h) => h.partial?.matched === 1 && h.partial.of === 2)).toBe(true);
  });

  it('says when nothing matches and offers the closest indexed words', () => {
    const result = index.search('zzqqxx');
    expect(result.total).toBe(0);
    expect(result.hits).toEqual([]);
    expect(index.search('mineralz qqqqzzzz').total).toBeGreaterThan(0);
    const near = index.search('langkawwwwi');
    expect(near.total).toBe(0);
    expect(near.suggestions).toContain('langkawi');
  });
});

describe('compound words', () => {
  const docs: SearchDoc[] = [
    { kind: 'note', id: 'joined', href: '/', title: 'Kerjasama serantau' },
    { kind: 'note', id: 'apart', href: '/', title: 'Kerja sama di bidang lingkungan' },
    { kind: 'note', id: 'worker', href: '/', title: 'Hak pekerja migran' },
  ];
  const small = new SearchIndex();
  small.addAll(docs);
  const found = (q: string) =>
    small
      .search(q)
      .hits.filter((h) => !h.partial)
      .map((h) => h.id)
      .sort();

  it('"kerja sama" and "kerjasama" find each other', () => {
    expect(found('kerjasama')).toEqual(['apart', 'joined']);
    expect(found('kerja sama')).toEqual(['apart', 'joined']);
  });

  it('"bekerja" finds the root and other forms', () => {
    expect(found('bekerja')).toEqual(expect.arrayContaining(['apart', 'worker']));
  });
});

describe('incremental updates', () => {
  it('a new talking point is findable at once, an edit replaces it, a removal drops it', () => {
    const live = builtIndex();
    const before = live.size;
    live.add({ kind: 'briefing', id: 't1', href: '/briefings/b1', title: 'Talking point on peatland fires', text: ['Raise haze monitoring'] });
    expect(live.size).toBe(before + 1);
    expect(live.search('peatland fires').hits[0]?.key).toBe('briefing:t1');
    live.add({ kind: 'briefing', id: 't1', href: '/briefings/b1', title: 'Talking point on mangroves' });
    expect(live.size).toBe(before + 1);
    expect(live.search('peatland fires').hits.map((h) => h.key)).not.toContain('briefing:t1');
    expect(live.search('mangroves').hits[0]?.key).toBe('briefing:t1');
    expect(live.remove('briefing', 't1')).toBe(true);
    expect(live.search('mangroves').hits).toEqual([]);
  });

  it('replacing a kind drops its old documents', () => {
    const live = builtIndex();
    expect(live.removeKind('meeting')).toBe(records.meetings.length);
    expect(keys('asoen')).toContain('meeting:asoen-36');
    expect(live.search('asoen', { limit: 50 }).hits.map((h) => h.kind)).not.toContain('meeting');
  });

  it('replacing a kind across the compaction threshold keeps every other document', () => {
    const live = new SearchIndex();
    // Briefings spread among 12k meetings: removing the meetings compacts the index mid-way.
    const meetings = 12_000;
    for (let i = 0; i < meetings; i++) {
      live.add({ kind: 'meeting', id: `m${i}`, href: '/', title: `Meeting ${i} on fisheries` });
      if (i % 40 === 0) live.add({ kind: 'briefing', id: `b${i}`, href: '/', title: `Briefing ${i} on mangroves` });
    }
    const briefings = meetings / 40;
    expect(meetings).toBeGreaterThan(2 * COMPACT_AFTER);
    expect(live.removeKind('meeting')).toBe(meetings);
    expect(live.size).toBe(briefings);
    expect(live.search('mangroves', { limit: 1000 }).total).toBe(briefings);
    expect(live.search('fisheries', { limit: 1000 }).total).toBe(0);
    for (let i = 0; i < meetings; i += 40) expect(live.has('briefing', `b${i}`)).toBe(true);
    // A second round, with the index already compacted once.
    for (let i = 0; i < meetings; i++) live.add({ kind: 'meeting', id: `m${i}`, href: '/', title: `Meeting ${i} on fisheries` });
    expect(live.removeKind('meeting')).toBe(meetings);
    expect(live.search('mangroves', { limit: 1000 }).total).toBe(briefings);
  });

  it('compaction keeps results identical', () => {
    const live = builtIndex();
    const before = live.search('asoen langkawi').hits.map((h) => h.key);
    for (let i = 0; i < 20; i++) live.add({ kind: 'note', id: `n${i % 3}`, href: '/', title: `note ${i}` });
    live.compact();
    expect(live.search('asoen langkawi').hits.map((h) => h.key)).toEqual(before);
    expect(live.search('note', { kinds: ['note'] }).hits).toHaveLength(3);
  });

  it('a document with thousands of distinct words is indexed by every one of them, and its neighbours are unharmed', () => {
    const live = new SearchIndex();
    live.add({ kind: 'note', id: 'before', href: '/', title: 'Mangrove restoration' });
    // More new words in one document than the index's per-word working arrays first hold.
    const words = Array.from({ length: 3000 }, (_, i) => `word${i}x`);
    live.add({ kind: 'note', id: 'long', href: '/', title: 'A long annex', text: [words.join(' ')] });
    live.add({ kind: 'note', id: 'after', href: '/', title: 'Mangrove nurseries', text: ['word7x'] });
    for (const word of ['word0x', 'word1023x', 'word1024x', 'word2999x']) expect(live.search(word).hits.map((h) => h.key)).toContain('note:long');
    expect(live.search('mangrove').hits.map((h) => h.key).sort()).toEqual(['note:after', 'note:before']);
    // A word counts once per field occurrence, and a later document starts from zero.
    const long = live.search('word7x').hits;
    expect(long.map((h) => h.key)).toEqual(expect.arrayContaining(['note:long', 'note:after']));
    expect(docTerms({ kind: 'note', id: 'x', href: '/', title: 'haze haze', acronyms: ['COP AATHP'], text: ['haze'] }).get('haze')).toEqual({ acronym: 0, other: 13 });
    expect(docTerms({ kind: 'note', id: 'x', href: '/', title: 'x', acronyms: ['COP AATHP'] }).get('copaathp')).toEqual({ acronym: 20, other: 0 });
  });
});
