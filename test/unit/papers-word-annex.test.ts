// Must come first: an in-memory IndexedDB for the app's database, where the annex reads the papers.
import 'fake-indexeddb/auto';
import { strFromU8, unzipSync } from 'fflate';
import { beforeEach, describe, expect, it } from 'vitest';
import { packDocx, type DocxLabels } from '../../shared/pack/docx/pack-docx';
import type { PackDocument, PackProfile } from '../../shared/pack/model';
import { describeRange } from '../../shared/papers/anchor';
import type { Annotation, Paper, PaperVersion } from '../../shared/papers/model';
import type { Language } from '../../shared/model';
import { setPlainMode } from '../../renderer/crypto/key-state';
import { db } from '../../renderer/db/db';
import { formatDateTime } from '../../renderer/i18n/format';
import { wordAnnexChapters } from '../../renderer/papers/annex/word-annex';

/*
 * The Word export's papers annex, read back from the .docx's document.xml: the chosen papers,
 * every version with its file and pages, and the annotated extracts (quote, page, note), the
 * orphans with their original words; a shareable pack leaves private annotations out. The papers
 * are read from the database by the export's own wordAnnexChapters, in the pack's language.
 */

const now = '2026-11-30T09:00:00.000Z';
const TEXT = 'The Meeting noted the progress of the Working Group. Member States agreed to submit national reports by 30 June 2026. The Meeting welcomed the offer of Malaysia.';

function annotation(words: string, over: Partial<Annotation> = {}): Annotation {
  const at = TEXT.indexOf(words);
  const { quote, position } = describeRange(TEXT, at, at + words.length);
  return { id: words, paperId: 'p1', kind: 'note', note: '', color: 'yellow', target: { versionId: 'v1', quote, position, page: 2, status: 'anchored' }, previousTargets: [], scope: 'private', createdAt: now, createdBy: 'Aminah', updatedAt: now, ...over };
}

const paper = (id: string, title: string, currentVersionId: string): Paper => ({ id, title, owner: { kind: 'meeting', id: 'asoen-36' }, ownerKey: 'meeting:asoen-36', meetingId: 'asoen-36', currentVersionId, createdAt: now, createdBy: 'Aminah', updatedAt: now });
const version = (paperId: string, v: Pick<PaperVersion, 'id' | 'revision' | 'label' | 'name' | 'pageCount' | 'sha256' | 'addedAt' | 'addedBy'>): PaperVersion => ({ ...v, paperId, type: 'application/pdf', size: 1000, isPdf: true });

const statement = paper('p1', 'Draft joint statement', 'v1');
const concept = paper('p2', 'Concept note: blue carbon', 'c0');
// Rev.1 is stored before the original: the annex lists versions by revision, not as stored.
const versions: PaperVersion[] = [
  version('p1', { id: 'v1', revision: 1, label: 'Rev.1', name: 'ASOEN-36 draft statement Rev.1.pdf', pageCount: 4, sha256: 'cd34'.repeat(16), addedAt: '2026-11-28T09:00:00.000Z', addedBy: 'Hafiz' }),
  version('p1', { id: 'v0', revision: 0, label: 'Original', name: 'ASOEN-36 draft statement.pdf', pageCount: 3, sha256: 'ab12'.repeat(16), addedAt: '2026-11-20T09:00:00.000Z', addedBy: 'Aminah' }),
  version('p2', { id: 'c0', revision: 0, label: 'Original', name: 'concept-note.pdf', pageCount: 2, sha256: 'ef56'.repeat(16), addedAt: now, addedBy: '' }),
];
const annotations: Annotation[] = [
  annotation('welcomed the offer of Malaysia', { note: 'Thank the host in the opening statement' }),
  annotation('submit national reports by 30 June 2026', { scope: 'delegation', note: 'Ask for 31 July', target: { ...annotation('submit national reports by 30 June 2026').target, status: 'moved', page: 1 } }),
  // Its words are gone from Rev.1: listed with the words it first quoted.
  { ...annotation('progress of the Working Group'), id: 'orphan', scope: 'delegation', target: { versionId: 'v1', quote: { type: 'TextQuoteSelector', exact: 'progress of the Working Group', prefix: '', suffix: '' }, status: 'orphaned' }, previousTargets: [{ versionId: 'v0', quote: { type: 'TextQuoteSelector', exact: 'the progress of the ASEAN Working Group on Climate Change', prefix: '', suffix: '' }, page: 1, status: 'anchored' }] },
];

beforeEach(async () => {
  setPlainMode();
  await db.delete();
  await db.open();
  await db.papers.bulkAdd([statement, concept]);
  await db.paperVersions.bulkAdd(versions);
  await db.annotations.bulkAdd(annotations);
});

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

/** The Word file of a pack with the chosen papers as its annex, as the export writes it. */
async function packWithAnnex(paperIds: string[], profile: PackProfile, language: Language = 'en') {
  return documentText(pack(profile, await wordAnnexChapters(paperIds, profile, language)));
}

describe('the papers annex in the Word export', () => {
  it('lists each paper with every version, and its annotated extracts with page and note, after the pack', async () => {
    const { text, xml } = await packWithAnnex(['p1', 'p2'], 'internal');
    const lines = text.split('\n');
    const start = lines.indexOf('Annex: meeting papers', lines.indexOf('OVERVIEW-TEXT'));
    expect(start).toBeGreaterThan(lines.indexOf('OVERVIEW-TEXT'));
    const annexText = lines.slice(start).join('\n');
    // Versions: label (current marked), file, pages, when and who, the start of the SHA-256.
    expect(annexText).toContain('Draft joint statement');
    expect(annexText).toContain(`Original\nASOEN-36 draft statement.pdf\n3\n${formatDateTime('2026-11-20T09:00:00.000Z', 'en')}, Aminah\nab12ab12ab12ab12`);
    expect(annexText).toContain(`Rev.1 (current)\nASOEN-36 draft statement Rev.1.pdf\n4\n${formatDateTime('2026-11-28T09:00:00.000Z', 'en')}, Hafiz\ncd34cd34cd34cd34`);
    // The original comes first: versions are listed by revision.
    expect(annexText.indexOf('ASOEN-36 draft statement.pdf')).toBeLessThan(annexText.indexOf('ASOEN-36 draft statement Rev.1.pdf'));
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
    const { text } = await packWithAnnex(['p1'], 'shareable');
    expect(text).not.toContain('welcomed the offer of Malaysia');
    expect(text).not.toContain('Thank the host');
    expect(text).toContain('“submit national reports by 30 June 2026”');
    expect(text).toContain('Private annotations left out of the shareable pack: 1.');
  });

  it('speaks the pack\'s language', async () => {
    const { text } = await packWithAnnex(['p1'], 'internal', 'ms');
    expect(text).toContain('Lampiran: kertas mesyuarat');
    expect(text).toContain('Petikan beranotasi');
    expect(text).toContain('Halaman 1 · ');
  });

  it('adds nothing when no paper is chosen, and skips a chosen paper deleted meanwhile', async () => {
    expect(await wordAnnexChapters([], 'internal', 'en')).toEqual([]);
    expect(await wordAnnexChapters(['deleted'], 'internal', 'en')).toEqual([]);
  });
});
