import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blockTexts, composePack, PACK_LABELS, type PackFormat } from '../../shared/pack/compose';
import { PACK_PARTS, type PackDocument, type PackOptions } from '../../shared/pack/model';
import { en } from '../../renderer/i18n/en';
import { countryName } from '../../renderer/i18n/format';
import { briefPackInput, datasetRecords, taggedFormat } from './pack-fixtures';

const asoen36 = datasetRecords.meetings.find((m) => m.id === 'asoen-36')!;

const options = (over: Partial<PackOptions> = {}): PackOptions => ({ profile: 'internal', parts: PACK_PARTS, paper: 'a4', language: 'en', printedAt: '2026-11-23T12:00:00.000Z', ...over });
const allText = (doc: PackDocument) => JSON.stringify(doc);
const words = (doc: PackDocument) => doc.chapters.flatMap((c) => [c.title, ...c.blocks.flatMap(blockTexts)]).join('\n');

describe('composePack', () => {
  it('has an English label for every label it uses', () => {
    for (const key of PACK_LABELS) expect(en).toHaveProperty(`packs.${key}`);
  });

  it('orders the parts as the issue lists them, one numbered brief per agenda item written for, the others in one compact list', () => {
    const { input, sections } = briefPackInput();
    const written = sections.map((s, i) => (i % 3 === 0 ? { ...s, objectives: `Objective ${i}` } : s));
    const doc = composePack({ ...input, sections: written }, options(), taggedFormat);
    const ids = doc.chapters.map((c) => c.id.replace(/^(brief|day-sheet)-.*/, '$1'));
    expect([...new Set(ids)]).toEqual(['overview', 'programme', 'brief', 'targets', 'coverage', 'annex', 'glossary', 'sources']);
    const briefs = doc.chapters.filter((c) => c.id.startsWith('brief-'));
    const writtenCount = written.filter((_, i) => i % 3 === 0).length;
    expect(briefs).toHaveLength(writtenCount + 1);
    expect(briefs[0]!.title).toMatch(/^Brief 1: /);
    expect(briefs[1]!.title).toMatch(/^Brief 4: /);
    const compact = briefs.at(-1)!;
    expect(compact).toMatchObject({ id: 'brief-empty', title: 'Agenda items without a brief' });
    const rows = compact.blocks.find((b) => b.kind === 'table');
    expect(rows?.kind === 'table' && rows.rows.map((r) => r.cells[0])).toEqual(written.flatMap((_, i) => (i % 3 === 0 ? [] : [String(i + 1)])));
    expect(doc.cover).toMatchObject({ meetingCode: 'ASOEN-36', marking: 'RESTRICTED', number: 'Meeting no. 36', delegation: 'country:MY', author: 'Aminah', printed: 'time:2026-11-23T12:00:00.000Z' });
    expect(doc.draft).toBe(true);
  });

  it('gives as the version the last change to the brief or any of its sections', () => {
    const { input, sections } = briefPackInput();
    expect(composePack(input, options(), taggedFormat).cover.version).toBe(`time:${input.briefing.updatedAt}`);
    const later = { ...sections[1]!, updatedAt: '2026-11-24T08:30:00.000+08:00' };
    const doc = composePack({ ...input, sections: [sections[0]!, later, ...sections.slice(2)] }, options(), taggedFormat);
    expect(doc.cover.version).toBe('time:2026-11-24T08:30:00.000+08:00');
  });

  it('leaves out the parts not picked, and drops the watermark once the brief is cleared', () => {
    const { input } = briefPackInput();
    const doc = composePack({ ...input, briefing: { ...input.briefing, status: 'cleared' } }, options({ parts: ['programme', 'sources'] }), taggedFormat);
    expect(doc.chapters.map((c) => c.id)).toEqual(['programme', 'sources']);
    expect(doc.draft).toBe(false);
  });

  it('numbers sources in the order they are first printed and lists each one cited', () => {
    const { input } = briefPackInput();
    const doc = composePack(input, options(), taggedFormat);
    // Every citation mark, in the order the pages print them.
    const marks = doc.chapters.flatMap((c) => c.blocks.flatMap((b) => (b.kind === 'table' ? b.rows.map((r) => r.cites ?? []) : 'cites' in b ? [b.cites ?? []] : [])));
    for (const mark of marks) expect(mark).toEqual([...mark].sort((a, b) => a - b));
    const firstSeen = [...new Set(marks.flat())];
    expect(firstSeen).toEqual(doc.sources.map((_, i) => i + 1));
    expect(doc.sources.map((s) => s.number)).toEqual(doc.sources.map((_, i) => i + 1));
    expect(doc.sources.length).toBeGreaterThan(1);
    expect(doc.sources[0]!.id).toBe('src-asoen-36-media-statement');
    // The overview's first line is the meeting's title, marked with the meeting's sources.
    expect(doc.chapters[0]!.blocks[0]).toMatchObject({ kind: 'heading', cites: [1] });
  });

  it('prints no citation marks when the sources are left out', () => {
    const { input } = briefPackInput();
    const doc = composePack(input, options({ parts: PACK_PARTS.filter((p) => p !== 'sources') }), taggedFormat);
    expect(allText(doc)).not.toMatch(/"cites":\[\d/);
    expect(doc.sources).toEqual([]);
  });

  it('builds the glossary from the dataset, for the acronyms that appear in the pack', () => {
    const { input } = briefPackInput();
    const doc = composePack(input, options(), taggedFormat);
    const glossary = doc.chapters.find((c) => c.id === 'glossary')!;
    const table = glossary.blocks.find((b) => b.kind === 'table')!;
    const rows = new Map(table.kind === 'table' ? table.rows.map((r) => [r.cells[0], r.cells[1]]) : []);
    expect(rows.get('ASOEN')).toBe('ASEAN Senior Officials on Environment');
    expect(rows.get('AWGCC')).toBe('ASEAN Working Group on Climate Change');
    expect(rows.has('ADSOM')).toBe(false); // a defence body: not in an environment pack
  });

  it('holds in its glossary every acronym the ASOEN-36 pack prints, from the dataset or the shipped list, aliases with their body', () => {
    const { input, sections } = briefPackInput();
    const written = sections.map((s) => ({ ...s, objectives: 'Work through the AWGCW on the UNFCCC COP30 text', targets: s.targets.map((a) => ({ ...a, assessment: 'on-track' as const })) }));
    const real: PackFormat = { ...taggedFormat, country: (code) => countryName(code, 'en') };
    const doc = composePack({ ...input, sections: written }, options(), real);
    const glossary = doc.chapters.find((c) => c.id === 'glossary')!.blocks[0]!;
    const terms = glossary.kind === 'table' ? glossary.rows.map((r) => r.cells[0]!) : [];
    expect(terms).toContain('AWGMRPE, formerly AWGCW');
    expect(terms).not.toContain('AWGCW');
    const known = new Set(terms.flatMap((t) => t.split(/, formerly |, /)));
    const printed = [...Object.values(doc.cover), ...doc.chapters.filter((c) => c.id !== 'glossary').flatMap((c) => [c.title, ...c.blocks.flatMap(blockTexts)])].join('\n');
    const missing = new Set<string>();
    for (const m of printed.matchAll(/(?<![\p{L}\p{N}./])\p{Lu}[\p{Lu}\p{N}]*\p{Lu}[\p{Lu}\p{N}]*(?:[-+][\p{L}\p{N}]+)*(?![\p{L}\p{N}]|\.\p{N}|\/)/gu)) {
      const token = m[0];
      if (token === doc.marking || /^[IVXLC]+$/.test(token)) continue;
      // A numbered or hyphenated acronym is covered by its parts (COP30, ASEAN-ROK, ASOEN-36).
      const parts = token.split(/[-+]/).map((p) => p.replace(/\d+$/, '')).filter((p) => /\p{Lu}{2}/u.test(p));
      for (const part of parts) if (!known.has(part) && ![...known].some((k) => k.split(' ').includes(part))) missing.add(part);
    }
    expect([...missing]).toEqual([]);
  });

  it('puts in the glossary the acronyms of every body the org chart draws and of the sources', () => {
    // ASOEN-35 has no agenda items: its working groups appear only as ASOEN's subsidiaries in the chart.
    const { input } = briefPackInput('asoen-35');
    const glossaryOf = (doc: PackDocument) => {
      const table = doc.chapters.find((c) => c.id === 'glossary')!.blocks[0]!;
      return table.kind === 'table' ? table.rows.map((r) => r.cells[0]) : [];
    };
    const doc = composePack(input, options({ parts: ['annex', 'glossary'] }), taggedFormat);
    const annex = words({ ...doc, chapters: doc.chapters.filter((c) => c.id === 'annex') });
    for (const acronym of ['AWGCC', 'AWGWRM']) {
      expect(annex).toContain(acronym);
      expect(glossaryOf(doc)).toContain(acronym);
    }
    // A source's title is printed in the pack too: its acronyms are looked up like any other text.
    const sourceOnly = { ...input, sources: input.sources.map((s) => (s.id === input.meeting.sources[0]!.sourceId ? { ...s, title: { en: 'Report of the AWGCC' } } : s)) };
    expect(glossaryOf(composePack(sourceOnly, options({ parts: ['overview', 'glossary', 'sources'] }), taggedFormat))).toContain('AWGCC');
    expect(glossaryOf(composePack(input, options({ parts: ['overview', 'glossary', 'sources'] }), taggedFormat))).not.toContain('AWGCC');
  });

  it('writes the pack in the language asked for, with the dataset text in it where there is one', () => {
    const { input } = briefPackInput();
    const doc = composePack(input, options({ language: 'ms' }), taggedFormat);
    expect(doc.cover.title).toBe(asoen36.title.ms);
    // An expansion the dataset has only in another language says which, by the language's name.
    const glossary = doc.chapters.find((c) => c.id === 'glossary')!.blocks[0]!;
    const rows = glossary.kind === 'table' ? glossary.rows.map((r) => r.cells[1]!) : [];
    expect(rows.some((cell) => cell.endsWith('(language:en)'))).toBe(true);
    expect(rows.some((cell) => /\((en|ms|id)\)$/.test(cell))).toBe(false);
  });

  it('prints the general part: key messages, coverage, bilaterals, logistics and a day sheet per member', () => {
    const { input } = briefPackInput();
    const briefing = {
      ...input.briefing,
      keyMessages: 'Malaysia hosts in **Langkawi**',
      bilaterals: [{ id: 'b1', counterpart: 'Japan (MOEJ)', objectives: 'Renew the AJDEC work plan', talkingPoints: [{ id: 't', text: 'Thank Japan' }] }],
      logistics: 'Hotel shuttle at 08:00',
      members: [{ id: 'm1', name: 'Nurul', role: 'Negotiator', covers: ['asoen-36-awgcc'] }],
    };
    const doc = composePack({ ...input, briefing }, options(), taggedFormat);
    const of = (id: string) => words({ ...doc, chapters: doc.chapters.filter((c) => c.id === id) });
    expect(of('overview')).toContain('Malaysia hosts in **Langkawi**');
    expect(of('coverage')).toMatch(/Bilateral meetings[\s\S]*Japan \(MOEJ\)[\s\S]*Renew the AJDEC work plan[\s\S]*Thank Japan[\s\S]*Logistics[\s\S]*Hotel shuttle at 08:00/);
    const sheet = doc.chapters.find((c) => c.id === 'day-sheet-m1')!;
    expect(sheet.title).toBe('Day sheet: Nurul');
    expect(words({ ...doc, chapters: [sheet] })).toContain('Meeting of the ASEAN Working Group on Climate Change (AWGCC)');
  });

  it('prints only the agenda items the delegate picked, numbered by their place in the programme', () => {
    const { input, sections } = briefPackInput();
    const picked = [sections[4]!.agendaItemId, sections[2]!.agendaItemId];
    const written = sections.map((s) => ({ ...s, objectives: 'Written' }));
    const doc = composePack({ ...input, sections: written }, options({ items: picked }), taggedFormat);
    const briefs = doc.chapters.filter((c) => c.id.startsWith('brief-'));
    expect(briefs.map((c) => c.id)).toEqual([`brief-${sections[2]!.agendaItemId}`, `brief-${sections[4]!.agendaItemId}`]);
    expect(briefs.map((c) => c.title.slice(0, 8))).toEqual(['Brief 3:', 'Brief 5:']);
  });

  it("cites the pre-filled background's sources once, after it, and names the chairs' countries", () => {
    const { input, sections } = briefPackInput();
    const section = sections.find((s) => s.background.includes('(Source: '))!;
    const doc = composePack({ ...input, sections: [{ ...section, objectives: 'x', background: `${section.background}\n- Chaired by PH and SG\n- chair: XX stays` }] }, options(), taggedFormat);
    const brief = doc.chapters.find((c) => c.id === `brief-${section.agendaItemId}`)!;
    const at = brief.blocks.findIndex((b) => b.kind === 'heading' && b.text === 'Background');
    const background = brief.blocks.slice(at + 1).filter((b) => b.kind === 'markdown');
    const printed = background.map((b) => (b.kind === 'markdown' ? b.text : '')).join('\n');
    expect(printed).not.toContain('(Source:');
    expect(printed).toContain('Chaired by country:PH and country:SG');
    expect(background.filter((b) => 'cites' in b && b.cites && b.cites.length > 0).length).toBeLessThanOrEqual(1);
    // Each source once in the brief: the first line's numbers are not repeated after the background.
    const marks = brief.blocks.flatMap((b) => ('cites' in b && b.cites ? b.cites : []));
    expect(marks).toEqual([...new Set(marks)]);
    expect(marks.length).toBeGreaterThan(0);
    // Without the Sources part nothing is numbered, so the titles stay where the delegate sees them.
    const noSources = composePack({ ...input, sections: [{ ...section, objectives: 'x' }] }, options({ parts: PACK_PARTS.filter((p) => p !== 'sources') }), taggedFormat);
    expect(words(noSources)).toContain('(Source: ');
  });

  it('names each linked target\'s framework, lists uncovered items one a line, and lets day sheets after the first share pages', () => {
    const { input, sections } = briefPackInput();
    const section = sections.find((s) => s.targets.length > 0)!;
    const assessed = { ...section, targets: [{ ...section.targets[0]!, assessment: 'on-track' as const }] };
    const members = [
      { id: 'm1', name: 'Nurul', role: 'Negotiator', covers: [assessed.agendaItemId] },
      { id: 'm2', name: 'Ali', role: 'Adviser', covers: [] },
    ];
    const doc = composePack({ ...input, briefing: { ...input.briefing, members }, sections: [assessed, sections.find((s) => s !== section)!] }, options(), taggedFormat);
    const table = doc.chapters.find((c) => c.id === `brief-${assessed.agendaItemId}`)!.blocks.find((b) => b.kind === 'table')!;
    expect(table.kind === 'table' && table.columns.map((c) => c.label)).toContain('Framework');
    const target = input.targets.find((x) => x.id === assessed.targets[0]!.targetId)!;
    const framework = input.frameworks.find((f) => f.id === target.frameworkId)!;
    expect(table.kind === 'table' && table.rows[0]!.cells[2]).toBe(framework.title.en);
    const coverage = doc.chapters.find((c) => c.id === 'coverage')!;
    const at = coverage.blocks.findIndex((b) => b.kind === 'heading' && b.text === 'Not covered by anyone');
    expect(coverage.blocks[at + 1]).toMatchObject({ kind: 'text', text: expect.stringMatching(/^2\. /) });
    expect(doc.chapters.filter((c) => c.id.startsWith('day-sheet-')).map((c) => c.continuous ?? false)).toEqual([false, true]);
  });

  it('keeps red lines, fallback wording and private notes in the internal profile only', () => {
    const { input, sections } = briefPackInput();
    const first = { ...sections[0]!, redLines: 'RL-secret', fallback: 'FB-secret', privateNotes: 'PN-secret', objectives: 'OBJ-public' };
    const withText = { ...input, sections: [first, ...sections.slice(1)] };
    const internal = allText(composePack(withText, options(), taggedFormat));
    const shareable = allText(composePack(withText, options({ profile: 'shareable' }), taggedFormat));
    for (const secret of ['RL-secret', 'FB-secret', 'PN-secret']) {
      expect(internal).toContain(secret);
      expect(shareable).not.toContain(secret);
    }
    expect(shareable).toContain('OBJ-public');
    expect(shareable).not.toContain(taggedFormat.t('brief.privateNotes'));
  });

  it('never lets private notes, red lines or fallback wording into a shareable pack, whatever they say', () => {
    const { input, sections } = briefPackInput();
    const publicText = fc.string({ maxLength: 60 }).filter((s) => !s.includes('SECRET'));
    const secretText = fc.tuple(fc.string({ maxLength: 40 }), fc.string({ maxLength: 40 }), fc.constantFrom('', '\n\n- ', '\n1. ', '\n')).map(([a, b, sep]) => `SECRET ${a}${sep}SECRET ${b}`);
    fc.assert(
      fc.property(
        fc.array(fc.record({ redLines: secretText, fallback: secretText, privateNotes: secretText, objectives: publicText, position: publicText, background: publicText }), { minLength: 1, maxLength: sections.length }),
        (texts) => {
          const changed = sections.map((s, i) => (texts[i] ? { ...s, ...texts[i] } : s));
          const shareable = composePack({ ...input, sections: changed }, options({ profile: 'shareable' }), taggedFormat);
          expect(allText(shareable)).not.toContain('SECRET');
          const internal = composePack({ ...input, sections: changed }, options(), taggedFormat);
          expect(allText(internal)).toContain('SECRET');
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('meeting papers as an annex', () => {
  it('lists the chosen papers after every part, under their own line, without adding a chapter', async () => {
    const { flowUnits, annexEntryId } = await import('../../renderer/features/packs/flow');
    const { input } = briefPackInput();
    const plain = composePack(input, options(), taggedFormat);
    const doc = composePack(input, options({ papers: [{ id: 'p1', title: 'Concept note' }, { id: 'p2', title: 'Draft joint statement' }] }), taggedFormat);
    expect(doc.chapters).toEqual(plain.chapters);
    expect(doc.papers).toEqual({ group: taggedFormat.t('papers.group'), entries: [{ id: 'p1', title: 'Concept note' }, { id: 'p2', title: 'Draft joint statement' }] });
    expect(plain.papers).toBeUndefined();
    const contents = flowUnits(doc).filter((u) => u.kind === 'contents-entry' || u.kind === 'contents-group');
    expect(contents.slice(-3).map((u) => (u.kind === 'contents-entry' ? u.chapter.id : u.text))).toEqual([taggedFormat.t('papers.group'), annexEntryId('p1'), annexEntryId('p2')]);
    expect(flowUnits(doc).filter((u) => u.kind === 'chapter-title')).toHaveLength(plain.chapters.length);
  });
});
