import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  LeaderType,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  ShadingType,
  Tab,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx';
import type { PackBlock, PackChapter, PackDocument } from '../model';
import { markdownParagraphs } from './markdown-runs';

/*
 * The brief as a Word document, from the same pack document the printed pack is laid out from
 * (so the same parts, order, numbering and profile: a shareable document never holds what a
 * shareable pack may not). Word lays out its own pages, so the contents are a Word table of
 * contents field over the headings (Word fills in the page numbers when the document opens),
 * and every page's header and footer carry the marking and "Page X of Y" as Word fields. Styles
 * are named so a ministry's template can restyle them: headings, "Talking Point", "Restricted",
 * "Private Note", "Pack Muted", "Pack List".
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

const A4 = { width: 11906, height: 16838 };
const LETTER = { width: 12240, height: 15840 };
const MARGIN = 1134; // 2 cm

function cites(numbers: readonly number[] | undefined): ParagraphChild[] {
  return numbers && numbers.length > 0 ? [new TextRun({ text: ` [${numbers.join(', ')}]`, superScript: true })] : [];
}

function cellParagraphs(text: string, markdown: boolean, tail: ParagraphChild[]): Paragraph[] {
  return markdown ? markdownParagraphs(text, { tail }) : [new Paragraph({ children: [new TextRun(text), ...tail] })];
}

function table(block: Extract<PackBlock, { kind: 'table' }>): Table {
  const width = (w: number) => ({ size: w * 50, type: WidthType.PERCENTAGE });
  const header = new TableRow({
    tableHeader: true,
    children: block.columns.map((c) => new TableCell({ width: width(c.width), shading: { type: ShadingType.CLEAR, fill: 'E8EBF2', color: 'auto' }, children: [new Paragraph({ children: [new TextRun({ text: c.label, bold: true })] })] })),
  });
  const rows = block.rows.map(
    (row) =>
      new TableRow({
        cantSplit: false,
        children: block.columns.map((c, i) => new TableCell({ width: width(c.width), children: cellParagraphs(row.cells[i] ?? '', c.markdown === true, i === block.columns.length - 1 ? cites(row.cites) : []) })),
      }),
  );
  return new Table({ width: { size: 5000, type: WidthType.PERCENTAGE }, rows: [header, ...rows] });
}

function blockChildren(block: PackBlock, labels: DocxLabels): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'heading':
      return [new Paragraph({ heading: block.level === 2 ? HeadingLevel.HEADING_3 : HeadingLevel.HEADING_4, children: [new TextRun(block.text), ...cites(block.cites)] })];
    case 'text':
      return [new Paragraph({ ...(block.tone === 'muted' ? { style: 'PackMuted' } : {}), children: [new TextRun({ text: block.text, bold: block.tone === 'lead' }), ...cites(block.cites)] })];
    case 'field':
      return [new Paragraph({ children: [new TextRun({ text: `${block.label}: `, bold: true }), new TextRun(block.value), ...cites(block.cites)] })];
    case 'markdown': {
      const style = block.number !== undefined ? 'TalkingPoint' : block.tone === 'private' ? 'PrivateNote' : block.tone === 'restricted' ? 'Restricted' : undefined;
      return markdownParagraphs(block.text, { ...(style ? { style } : {}), lead: block.number !== undefined ? [new TextRun({ children: [`${block.number}.`, new Tab()], bold: true })] : [], tail: cites(block.cites) });
    }
    case 'table':
      return [table(block), new Paragraph({ children: [] })];
    case 'org-chart':
      return [new Paragraph({ style: 'PackMuted', children: [new TextRun(labels.orgChart)] })];
  }
}

function chapterChildren(chapter: PackChapter, labels: DocxLabels): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  // Parts and briefs start a page, as in the printed pack; short day sheets follow one another.
  const breakBefore = !chapter.continuous;
  if (chapter.group) out.push(new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: breakBefore, children: [new TextRun(chapter.group)] }));
  out.push(new Paragraph({ heading: chapter.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2, pageBreakBefore: breakBefore && !chapter.group, children: [new TextRun(chapter.title)] }));
  for (const block of chapter.blocks) out.push(...blockChildren(block, labels));
  return out;
}

function pageFurniture(doc: PackDocument, labels: DocxLabels): { headers: { default: Header }; footers: { default: Footer } } {
  const [before, after] = labels.pageOf.split('{page}');
  const [between, end] = (after ?? '').split('{pages}');
  const marking = new TextRun({ text: doc.marking, bold: true, color: 'B0101F' });
  return {
    headers: {
      default: new Header({
        children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun(`${doc.meetingCode} · ${doc.cover.profile}${doc.draft ? ` · ${labels.draft}` : ''}    `), marking] })],
      }),
    },
    footers: {
      default: new Footer({
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ text: doc.marking, bold: true, color: 'B0101F' }), new TextRun(`    ${before ?? ''}`), new TextRun({ children: [PageNumber.CURRENT] }), new TextRun(between ?? ''), new TextRun({ children: [PageNumber.TOTAL_PAGES] }), new TextRun(end ?? '')],
          }),
        ],
      }),
    },
  };
}

export function packDocument(doc: PackDocument, labels: DocxLabels): Document {
  const c = doc.cover;
  const cover: Paragraph[] = [
    new Paragraph({ style: 'PackMuted', children: [new TextRun({ text: c.meetingCode, bold: true })] }),
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(c.title)] }),
    ...(c.number ? [new Paragraph({ style: 'PackMuted', children: [new TextRun(c.number)] })] : []),
    new Paragraph({ spacing: { before: 240, after: 240 }, children: [new TextRun({ text: c.briefTitle, size: 28 })] }),
    ...labels.cover.map((row) => new Paragraph({ children: [new TextRun({ text: `${row.label}: `, bold: true }), new TextRun(row.value)] })),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 480 }, children: [new TextRun({ text: doc.marking, bold: true, size: 32, color: 'B0101F' })] }),
    new Paragraph({ children: [new PageBreak()] }),
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(labels.contents)] }),
  ];
  const size = doc.paper === 'letter' ? LETTER : A4;
  return new Document({
    creator: c.author || 'ASEAN Delegate Briefing',
    title: c.briefTitle,
    features: { updateFields: true },
    styles: {
      default: { document: { run: { font: 'Noto Sans', size: 20 } } },
      paragraphStyles: [
        { id: 'TalkingPoint', name: 'Talking Point', basedOn: 'Normal', paragraph: { indent: { left: 425, hanging: 425 }, spacing: { after: 80 } } },
        { id: 'Restricted', name: 'Restricted', basedOn: 'Normal', paragraph: { indent: { left: 200 }, border: { left: { style: BorderStyle.SINGLE, size: 16, color: 'B0101F', space: 6 } } } },
        { id: 'PrivateNote', name: 'Private Note', basedOn: 'Normal', paragraph: { shading: { type: ShadingType.CLEAR, fill: 'FFF6D6', color: 'auto' }, border: { left: { style: BorderStyle.SINGLE, size: 16, color: 'F2B705', space: 6 } } } },
        { id: 'PackMuted', name: 'Pack Muted', basedOn: 'Normal', run: { color: '4A4F5C', size: 18 } },
        { id: 'PackList', name: 'Pack List', basedOn: 'Normal', paragraph: { spacing: { after: 40 } } },
      ],
    },
    sections: [
      {
        properties: { page: { size, margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN } } },
        ...pageFurniture(doc, labels),
        children: [...cover, new TableOfContents(labels.contents, { hyperlink: true, headingStyleRange: '1-2', tabLeader: LeaderType.DOT }), ...doc.chapters.flatMap((chapter) => chapterChildren(chapter, labels))],
      },
    ],
  });
}

/** The .docx file's bytes. */
export async function packDocx(doc: PackDocument, labels: DocxLabels): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toArrayBuffer(packDocument(doc, labels)));
}
