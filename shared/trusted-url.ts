import ipaddr from 'ipaddr.js';

/*
 * Which URLs the app trusts. Pure functions so the rules are unit-tested, and used by main for
 * navigation, new-window and "open in browser" decisions.
 */

/** Longer than any real link; keeps the parser away from megabyte strings. */
const MAX_EXTERNAL_URL_LENGTH = 2048;

// Whitespace or control characters are silently dropped or reinterpreted by URL parsers; a
// link that needs them is not one a dataset should carry.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const WHITESPACE_OR_CONTROL = /[\u0000-\u0020\u007f-\u009f\u00a0\u2028\u2029\ufeff]/;

/** Special-use names that resolve to the delegate's own machine or network (RFC 6761, 6762, 8375). */
const LOCAL_SUFFIXES = ['localhost', 'local', 'internal', 'home.arpa'];

const HOSTNAME = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

const GLOBAL_UNICAST = ipaddr.IPv6.parseCIDR('2000::/3');

/**
 * Whether an IP address is on the public internet, by ipaddr.js's table of special-use ranges
 * (private, loopback, link-local, carrier-grade NAT, unique-local, documentation, benchmarking,
 * multicast, Teredo, 6to4, NAT64, IPv4-mapped...): only what the table calls plain `unicast`
 * is public. For IPv6 it must also be global unicast (2000::/3), since the table leaves the
 * unassigned space (and the deprecated IPv4-compatible `::a.b.c.d` form) as `unicast` too.
 */
export function isPublicIpAddress(address: string): boolean {
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  if (ipaddr.IPv4.isValidFourPartDecimal(address)) parsed = ipaddr.IPv4.parse(address);
  else if (ipaddr.IPv6.isValid(address)) parsed = ipaddr.IPv6.parse(address);
  else return false;
  if (parsed.range() !== 'unicast') return false;
  return parsed.kind() === 'ipv4' || parsed.match(GLOBAL_UNICAST);
}

function isLocalName(hostname: string): boolean {
  return LOCAL_SUFFIXES.some((suffix) => hostname === suffix || hostname.endsWith(`.${suffix}`));
}

/** Whether a URL's hostname (as `new URL()` gives it) names a host on the public internet. */
export function isPublicHost(rawHostname: string): boolean {
  // The URL parser gives IPv6 hosts in brackets and IPv4 ones in dotted decimal (0x7f.1 becomes 127.0.0.1).
  if (rawHostname.startsWith('[')) return isPublicIpAddress(rawHostname.slice(1, -1));
  const hostname = rawHostname.endsWith('.') ? rawHostname.slice(0, -1) : rawHostname;
  if (/^[\d.]+$/.test(hostname)) return isPublicIpAddress(hostname);
  if (isLocalName(hostname)) return false;
  return hostname.length <= 253 && HOSTNAME.test(hostname);
}

/**
 * The normalised form of a link that is safe to hand to the operating system's browser, or
 * undefined. Callers should open the returned string, not their input, so that what was
 * checked is exactly what is opened.
 */
export function toSafeExternalUrl(url: string): string | undefined {
  if (typeof url !== 'string' || url.length > MAX_EXTERNAL_URL_LENGTH || WHITESPACE_OR_CONTROL.test(url)) {
    return undefined;
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  // https only: no javascript:, file:, data:, custom handlers, or plain-text http.
  if (parsed.protocol !== 'https:') return undefined;
  // Credentials in a link are a phishing trick (https://trusted.example@evil.example).
  if (parsed.username !== '' || parsed.password !== '') return undefined;
  if (!isPublicHost(parsed.hostname)) return undefined;
  return parsed.href;
}

/** True for public https links that may be opened outside the app. */
export function isSafeExternalUrl(url: string): boolean {
  return toSafeExternalUrl(url) !== undefined;
}

/**
 * True when `url` belongs to the app's own origin (`appOrigin`, e.g. `app://bundle`). Compares
 * scheme, host and port separately because URL.origin is "null" for custom schemes outside
 * Chromium, which also leaves their host's case alone (Chromium lowercases standard schemes).
 */
export function isAppUrl(url: string, appOrigin: string): boolean {
  try {
    const candidate = new URL(url);
    const app = new URL(appOrigin);
    return (
      candidate.protocol === app.protocol &&
      candidate.hostname !== '' &&
      candidate.hostname.toLowerCase() === app.hostname.toLowerCase() &&
      candidate.port === app.port &&
      candidate.username === '' &&
      candidate.password === ''
    );
  } catch {
    return false;
  }
}
