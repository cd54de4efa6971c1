/*
 * A deliberately small markdown subset for briefing text that delegates write (objectives,
 * positions, talking points), parsed into a typed tree so that no renderer ever handles markup
 * as HTML.
 *
 * Supported: paragraphs (blank line between), single newlines as line breaks, `-`/`*`/`+`
 * bullets and `1.`/`1)` numbered lists (start number kept) with one level of nesting,
 * `**strong**`/`__strong__`, `*emphasis*`/`_emphasis_` (CommonMark flanking rules, so
 * `snake_case_words` stay as typed), `[text](url)` links, bare `https://…`/`http://…`
 * autolinks, and backslash escapes of ASCII punctuation. Everything else — headings, code,
 * images, tables, and every HTML tag — is literal text.
 *
 * Links are kept only for https:, http: and mailto: destinations (see isAllowedHref); any
 * other `[text](url)` is kept as the literal characters the delegate typed.
 *
 * Pure TypeScript, linear time: the inline parser is CommonMark's delimiter-stack algorithm
 * (with its "openers bottom" bound), parentheses are matched in one pre-pass, and no regular
 * expression used here can backtrack catastrophically.
 */

export interface MdText {
  type: 'text';
  text: string;
}
export interface MdStrong {
  type: 'strong';
  children: MdInline[];
}
export interface MdEmphasis {
  type: 'emphasis';
  children: MdInline[];
}
/** `href` is exactly what the delegate typed (backslash escapes removed) and passed isAllowedHref. */
export interface MdLink {
  type: 'link';
  href: string;
  children: MdInline[];
}
export interface MdLineBreak {
  type: 'lineBreak';
}
export type MdInline = MdText | MdStrong | MdEmphasis | MdLink | MdLineBreak;

/** An item of a nested list: nesting stops at one level. */
export interface MdNestedListItem {
  children: MdInline[];
}
export interface MdListItem {
  children: MdInline[];
  /** Lists nested under this item, in order (a new one starts when bullets and numbers alternate). */
  sublists?: MdList<MdNestedListItem>[];
}
export interface MdBulletList<Item = MdListItem> {
  type: 'bulletList';
  items: Item[];
}
export interface MdOrderedList<Item = MdListItem> {
  type: 'orderedList';
  /** The number the delegate gave the first item. */
  start: number;
  items: Item[];
}
export type MdList<Item = MdListItem> = MdBulletList<Item> | MdOrderedList<Item>;
export interface MdParagraph {
  type: 'paragraph';
  children: MdInline[];
}
export type MdBlock = MdParagraph | MdList;

/** Link schemes kept as links; everything else stays literal text. */
export const ALLOWED_LINK_SCHEMES: readonly string[] = ['https', 'http', 'mailto'];

/** Strong/emphasis/link nesting deeper than this is flattened (keeps every renderer's recursion shallow). */
export const MAX_INLINE_DEPTH = 8;

