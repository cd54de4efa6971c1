import { describe, expect, it } from 'vitest';
import agendaItems from '../../assets/dataset/agenda-items.json';
import bodies from '../../assets/dataset/bodies.json';
import frameworks from '../../assets/dataset/frameworks.json';
import meetings from '../../assets/dataset/meetings.json';
import sources from '../../assets/dataset/sources.json';
import targets from '../../assets/dataset/targets.json';
import placesJson from '../../assets/terms/places.json';
import { DatasetRecords } from '../../shared/model';
import { Gazetteer, gazetteerProblems, recordsToDocs, SearchIndex, shippedThesaurus, type SearchDoc } from '../../shared/search';

const doc = (kind: string, id: string, title: SearchDoc['title'], extra: Partial<SearchDoc> = {}): SearchDoc => ({ kind, id, href: `/${kind}/${id}`, title, ...extra });
const withTerms = (docs: SearchDoc[]) => {
  const index = new SearchIndex({ thesaurus: shippedThesaurus() });
  index.addAll(docs);
  return index;
};
/** Documents that only make a word common. */
const filler = (word: string, count: number) => Array.from({ length: count }, (_, i) => doc('note', `f${i}`, `note ${i} on ${word} and other things ${i}`));

describe('a term-list concept weighs the same whichever form a document uses', () => {
  it('a rare spelling does not lift its documents above those using the common one', () => {
    // "kesehatan" (Indonesian) is rare here, "health" common; a Malay delegate types "kesihatan".
    const index = withTerms([doc('agendaItem', 'rare', 'Kesehatan dan kesejahteraan'), doc('agendaItem', 'common', 'Health and wellbeing'), ...filler('health', 10)]);
    const hits = index.search('kesihatan', { lang: 'ms' }).hits;
    const score = (id: string) => hits.find((h) => h.id === id)!.score;
    expect(score('common')).toBeGreaterThan(0);
    expect(score('rare') / score('common')).toBeLessThan(1.25);
  });

  it('a multi-word form ("alam sekitar", "lingkungan hidup") finds what another language writes in one word', () => {
    const index = withTerms([doc('body', 'env', 'Ministerial Meeting on Environment'), ...filler('meeting', 20)]);
    expect(index.search('alam sekitar').hits[0]?.id).toBe('env');
    expect(index.search('lingkungan hidup').hits[0]?.id).toBe('env');
  });
});

describe('the kind of record', () => {
  it('puts a body before an agenda item and a target matching alike', () => {
    const index = withTerms([doc('target', 't', 'Youth development'), doc('agendaItem', 'a', 'Youth development'), doc('body', 'b', 'Youth development')]);
    const hits = index.search('youth').hits;
    expect(hits.map((h) => h.kind)).toEqual(['body', expect.any(String), expect.any(String)]);
    expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score);
  });
});

describe('the word being typed', () => {
  it('is read as the start of a term-list form, finding the concept in any language', () => {
    const index = withTerms([doc('body', 'youth', 'Senior Officials Meeting on Youth'), doc('body', 'mining', 'Working Group on Mining'), ...filler('meeting', 20)]);
    expect(index.search('kepemu', { lang: 'id' }).hits[0]?.id).toBe('youth');
    expect(index.search('pertamba', { lang: 'id' }).hits[0]?.id).toBe('mining');
    expect(index.search('pertahan', { lang: 'ms' }).hits).toEqual([]);
  });

  it('only when it starts forms of few concepts', () => {
    // "pemb" starts pembangunan, pemberdayaan, pembiayaan...: too many meanings to expand.
    const index = withTerms([doc('body', 'dev', 'Development Council')]);
    expect(index.search('pemb').hits).toEqual([]);
  });
});

