import { SCRIPT_FACES, scriptsIn, splitByScript, type PackScript } from '../scripts';

/*
 * WordprocessingML for the body of the brief, written as strings: the docx library builds an
 * object per run and serialises them generically, several seconds for a 300-item brief; the few
 * elements a brief needs are written here directly, in the order the schema wants them. Every
 * piece of text and attribute goes through esc().
 */

export function esc(text: string): string {
  // Characters XML 1.0 does not allow are dropped; the rest is escaped.
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '').replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

export interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  superScript?: boolean;
  color?: string;
  /** Half-points. */
  size?: number;
  underline?: boolean;
}

/**
 * The run's properties, in the order the schema wants them. Text in Thai, Lao, Khmer or Burmese
 * is a complex script to Word: it takes the face, size, weight and slant from the complex-script
 * properties (cs, szCs, bCs, iCs), so the run names its script's face in every slot and marks
 * itself complex with its language.
 */
function runProperties(style: RunStyle, script?: PackScript): string {
  const face = script ? SCRIPT_FACES[script] : undefined;
  let p = '';
  if (face) p += `<w:rFonts w:ascii="${face.family}" w:hAnsi="${face.family}" w:eastAsia="${face.family}" w:cs="${face.family}"/>`;
  if (style.bold) p += face ? '<w:b/><w:bCs/>' : '<w:b/>';
  if (style.italics) p += face ? '<w:i/><w:iCs/>' : '<w:i/>';
  if (style.color) p += `<w:color w:val="${style.color}"/>`;
  if (style.size) p += face ? `<w:sz w:val="${style.size}"/><w:szCs w:val="${style.size}"/>` : `<w:sz w:val="${style.size}"/>`;
  if (style.underline) p += '<w:u w:val="single"/>';
  if (style.superScript) p += '<w:vertAlign w:val="superscript"/>';
  if (face) p += `<w:cs/><w:lang w:bidi="${face.lang}"/>`;
  return p ? `<w:rPr>${p}</w:rPr>` : '';
}

function runOf(text: string, style: RunStyle, script?: PackScript): string {
  let inner = '';
  for (const part of text.split(/(\t|\n)/)) {
    if (part === '\t') inner += '<w:tab/>';
    else if (part === '\n') inner += '<w:br/>';
    else if (part !== '') inner += `<w:t xml:space="preserve">${esc(part)}</w:t>`;
  }
  return `<w:r>${runProperties(style, script)}${inner}</w:r>`;
}

/** A run of text (one per script it uses, each in its face); tabs and line breaks in it become Word's own. */
export function run(text: string, style: RunStyle = {}): string {
  if (text === '') return '';
  // Most text is Latin only: one run, without cutting it up.
  if (scriptsIn(text).length === 0) return runOf(text, style);
  return splitByScript(text)
    .map((segment) => runOf(segment.text, style, segment.script))
    .join('');
}

/** A hyperlink as a field (no relationship needed): Word shows it as a link. */
export function hyperlink(url: string, runs: string): string {
  return `<w:fldSimple w:instr="${esc(` HYPERLINK "${url.replace(/"/g, '%22')}" `)}">${runs}</w:fldSimple>`;
}

export interface ParagraphStyle {
  style?: string;
  pageBreakBefore?: boolean;
  keepNext?: boolean;
  /** Twips. */
  spacingBefore?: number;
  spacingAfter?: number;
  indentLeft?: number;
  hanging?: number;
  center?: boolean;
}

export function paragraph(runs: string, p: ParagraphStyle = {}): string {
  let pr = '';
  if (p.style) pr += `<w:pStyle w:val="${p.style}"/>`;
  if (p.keepNext) pr += '<w:keepNext/>';
  if (p.pageBreakBefore) pr += '<w:pageBreakBefore/>';
  if (p.spacingBefore !== undefined || p.spacingAfter !== undefined) pr += `<w:spacing${p.spacingBefore !== undefined ? ` w:before="${p.spacingBefore}"` : ''}${p.spacingAfter !== undefined ? ` w:after="${p.spacingAfter}"` : ''}/>`;
  if (p.indentLeft !== undefined) pr += `<w:ind w:left="${p.indentLeft}"${p.hanging ? ` w:hanging="${p.hanging}"` : ''}/>`;
  if (p.center) pr += '<w:jc w:val="center"/>';
  return `<w:p>${pr ? `<w:pPr>${pr}</w:pPr>` : ''}${runs}</w:p>`;
}

export function pageBreak(): string {
  return '<w:p><w:r><w:br w:type="page"/></w:r></w:p>';
}

const BORDER = 'w:val="single" w:sz="4" w:space="0" w:color="B8BCC8"';

/** A table with a header row repeated on every page it continues on; widths in twips. */
export function table(widths: readonly number[], header: readonly string[], rows: readonly (readonly string[])[]): string {
  const total = widths.reduce((a, b) => a + b, 0);
  const cell = (content: string, width: number, shade: boolean) =>
    `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/>${shade ? '<w:shd w:val="clear" w:color="auto" w:fill="E8EBF2"/>' : ''}</w:tcPr>${content || '<w:p/>'}</w:tc>`;
  let xml = `<w:tbl><w:tblPr><w:tblW w:w="${total}" w:type="dxa"/><w:tblBorders><w:top ${BORDER}/><w:bottom ${BORDER}/><w:insideH ${BORDER}/></w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="80" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblGrid>`;
  for (const w of widths) xml += `<w:gridCol w:w="${w}"/>`;
  xml += '</w:tblGrid><w:tr><w:trPr><w:tblHeader/></w:trPr>';
  header.forEach((h, i) => (xml += cell(h, widths[i]!, true)));
  xml += '</w:tr>';
  for (const row of rows) {
    xml += '<w:tr>';
    row.forEach((c, i) => (xml += cell(c, widths[i]!, false)));
    xml += '</w:tr>';
  }
  return `${xml}</w:tbl>`;
}

/**
 * A table of contents field over the Heading 1 and 2 paragraphs, written with its entries (no
 * page numbers: Word fills them in when it updates the field, which it offers on opening).
 */
export function tableOfContents(entries: readonly { title: string; level: number }[]): string {
  const begin = '<w:r><w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r><w:r><w:instrText xml:space="preserve"> TOC \\o "1-2" \\h \\z \\u </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>';
  const end = '<w:r><w:fldChar w:fldCharType="end"/></w:r>';
  if (entries.length === 0) return paragraph(begin + end);
  return entries.map((e, i) => paragraph((i === 0 ? begin : '') + run(e.title) + (i === entries.length - 1 ? end : ''), { style: `TOC${Math.min(9, Math.max(1, e.level))}` })).join('');
}
