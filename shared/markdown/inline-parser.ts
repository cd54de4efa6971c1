import { AUTOLINK_STOP, AUTOLINK_TRAILING, PUNCTUATION_CHAR, WHITESPACE_CHAR, WORD_CHAR, charAt, charBefore, isAsciiPunctuation, isBreakingCode, matchParentheses } from './inline-characters';
import type { Bracket, Delimiter, Node } from './inline-delimiters';
import { finalise } from './inline-finalise';
import { isAllowedHref } from './link-destinations';
import type { MdInline, MdText } from './tree';

/** The inline parser: CommonMark's delimiter-stack algorithm over one paragraph's or list item's text. */

class InlineParser {
  private head: Node | null = null;
  private tail: Node | null = null;
  private delimiters: Delimiter | null = null;
  private brackets: Bracket | null = null;
  private buffer = '';
  private readonly parens: Int32Array;

  constructor(private readonly src: string) {
    this.parens = matchParentheses(src);
  }

  parse(): MdInline[] {
    const src = this.src;
    const n = src.length;
    let i = 0;
    while (i < n) {
      const c = src[i] as string;
      switch (c) {
        case '\\':
          if (isAsciiPunctuation(src[i + 1])) {
            this.buffer += src[i + 1];
            i += 2;
          } else {
            this.buffer += c;
            i++;
          }
          break;
        case '\n':
          this.flush();
          this.append({ type: 'lineBreak' });
          i++;
          break;
        case '*':
        case '_':
          i = this.delimiterRun(i, c);
          break;
        case '!':
          if (src[i + 1] === '[') {
            this.openBracket(i, true);
            i += 2;
          } else {
            this.buffer += c;
            i++;
          }
          break;
        case '[':
          this.openBracket(i, false);
          i++;
          break;
        case ']':
          i = this.closeBracket(i);
          break;
        case 'h':
        case 'H': {
          const end = WORD_CHAR.test(charBefore(src, i)) ? -1 : this.autolinkEnd(i);
          if (end > i) {
            this.flush();
            const href = src.slice(i, end);
            this.append({ type: 'link', href, children: [{ type: 'text', text: href }] });
            i = end;
          } else {
            this.buffer += c;
            i++;
          }
          break;
        }
        default:
          this.buffer += c;
          i++;
      }
    }
    this.flush();
    this.processEmphasis(null);
    const top: MdInline[] = [];
    for (let node = this.head; node; node = node.next) top.push(node.inline);
    return finalise(top);
  }

  private flush(): void {
    if (this.buffer !== '') {
      this.append({ type: 'text', text: this.buffer });
      this.buffer = '';
    }
  }

  private append(inline: MdInline): Node {
    const node: Node = { inline, prev: this.tail, next: null };
    if (this.tail) this.tail.next = node;
    else this.head = node;
    this.tail = node;
    return node;
  }

  private removeNode(node: Node): void {
    if (node.prev) node.prev.next = node.next;
    else this.head = node.next;
    if (node.next) node.next.prev = node.prev;
    else this.tail = node.prev;
  }

  /** Drops `node` and everything after it. */
  private truncateAt(node: Node): void {
    this.tail = node.prev;
    if (this.tail) this.tail.next = null;
    else this.head = null;
  }

  private delimiterRun(i: number, c: '*' | '_'): number {
    const src = this.src;
    let j = i;
    while (src[j] === c) j++;
    this.flush();
    const before = charBefore(src, i);
    const after = charAt(src, j);
    const beforeSpace = before === '' || WHITESPACE_CHAR.test(before);
    const afterSpace = after === '' || WHITESPACE_CHAR.test(after);
    const beforePunct = PUNCTUATION_CHAR.test(before);
    const afterPunct = PUNCTUATION_CHAR.test(after);
    const leftFlanking = !afterSpace && (!afterPunct || beforeSpace || beforePunct);
    const rightFlanking = !beforeSpace && (!beforePunct || afterSpace || afterPunct);
    const canOpen = c === '*' ? leftFlanking : leftFlanking && (!rightFlanking || beforePunct);
    const canClose = c === '*' ? rightFlanking : rightFlanking && (!leftFlanking || afterPunct);
    // The text is filled in when the delimiter leaves the stack, once its final length is known.
    const node = this.append({ type: 'text', text: '' }) as Node & { inline: MdText };
    const delimiter: Delimiter = { node, ch: c, length: j - i, origLength: j - i, canOpen, canClose, prev: this.delimiters, next: null };
    if (this.delimiters) this.delimiters.next = delimiter;
    this.delimiters = delimiter;
    return j;
  }

  private removeDelimiter(d: Delimiter): void {
    d.node.inline.text = d.ch.repeat(d.length);
    if (d.prev) d.prev.next = d.next;
    if (d.next) d.next.prev = d.prev;
    else this.delimiters = d.prev;
    d.prev = d.next = null;
  }

  /** Forgets delimiters above `bottom` whose nodes are being discarded. */
  private dropDelimitersAbove(bottom: Delimiter | null): void {
    this.delimiters = bottom;
    if (bottom) bottom.next = null;
  }

  private openBracket(i: number, image: boolean): void {
    this.flush();
    const node = this.append({ type: 'text', text: image ? '![' : '[' });
    this.brackets = { node, start: i, image, active: true, prev: this.brackets, delimiterBottom: this.delimiters };
  }

