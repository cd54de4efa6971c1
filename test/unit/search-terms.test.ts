import { describe, expect, it } from 'vitest';
import placesJson from '../../assets/terms/places.json';
import termsJson from '../../assets/terms/terms.json';
import sources from '../../assets/dataset/sources.json';
import bodies from '../../assets/dataset/bodies.json';
import meetings from '../../assets/dataset/meetings.json';
import agendaItems from '../../assets/dataset/agenda-items.json';
import frameworks from '../../assets/dataset/frameworks.json';
import targets from '../../assets/dataset/targets.json';
import { DatasetRecords } from '../../shared/model';
import { sectorNames } from '../../renderer/features/search/sector-names';
import { formKey, Gazetteer, gazetteerProblems, recordsToDocs, SearchIndex, shippedThesaurus, TermList, termListProblems, Thesaurus } from '../../shared/search';

const list = TermList.parse(termsJson);
const gazetteer = Gazetteer.parse(placesJson);
const concept = (id: string) => list.concepts.find((c) => c.id === id)!;
const keysOf = (forms: string[]) => forms.map(formKey);

describe('the shipped term list', () => {
  it('has at least 400 concepts, each in English, Malay and Indonesian, and no problems', () => {
    expect(list.concepts.length).toBeGreaterThanOrEqual(400);
    for (const c of list.concepts) for (const lang of ['en', 'ms', 'id'] as const) expect(c.forms[lang].length, `${c.id} ${lang}`).toBeGreaterThan(0);
    expect(termListProblems(list)).toEqual([]);
  });

  it.each([
    ['education', 'pendidikan', 'pendidikan'],
    ['health', 'kesihatan', 'kesehatan'],
    ['youth', 'belia', 'pemuda'],
    ['environment', 'alam sekitar', 'lingkungan hidup'],
    ['energy', 'tenaga', 'energi'],
    ['japan', 'jepun', 'jepang'],
    ['china', 'china', 'tiongkok'],
  ])('%s is %s in Malay and %s in Indonesian', (en, ms, id) => {
    const c = list.concepts.find((x) => keysOf(x.forms.en).includes(en))!;
    expect(keysOf(c.forms.ms)).toContain(ms);
    expect(keysOf(c.forms.id)).toContain(id);
  });

  it('keeps the Malay–Indonesian false friends apart and marks the forms they share', () => {
    // keselamatan: security and safety in Malay, only safety in Indonesian; keamanan: peace in Malay, security in Indonesian.
    expect(keysOf(concept('security').forms.ms)).toContain('keselamatan');
    expect(keysOf(concept('security').forms.id)).toEqual(['keamanan']);
    expect(keysOf(concept('peace').forms.ms)).toEqual(['keamanan']);
    expect(concept('security').sharedWith).toEqual(expect.arrayContaining(['safety', 'peace']));
    // polisi: police in Indonesian, policy in Malay; pejabat: an official in Indonesian, an office in Malay.
    expect(keysOf(concept('police').forms.id)).toContain('polisi');
    expect(keysOf(concept('policy').forms.ms)).toContain('polisi');
    expect(keysOf(concept('office').forms.ms)).toEqual(['pejabat']);
    // Malay writes kerjasama, Indonesian kerja sama.
    expect(keysOf(concept('cooperation').forms.ms)[0]).toBe('kerjasama');
    expect(keysOf(concept('cooperation').forms.id)[0]).toBe('kerja sama');
  });

  it('names every ASEAN member, Timor-Leste and the eleven dialogue partners', () => {
    const english = new Set(list.concepts.filter((c) => c.group === 'country' || c.group === 'partner').flatMap((c) => keysOf(c.forms.en)));
    for (const name of ['brunei darussalam', 'cambodia', 'indonesia', 'lao pdr', 'malaysia', 'myanmar', 'philippines', 'singapore', 'thailand', 'viet nam', 'timor leste']) expect(english).toContain(name);
    for (const name of ['australia', 'canada', 'china', 'european union', 'india', 'japan', 'republic of korea', 'new zealand', 'russia', 'united kingdom', 'united states']) expect(english).toContain(name);
  });

  it('names the ASEAN bodies of the built-in dataset in the three languages, by their acronyms', () => {
    const datasetAcronyms = new Set(bodies.map((b) => formKey(b.acronym)));
    const bodyConcepts = list.concepts.filter((c) => c.group === 'body');
    expect(bodyConcepts.length).toBeGreaterThanOrEqual(50);
    const covered = bodyConcepts.filter((c) => c.forms.en.some((f) => datasetAcronyms.has(formKey(f))));
    expect(covered.length).toBeGreaterThanOrEqual(40);
  });
});

