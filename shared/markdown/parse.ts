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

export * from './tree';
export { ALLOWED_LINK_SCHEMES, isAllowedHref, linkScheme } from './link-destinations';
export { MAX_INLINE_DEPTH } from './inline-finalise';
export { parseInlines } from './inline-parser';
export { parseMarkdown, parseMarkdownWithSpans, type MdBlockSpan } from './block-parser';
