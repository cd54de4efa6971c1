import { describe, expect, it } from 'vitest';
import sources from '../../assets/dataset/sources.json';
import bodies from '../../assets/dataset/bodies.json';
import meetings from '../../assets/dataset/meetings.json';
import agendaItems from '../../assets/dataset/agenda-items.json';
import frameworks from '../../assets/dataset/frameworks.json';
import targets from '../../assets/dataset/targets.json';
import { DatasetRecords, type Body } from '../../shared/model';
import { buildPackGlossary, collectAcronymDefinitions, type PackGlossaryEntry } from '../../shared/pack/acronym-glossary';

const records = DatasetRecords.parse({ sources, bodies, meetings, agendaItems, frameworks, targets });
const definitions = collectAcronymDefinitions([
  ...records.bodies,
  ...records.meetings,
  ...records.agendaItems,
  ...records.frameworks,
  ...records.targets,
]);
const acronyms = (entries: PackGlossaryEntry[]) => entries.map((e) => e.acronym);
const entry = (entries: PackGlossaryEntry[], acronym: string) => entries.find((e) => e.acronym === acronym);

const MEETING_TEXT = `# ASOEN-36 briefing

The **ASOEN** meets in Kuala Lumpur. On day 3, the 19th AJDEC (co-chaired by Singapore).
Items from the AWGCC; the ADSOM's views are noted in [annex](#annex).`;

describe('buildPackGlossary over the built-in dataset', () => {
  it('finds exactly the acronyms a text mentions, expanded from the dataset', () => {
    const glossary = buildPackGlossary([MEETING_TEXT], records.bodies, 'en', { definitions });
    expect(glossary).toEqual([
      { acronym: 'ADSOM', expansion: "ASEAN Defence Senior Officials' Meeting", lang: 'en', original: false, bodyId: 'adsom' },
      { acronym: 'AJDEC', expansion: 'ASEAN-Japan Dialogue on Environmental Cooperation', lang: 'en', original: false },
      { acronym: 'ASOEN', expansion: 'ASEAN Senior Officials on Environment', lang: 'en', original: false, bodyId: 'asoen' },
      { acronym: 'AWGCC', expansion: 'ASEAN Working Group on Climate Change', lang: 'en', original: false, bodyId: 'awgcc' },
    ]);
  });

  it('expands body acronyms from the bodies alone when no text definitions are given', () => {
    const glossary = buildPackGlossary([MEETING_TEXT], records.bodies, 'en');
    expect(acronyms(glossary)).toEqual(['ADSOM', 'ASOEN', 'AWGCC']);
  });

  it('gives an alias with the name of the body it belongs to', () => {
    const glossary = buildPackGlossary(['Report of the AWGCW (chemicals and waste).'], records.bodies, 'en');
    expect(glossary).toEqual([
      { acronym: 'AWGCW', expansion: 'ASEAN Working Group on Chemicals and Waste', lang: 'en', original: false, bodyId: 'awgmrpe' },
    ]);
  });

  it('matches whole tokens only, with the same case', () => {
    const glossary = buildPackGlossary(['ASOENS met; the asoen and Asoen did not; XASOEN neither.'], records.bodies, 'en');
    expect(glossary).toEqual([]);
  });

  it('tolerates punctuation and markdown around an acronym, and finds it inside a meeting code', () => {
    for (const text of ['(ASOEN)', '**ASOEN**', 'ASOEN.', '"ASOEN",', 'ASOEN’s chair', 'ASOEN-36', '[ASOEN](#asoen)']) {
      expect(acronyms(buildPackGlossary([text], records.bodies, 'en')), text).toEqual(['ASOEN']);
    }
  });

  it('matches acronyms of several words and "+3" forms as written in the dataset', () => {
    const text = 'The ACB GB, the COP AATHP and the SOM-ED+3 met; ACB alone too.';
    const glossary = buildPackGlossary([text], records.bodies, 'en');
    expect(acronyms(glossary)).toEqual(['ACB', 'ACB GB', 'COP AATHP', 'SOM-ED+3']);
    expect(entry(glossary, 'SOM-ED+3')?.bodyId).toBe('som-ed-3');
    // "SOM-ED" inside "SOM-ED+3" is the other body's acronym only when written alone.
    expect(entry(glossary, 'SOM-ED')).toBeUndefined();
    // Split across a line, a multi-word acronym still matches; split by a full stop it does not.
    expect(acronyms(buildPackGlossary(['the ACB\nGB'], records.bodies, 'en'))).toEqual(['ACB GB']);
    expect(acronyms(buildPackGlossary(['the ACB. GB'], records.bodies, 'en'))).toEqual(['ACB']);
  });

  it('gives nothing for text without acronyms, and nothing typed in by hand', () => {
    expect(buildPackGlossary(['The delegation will attend the meeting in Kuala Lumpur.'], records.bodies, 'en', { definitions })).toEqual([]);
    expect(buildPackGlossary([], records.bodies, 'en', { definitions })).toEqual([]);
    // UNFCCC and ASEAN+3 are in the text, but the dataset never spells them out.
    expect(buildPackGlossary(['UNFCCC COP30 and ASEAN+3'], records.bodies, 'en', { definitions })).toEqual([]);
  });

  it('uses the Malay name where the dataset has one, else the original marked as such', () => {
    const glossary = buildPackGlossary([MEETING_TEXT], records.bodies, 'ms', { definitions });
    expect(entry(glossary, 'ASOEN')).toMatchObject({ expansion: 'Mesyuarat Pegawai-Pegawai Kanan Alam Sekitar ASEAN', lang: 'ms', original: false });
    expect(entry(glossary, 'AWGCC')).toMatchObject({ expansion: 'Kumpulan Kerja Perubahan Iklim', lang: 'ms', original: false });
    // The Malay title of the AJDEC agenda item translates the English definition.
    expect(entry(glossary, 'AJDEC')).toMatchObject({ expansion: 'Dialog Kerjasama Alam Sekitar ASEAN-Jepun', lang: 'ms', original: false });
    // ADSOM has an English name only.
    expect(entry(glossary, 'ADSOM')).toMatchObject({ expansion: "ASEAN Defence Senior Officials' Meeting", lang: 'en', original: true });
  });

  it('falls back in the order English, Malay, Indonesian for Indonesian packs', () => {
    const glossary = buildPackGlossary(['ASOEN, AHA Centre, BNPB'], records.bodies, 'id', { definitions });
    expect(entry(glossary, 'ASOEN')).toMatchObject({ expansion: 'ASEAN Senior Officials on Environment', lang: 'en', original: true });
    expect(entry(glossary, 'AHA Centre')).toMatchObject({ lang: 'id', original: false, bodyId: 'aha-centre' });
    expect(entry(glossary, 'BNPB')).toMatchObject({ expansion: 'Badan Nasional Penanggulangan Bencana', lang: 'id', original: false });
  });

  it('sorts by acronym and lists each acronym once, across several texts', () => {
    const glossary = buildPackGlossary(['AWGCC and ASOEN', 'ADSOM, ASOEN again', 'ACDM'], records.bodies, 'en');
    expect(acronyms(glossary)).toEqual(['ACDM', 'ADSOM', 'ASOEN', 'AWGCC']);
  });

  it('lets a body win over a text definition of the same acronym', () => {
    const fake: Body = { ...records.bodies.find((b) => b.id === 'asoen')!, name: { en: 'From the body' } };
    const glossary = buildPackGlossary(['ASOEN'], [fake], 'en', { definitions: [{ acronym: 'ASOEN', expansion: { en: 'From a text' } }] });
    expect(glossary).toEqual([{ acronym: 'ASOEN', expansion: 'From the body', lang: 'en', original: false, bodyId: 'asoen' }]);
  });
});

