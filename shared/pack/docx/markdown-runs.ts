import { ExternalHyperlink, Paragraph, Tab, TextRun, type IParagraphOptions, type ParagraphChild } from 'docx';
import { parseMarkdown, type MdInline, type MdList } from '../../markdown/parse';

/*
 * Delegate-written markdown as Word paragraphs: from the parsed tree (never as markup), bold and
 * italics as run properties, links as Word hyperlinks (only the destinations the parser allows),
 * list items as paragraphs of the "Pack List" style with their bullet or number written out, so a
 * piece of a list keeps the number it had.
 */

interface RunStyle {
  bold?: boolean;
  italics?: boolean;
}

export function inlineRuns(inlines: readonly MdInline[], style: RunStyle = {}): ParagraphChild[] {
  return inlines.flatMap((inline): ParagraphChild[] => {
    switch (inline.type) {
      case 'text':
        return [new TextRun({ text: inline.text, ...style })];
      case 'lineBreak':
        return [new TextRun({ text: '', break: 1 })];
      case 'strong':
        return inlineRuns(inline.children, { ...style, bold: true });
      case 'emphasis':
        return inlineRuns(inline.children, { ...style, italics: true });
      case 'link':
        return [new ExternalHyperlink({ link: inline.href, children: inlineRuns(inline.children, style).filter((r): r is TextRun => r instanceof TextRun) })];
    }
  });
}

type AnyItem = { children: MdInline[]; sublists?: MdList<AnyItem>[] };

interface Spec {
  options: IParagraphOptions;
  children: ParagraphChild[];
}

function listSpecs(list: MdList<AnyItem>, depth: number): Spec[] {
  return list.items.flatMap((item, i) => {
    const marker = list.type === 'orderedList' ? `${list.start + i}.` : depth === 0 ? '•' : '–';
    return [
      { options: { style: 'PackList', indent: { left: 360 * (depth + 1), hanging: 300 } }, children: [new TextRun({ children: [marker, new Tab()] }), ...inlineRuns(item.children)] },
      ...(item.sublists ?? []).flatMap((sub) => listSpecs(sub, depth + 1)),
    ];
  });
}

/** The paragraphs of a passage; `lead` runs (a talking point's number) open the first, `tail` runs (citations) close the last. */
export function markdownParagraphs(text: string, options: { style?: string; lead?: ParagraphChild[]; tail?: ParagraphChild[] } = {}): Paragraph[] {
  const base: IParagraphOptions = options.style ? { style: options.style } : {};
  const specs: Spec[] = parseMarkdown(text).flatMap((block) => (block.type === 'paragraph' ? [{ options: base, children: inlineRuns(block.children) }] : listSpecs(block, 0)));
  if (specs.length === 0) specs.push({ options: base, children: [] });
  return specs.map((spec, i) => new Paragraph({ ...spec.options, children: [...(i === 0 ? (options.lead ?? []) : []), ...spec.children, ...(i === specs.length - 1 ? (options.tail ?? []) : [])] }));
}
