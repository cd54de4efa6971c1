import { AlignmentType, BorderStyle, Document, Footer, Header, Packer, PageNumber, Paragraph, ShadingType, TextRun, type IPropertiesOptions } from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { PackBlock, PackCertainty, PackChapter, PackDocument } from '../model';
import { markdownParagraphs } from './markdown-xml';
import { SCRIPT_FACES, type PackScript } from '../scripts';
import { pageBreak, paragraph, run, table, tableOfContents } from './wordml';

/*
 * The brief as a Word document, from the same pack document the printed pack is laid out from
 * (so the same parts, order, numbering and profile: a shareable document never holds what a
 * shareable pack may not). Word lays out its own pages, so the contents are a Word table of
 * contents field over the headings (Word fills in the page numbers when it opens the document),
 * and every page's header and footer carry the marking and "Page X of Y" as Word fields. Styles
 * are named so a ministry's template can restyle them: headings, "Talking Point", "Restricted",
 * "Private Note", "Pack Muted", "Pack List", "Pack Certainty" and "Pack Conflict" (how sure a fact is).
 *
 * The package (styles, header, footer, settings, relationships) comes from the docx library;
 * the body, thousands of paragraphs in a long brief, is written by wordml.ts, which is many
 * times faster than the library's generic serialiser, and put into the library's document.xml.
 */

export interface DocxLabels {
  contents: string;
  /** "Page {page} of {pages}", with the two placeholders. */
  pageOf: string;
  draft: string;
  cover: { label: string; value: string }[];
  /** Said where the printed pack has its org chart, which Word does not draw. */
  orgChart: string;
}

/**
 * A script's face to embed (TrueType bytes, see woff-to-sfnt.ts), so that Thai, Lao, Khmer and
 * Burmese text shows in the face it was printed in even where Word has no font for the script.
 */
export interface EmbeddedScriptFace {
  script: PackScript;
  regular: Uint8Array;
  bold?: Uint8Array;
}

/** The font bytes' type in the docx typings (Node's Buffer, which the web project does not know). */
type FontData = NonNullable<IPropertiesOptions['fonts']>[number]['data'];

const A4 = { width: 11906, height: 16838 };
const LETTER = { width: 12240, height: 15840 };
const MARGIN = 1134; // 2 cm
const MARKING_COLOR = 'B0101F';

function cites(numbers: readonly number[] | undefined): string {
  return numbers && numbers.length > 0 ? run(` [${numbers.join(', ')}]`, { superScript: true }) : '';
}

/** How sure a fact is, after it: a small grey word for verified, framed in brackets for the others, a conflict in red capitals. */
function certaintyMark(certainty: PackCertainty | undefined, lead = ' '): string {
  if (!certainty) return '';
  switch (certainty.level) {
    case 'verified':
      return run(`${lead}${certainty.mark}`, { size: 14, color: '4A4F5C' });
    case 'conflicting':
      return run(`${lead}[${certainty.mark.toUpperCase()}]`, { size: 16, bold: true, color: MARKING_COLOR });
    default:
      return run(`${lead}[${certainty.mark}]`, { size: 16, italics: true });
  }
}

/** The publisher's note and the sources on each side, as a paragraph under the fact ("Pack Conflict" boxed for a conflict). */
function certaintyDetail(certainty: PackCertainty | undefined): string {
  if (!certainty?.detail) return '';
  return paragraph(run(certainty.detail), { style: certainty.level === 'conflicting' ? 'PackConflict' : 'PackCertainty' });
}

function legendXml(block: Extract<PackBlock, { kind: 'certainty-legend' }>): string {
  let xml = paragraph(run(block.title, { bold: true }), { style: 'PackCertainty', keepNext: true });
  for (const e of block.entries) xml += paragraph(certaintyMark({ level: e.level, mark: e.mark }, '') + run(` ${e.meaning}`), { style: 'PackCertainty', keepNext: true });
  return xml + paragraph(run(block.unmarked), { style: 'PackCertainty' });
}

