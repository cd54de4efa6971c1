/**
 * Nesting depth of JSON text, measured without parsing it. JSON.parse itself copes with deep
 * nesting, but everything after it (zod, canonical JSON, deep comparison) recurses once per
 * level: 100,000 nested arrays overflow the stack there. Text nested deeper than any record can
 * be is refused before it is parsed. Brackets inside strings do not count.
 */

/** Deeper than any record shape in shared/model (a record is about five levels deep). */
export const MAX_JSON_DEPTH = 64;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const OPEN_ARRAY = 0x5b;
const CLOSE_OBJECT = 0x7d;
const CLOSE_ARRAY = 0x5d;

/** The deepest nesting in the text (UTF-8 bytes or a string); 0 for a scalar. Unbalanced text is measured as written. */
export function jsonDepth(text: Uint8Array | string, from = 0, to = text.length): number {
  const at: (i: number) => number = typeof text === 'string' ? (i) => text.charCodeAt(i) : (i) => text[i]!;
  let depth = 0;
  let deepest = 0;
  let inString = false;
  let escaped = false;
  for (let i = from; i < to; i++) {
    const c = at(i);
    if (inString) {
      if (escaped) escaped = false;
      else if (c === BACKSLASH) escaped = true;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) inString = true;
    else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      if (++depth > deepest) deepest = depth;
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) depth--;
  }
  return deepest;
}

export class TooDeepError extends Error {
  constructor(readonly depth: number, readonly limit: number) {
    super(`it is nested ${depth} levels deep; at most ${limit} are allowed`);
  }
}

/** JSON.parse, refusing text nested deeper than `limit` (TooDeepError) before parsing it. */
export function parseJsonLimited(text: string, limit = MAX_JSON_DEPTH): unknown {
  const depth = jsonDepth(text);
  if (depth > limit) throw new TooDeepError(depth, limit);
  return JSON.parse(text);
}