// ---------------------------------------------------------------------------------------------
// Link destinations
// ---------------------------------------------------------------------------------------------

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_OR_SPACE = /[\u0000-\u0020\u007f-\u009f\u00a0\u1680\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff]/;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_OR_SPACE_ALL = /[\u0000-\u0020\u007f-\u009f\u00a0\u1680\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff]/g;
/** What the destination must literally start with: an allowed scheme, and for http(s) a host. */
const LITERAL_ALLOWED_PREFIX = /^(?:https?:\/\/[^/?#\\]|mailto:.)/i;
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const ENTITY = /&(?:#(\d{1,8})|#[xX]([0-9a-fA-F]{1,8})|([A-Za-z][A-Za-z0-9]{0,31}));?/g;
const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", colon: ':', semi: ';', sol: '/', bsol: '\\',
  period: '.', comma: ',', excl: '!', num: '#', lpar: '(', rpar: ')', percnt: '%', equals: '=',
  Tab: '\t', NewLine: '\n', tab: '\t', newline: '\n', nbsp: '\u00a0', NonBreakingSpace: '\u00a0',
  ZeroWidthSpace: '\u200b', quest: '?', commat: '@',
};

function decodeEntities(value: string): string {
  return value.replace(ENTITY, (whole, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (name !== undefined) return NAMED_ENTITIES[name] ?? NAMED_ENTITIES[name.toLowerCase()] ?? whole;
    const code = dec !== undefined ? parseInt(dec, 10) : parseInt(hex ?? '', 16);
    if (!(code > 0 && code <= 0x10ffff) || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
    return String.fromCodePoint(code);
  });
}

/**
 * The lower-case scheme of `url` as a browser would see it after decoding HTML entities and
 * dropping whitespace and control characters (`&#106;ava\tscript:` → `javascript`), or
 * undefined when it has none.
 */
export function linkScheme(url: string): string | undefined {
  const normalised = decodeEntities(url.trim()).replace(CONTROL_OR_SPACE_ALL, '');
  return SCHEME.exec(normalised)?.[1]?.toLowerCase();
}

/**
 * True when `href` may become a link: it must literally start with `https://host`,
 * `http://host` or `mailto:` (any letter case), contain no whitespace or control character,
 * and still have an allowed scheme after entity decoding and normalisation. Relative and
 * scheme-less addresses are refused, as are allowed schemes spelled with entities.
 */
export function isAllowedHref(href: string): boolean {
  if (!LITERAL_ALLOWED_PREFIX.test(href) || CONTROL_OR_SPACE.test(href)) return false;
  const scheme = linkScheme(href);
  return scheme !== undefined && ALLOWED_LINK_SCHEMES.includes(scheme);
}

// ---------------------------------------------------------------------------------------------
// Inline parsing
// ---------------------------------------------------------------------------------------------

const WHITESPACE_CHAR = /^\s$/u;
const PUNCTUATION_CHAR = /^[\p{P}\p{S}]$/u;
const WORD_CHAR = /^[\p{L}\p{N}\p{M}]$/u;

function isAsciiPunctuation(c: string | undefined): boolean {
  if (c === undefined || c.length !== 1) return false;
  const code = c.charCodeAt(0);
  return (code >= 0x21 && code <= 0x2f) || (code >= 0x3a && code <= 0x40) || (code >= 0x5b && code <= 0x60) || (code >= 0x7b && code <= 0x7e);
}

/** Whitespace or a control character: never part of a link destination or autolink. */
function isBreakingCode(code: number): boolean {
  return code <= 0x20 || (code >= 0x7f && code <= 0xa0) || (code > 0xa0 && WHITESPACE_CHAR.test(String.fromCharCode(code))) || code === 0x200b || code === 0xfeff;
}

/** The whole code point before index `i` ('' at the start). */
function charBefore(src: string, i: number): string {
  if (i <= 0) return '';
  const low = src.charCodeAt(i - 1);
  if (low >= 0xdc00 && low <= 0xdfff && i >= 2) {
    const high = src.charCodeAt(i - 2);
    if (high >= 0xd800 && high <= 0xdbff) return src.slice(i - 2, i);
  }
  return src[i - 1] ?? '';
}

/** The whole code point at index `i` ('' at the end). */
function charAt(src: string, i: number): string {
  const cp = src.codePointAt(i);
  return cp === undefined ? '' : String.fromCodePoint(cp);
}

/**
 * For each unescaped `(`, the index of its balanced `)` when no whitespace or control
 * character comes between them, else -1. One pass, so destinations are found in linear time.
 */
function matchParentheses(src: string): Int32Array {
  const match = new Int32Array(src.length).fill(-1);
  const open: number[] = [];
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '\\' && isAsciiPunctuation(src[i + 1])) {
      i++;
    } else if (c === '(') {
      open.push(i);
    } else if (c === ')') {
      const o = open.pop();
      if (o !== undefined) match[o] = i;
    } else if (isBreakingCode(src.charCodeAt(i))) {
      open.length = 0;
    }
  }
  return match;
}

const AUTOLINK_TRAILING = new Set(['?', '!', '.', ',', ':', ';', '*', '_', '~', "'", '"']);
const AUTOLINK_STOP = new Set(['<', '>', '[', ']', '"', '`', '\\']);

interface Node {
  inline: MdInline;
  prev: Node | null;
  next: Node | null;
}

interface Delimiter {
  node: Node & { inline: MdText };
  ch: '*' | '_';
  length: number;
  readonly origLength: number;
  readonly canOpen: boolean;
  readonly canClose: boolean;
  prev: Delimiter | null;
  next: Delimiter | null;
}

interface Bracket {
  node: Node;
  /** Index in the source of `[` (or of `!` for `![`). */
  start: number;
  image: boolean;
  active: boolean;
  prev: Bracket | null;
  /** The delimiter stack's top when this bracket was opened. */
  delimiterBottom: Delimiter | null;
}

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

/**
 * Copies the tree iteratively, merging adjacent text, dropping empty text, unwrapping links
 * inside links and formatting nested deeper than MAX_INLINE_DEPTH.
 */
function finalise(top: MdInline[]): MdInline[] {
  const out: MdInline[] = [];
  const stack: { items: MdInline[]; index: number; target: MdInline[]; depth: number; inLink: boolean }[] = [
    { items: top, index: 0, target: out, depth: 0, inLink: false },
  ];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    const item = frame.items[frame.index++];
    if (!item) {
      stack.pop();
      continue;
    }
    const { target } = frame;
    if (item.type === 'text') {
      if (item.text === '') continue;
      const last = target[target.length - 1];
      if (last?.type === 'text') target[target.length - 1] = { type: 'text', text: last.text + item.text };
      else target.push({ type: 'text', text: item.text });
    } else if (item.type === 'lineBreak') {
      target.push({ type: 'lineBreak' });
    } else if (item.type === 'link' ? frame.inLink : frame.depth >= MAX_INLINE_DEPTH) {
      stack.push({ items: item.children, index: 0, target, depth: frame.depth, inLink: frame.inLink });
    } else {
      const children: MdInline[] = [];
      target.push(item.type === 'link' ? { type: 'link', href: item.href, children } : { type: item.type, children });
      stack.push({ items: item.children, index: 0, target: children, depth: frame.depth + 1, inLink: frame.inLink || item.type === 'link' });
    }
  }
  return out;
}

