import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import agendaItemsJson from '../../assets/dataset/agenda-items.json';
import bodiesJson from '../../assets/dataset/bodies.json';
import frameworksJson from '../../assets/dataset/frameworks.json';
import meetingsJson from '../../assets/dataset/meetings.json';
import sourcesJson from '../../assets/dataset/sources.json';
import targetsJson from '../../assets/dataset/targets.json';
import { createBriefing } from '../../shared/briefing/create';
import { validateDataset } from '../../shared/dataset/validate';
import type { DatasetRecords, Meeting, Source } from '../../shared/model';
import { composePack, PACK_LABELS, type PackFormat, type PackInput } from '../../shared/pack/compose';
import { packDocx } from '../../shared/pack/docx/pack-docx';
import { PACK_PARTS, type PackBlock, type PackDocument, type PackOptions, type PackPart } from '../../shared/pack/model';
import { en } from '../../renderer/i18n/en';
import { id as idCatalog } from '../../renderer/i18n/id';
import { ms } from '../../renderer/i18n/ms';

/*
 * How sure a fact is, printed where the pack prints the fact (issue 16): a discreet mark for
 * verified, a clear one with both sides' sources for a conflict, a legend before the first mark.
 * A source without an excerpt validates and is listed with its authority and its language.
 */

/** A news-agency report in Thai, given without an excerpt: the other side of the venue conflict. */
const THAI_REPORT: Source = {
  id: 'src-test-thai-report',
  title: { en: 'ASOEN-36 moved, agency says' },
  kind: 'press-release',
  publisher: 'A news agency',
  date: '2025-07-20',
  language: 'th',
  authority: 'news-agency',
};

function dataset(change: (records: DatasetRecords) => void = () => {}): DatasetRecords {
  const raw = structuredClone({ sources: [...sourcesJson, THAI_REPORT], bodies: bodiesJson, meetings: meetingsJson, agendaItems: agendaItemsJson, frameworks: frameworksJson, targets: targetsJson }) as unknown as DatasetRecords;
  change(raw);
  const result = validateDataset(raw);
  if (!result.ok) throw new Error(`test dataset does not validate: ${JSON.stringify(result.problems.slice(0, 3))}`);
  return result.records;
}

/** ASOEN-36 as the tests' publisher describes it: verified as a whole, its venue disputed, its host unverified. */
function disputed(records: DatasetRecords): void {
  const meeting = records.meetings.find((m) => m.id === 'asoen-36')! as Meeting;
  meeting.sources = [...meeting.sources, { sourceId: THAI_REPORT.id }];
  meeting.certainty = {
    record: { level: 'verified', supportedBy: ['src-asoen-36-media-statement'] },
    fields: {
      ...meeting.certainty?.fields,
      'venue.city': {
        level: 'conflicting',
        note: { en: 'The ministry says Langkawi; an agency report says the meeting moved', ms: 'Kementerian menyebut Langkawi; laporan agensi menyebut mesyuarat dipindahkan' },
        supportedBy: ['src-asoen-36-media-statement'],
        contradictedBy: [THAI_REPORT.id],
      },
      host: { level: 'unverified', note: { en: 'The host agency is inferred.' } },
    },
  };
  const target = records.targets.find((x) => x.meetingIds.includes('asoen-36')) ?? records.targets[0]!;
  target.certainty = { record: { level: 'partial', note: { en: 'Progress as of the last report only.' }, supportedBy: ['src-asoen-36-media-statement'] } };
}

const labels = { en, ms, id: idCatalog } as const;
function format(lang: 'en' | 'ms' | 'id' = 'en'): PackFormat {
  return {
    t: (key, vars) => (labels[lang][`packs.${key}`] ?? en[`packs.${key}`]).replace(/\{(\w+)\}/g, (_w, name: string) => String(vars?.[name] ?? `{${name}}`)),
    country: (code) => code,
    date: (d) => d,
    dateRange: (a, b) => `${a}..${b ?? ''}`,
    dateTime: (iso) => iso,
    language: (code) => `language:${code}`,
  };
}