  private closeBracket(i: number): number {
    const src = this.src;
    const opener = this.brackets;
    if (!opener || !opener.active) {
      if (opener) this.brackets = opener.prev;
      this.buffer += ']';
      return i + 1;
    }
    this.brackets = opener.prev;
    const open = i + 1;
    const close = src[open] === '(' ? (this.parens[open] ?? -1) : -1;
    if (close <= open + 1) {
      // `[text]`, `[text]()` or no destination: the brackets are plain text.
      this.buffer += ']';
      return i + 1;
    }
    this.flush();
    const href = src.slice(open + 1, close).replace(/\\([!-/:-@[-`{-~])/g, '$1');
    if (opener.image || !isAllowedHref(href)) {
      // Images and refused schemes: everything the delegate typed, as typed.
      this.dropDelimitersAbove(opener.delimiterBottom);
      this.truncateAt(opener.node);
      this.appendLiteral(src.slice(opener.start, close + 1));
      return close + 1;
    }
    this.processEmphasis(opener.delimiterBottom);
    const children: MdInline[] = [];
    for (let node = opener.node.next; node; node = node.next) children.push(node.inline);
    this.truncateAt(opener.node);
    this.append({ type: 'link', href, children: children.length > 0 ? children : [{ type: 'text', text: href }] });
    // No links inside links: earlier `[` can no longer open one. Once one is inactive, all
    // the `[` below it are too, so the walk stops there and stays linear.
    for (let b = this.brackets; b; b = b.prev) {
      if (b.image) continue;
      if (!b.active) break;
      b.active = false;
    }
    return close + 1;
  }

  /** Literal source text, newlines still becoming line breaks. */
  private appendLiteral(text: string): void {
    const lines = text.split('\n');
    lines.forEach((line, index) => {
      if (index > 0) this.append({ type: 'lineBreak' });
      if (line !== '') this.append({ type: 'text', text: line });
    });
  }

  /** End of a bare `http(s)://host…` link starting at `i`, or -1. */
  private autolinkEnd(i: number): number {
    const src = this.src;
    const head = src.slice(i, i + 8).toLowerCase();
    const hostStart = head === 'https://' ? i + 8 : head.startsWith('http://') ? i + 7 : -1;
    if (hostStart < 0 || !WORD_CHAR.test(charAt(src, hostStart))) return -1;
    let end = hostStart;
    let opens = 0;
    let closes = 0;
    while (end < src.length) {
      const c = src[end] as string;
      if (AUTOLINK_STOP.has(c) || isBreakingCode(src.charCodeAt(end))) break;
      if (c === '(') opens++;
      else if (c === ')') closes++;
      end++;
    }
    // Trailing punctuation and unbalanced `)` belong to the sentence, not the address.
    while (end > hostStart) {
      const c = src[end - 1] as string;
      if (AUTOLINK_TRAILING.has(c)) end--;
      else if (c === ')' && closes > opens) {
        end--;
        closes--;
      } else break;
    }
    return end > hostStart && isAllowedHref(src.slice(i, end)) ? end : -1;
  }

  /** CommonMark's "process emphasis" for the delimiters above `bottom`. */
  private processEmphasis(bottom: Delimiter | null): void {
    const openersBottom = new Map<string, Delimiter | null>();
    let closer: Delimiter | null = this.delimiters;
    while (closer && closer.prev !== bottom) closer = closer.prev;
    while (closer) {
      if (!closer.canClose) {
        closer = closer.next;
        continue;
      }
      const key = `${closer.ch}${closer.canOpen ? 1 : 0}${closer.origLength % 3}`;
      const limit = openersBottom.has(key) ? openersBottom.get(key) : bottom;
      let opener: Delimiter | null = closer.prev;
      let found = false;
      while (opener && opener !== bottom && opener !== limit) {
        if (opener.ch === closer.ch && opener.canOpen) {
          const oddMatch =
            (closer.canOpen || opener.canClose) && closer.origLength % 3 !== 0 && (opener.origLength + closer.origLength) % 3 === 0;
          if (!oddMatch) {
            found = true;
            break;
          }
        }
        opener = opener.prev;
      }
      if (found && opener) {
        const use = closer.length >= 2 && opener.length >= 2 ? 2 : 1;
        opener.length -= use;
        closer.length -= use;
        // Delimiters between the pair can no longer match anything.
        for (let d = closer.prev; d && d !== opener; ) {
          const prev: Delimiter | null = d.prev;
          this.removeDelimiter(d);
          d = prev;
        }
        const children: MdInline[] = [];
        for (let node = opener.node.next; node && node !== closer.node; node = node.next) children.push(node.inline);
        const wrapped: Node = { inline: { type: use === 2 ? 'strong' : 'emphasis', children }, prev: opener.node, next: closer.node };
        opener.node.next = wrapped;
        closer.node.prev = wrapped;
        if (opener.length === 0) {
          this.removeNode(opener.node);
          this.unlinkDelimiter(opener);
        }
        if (closer.length === 0) {
          const next: Delimiter | null = closer.next;
          this.removeNode(closer.node);
          this.unlinkDelimiter(closer);
          closer = next;
        }
      } else {
        const passed: Delimiter = closer;
        closer = closer.next;
        openersBottom.set(key, passed.prev);
        if (!passed.canOpen) this.removeDelimiter(passed);
      }
    }
    while (this.delimiters && this.delimiters !== bottom) this.removeDelimiter(this.delimiters);
  }

  /** Removes a used-up delimiter whose node is already gone. */
  private unlinkDelimiter(d: Delimiter): void {
    if (d.prev) d.prev.next = d.next;
    if (d.next) d.next.prev = d.prev;
    else this.delimiters = d.prev;
  }
}

/** Parses one paragraph's or list item's text (lines joined by `\n`). */
export function parseInlines(text: string): MdInline[] {
  return new InlineParser(text).parse();
}