describe('collectAcronymDefinitions', () => {
  it('reads "Long Name (ACR)" where the letters are the initials of the words before', () => {
    const defs = collectAcronymDefinitions([
      { title: { en: 'Review of the ASEAN Agreement on Transboundary Haze Pollution (AATHP) work' } },
      { title: { en: 'Meeting of the Parties (XYZ)' } },
    ]);
    expect(defs).toEqual([{ acronym: 'AATHP', expansion: { en: 'ASEAN Agreement on Transboundary Haze Pollution' } }]);
  });

  it('translates a whole-title definition by the other languages of the same title, without ordinals', () => {
    const defs = collectAcronymDefinitions([
      { title: { en: '3rd Example Dialogue on Trade (EDT)', ms: 'Dialog Perdagangan Contoh ke-3 (EDT)' } },
    ]);
    expect(defs).toEqual([{ acronym: 'EDT', expansion: { en: 'Example Dialogue on Trade', ms: 'Dialog Perdagangan Contoh' } }]);
  });

  it('finds the dataset’s own definitions of acronyms that are not bodies', () => {
    const byAcronym = new Map(definitions.map((d) => [d.acronym, d.expansion]));
    expect(byAcronym.get('AJDEC')).toEqual({ en: 'ASEAN-Japan Dialogue on Environmental Cooperation', ms: 'Dialog Kerjasama Alam Sekitar ASEAN-Jepun' });
    expect(byAcronym.get('AATHP')?.en).toBe('ASEAN Agreement on Transboundary Haze Pollution');
    expect(byAcronym.has('COP30')).toBe(false);
  });
});
