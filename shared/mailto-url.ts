/*
 * Which mailto: links the app hands to the operating system's mail program. Pure functions, so
 * the rule is unit-tested and main checks again what the renderer sends (electron/security.ts).
 * One recipient of the plain form name@host.tld, and at most a subject and a body: no other
 * header (cc, bcc, to, from, reply-to...) can be injected, and a subject holds no line break.
 */

/**
 * The form of an address a contact record may carry (shared/model/contact.ts) and a mailto may
 * name: the plain `name@host.tld`, without `%`, `?`, `&`, `=`, `#`, `,`, quotes or spaces, which a
 * mailto would read as something else (an encoding, headers, a second recipient).
 */
export const EMAIL_PATTERN = /^[A-Za-z0-9.!$'*+/^_`{|}~-]+@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;

const MAX_MAILTO_LENGTH = 2048;
const MAX_SUBJECT_LENGTH = 200;
const HEADERS = ['subject', 'body'] as const;

// eslint-disable-next-line no-control-regex -- control characters are what a subject must not hold
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

export interface MailtoParts {
  to: string;
  subject?: string;
  body?: string;
}

function partsProblem(parts: MailtoParts): boolean {
  if (parts.to.length > 254 || !EMAIL_PATTERN.test(parts.to)) return true;
  if (parts.subject !== undefined && (parts.subject.length > MAX_SUBJECT_LENGTH || CONTROL.test(parts.subject))) return true;
  // A body may hold line breaks (RFC 6068 writes them %0D%0A), no other control character.
  if (parts.body !== undefined && CONTROL.test(parts.body.replace(/\r?\n/g, ''))) return true;
  return false;
}

/** The mailto: link for one address and an optional subject and body, or undefined when any part is not allowed. */
export function toSafeMailtoUrl(parts: MailtoParts): string | undefined {
  if (typeof parts?.to !== 'string' || partsProblem(parts)) return undefined;
  const query = HEADERS.flatMap((h) => (parts[h] === undefined || parts[h] === '' ? [] : [`${h}=${encodeURIComponent(parts[h].replace(/\r?\n/g, '\r\n'))}`]));
  const url = `mailto:${parts.to}${query.length > 0 ? `?${query.join('&')}` : ''}`;
  return url.length <= MAX_MAILTO_LENGTH ? url : undefined;
}

/**
 * The parts of a mailto: link the app accepts, or undefined: exactly one plain address, then
 * only `subject` and `body`, each at most once, percent-encoded as toSafeMailtoUrl writes them.
 */
export function parseSafeMailtoUrl(url: string): MailtoParts | undefined {
  if (typeof url !== 'string' || url.length > MAX_MAILTO_LENGTH || !url.toLowerCase().startsWith('mailto:')) return undefined;
  const rest = url.slice('mailto:'.length);
  const at = rest.indexOf('?');
  const to = at < 0 ? rest : rest.slice(0, at);
  const parts: MailtoParts = { to };
  if (at >= 0) {
    for (const pair of rest.slice(at + 1).split('&')) {
      const eq = pair.indexOf('=');
      const name = (eq < 0 ? pair : pair.slice(0, eq)).toLowerCase();
      if (!(HEADERS as readonly string[]).includes(name) || parts[name as 'subject'] !== undefined || eq < 0) return undefined;
      let value: string;
      try {
        value = decodeURIComponent(pair.slice(eq + 1));
      } catch {
        return undefined;
      }
      parts[name as 'subject' | 'body'] = value;
    }
  }
  return partsProblem(parts) ? undefined : parts;
}

/** The normalised form of a mailto: link that is safe to open, or undefined (open the result, not the input). */
export function toSafeMailto(url: string): string | undefined {
  const parts = parseSafeMailtoUrl(url);
  return parts === undefined ? undefined : toSafeMailtoUrl(parts);
}
