/*
 * Splits delegate-written markdown into the smallest pieces a page break may fall between:
 * each paragraph and each top-level list item (with its nested items). It follows the line
 * rules of shared/markdown/parse.ts, so every piece parses to the block it was part of; a
 * numbered item gets the number it had in its list, because a list of one item restarts.
 * Linear in the length of the text.
 */

const BULLET_ITEM = /^([ \t]*)[-*+][ \t]+/;
const ORDERED_ITEM = /^([ \t]*)(\d{1,9})([.)][ \t]+.*)$/s;

function indentWidth(whitespace: string): number {
  let width = 0;
  for (const c of whitespace) width = c === '\t' ? width + 4 - (width % 4) : width + 1;
  return width;
}

interface Item {
  indent: number;
  ordered: boolean;
  start: number;
}

function matchItem(line: string): Item | undefined {
  const bullet = BULLET_ITEM.exec(line);
  if (bullet) return { indent: indentWidth(bullet[1] ?? ''), ordered: false, start: 1 };
  const ordered = ORDERED_ITEM.exec(line);
  if (ordered) return { indent: indentWidth(ordered[1] ?? ''), ordered: true, start: Number(ordered[2]) };
  return undefined;
}

export function splitMarkdown(text: string): string[] {
  const pieces: string[] = [];
  let lines: string[] = [];
  let kind: 'none' | 'paragraph' | 'list' = 'none';
  let list: { ordered: boolean; indent: number; next: number } | undefined;
  let blankSeen = false;
  const close = () => {
    if (lines.length > 0) pieces.push(lines.join('\n'));
    lines = [];
  };
  for (const line of String(text ?? '').split(/\r\n|\r|\n/)) {
    if (line.trim() === '') {
      if (kind === 'paragraph') {
        close();
        kind = 'none';
      }
      blankSeen = true;
      continue;
    }
    const item = matchItem(line);
    if (item) {
      if (kind === 'list' && list && item.indent >= list.indent + 2) {
        lines.push(line); // nested item: stays with its parent
        blankSeen = false;
        continue;
      }
      if (kind === 'paragraph' && item.ordered && item.start !== 1) {
        lines.push(line); // "…in\n2024. The" stays one paragraph, as the parser reads it
        continue;
      }
      close();
      if (!(kind === 'list' && list && list.ordered === item.ordered)) list = { ordered: item.ordered, indent: item.indent, next: item.start };
      const number = list!.next++;
      lines = [item.ordered ? line.replace(ORDERED_ITEM, (_all, ws: string, _n: string, rest: string) => `${ws}${number}${rest}`) : line];
      kind = 'list';
      blankSeen = false;
      continue;
    }
    if ((kind === 'list' && !blankSeen) || kind === 'paragraph') {
      lines.push(line);
      continue;
    }
    close();
    kind = 'paragraph';
    list = undefined;
    lines = [line];
    blankSeen = false;
  }
  close();
  return pieces;
}
