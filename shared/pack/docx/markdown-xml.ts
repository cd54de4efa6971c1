import { parseMarkdown, type MdInline, type MdList } from '../../markdown/parse';
import { hyperlink, paragraph, run, type ParagraphStyle, type RunStyle } from './wordml';

/*
 * Delegate-written markdown as Word paragraphs: from the parsed tree (never as markup), bold and
 * italics as run properties, links as Word hyperlinks (only the destinations the parser allows),
 * list items as paragraphs of the "Pack List" style with their bullet or number written out, so a
 * piece of a list keeps the number it had.
 */

export function inlineRuns(inlines: readonly MdInline[], style: RunStyle = {}): string {
  let out = '';
  for (const inline of inlines) {
    if (inline.type === 'text') out += run(inline.text, style);
    else if (inline.type === 'lineBreak') out += '<w:r><w:br/></w:r>';
    else if (inline.type === 'strong') out += inlineRuns(inline.children, { ...style, bold: true });
    else if (inline.type === 'emphasis') out += inlineRuns(inline.children, { ...style, italics: true });
    else out += hyperlink(inline.href, inlineRuns(inline.children, { ...style, color: '0563C1', underline: true }));
  }
  return out;
}

type AnyItem = { children: MdInline[]; sublists?: MdList<AnyItem>[] };

function listSpecs(list: MdList<AnyItem>, depth: number, out: { p: ParagraphStyle; runs: string }[]): void {
  list.items.forEach((item, i) => {
    const marker = list.type === 'orderedList' ? `${list.start + i}.` : depth === 0 ? '•' : '–';
    out.push({ p: { style: 'PackList', indentLeft: 360 * (depth + 1), hanging: 300 }, runs: run(`${marker}\t`) + inlineRuns(item.children) });
    for (const sub of item.sublists ?? []) listSpecs(sub, depth + 1, out);
  });
}

/** The paragraphs of a passage; `lead` (a talking point's number) opens the first, `tail` (citations) closes the last. */
export function markdownParagraphs(text: string, options: { style?: string; lead?: string; tail?: string } = {}): string {
  const base: ParagraphStyle = options.style ? { style: options.style } : {};
  const specs: { p: ParagraphStyle; runs: string }[] = [];
  for (const block of parseMarkdown(text)) {
    if (block.type === 'paragraph') specs.push({ p: base, runs: inlineRuns(block.children) });
    else listSpecs(block, 0, specs);
  }
  if (specs.length === 0) specs.push({ p: base, runs: '' });
  return specs.map((s, i) => paragraph((i === 0 ? (options.lead ?? '') : '') + s.runs + (i === specs.length - 1 ? (options.tail ?? '') : ''), s.p)).join('');
}
