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

/** [first address, prefix length] of IPv4 ranges that are not the public internet. */
const NON_PUBLIC_IPV4: [string, number][] = [
  ['0.0.0.0', 8], // "this" network
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, including cloud metadata endpoints
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved and broadcast
];

function ipv4ToNumber(address: string): number | undefined {
  const parts = address.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)) return undefined;
  return parts.reduce((acc, p) => acc * 256 + Number(p), 0);
}

function isPublicIpv4(address: string): boolean {
  const value = ipv4ToNumber(address);
  if (value === undefined) return false;
  return !NON_PUBLIC_IPV4.some(([base, bits]) => {
    const size = 2 ** (32 - bits);
    return Math.floor(value / size) === Math.floor(ipv4ToNumber(base)! / size);
  });
}

/** `hostname` is the bracketed, compressed form the URL parser produces, e.g. `[2001:db8::1]`. */
function isPublicIpv6(hostname: string): boolean {
  const address = hostname.slice(1, -1);
  if (address.startsWith('::')) return false; // ::, ::1, IPv4-mapped and -compatible forms
  const [first = 0, second = 0] = address.split(':').map((h) => (h === '' ? 0 : parseInt(h, 16)));
  // Only global unicast (2000::/3) reaches the public internet; fc00::/7, fe80::/10, ff00::/8 do not.
  if ((first & 0xe000) !== 0x2000) return false;
  if (first === 0x2001 && second === 0x0db8) return false; // documentation
  if (first === 0x2002) return false; // 6to4 embeds an IPv4 address that may be private
  return true;
}

function isLocalName(hostname: string): boolean {
  return LOCAL_SUFFIXES.some((suffix) => hostname === suffix || hostname.endsWith(`.${suffix}`));
}

function isPublicHost(rawHostname: string): boolean {
  if (rawHostname.startsWith('[')) return isPublicIpv6(rawHostname);
  const hostname = rawHostname.endsWith('.') ? rawHostname.slice(0, -1) : rawHostname;
  if (/^[\d.]+$/.test(hostname)) return isPublicIpv4(hostname);
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
