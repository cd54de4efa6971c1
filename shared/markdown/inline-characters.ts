/** Character classes and scanning helpers of the inline parser (CommonMark's flanking rules, autolinks, parentheses). */

export const WHITESPACE_CHAR = /^\s$/u;
export const PUNCTUATION_CHAR = /^[\p{P}\p{S}]$/u;
export const WORD_CHAR = /^[\p{L}\p{N}\p{M}]$/u;

export function isAsciiPunctuation(c: string | undefined): boolean {
  if (c === undefined || c.length !== 1) return false;
  const code = c.charCodeAt(0);
  return (code >= 0x21 && code <= 0x2f) || (code >= 0x3a && code <= 0x40) || (code >= 0x5b && code <= 0x60) || (code >= 0x7b && code <= 0x7e);
}

/** Whitespace or a control character: never part of a link destination or autolink. */
export function isBreakingCode(code: number): boolean {
  return code <= 0x20 || (code >= 0x7f && code <= 0xa0) || (code > 0xa0 && WHITESPACE_CHAR.test(String.fromCharCode(code))) || code === 0x200b || code === 0xfeff;
}

/** The whole code point before index `i` ('' at the start). */
export function charBefore(src: string, i: number): string {
  if (i <= 0) return '';
  const low = src.charCodeAt(i - 1);
  if (low >= 0xdc00 && low <= 0xdfff && i >= 2) {
    const high = src.charCodeAt(i - 2);
    if (high >= 0xd800 && high <= 0xdbff) return src.slice(i - 2, i);
  }
  return src[i - 1] ?? '';
}

/** The whole code point at index `i` ('' at the end). */
export function charAt(src: string, i: number): string {
  const cp = src.codePointAt(i);
  return cp === undefined ? '' : String.fromCodePoint(cp);
}

/**
 * For each unescaped `(`, the index of its balanced `)` when no whitespace or control
 * character comes between them, else -1. One pass, so destinations are found in linear time.
 */
export function matchParentheses(src: string): Int32Array {
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

export const AUTOLINK_TRAILING = new Set(['?', '!', '.', ',', ':', ';', '*', '_', '~', "'", '"']);
export const AUTOLINK_STOP = new Set(['<', '>', '[', ']', '"', '`', '\\']);
