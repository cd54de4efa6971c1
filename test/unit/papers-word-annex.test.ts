import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { packDocx, type DocxLabels } from '../../shared/pack/docx/pack-docx';
import type { PackDocument, PackProfile } from '../../shared/pack/model';
import { composePapersAnnex, type PapersAnnexLabels, type PapersAnnexPaper } from '../../shared/pack/parts/papers-annex';
import { describeRange } from '../../shared/papers/anchor';
import type { Annotation } from '../../shared/papers/model';
import { en } from '../../renderer/i18n/en';
import { ms } from '../../renderer/i18n/ms';

/*
 * The Word export's papers annex, read back from the .docx's document.xml: the chosen papers,
 * every version with its file and pages, and the annotated extracts (quote, page, note), the
 * orphans with their original words; a shareable pack leaves private annotations out.
 */

const now = '2026-11-30T09:00:00.000Z';
const TEXT = 'The Meeting noted the progress of the Working Group. Member States agreed to submit national reports by 30 June 2026. The Meeting welcomed the offer of Malaysia.';

function annotation(words: string, over: Partial<Annotation> = {}): Annotation {
  const at = TEXT.indexOf(words);
  const { quote, position } = describeRange(TEXT, at, at + words.length);
  return { id: words, paperId: 'p1', kind: 'note', note: '', color: 'yellow', target: { versionId: 'v1', quote, position, page: 2, status: 'anchored' }, previousTargets: [], scope: 'private', createdAt: now, createdBy: 'Aminah', updatedAt: now, ...over };
}

const statement: PapersAnnexPaper = {
  title: 'Draft joint statement',
  currentVersionId: 'v1',
  versions: [
    { id: 'v0', revision: 0, label: 'Original', name: 'ASOEN-36 draft statement.pdf', pageCount: 3, sha256: 'ab12'.repeat(16), addedAt: '2026-11-20T09:00:00.000Z', addedBy: 'Aminah' },
    { id: 'v1', revision: 1, label: 'Rev.1', name: 'ASOEN-36 draft statement Rev.1.pdf', pageCount: 4, sha256: 'cd34'.repeat(16), addedAt: '2026-11-28T09:00:00.000Z', addedBy: 'Hafiz' },
  ],
  annotations: [
    annotation('welcomed the offer of Malaysia', { note: 'Thank the host in the opening statement' }),
    annotation('submit national reports by 30 June 2026', { scope: 'delegation', note: 'Ask for 31 July', target: { ...annotation('submit national reports by 30 June 2026').target, status: 'moved', page: 1 } }),
    // Its words are gone from Rev.1: listed with the words it first quoted.
    { ...annotation('progress of the Working Group'), id: 'orphan', scope: 'delegation', target: { versionId: 'v1', quote: { type: 'TextQuoteSelector', exact: 'progress of the Working Group', prefix: '', suffix: '' }, status: 'orphaned' }, previousTargets: [{ versionId: 'v0', quote: { type: 'TextQuoteSelector', exact: 'the progress of the ASEAN Working Group on Climate Change', prefix: '', suffix: '' }, page: 1, status: 'anchored' }] },
  ],
};
const concept: PapersAnnexPaper = {
  title: 'Concept note: blue carbon',
  currentVersionId: 'c0',
  versions: [{ id: 'c0', revision: 0, label: 'Original', name: 'concept-note.pdf', pageCount: 2, sha256: 'ef56'.repeat(16), addedAt: now, addedBy: '' }],
  annotations: [],
};

function labelsIn(catalog: Record<string, string>): PapersAnnexLabels {
  const t = (key: string, vars: Record<string, string | number> = {}) => catalog[key]!.replace(/\{(\w+)\}/g, (_m, name: string) => String(vars[name]));
  return {
    title: t('packs.papers.group'),
    intro: t('papers.wordAnnex.intro'),
    versions: t('papers.wordAnnex.versions'),
    colVersion: t('papers.version'),
    colFile: t('papers.wordAnnex.file'),
    colPages: t('papers.wordAnnex.pages'),
    colAdded: t('papers.wordAnnex.added'),
    colSha: t('papers.wordAnnex.sha'),
    original: t('papers.original'),
    current: t('papers.current'),
    extracts: t('papers.wordAnnex.extracts'),
    noExtracts: t('papers.wordAnnex.noExtracts'),
    onPage: (page) => t('papers.annotations.onPage', { page }),
    status: (status) => t(`papers.status.${status}`),
    orphans: t('papers.wordAnnex.orphan'),
    note: t('papers.wordAnnex.note'),
    privateLeftOut: (count) => t('papers.wordAnnex.privateLeftOut', { count }),
    dateTime: (iso) => iso.slice(0, 10),
  };
}