function tableXml(block: Extract<PackBlock, { kind: 'table' }>, textWidth: number): string {
  const widths = block.columns.map((c) => Math.round((c.width / 100) * textWidth));
  const header = block.columns.map((c) => paragraph(run(c.label, { bold: true }), { keepNext: true }));
  const rows = block.rows.map((row) =>
    block.columns.map((c, i) => {
      const lastCell = i === block.columns.length - 1;
      const tail = lastCell ? cites(row.cites) + certaintyMark(row.certainty) : '';
      const text = row.cells[i] ?? '';
      return (c.markdown ? markdownParagraphs(text, { tail }) : paragraph(run(text) + tail)) + (lastCell ? certaintyDetail(row.certainty) : '');
    }),
  );
  return table(widths, header, rows) + paragraph('');
}

function blockXml(block: PackBlock, labels: DocxLabels, textWidth: number): string {
  switch (block.kind) {
    case 'heading':
      return paragraph(run(block.text) + cites(block.cites) + certaintyMark(block.certainty), { style: block.level === 2 ? 'Heading3' : 'Heading4', keepNext: true }) + certaintyDetail(block.certainty);
    case 'text':
      return paragraph(run(block.text, block.tone === 'lead' ? { bold: true } : {}) + cites(block.cites) + certaintyMark(block.certainty), block.tone === 'muted' ? { style: 'PackMuted' } : {}) + certaintyDetail(block.certainty);
    case 'field':
      return paragraph(run(`${block.label}: `, { bold: true }) + run(block.value) + cites(block.cites) + certaintyMark(block.certainty)) + certaintyDetail(block.certainty);
    case 'certainty-legend':
      return legendXml(block);
    case 'markdown': {
      const style = block.number !== undefined ? 'TalkingPoint' : block.tone === 'private' ? 'PrivateNote' : block.tone === 'restricted' ? 'Restricted' : undefined;
      return markdownParagraphs(block.text, { ...(style ? { style } : {}), lead: block.number !== undefined ? run(`${block.number}.\t`, { bold: true }) : '', tail: cites(block.cites) });
    }
    case 'table':
      return tableXml(block, textWidth);
    case 'org-chart':
      return paragraph(run(labels.orgChart), { style: 'PackMuted' });
  }
}

function chapterXml(chapter: PackChapter, labels: DocxLabels, textWidth: number): string {
  // Parts and briefs start a page, as in the printed pack; short day sheets follow one another.
  const breakBefore = !chapter.continuous;
  let xml = chapter.group ? paragraph(run(chapter.group), { style: 'Heading1', pageBreakBefore: breakBefore }) : '';
  xml += paragraph(run(chapter.title), { style: chapter.level === 1 ? 'Heading1' : 'Heading2', pageBreakBefore: breakBefore && !chapter.group });
  for (const block of chapter.blocks) xml += blockXml(block, labels, textWidth);
  return xml;
}

/** The contents as Word will list them: each part (level 1), the group above the briefs, each brief and day sheet (level 2). */
function tocEntries(doc: PackDocument): { title: string; level: number }[] {
  return doc.chapters.flatMap((c) => [...(c.group ? [{ title: c.group, level: 1 }] : []), { title: c.title, level: c.level }]);
}

/** The body of the document: cover, contents, every chapter. */
export function bodyXml(doc: PackDocument, labels: DocxLabels, textWidth: number): string {
  const c = doc.cover;
  let xml = paragraph(run(c.meetingCode, { bold: true }), { style: 'PackMuted' });
  xml += paragraph(run(c.title), { style: 'Title' });
  if (c.number) xml += paragraph(run(c.number), { style: 'PackMuted' });
  xml += paragraph(run(c.briefTitle, { size: 28 }), { spacingBefore: 240, spacingAfter: 240 });
  for (const row of labels.cover) xml += paragraph(run(`${row.label}: `, { bold: true }) + run(row.value));
  xml += paragraph(run(doc.marking, { bold: true, size: 32, color: MARKING_COLOR }), { center: true, spacingBefore: 480 });
  xml += pageBreak();
  xml += paragraph(run(labels.contents), { style: 'Heading1' });
  xml += tableOfContents(tocEntries(doc));
  for (const chapter of doc.chapters) xml += chapterXml(chapter, labels, textWidth);
  return xml;
}