describe('places within places', () => {
  const gazetteer = Gazetteer.parse(placesJson);

  it('a query for the larger place finds a meeting held within it, not the other way round', () => {
    const index = withTerms([doc('meeting', 'subang', 'Foreign Ministers Meeting', { keywords: ['Subang Jaya'] }), doc('meeting', 'kl', 'Labour Ministers Meeting', { keywords: ['Kuala Lumpur'] })]);
    expect(index.search('Kuala Lumpur').hits.map((h) => h.id)).toEqual(['kl', 'subang']);
    expect(index.search('Subang Jaya').hits.map((h) => h.id)).toEqual(['subang']);
    const bali = withTerms([doc('meeting', 'kuta', 'Mineral Cooperation', { keywords: ['Kuta'] })]);
    expect(bali.search('Bali').hits.map((h) => h.id)).toEqual(['kuta']);
  });

  it('the shipped gazetteer is sound, and a place within an unknown, itself or another country is refused', () => {
    expect(gazetteerProblems(gazetteer)).toEqual([]);
    const bad = Gazetteer.parse({
      version: 1,
      places: [
        { id: 'a', country: 'MY', kind: 'city', names: ['A'], within: ['nowhere'] },
        { id: 'b', country: 'MY', kind: 'city', names: ['B'], within: ['b'] },
        { id: 'c', country: 'ID', kind: 'city', names: ['C'], within: ['a'] },
      ],
    });
    expect(gazetteerProblems(bad)).toEqual([
      expect.stringContaining('"a" lies within unknown place "nowhere"'),
      expect.stringContaining('"b" lies within itself'),
      expect.stringContaining('"c" (ID) lies within "a" of another country (MY)'),
    ]);
  });
});

describe('people and other names on the built-in records', () => {
  const records = DatasetRecords.parse({ sources, bodies, meetings, agendaItems, frameworks, targets });
  const index = withTerms(recordsToDocs(records));

  it('finds the meeting a person chaired or led a delegation to by their name', () => {
    const found = index.search('Khaled Nordin', { limit: 3 }).hits.map((h) => h.key);
    expect(found).toContain('meeting:admm-retreat-2025');
  });

  it('answers a query the same after other queries (score arrays are reused, never carried over)', () => {
    const first = index.search('alam sekitar', { lang: 'ms' }).hits.map((h) => [h.key, h.score]);
    index.search('kesihatan');
    index.search('asoen 36 langkawi');
    expect(index.search('alam sekitar', { lang: 'ms' }).hits.map((h) => [h.key, h.score])).toEqual(first);
  });
});

describe('the length of a record', () => {
  const description = (n: number) => Array.from({ length: n }, (_, i) => `word${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`).join(' ');

  it('does not weaken a keyword: a venue counts as much in a record rich in description as in a bare one', () => {
    const rich = doc('meeting', 'rich', 'Thirty-sixth meeting of senior officials', { keywords: ['Langkawi'], text: [description(150)] });
    const bare = Array.from({ length: 30 }, (_, i) => doc('meeting', `bare${i}`, `Meeting ${i}`, { keywords: ['Langkawi'] }));
    const hits = withTerms([...bare, rich]).search('Langkawi', { limit: 40 }).hits;
    const score = (id: string) => hits.find((h) => h.id === id)!.score;
    expect(score('rich')).toBeGreaterThanOrEqual(score('bare0'));
  });

  it('is one language\'s: a title given in three languages weighs what the same title in one does', () => {
    const trilingual = doc('body', 'tri', { en: 'Ministers responsible for heritage', ms: 'Menteri bertanggungjawab warisan', id: 'Menteri pelestarian kebudayaan' });
    const single = doc('body', 'one', { id: 'Pejabat urusan kebudayaan' });
    const hits = withTerms([trilingual, single]).search('kebudayaan', { lang: 'id' }).hits;
    const score = (id: string) => hits.find((h) => h.id === id)!.score;
    expect(score('tri') / score('one')).toBeCloseTo(1, 2);
  });

  it('still counts for text: a word in a long description weighs less than in a short one', () => {
    const long = doc('note', 'long', 'Note one', { text: [`haze ${description(200)}`] });
    const short = doc('note', 'short', 'Note two', { text: ['haze and fires'] });
    const hits = withTerms([long, short]).search('haze').hits;
    expect(hits.map((h) => h.id)).toEqual(['short', 'long']);
  });
});

