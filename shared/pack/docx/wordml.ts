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

function runProperties(style: RunStyle): string {
  let p = '';
  if (style.bold) p += '<w:b/>';
  if (style.italics) p += '<w:i/>';
  if (style.color) p += `<w:color w:val="${style.color}"/>`;
  if (style.size) p += `<w:sz w:val="${style.size}"/>`;
  if (style.underline) p += '<w:u w:val="single"/>';
  if (style.superScript) p += '<w:vertAlign w:val="superscript"/>';
  return p ? `<w:rPr>${p}</w:rPr>` : '';
}

/** A run of text; tabs and line breaks in it become Word's own. */
export function run(text: string, style: RunStyle = {}): string {
  if (text === '') return '';
  const parts = text.split(/(\t|\n)/);
  let inner = '';
  for (const part of parts) {
    if (part === '\t') inner += '<w:tab/>';
    else if (part === '\n') inner += '<w:br/>';
    else if (part !== '') inner += `<w:t xml:space="preserve">${esc(part)}</w:t>`;
  }
  return `<w:r>${runProperties(style)}${inner}</w:r>`;
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
