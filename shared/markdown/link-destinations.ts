/** Which link destinations the markdown subset keeps as links: allowed schemes, entities decoded, controls refused. */

/** Link schemes kept as links; everything else stays literal text. */
export const ALLOWED_LINK_SCHEMES: readonly string[] = ['https', 'http', 'mailto'];


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