const docxLabels: DocxLabels = { contents: 'Contents', pageOf: 'Page {page} of {pages}', draft: 'DRAFT', cover: [], orgChart: '' };

function pack(profile: PackProfile, chapters: PackDocument['chapters']): PackDocument {
  return {
    paper: 'a4',
    language: 'en',
    profile,
    meetingCode: 'ASOEN-36',
    marking: 'RESTRICTED',
    draft: true,
    cover: { title: 'ASOEN-36', meetingCode: 'ASOEN-36', number: '', dates: '', venue: '', delegation: 'Malaysia', author: '', marking: 'RESTRICTED', version: '', printed: '', profile, briefTitle: 'Malaysia brief', clearance: '' },
    chapters: [{ id: 'overview', title: 'Meeting overview', level: 1, blocks: [{ kind: 'text', text: 'OVERVIEW-TEXT' }] }, ...chapters],
    sources: [],
  };
}

/** document.xml's paragraphs as Word reads them: the runs of each joined, one paragraph a line. */
async function documentText(doc: PackDocument): Promise<{ text: string; xml: string }> {
  const files = unzipSync(await packDocx(doc, docxLabels));
  const xml = strFromU8(files['word/document.xml']!);
  const text = xml
    .split('</w:p>')
    .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]!.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&')).join(''))
    .join('\n');
  return { text, xml };
}

describe('the papers annex in the Word export', () => {
  it('lists each paper with every version, and its annotated extracts with page and note, after the pack', async () => {
    const annex = composePapersAnnex([statement, concept], 'internal', labelsIn(en));
    const { text, xml } = await documentText(pack('internal', annex));
    const lines = text.split('\n');
    const start = lines.indexOf('Annex: meeting papers', lines.indexOf('OVERVIEW-TEXT'));
    expect(start).toBeGreaterThan(lines.indexOf('OVERVIEW-TEXT'));
    const annexText = lines.slice(start).join('\n');
    // Versions: label (current marked), file, pages, when and who, the start of the SHA-256.
    expect(annexText).toContain('Draft joint statement');
    expect(annexText).toMatch(/Original\nASOEN-36 draft statement\.pdf\n3\n2026-11-20, Aminah\nab12ab12ab12ab12/);
    expect(annexText).toMatch(/Rev\.1 \(current\)\nASOEN-36 draft statement Rev\.1\.pdf\n4\n2026-11-28, Hafiz\ncd34cd34cd34cd34/);
    // Extracts in reading order, with page, status and note; the orphan last, with its first words.
    const reports = annexText.indexOf('“submit national reports by 30 June 2026”');
    const offer = annexText.indexOf('“welcomed the offer of Malaysia”');
    const orphan = annexText.indexOf('“the progress of the ASEAN Working Group on Climate Change”');
    expect(reports).toBeGreaterThan(0);
    expect(offer).toBeGreaterThan(reports);
    expect(orphan).toBeGreaterThan(offer);
    expect(annexText).toContain('Page 1 · Moved with its text\n“submit national reports by 30 June 2026”\nNote: Ask for 31 July');
    expect(annexText).toContain('Page 2\n“welcomed the offer of Malaysia”\nNote: Thank the host in the opening statement');
    expect(annexText).toContain('No longer in the current version (the words as first annotated)\n“the progress of the ASEAN Working Group on Climate Change”');
    expect(annexText).toMatch(/Concept note: blue carbon[\s\S]*concept-note\.pdf[\s\S]*No annotations on this paper\./);
    // A part of its own in Word's contents: a level-1 heading, starting a page.
    expect(xml).toMatch(/<w:pStyle w:val="Heading1"\/>(?:(?!<\/w:p>).)*<w:pageBreakBefore\/>(?:(?!<\/w:p>).)*Annex: meeting papers/s);
    expect(xml).toContain('Annex: meeting papers');
  });

  it('leaves private annotations out of a shareable pack, and says how many', async () => {
    const { text } = await documentText(pack('shareable', composePapersAnnex([statement], 'shareable', labelsIn(en))));
    expect(text).not.toContain('welcomed the offer of Malaysia');
    expect(text).not.toContain('Thank the host');
    expect(text).toContain('“submit national reports by 30 June 2026”');
    expect(text).toContain('Private annotations left out of the shareable pack: 1.');
  });

  it('speaks the pack\'s language', async () => {
    const { text } = await documentText(pack('internal', composePapersAnnex([statement], 'internal', labelsIn(ms))));
    expect(text).toContain('Lampiran: kertas mesyuarat');
    expect(text).toContain('Petikan beranotasi');
    expect(text).toContain('Halaman 1 · ');
  });

  it('adds nothing when no paper is chosen', () => {
    expect(composePapersAnnex([], 'internal', labelsIn(en))).toEqual([]);
  });
});