/** Parses one paragraph's or list item's text (lines joined by `\n`). */
export function parseInlines(text: string): MdInline[] {
  return new InlineParser(text).parse();
}

// ---------------------------------------------------------------------------------------------
// Blocks
// ---------------------------------------------------------------------------------------------

const BULLET_ITEM = /^([ \t]*)[-*+][ \t]+(.*)$/s;
const ORDERED_ITEM = /^([ \t]*)(\d{1,9})[.)][ \t]+(.*)$/s;

interface ItemLine {
  indent: number;
  ordered: boolean;
  start: number;
  content: string;
}

function indentWidth(whitespace: string): number {
  let width = 0;
  for (const c of whitespace) width = c === '\t' ? width + 4 - (width % 4) : width + 1;
  return width;
}

function matchItem(line: string): ItemLine | undefined {
  const bullet = BULLET_ITEM.exec(line);
  if (bullet) return { indent: indentWidth(bullet[1] ?? ''), ordered: false, start: 1, content: (bullet[2] ?? '').trim() };
  const ordered = ORDERED_ITEM.exec(line);
  if (ordered) return { indent: indentWidth(ordered[1] ?? ''), ordered: true, start: Number(ordered[2]), content: (ordered[3] ?? '').trim() };
  return undefined;
}

interface PendingItem {
  lines: string[];
  sublists: PendingList[];
}
interface PendingList {
  ordered: boolean;
  start: number;
  indent: number;
  items: PendingItem[];
}
type Pending = { kind: 'paragraph'; lines: string[] } | { kind: 'list'; list: PendingList };

function toList<Item>(pending: PendingList, item: (p: PendingItem) => Item): MdList<Item> {
  const items = pending.items.map(item);
  return pending.ordered ? { type: 'orderedList', start: pending.start, items } : { type: 'bulletList', items };
}

function toBlock(pending: Pending): MdBlock {
  if (pending.kind === 'paragraph') return { type: 'paragraph', children: parseInlines(pending.lines.join('\n')) };
  return toList(pending.list, (p): MdListItem => {
    const children = parseInlines(p.lines.join('\n'));
    if (p.sublists.length === 0) return { children };
    return { children, sublists: p.sublists.map((s) => toList(s, (q): MdNestedListItem => ({ children: parseInlines(q.lines.join('\n')) }))) };
  });
}