/** The package around the body: styles, the page's size and margins, the header and footer with the marking and page numbers. */
function packageDocument(doc: PackDocument, labels: DocxLabels, size: { width: number; height: number }, faces: readonly EmbeddedScriptFace[]): Document {
  const [before, after] = labels.pageOf.split('{page}');
  const [between, end] = (after ?? '').split('{pages}');
  const marking = () => new TextRun({ text: doc.marking, bold: true, color: MARKING_COLOR });
  return new Document({
    creator: doc.cover.author || 'ASEAN Delegate Briefing',
    title: doc.cover.briefTitle,
    features: { updateFields: true },
    // The docx types say Buffer; the library only slices and copies the bytes, which a Uint8Array does in the worker too.
    ...(faces.length > 0
      ? { fonts: faces.map((f) => ({ name: SCRIPT_FACES[f.script].family, data: f.regular as FontData, ...(f.bold ? { bold: f.bold as FontData } : {}) })) }
      : {}),
    styles: {
      default: { document: { run: { font: 'Noto Sans', size: 20 } } },
      paragraphStyles: [
        { id: 'TalkingPoint', name: 'Talking Point', basedOn: 'Normal', paragraph: { indent: { left: 425, hanging: 425 }, spacing: { after: 80 } } },
        { id: 'Restricted', name: 'Restricted', basedOn: 'Normal', paragraph: { indent: { left: 200 }, border: { left: { style: BorderStyle.SINGLE, size: 16, color: MARKING_COLOR, space: 6 } } } },
        { id: 'PrivateNote', name: 'Private Note', basedOn: 'Normal', paragraph: { shading: { type: ShadingType.CLEAR, fill: 'FFF6D6', color: 'auto' }, border: { left: { style: BorderStyle.SINGLE, size: 16, color: 'F2B705', space: 6 } } } },
        { id: 'PackMuted', name: 'Pack Muted', basedOn: 'Normal', run: { color: '4A4F5C', size: 18 } },
        { id: 'PackCertainty', name: 'Pack Certainty', basedOn: 'Normal', run: { color: '4A4F5C', size: 16 }, paragraph: { spacing: { after: 60 } } },
        { id: 'PackConflict', name: 'Pack Conflict', basedOn: 'Normal', run: { size: 16 }, paragraph: { indent: { left: 200 }, spacing: { after: 80 }, border: { left: { style: BorderStyle.SINGLE, size: 18, color: MARKING_COLOR, space: 6 }, top: { style: BorderStyle.SINGLE, size: 4, color: MARKING_COLOR, space: 2 }, bottom: { style: BorderStyle.SINGLE, size: 4, color: MARKING_COLOR, space: 2 } } } },
        { id: 'PackList', name: 'Pack List', basedOn: 'Normal', paragraph: { spacing: { after: 40 } } },
        { id: 'TOC1', name: 'toc 1', basedOn: 'Normal', next: 'Normal', run: { bold: true }, paragraph: { spacing: { before: 80 } } },
        { id: 'TOC2', name: 'toc 2', basedOn: 'Normal', next: 'Normal', paragraph: { indent: { left: 240 } } },
      ],
    },
    sections: [
      {
        properties: { page: { size, margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN } } },
        headers: {
          default: new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun(`${doc.meetingCode} · ${doc.cover.profile}${doc.draft ? ` · ${labels.draft}` : ''}    `), marking()] })] }),
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [marking(), new TextRun(`    ${before ?? ''}`), new TextRun({ children: [PageNumber.CURRENT] }), new TextRun(between ?? ''), new TextRun({ children: [PageNumber.TOTAL_PAGES] }), new TextRun(end ?? '')],
              }),
            ],
          }),
        },
        children: [],
      },
    ],
  });
}

/** The .docx file's bytes; `faces` are embedded (give those of the scripts the document uses: scriptsIn). */
export async function packDocx(doc: PackDocument, labels: DocxLabels, faces: readonly EmbeddedScriptFace[] = []): Promise<Uint8Array> {
  const size = doc.paper === 'letter' ? LETTER : A4;
  const files = unzipSync(new Uint8Array(await Packer.toArrayBuffer(packageDocument(doc, labels, size, faces))));
  const documentXml = strFromU8(files['word/document.xml']!);
  const open = documentXml.indexOf('<w:body>') + '<w:body>'.length;
  const sectPr = documentXml.lastIndexOf('<w:sectPr');
  if (open < '<w:body>'.length || sectPr < open) throw new Error('The Word library wrote a document without a body.');
  files['word/document.xml'] = strToU8(documentXml.slice(0, open) + bodyXml(doc, labels, size.width - 2 * MARGIN) + documentXml.slice(sectPr));
  return zipSync(files, { level: 6 });
}