function pack(records: DatasetRecords, over: Partial<PackOptions> = {}, lang: 'en' | 'ms' | 'id' = 'en'): PackDocument {
  const meeting = records.meetings.find((m) => m.id === 'asoen-36')!;
  const items = records.agendaItems.filter((i) => i.meetingId === meeting.id);
  let n = 0;
  const made = createBriefing({
    id: 'brief-1', meeting, agendaItems: items, title: 'Brief', delegation: 'MY', author: 'Aminah', classification: 'RESTRICTED', now: '2026-11-23T10:00:00.000Z', newId: () => `id-${++n}`,
    background: { meeting, bodies: new Map(records.bodies.map((b) => [b.id, b])), targets: records.targets, sources: new Map(records.sources.map((s) => [s.id, s])) },
  });
  const target = records.targets.find((x) => x.certainty?.record);
  // The first section assesses the target with a certainty, so the targets table prints it.
  const sections = made.sections.map((s, i) => (i === 0 && target ? { ...s, objectives: 'Objective', targets: [{ targetId: target.id, evidence: '' }] } : s));
  const input: PackInput = { briefing: made.briefing, sections, meeting, agendaItems: items, bodies: records.bodies, targets: records.targets, frameworks: records.frameworks, sources: records.sources };
  return composePack(input, { profile: 'internal', parts: PACK_PARTS, paper: 'a4', language: lang, printedAt: '2026-11-23T12:00:00.000Z', ...over }, format(lang));
}

const blocks = (doc: PackDocument, chapter: string) => doc.chapters.find((c) => c.id === chapter)!.blocks;
const field = (doc: PackDocument, label: string) => blocks(doc, 'overview').find((b): b is Extract<PackBlock, { kind: 'field' }> => b.kind === 'field' && b.label === label);
const sourceNumber = (doc: PackDocument, id: string) => doc.sources.find((s) => s.id === id)?.number;

