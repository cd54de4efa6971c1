import { describe, expect, it } from 'vitest';
import { isAppUrl, isPublicIpAddress, isSafeExternalUrl, toSafeExternalUrl } from '../../shared/trusted-url';

describe('isSafeExternalUrl: accepted', () => {
  it.each([
    'https://asean.org/',
    'https://asean.org/our-communities/economic-community/',
    'https://www.asean.org/wp-content/uploads/2023/05/ASOEN-36-Joint-Statement.pdf',
    'https://asean.org/search?q=haze&lang=en#results',
    'https://ASEAN.ORG/Path',
    'https://asean.org:8443/report',
    'https://kemlu.go.id/portal/en',
    'https://www.mfa.gov.sg/',
    'https://xn--80ak6aa92e.com/', // internationalised (punycode) domain
    'https://bộngoạigiao.vn/', // Unicode domain, converted to punycode by the parser
    'https://8.8.8.8/',
    'https://[2001:4860:4860::8888]/',
    'https://example.com./trailing-dot',
  ])('%s', (url) => {
    expect(isSafeExternalUrl(url)).toBe(true);
  });
});

describe('isSafeExternalUrl: refused', () => {
  it.each([
    // Not https.
    ['plain http', 'http://asean.org/'],
    ['javascript:', 'javascript:alert(document.cookie)'],
    ['JavaScript: in mixed case', 'JaVaScRiPt:alert(1)'],
    ['javascript: with leading space', ' javascript:alert(1)'],
    ['file:', 'file:///etc/passwd'],
    ['file: on Windows', 'file:///C:/Windows/System32/calc.exe'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['blob:', 'blob:https://asean.org/uuid'],
    ['ftp:', 'ftp://asean.org/file'],
    ['mailto:', 'mailto:secretariat@asean.org'],
    ['a custom handler', 'ms-msdt:/id PCWDiagnostic'],
    ['the app itself', 'app://bundle/index.html'],
    ['ws:', 'wss://asean.org/socket'],
    // Credentials.
    ['a username', 'https://user@asean.org/'],
    ['a username and password', 'https://user:pass@asean.org/'],
    ['a trusted name used as a username', 'https://asean.org@evil.example/'],
    // Local and private hosts.
    ['localhost', 'https://localhost/'],
    ['localhost with a port', 'https://localhost:5173/'],
    ['a localhost subdomain', 'https://app.localhost/'],
    ['localhost with a trailing dot', 'https://localhost./'],
    ['mDNS .local', 'https://printer.local/'],
    ['.internal', 'https://wiki.corp.internal/'],
    ['.home.arpa', 'https://router.home.arpa/'],
    ['loopback', 'https://127.0.0.1/'],
    ['loopback elsewhere in 127/8', 'https://127.1.2.3/'],
    ['loopback in hex', 'https://0x7f.1/'],
    ['loopback as one number', 'https://2130706433/'],
    ['loopback in octal', 'https://0177.0.0.1/'],
    ['0.0.0.0', 'https://0.0.0.0/'],
    ['10/8', 'https://10.1.2.3/'],
    ['172.16/12', 'https://172.16.0.1/'],
    ['172.31 (still 172.16/12)', 'https://172.31.255.255/'],
    ['192.168/16', 'https://192.168.1.1/'],
    ['link-local / cloud metadata', 'https://169.254.169.254/latest/meta-data/'],
    ['carrier-grade NAT', 'https://100.64.0.1/'],
    ['multicast', 'https://224.0.0.1/'],
    ['broadcast', 'https://255.255.255.255/'],
    ['IPv6 loopback', 'https://[::1]/'],
    ['IPv6 unspecified', 'https://[::]/'],
    ['IPv4-mapped IPv6 loopback', 'https://[::ffff:127.0.0.1]/'],
    ['IPv6 unique local', 'https://[fd12:3456:789a::1]/'],
    ['IPv6 link-local', 'https://[fe80::1]/'],
    ['IPv6 multicast', 'https://[ff02::1]/'],
    ['IPv6 documentation', 'https://[2001:db8::1]/'],
    ['IPv6 Teredo (2001::/32 embeds an IPv4 address)', 'https://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/'],
    ['IPv6 6to4', 'https://[2002:c0a8:101::1]/'],
    ['IPv6 NAT64 of a private address', 'https://[64:ff9b::c0a8:101]/'],
    ['IPv6 IPv4-compatible form', 'https://[::7f00:1]/'],
    ['IPv6 benchmarking', 'https://[2001:2::1]/'],
    ['IPv6 deprecated site-local', 'https://[fec0::1]/'],
    ['IPv6 unassigned space outside 2000::/3', 'https://[4000::1]/'],
    ['IPv4 6to4 relay anycast', 'https://192.88.99.1/'],
    ['IPv4 documentation', 'https://198.51.100.7/'],
    ['IPv4 benchmarking', 'https://198.18.0.1/'],
    // Hosts that are not real names.
    ['a single-label intranet name', 'https://intranet/'],
    ['an underscore in the host', 'https://bad_host.example.com/'],
    ['a label starting with a hyphen', 'https://-asean.org/'],
    ['a numeric top-level domain', 'https://asean.123abc/'],
    // Malformed or suspicious strings.
    ['not a URL', 'asean.org'],
    ['an empty string', ''],
    ['a relative path', '/meetings/asean-36'],
    ['a protocol-relative URL', '//asean.org/'],
    ['a newline inside', 'https://asean.org/\nfoo'],
    ['a tab inside the host', 'https://ase\tan.org/'],
    ['a space', 'https://asean.org/a b'],
    ['a NUL', 'https://asean.org/\u0000'],
    ['a very long URL', `https://asean.org/${'a'.repeat(2100)}`],
  ])('%s: %s', (_why, url) => {
    expect(isSafeExternalUrl(url)).toBe(false);
  });

  it('refuses values that are not strings', () => {
    expect(isSafeExternalUrl(undefined as unknown as string)).toBe(false);
    expect(isSafeExternalUrl({ href: 'https://asean.org/' } as unknown as string)).toBe(false);
  });
});

describe('toSafeExternalUrl', () => {
  it('returns the normalised URL that was checked', () => {
    expect(toSafeExternalUrl('https://ASEAN.org/a/../b')).toBe('https://asean.org/b');
    expect(toSafeExternalUrl('https://asean.org:443/')).toBe('https://asean.org/');
  });

  it('returns undefined for a refused URL', () => {
    expect(toSafeExternalUrl('http://asean.org/')).toBeUndefined();
  });

  it('opens the host the browser would see, not the one a backslash suggests', () => {
    // The parser treats "\" as "/", so the host is asean.org; the normalised URL says so.
    expect(toSafeExternalUrl('https://asean.org\\@evil.example/')).toBe('https://asean.org/@evil.example/');
  });
});

describe('isAppUrl', () => {
  const origin = 'app://bundle';

  it.each([
    'app://bundle',
    'app://bundle/',
    'app://bundle/index.html',
    'app://bundle/meetings/asean-36?tab=targets#t1',
    'APP://BUNDLE/index.html',
  ])('accepts %s', (url) => {
    expect(isAppUrl(url, origin)).toBe(true);
  });

  it.each([
    'app://bundle.evil/index.html',
    'app://evil.bundle/index.html',
    'app://other/index.html',
    'app://bundle:8080/index.html',
    'app://user@bundle/index.html',
    'app://user:pass@bundle/',
    'app:///index.html',
    'app:bundle/index.html',
    'https://bundle/index.html',
    'https://evil.example/?next=app://bundle/',
    'file:///app/bundle/index.html',
    'http://localhost:5173/',
    'javascript:alert(1)',
    'about:blank',
    'not a url',
    '',
  ])('refuses %s', (url) => {
    expect(isAppUrl(url, origin)).toBe(false);
  });

  it('works for other origins, such as the web build', () => {
    expect(isAppUrl('http://127.0.0.1:5173/meetings', 'http://127.0.0.1:5173')).toBe(true);
    expect(isAppUrl('http://127.0.0.1:5174/meetings', 'http://127.0.0.1:5173')).toBe(false);
    expect(isAppUrl('https://127.0.0.1:5173/meetings', 'http://127.0.0.1:5173')).toBe(false);
  });

  it('refuses everything when the origin itself is not a URL', () => {
    expect(isAppUrl('app://bundle/', 'bundle')).toBe(false);
  });
});

describe('isPublicIpAddress (ipaddr.js range table)', () => {
  it.each(['8.8.8.8', '203.0.114.1', '2606:4700:4700::1111', '2001:4860:4860::8888'])('%s is public', (address) => {
    expect(isPublicIpAddress(address)).toBe(true);
  });
  it.each(['127.0.0.1', '10.0.0.1', '172.20.1.1', '192.168.0.1', '169.254.1.1', '100.100.1.1', '::1', 'fd00::1', 'fe80::1', '2001::1', '::ffff:10.0.0.1', 'not an address', '1.2.3'])(
    '%s is not',
    (address) => expect(isPublicIpAddress(address)).toBe(false),
  );
});