describe("a one-word form inside another concept's longer form", () => {
  // Malay "tenaga" is energy, but in "tenaga kerja" it is labour and in "tenaga kependidikan"
  // educational staff: those records must not outrank the energy ministers' meetings.
  const docs = () => [
    doc('target', 'workforce-id', { id: 'Meningkatkan kompetensi dan standar tenaga kerja sektor publik', en: 'Raising the competencies and standards of the public sector workforce' }),
    doc('target', 'workforce-ms', { ms: 'Meningkatkan kemahiran tenaga kerja di rantau ini', en: 'Raising the skills of the workforce in the region' }),
    doc('target', 'education-staff', { id: 'peningkatan kapasitas tenaga kependidikan', en: 'Building the capacity of the education workforce' }),
    doc('body', 'amem', { en: 'ASEAN Ministers on Energy Meeting', ms: 'Mesyuarat Menteri-Menteri Tenaga ASEAN', id: 'Pertemuan Menteri Energi ASEAN' }, { acronyms: ['AMEM'] }),
    doc('meeting', 'amem-42', { en: '42nd ASEAN Ministers on Energy Meeting', ms: 'Mesyuarat Menteri-Menteri Tenaga ASEAN ke-42', id: 'Pertemuan Menteri Energi ASEAN ke-42' }),
    doc('meeting', 'energy-en', 'Energy security roundtable'),
    ...filler('meeting', 20),
  ];
  const energy = ['amem', 'amem-42', 'energy-en'];
  const workforce = ['workforce-id', 'workforce-ms', 'education-staff'];
  const order = (index: SearchIndex, q: string, lang: string) => index.search(q, { lang }).hits.map((h) => h.id);

  it('"energi" (Indonesian) and "tenaga" (Malay) put the energy body and meetings above the workforce records', () => {
    const index = withTerms(docs());
    for (const [q, lang] of [['energi', 'id'], ['tenaga', 'ms'], ['energy', 'en']] as const) {
      const ids = order(index, q, lang);
      const lastEnergy = Math.max(...energy.map((id) => ids.indexOf(id)));
      const firstWorkforce = Math.min(...workforce.map((id) => (ids.includes(id) ? ids.indexOf(id) : Infinity)));
      expect(energy.every((id) => ids.includes(id)), `${q}: ${ids.join(' ')}`).toBe(true);
      expect(lastEnergy, `${q}: ${ids.join(' ')}`).toBeLessThan(firstWorkforce);
    }
  });

  it('"tenaga kerja" still finds the labour records first, in Malay and Indonesian', () => {
    const index = withTerms(docs());
    for (const lang of ['ms', 'id']) {
      const ids = order(index, 'tenaga kerja', lang);
      expect(new Set(ids.slice(0, 2))).toEqual(new Set(['workforce-id', 'workforce-ms']));
    }
  });

  it('a document using the word on its own as well still counts fully', () => {
    // "tenaga" in the title (energy), "kerja" only in the text: not read as "tenaga kerja".
    const index = withTerms([
      doc('agendaItem', 'both', 'Dasar tenaga serantau', { text: ['Kumpulan kerja teknikal melaporkan kemajuan'] }),
      doc('agendaItem', 'plain', 'Dasar tenaga serantau'),
      ...filler('dasar', 10),
    ]);
    const hits = index.search('tenaga', { lang: 'ms' }).hits;
    const score = (id: string) => hits.find((h) => h.id === id)!.score;
    expect(score('both') / score('plain')).toBeGreaterThan(0.8);
  });
});
