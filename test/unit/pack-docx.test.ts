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
import { markdownToPlainText } from '../../shared/markdown';
import { composePack, type PackFormat, type PackInput } from '../../shared/pack/compose';
import { packDocx, type DocxLabels } from '../../shared/pack/docx/pack-docx';
import { PACK_PARTS, type PackOptions } from '../../shared/pack/model';
import { en } from '../../renderer/i18n/en';

const result = validateDataset({ sources: sourcesJson, bodies: bodiesJson, meetings: meetingsJson, agendaItems: agendaItemsJson, frameworks: frameworksJson, targets: targetsJson });
if (!result.ok) throw new Error('the built-in dataset does not validate');
const data = result.records;
const format: PackFormat = {
  t: (key, vars) => en[`packs.${key}`].replace(/\{(\w+)\}/g, (_w: string, name: string) => String(vars?.[name] ?? `{${name}}`)),
  country: (code) => (code === 'MY' ? 'Malaysia' : code),
  date: (d) => d,
  dateRange: (a, b) => `${a}–${b ?? ''}`,
  dateTime: (iso) => iso,
  language: (code) => code,
};
const labels: DocxLabels = { contents: 'Contents', pageOf: 'Page {page} of {pages}', draft: 'DRAFT', cover: [{ label: 'Delegation', value: 'Malaysia' }], orgChart: 'The organisational chart is in the printed pack.' };

function brief(): PackInput {
  const meeting = data.meetings.find((m) => m.id === 'asoen-36')!;
  const items = data.agendaItems.filter((i) => i.meetingId === meeting.id);
  let n = 0;
  const made = createBriefing({ id: 'b', meeting, agendaItems: items, title: 'Malaysia brief', delegation: 'MY', author: 'Aminah', classification: 'RESTRICTED', now: '2026-11-23T10:00:00.000Z', newId: () => `id-${++n}`, background: { meeting, bodies: new Map(data.bodies.map((b) => [b.id, b])), targets: data.targets, sources: new Map(data.sources.map((s) => [s.id, s])) } });
  const sections = made.sections.map((s, i) =>
    i === 0
      ? { ...s, objectives: 'Secure a *unified* voice; partners in Hà Nội agree.', position: 'First paragraph of the position.\n\n- bullet one\n  - nested two\n3. numbered three', redLines: 'REDLINE-x no binding target', privateNotes: 'PRIVATE-y the chair is flexible', talkingPoints: [{ id: 't1', text: 'Stress **finance** and [the plan](https://asean.org/plan)' }, { id: 't2', text: 'Thank the host' }], followUps: [{ id: 'f', what: 'Send the final text', owner: 'Desk officer' }] }
      : s,
  );
  return { briefing: made.briefing, sections, meeting, previousMeeting: data.meetings.find((m) => m.id === meeting.previousMeetingId), agendaItems: items, bodies: data.bodies, targets: data.targets, frameworks: data.frameworks, sources: data.sources };
}
const options = (over: Partial<PackOptions> = {}): PackOptions => ({ profile: 'internal', parts: PACK_PARTS, paper: 'a4', language: 'en', printedAt: '2026-11-23T12:00:00.000Z', ...over });

/** The files of the .docx, and the text of its body as Word reads it (runs of each paragraph, paragraphs on lines). */
async function readBack(input: PackInput, opts: PackOptions) {
  const files = unzipSync(await packDocx(composePack(input, opts, format), labels));
  const xml = (name: string) => strFromU8(files[name]!);
  const body = xml('word/document.xml');
  const text = body
    .split('</w:p>')
    .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&')).join(''))
    .join('\n');
  return { files, xml, body, text };
}

describe('the brief in Word', () => {
  it('holds the text of the brief in the pack order, with the styles, contents field and marking on every page', async () => {
    const input = brief();
    const { files, xml, body, text } = await readBack(input, options());
    const section = input.sections[0]!;
    const expected = [section.objectives, section.position, section.redLines, ...section.talkingPoints.map((p) => p.text), 'Send the final text', 'Desk officer', section.privateNotes].flatMap((t) => markdownToPlainText(t).split(/\s+/));
    let at = 0;
    for (const word of expected) {
      const found = text.indexOf(word, at);
      expect(found, `"${word}" follows`).toBeGreaterThanOrEqual(0);
      at = found + word.length;
    }
    expect(text).toContain('Brief 1: ');
    expect(text).toContain('Agenda items without a brief');
    expect(text).toMatch(/3\.numbered three/);
    expect(body).toMatch(/<w:t[^>]*>3\.<\/w:t><w:tab\/>/);
    expect(body).toMatch(/<w:instrText[^>]*>\s*TOC /);
    expect(body).toContain('w:val="TalkingPoint"');
    expect(body).toContain('w:val="Restricted"');
    expect(body).toContain('w:val="PrivateNote"');
    expect(body).toContain('w:val="Heading1"');
    expect(xml('word/styles.xml')).toMatch(/w:styleId="TalkingPoint"[\s\S]*?<w:name w:val="Talking Point"/);
    expect(body).toContain('w:instr=" HYPERLINK &quot;https://asean.org/plan&quot; "');
    // The marking and "Page X of Y" in every page's header and footer (one section: its default ones).
    const headers = Object.keys(files).filter((f) => /^word\/header\d+\.xml$/.test(f));
    const footers = Object.keys(files).filter((f) => /^word\/footer\d+\.xml$/.test(f));
    expect(headers.length).toBeGreaterThan(0);
    for (const f of [...headers, ...footers]) expect(xml(f)).toContain('RESTRICTED');
    expect(footers.map(xml).join('')).toMatch(/PAGE[\s\S]*NUMPAGES/);
    expect(body.match(/<w:sectPr/g)).toHaveLength(1);
    expect(body).toContain('w:w="11906"');
    // The contents list every chapter, in order, before Word numbers their pages.
    const toc = body.slice(body.indexOf('TOC \\o'), body.indexOf('w:fldCharType="end"'));
    expect(toc).toContain('Brief 1: ');
    expect(toc.indexOf('Meeting overview')).toBeLessThan(toc.indexOf('Sources'));
  });

  it('applies the profile: a shareable document has no red lines, fallback or private notes', async () => {
    const { text } = await readBack(brief(), options({ profile: 'shareable', paper: 'letter' }));
    expect(text).not.toContain('REDLINE-x');
    expect(text).not.toContain('PRIVATE-y');
    expect(text).not.toContain('Red lines');
    expect(text).toContain('Secure a unified voice');
  });
});