describe('term list validation', () => {
  const base = { version: 1, concepts: [{ id: 'health', group: 'sector', forms: { en: ['health'], ms: ['kesihatan'], id: ['kesehatan'] } }] } as const;

  it('refuses a concept missing a language', () => {
    expect(TermList.safeParse({ version: 1, concepts: [{ id: 'x', group: 'sector', forms: { en: ['x'], ms: ['x'] } }] }).success).toBe(false);
    expect(TermList.safeParse({ version: 1, concepts: [{ id: 'x', group: 'sector', forms: { en: ['x'], ms: [], id: ['x'] } }] }).success).toBe(false);
  });

  it('finds duplicate ids, forms claimed twice without a mark, and marks to unknown concepts', () => {
    const twice = TermList.parse({ ...base, concepts: [...base.concepts, { id: 'health', group: 'sector', forms: { en: ['wellbeing'], ms: ['kesejahteraan'], id: ['kesejahteraan'] } }] });
    expect(termListProblems(twice)).toEqual([expect.stringContaining('duplicate concept id "health"')]);
    const claimed = TermList.parse({ ...base, concepts: [...base.concepts, { id: 'medicine', group: 'sector', forms: { en: ['medicine'], ms: ['Kesihatan'], id: ['obat'] } }] });
    expect(termListProblems(claimed)).toEqual([expect.stringContaining('form "kesihatan" is claimed by "health" and "medicine"')]);
    const oneSided = TermList.parse({ ...base, concepts: [base.concepts[0], { id: 'medicine', group: 'sector', forms: { en: ['medicine'], ms: ['kesihatan'], id: ['obat'] }, sharedWith: ['health'] }] });
    expect(termListProblems(oneSided)).toHaveLength(1);
    const marked = TermList.parse({
      ...base,
      concepts: [{ ...base.concepts[0], sharedWith: ['medicine'] }, { id: 'medicine', group: 'sector', forms: { en: ['medicine'], ms: ['kesihatan'], id: ['obat'] }, sharedWith: ['health'] }],
    });
    expect(termListProblems(marked)).toEqual([]);
    const unknown = TermList.parse({ ...base, concepts: [{ ...base.concepts[0], sharedWith: ['nothing'] }] });
    expect(termListProblems(unknown)).toEqual([expect.stringContaining('unknown concept "nothing"')]);
  });
});

describe('the shipped gazetteer', () => {
  const place = (name: string) => gazetteer.places.find((p) => keysOf(p.names).includes(formKey(name)));

  it('has no problems and every ASEAN capital', () => {
    expect(gazetteerProblems(gazetteer)).toEqual([]);
    const capitals = new Set(gazetteer.places.filter((p) => p.kind === 'capital').map((p) => p.country));
    for (const c of ['BN', 'KH', 'ID', 'LA', 'MY', 'MM', 'PH', 'SG', 'TH', 'VN', 'TL']) expect(capitals).toContain(c);
  });

  it.each([
    ['Vientiane', 'Viangchan'],
    ['Nay Pyi Taw', 'Naypyidaw'],
    ['Kuala Lumpur', 'KL'],
    ['Ha Noi', 'Hanoi'],
    ['Ho Chi Minh City', 'Saigon'],
    ['Penang', 'Pulau Pinang'],
  ])('%s and %s are one place', (a, b) => {
    expect(place(a)).toBeDefined();
    expect(place(a)).toBe(place(b));
  });

  it('refuses a name given to two places', () => {
    const bad = Gazetteer.parse({ version: 1, places: [{ id: 'a', country: 'MY', kind: 'city', names: ['KL'] }, { id: 'b', country: 'MY', kind: 'city', names: ['kl'] }] });
    expect(gazetteerProblems(bad)).toEqual([expect.stringContaining('name "kl" belongs to both "a" and "b"')]);
  });
});