/**
 * Where a top-level block starts and ends in the source text: a paragraph, or one top-level list
 * item with the items nested under it. `number` is the number an ordered item has in its list
 * (its list's start plus its place), so a piece cut out on its own keeps it.
 */
export type MdBlockSpan = { kind: 'paragraph'; start: number; end: number } | { kind: 'item'; ordered: boolean; number: number; start: number; end: number };

/**
 * Parses briefing text into blocks. Never throws; anything outside the subset is literal
 * text. A line that is not a list item continues the item above it (as a line break) unless a
 * blank line came between; items indented two or more columns past the list's first item nest
 * one level (deeper indents stay at that level). A numbered item interrupts a paragraph only
 * when it is numbered 1, so "…in\n2024. The" stays one paragraph.
 */
export function parseMarkdown(text: string): MdBlock[] {
  return parseMarkdownWithSpans(text).blocks;
}

/** parseMarkdown, with the source span of every paragraph and top-level list item (for cutting the text into pieces). */
export function parseMarkdownWithSpans(text: string): { blocks: MdBlock[]; spans: MdBlockSpan[] } {
  const blocks: MdBlock[] = [];
  const spans: MdBlockSpan[] = [];
  let current: Pending | null = null;
  let blankSeen = false;
  const close = () => {
    if (current) blocks.push(toBlock(current));
    current = null;
  };
  const source = String(text ?? '').replace(/\0/g, '\ufffd');
  const lineBreak = /\r\n|\r|\n/g;
  let from = 0;
  for (;;) {
    const found = lineBreak.exec(source);
    const end = found ? found.index : source.length;
    const line = source.slice(from, end);
    const start = from;
    from = found ? found.index + found[0].length : source.length;
    const extend = () => {
      const span = spans[spans.length - 1];
      if (span) span.end = end;
    };
    step: {
      if (line.trim() === '') {
        if (current?.kind === 'paragraph') close();
        blankSeen = true;
        break step;
      }
      const item = matchItem(line);
      const open = current as Pending | null;
      if (item) {
        const newItem: PendingItem = { lines: [item.content], sublists: [] };
        if (open?.kind === 'list') {
          const list = open.list;
          const parent = list.items[list.items.length - 1];
          if (parent && item.indent >= list.indent + 2) {
            const sub = parent.sublists[parent.sublists.length - 1];
            if (sub && sub.ordered === item.ordered) sub.items.push(newItem);
            else parent.sublists.push({ ordered: item.ordered, start: item.start, indent: item.indent, items: [newItem] });
            blankSeen = false;
            extend();
            break step;
          }
          if (list.ordered === item.ordered) {
            list.items.push(newItem);
            spans.push({ kind: 'item', ordered: list.ordered, number: list.start + list.items.length - 1, start, end });
            blankSeen = false;
            break step;
          }
        } else if (open?.kind === 'paragraph' && item.ordered && item.start !== 1) {
          open.lines.push(line.trim());
          extend();
          break step;
        }
        close();
        current = { kind: 'list', list: { ordered: item.ordered, start: item.start, indent: item.indent, items: [newItem] } };
        spans.push({ kind: 'item', ordered: item.ordered, number: item.start, start, end });
        blankSeen = false;
        break step;
      }
      if (open?.kind === 'list' && !blankSeen) {
        const top = open.list.items[open.list.items.length - 1]!;
        const sub = top.sublists[top.sublists.length - 1];
        const deepest = sub ? sub.items[sub.items.length - 1]! : top;
        deepest.lines.push(line.trim());
        extend();
        break step;
      }
      if (open?.kind === 'paragraph') {
        open.lines.push(line.trim());
        extend();
        break step;
      }
      close();
      current = { kind: 'paragraph', lines: [line.trim()] };
      spans.push({ kind: 'paragraph', start, end });
      blankSeen = false;
    }
    if (!found) break;
  }
  close();
  return { blocks, spans };
}