describe('certainty in the pack', () => {
  it('has a label in English, Malay and Indonesian for every certainty and source label', () => {
    for (const key of PACK_LABELS.filter((k) => k.startsWith('certainty.') || k.startsWith('sources.') || k === 'overview.otherTitles')) {
      expect(en, key).toHaveProperty(`packs.${key}`);
      expect(ms, key).toHaveProperty(`packs.${key}`);
      expect(idCatalog, key).toHaveProperty(`packs.${key}`);
    }
  });

  it('prints a conflict where the fact is, clearly, with the sources on each side numbered as the sources list numbers them', () => {
    const doc = pack(dataset(disputed));
    const venue = field(doc, 'Venue')!;
    expect(venue.certainty).toMatchObject({ level: 'conflicting', mark: 'sources conflict' });
    const ministry = sourceNumber(doc, 'src-asoen-36-media-statement')!;
    const agency = sourceNumber(doc, THAI_REPORT.id)!;
    expect(ministry).toBeGreaterThan(0);
    expect(agency).toBeGreaterThan(0);
    expect(venue.certainty!.detail).toBe(`The ministry says Langkawi; an agency report says the meeting moved. Supported by [${ministry}]. Contradicted by [${agency}].`);
  });

  it('marks verified discreetly (the mark, no sources), unverified and partial with their notes', () => {
    const doc = pack(dataset(disputed));
    const title = blocks(doc, 'overview').find((b) => b.kind === 'heading' && b.level === 2)!;
    expect(title).toMatchObject({ certainty: { level: 'verified', mark: 'verified' } });
    expect((title as { certainty?: { detail?: string } }).certainty!.detail).toBeUndefined();
    expect(field(doc, 'Host')!.certainty).toEqual({ level: 'unverified', mark: 'unverified', detail: 'The host agency is inferred.' });
    // Facts the publisher said nothing about carry no mark.
    expect(field(doc, 'Dates')!.certainty).toBeUndefined();
    const rows = blocks(doc, 'targets').flatMap((b) => (b.kind === 'table' ? b.rows : []));
    expect(rows.find((r) => r.certainty)?.certainty).toMatchObject({ level: 'partial', mark: 'partly verified', detail: expect.stringMatching(/^Progress as of the last report only\. Supported by \[\d+\]\.$/) });
  });

  it('prints the note on the whole programme (the days dated by assumption) before the first day', () => {
    const doc = pack(dataset());
    const first = blocks(doc, 'programme').find((b) => b.kind !== 'certainty-legend')!;
    expect(first).toMatchObject({ kind: 'text', text: 'Days and dates of the programme', certainty: { level: 'partial', mark: 'partly verified' } });
    expect((first as { certainty: { detail: string } }).certainty.detail).toMatch(/^The media statement gives the days in sequence only/);
  });

  it('puts the legend first in the first chapter that has a mark, once, and prints none when nothing is marked', () => {
    const doc = pack(dataset(disputed));
    const legends = doc.chapters.flatMap((c) => c.blocks.map((b) => [c.id, b] as const)).filter(([, b]) => b.kind === 'certainty-legend');
    expect(legends).toHaveLength(1);
    expect(legends[0]![0]).toBe('overview');
    expect(blocks(doc, 'overview')[0]).toMatchObject({ kind: 'certainty-legend', title: 'How sure the facts are', entries: [{ level: 'verified' }, { level: 'partial' }, { level: 'unverified' }, { level: 'conflicting' }] });
    // Without the overview, the legend moves to the programme, which has the next mark.
    const noOverview = pack(dataset(disputed), { parts: PACK_PARTS.filter((p): p is PackPart => p !== 'overview') });
    expect(blocks(noOverview, 'programme')[0]!.kind).toBe('certainty-legend');
    const plain = pack(
      dataset((r) => {
        for (const list of [r.meetings, r.bodies, r.agendaItems, r.targets, r.frameworks] as { certainty?: unknown }[][]) for (const x of list) delete x.certainty;
      }),
    );
    expect(JSON.stringify(plain)).not.toContain('certainty');
  });

  it('names the sources by title where the pack leaves its sources list out', () => {
    const doc = pack(dataset(disputed), { parts: PACK_PARTS.filter((p) => p !== 'sources') });
    expect(field(doc, 'Venue')!.certainty!.detail).toBe(
      'The ministry says Langkawi; an agency report says the meeting moved. Supported by “Malaysia hosts the 36th ASEAN Senior Officials on Environment Meeting (ASOEN-36)”. Contradicted by “ASOEN-36 moved, agency says”.',
    );
  });

  it('prints the marks and notes in the pack language', () => {
    const doc = pack(dataset(disputed), {}, 'ms');
    const venue = blocks(doc, 'overview').find((b) => b.kind === 'field' && b.certainty?.level === 'conflicting') as Extract<PackBlock, { kind: 'field' }>;
    expect(venue.certainty!.mark).toBe('sumber bercanggah');
    expect(venue.certainty!.detail).toMatch(/^Kementerian menyebut Langkawi; laporan agensi menyebut mesyuarat dipindahkan\. Disokong oleh \[\d+\]\. Disangkal oleh \[\d+\]\.$/);
    expect(blocks(doc, 'overview')[0]).toMatchObject({ title: 'Tahap kepastian fakta' });
  });

  it('lists a source without an excerpt with its authority and its language, and one in the pack language without the language', () => {
    const doc = pack(dataset(disputed));
    const thai = doc.sources.find((s) => s.id === THAI_REPORT.id)!;
    expect(thai.detail).toBe('A news agency, 2025-07-20, in language:th, news agency');
    const ministry = doc.sources.find((s) => s.id === 'src-asoen-36-media-statement')!;
    expect(ministry.detail).toContain('in language:ms, official source');
    const malay = pack(dataset(disputed), {}, 'ms').sources.find((s) => s.id === 'src-asoen-36-media-statement')!;
    expect(malay.detail).not.toContain('dalam bahasa');
    expect(malay.detail).toMatch(/sumber rasmi$/);
  });

  it('writes the marks, the boxed conflict and the legend into the Word file', async () => {
    const doc = pack(dataset(disputed));
    const bytes = await packDocx(doc, { contents: 'Contents', pageOf: 'Page {page} of {pages}', draft: 'DRAFT', cover: [], orgChart: 'Org chart' });
    const xml = strFromU8(unzipSync(bytes)['word/document.xml']!);
    expect(xml).toContain('[SOURCES CONFLICT]');
    expect(xml).toMatch(/<w:pStyle w:val="PackConflict"\/>.*The ministry says Langkawi/s);
    expect(xml).toContain('How sure the facts are');
    expect(xml).toContain('[unverified]');
    expect(xml).toMatch(/<w:t xml:space="preserve"> verified<\/w:t>/);
  });
});