describe('query expansion', () => {
  const thesaurus = shippedThesaurus();
  const alternatives = (query: string) => thesaurus.expand(query.split(' ')).flatMap((e) => e.alternatives.map((a) => a.join(' ')));

  it('reads the longest form first, in any of the three languages', () => {
    const [span] = thesaurus.expand(['alam', 'sekitar']);
    expect(span).toMatchObject({ start: 0, end: 2, concepts: ['environment'] });
    expect(alternatives('alam sekitar')).toEqual(expect.arrayContaining(['environment', 'lingkungan hidup']));
    expect(alternatives('perubahan iklim')).toContain('climate change');
    expect(alternatives('jepang')).toEqual(expect.arrayContaining(['japan', 'jepun']));
    expect(alternatives('viangchan')).toContain('vientiane');
  });

  it('takes an affixed form by its stem and a form one typo away', () => {
    expect(alternatives('kesihatannya')).toContain('health');
    const [typo] = thesaurus.expand(['kesihtan']);
    expect(typo?.fuzzy).toBe(true);
    expect(typo?.concepts).toEqual(['health']);
  });

  it('reads a multi-word form through one typo in one of its longer words, as a fuzzy match', () => {
    const [span] = thesaurus.expand(['keanekaragaman', 'hayti']);
    expect(span).toMatchObject({ start: 0, end: 2, concepts: ['biodiversity'], fuzzy: true });
    expect(span!.alternatives.map((a) => a.join(' '))).toEqual(expect.arrayContaining(['keanekaragaman hayati', 'biodiversity']));
    // Two typos, or a typo in a short word, read nothing as the phrase.
    expect(thesaurus.expand(['keanekaragman', 'hayti']).some((e) => e.end - e.start === 2)).toBe(false);
    expect(thesaurus.expand(['alan', 'sekitar']).some((e) => e.concepts.includes('environment') && e.end - e.start === 2)).toBe(false);
  });

  it('leaves words that are no form alone', () => {
    expect(thesaurus.expand(['zzqq', 'qqzz'])).toEqual([]);
  });

  it('builds from any list: an empty one expands nothing', () => {
    expect(new Thesaurus().expand(['health'])).toEqual([]);
  });
});

describe('search in the three languages over the built-in dataset', () => {
  const records = DatasetRecords.parse({ sources, bodies, meetings, agendaItems, frameworks, targets });
  const index = new SearchIndex({ thesaurus: shippedThesaurus() });
  index.addAll(recordsToDocs(records));
  const plain = new SearchIndex();
  plain.addAll(recordsToDocs(records));
  const top = (q: string, n = 5, on = index) => on.search(q, { limit: n }).hits.filter((h) => !h.partial).map((h) => h.key);

  it.each([
    ['kesehatan', 'body:ahmm'],
    ['kesihatan', 'body:ahmm'],
    ['pemuda', 'body:somy'],
    ['belia', 'body:somy'],
    ['Jepang', 'body:amms-japan'],
    ['Jepun', 'body:amms-japan'],
    ['pendidikan', 'target:education-priorities-1'],
    ['pertahanan', 'meeting:admm-retreat-2025'],
    ['kebudayaan', 'body:amca'],
    ['sukan', 'body:amms'],
    ['olahraga', 'body:amms'],
    ['Viangchan', 'meeting:asoen-35'],
    ['Julai 2025', 'meeting:asoen-36'],
    ['Juli 2025', 'meeting:asoen-36'],
    ['admm2025', 'meeting:admm-2025'],
  ])('"%s" finds %s, written in another language', (query, key) => {
    expect(top(query)).toContain(key);
  });

  it('without the term list the same words find nothing of it', () => {
    expect(top('belia', 5, plain)).not.toContain('body:somy');
    expect(top('Jepang', 5, plain)).not.toContain('body:amms-japan');
    expect(top('kesehatan', 5, plain)).not.toContain('body:ahmm');
  });

  it('an own-language word outranks its translation', () => {
    const hits = index.search('kesihatan', { limit: 50 }).hits;
    const own = hits.findIndex((h) => /Kesihatan/.test(h.title) || /kesihatan/i.test(h.snippet ?? ''));
    if (own >= 0) expect(hits[own]!.score).toBeGreaterThanOrEqual(hits.at(-1)!.score);
  });

  it('"tenaga" and "energi" (energy) do not list the record saying "tenaga kerja" (workforce) first; "tenaga kerja" still finds it', () => {
    // Its title holds "tenaga" and "kerja" with equal weights: the mask must hold there too.
    const workforce = 'target:accsm-work-plan-2016-2020-a';
    const first = (q: string, lang: 'ms' | 'id') => index.search(q, { lang, limit: 5 }).hits[0]?.key;
    expect(first('tenaga', 'ms')).not.toBe(workforce);
    expect(first('tenaga', 'id')).not.toBe(workforce);
    expect(first('energi', 'id')).not.toBe(workforce);
    expect(index.search('tenaga kerja', { lang: 'id', limit: 3 }).hits.map((h) => h.key)).toContain(workforce);
  });
});

describe('a body’s sector, as the search worker indexes it', () => {
  const records = DatasetRecords.parse({ sources, bodies, meetings, agendaItems, frameworks, targets });
  const index = new SearchIndex({ thesaurus: shippedThesaurus() });
  index.addAll(recordsToDocs(records, { sector: sectorNames }));

  it.each([
    ['alam sekitar', 'ms', 'Alam sekitar'],
    ['lingkungan hidup', 'id', 'Lingkungan hidup'],
    ['environment', 'en', 'Environment'],
  ] as const)('“%s” in %s shows the sector’s name, never its stored slug', (query, lang, name) => {
    const hits = index.search(query, { lang, limit: 20 }).hits.filter((h) => h.kind === 'body');
    expect(hits.map((h) => h.key)).toContain('body:awgee');
    const snippets = hits.map((h) => h.snippet).filter((s) => s !== undefined);
    expect(snippets).toContain(name);
    if (lang !== 'en') expect(snippets).not.toContain('environment');
    // Nor the sector's English name, where the record has the delegate's language.
    if (lang !== 'en') expect(snippets).not.toContain('Environment');
  });
});

describe("a one-word form inside another concept's longer form (Thesaurus masks)", () => {
  const list = TermList.parse({
    version: 1,
    concepts: [
      { id: 'energy', group: 'sector', forms: { en: ['energy'], ms: ['tenaga'], id: ['energi'] } },
      { id: 'renewable-energy', group: 'sector', forms: { en: ['renewable energy'], ms: ['tenaga boleh baharu'], id: ['energi terbarukan'] } },
      { id: 'labour', group: 'sector', forms: { en: ['labour'], ms: ['tenaga kerja'], id: ['ketenagakerjaan', 'tenaga kerja'] } },
      { id: 'education-workforce', group: 'sector', forms: { en: ['education workforce'], ms: ['tenaga pengajar'], id: ['tenaga kependidikan'] } },
      { id: 'digital', group: 'sector', forms: { en: ['digital'], ms: ['digital'], id: ['digital'] } },
      { id: 'digital-economy', group: 'sector', forms: { en: ['digital economy'], ms: ['ekonomi digital'], id: ['ekonomi digital'] } },
    ],
  });
  const thesaurus = new Thesaurus(list);
  const masksOf = (words: string[], form: string) => thesaurus.expand(words)[0]?.masks?.get(form)?.map((m) => m.join(' ')).sort();

  it('masks the word with the longer forms of concepts that are no kind of it, read from any form of its concept', () => {
    // Renewable energy is a kind of energy ("renewable energy" holds "energy"): it does not mask.
    // "tenaga pengajar" beside "tenaga kependidikan" proves nothing: the same false word.
    const expected = ['tenaga kependidikan', 'tenaga kerja', 'tenaga pengajar'];
    expect(masksOf(['tenaga'], 'tenaga')).toEqual(expected);
    expect(masksOf(['energi'], 'tenaga')).toEqual(expected);
    expect(masksOf(['energi'], 'energi')).toBeUndefined();
  });

  it('masks nothing when the word is its concept\'s form in every language (nothing tells the meanings apart)', () => {
    expect(masksOf(['digital'], 'digital')).toBeUndefined();
  });

  it('masks nothing when the query is the longer form itself', () => {
    expect(thesaurus.expand(['tenaga', 'kerja'])[0]).toMatchObject({ start: 0, end: 2, concepts: ['labour'] });
    expect(thesaurus.expand(['tenaga', 'kerja'])[0]?.masks).toBeUndefined();
  });
});
