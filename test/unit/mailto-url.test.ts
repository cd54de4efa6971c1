import { describe, expect, it } from 'vitest';
import { parseSafeMailtoUrl, toSafeMailto, toSafeMailtoUrl } from '../../shared/mailto-url';

describe('toSafeMailtoUrl', () => {
  it('writes one plain address, and a subject and body percent-encoded', () => {
    expect(toSafeMailtoUrl({ to: 'focal.point@kln.gov.my' })).toBe('mailto:focal.point@kln.gov.my');
    expect(toSafeMailtoUrl({ to: 'a@kemlu.go.id', subject: 'SOM & AMM: agenda?' })).toBe('mailto:a@kemlu.go.id?subject=SOM%20%26%20AMM%3A%20agenda%3F');
    expect(toSafeMailtoUrl({ to: 'a@kemlu.go.id', body: 'line one\nline two' })).toBe('mailto:a@kemlu.go.id?body=line%20one%0D%0Aline%20two');
  });

  it.each([
    ['two recipients', 'a@kln.gov.my,b@kln.gov.my'],
    ['a header in the address', 'a@kln.gov.my?cc=b@evil.example'],
    ['an encoded address', 'a%40kln.gov.my'],
    ['a fragment', 'a#b@kln.gov.my'],
    ['a scheme', 'javascript:alert(1)'],
    ['a space', 'a b@kln.gov.my'],
    ['an angle-bracketed name', 'Focal <a@kln.gov.my>'],
    ['no dotted host', 'a@localhost'],
  ])('refuses %s', (_what, to) => {
    expect(toSafeMailtoUrl({ to })).toBeUndefined();
  });

  it('refuses a subject with a line break (a second header) or a control character', () => {
    expect(toSafeMailtoUrl({ to: 'a@kln.gov.my', subject: 'Hello\r\nBcc: spy@evil.example' })).toBeUndefined();
    expect(toSafeMailtoUrl({ to: 'a@kln.gov.my', subject: 'Hello\u0000' })).toBeUndefined();
    expect(toSafeMailtoUrl({ to: 'a@kln.gov.my', body: 'Hello\u0007' })).toBeUndefined();
  });
});

describe('parseSafeMailtoUrl', () => {
  it('reads back what toSafeMailtoUrl writes', () => {
    const parts = { to: 'a@kln.gov.my', subject: 'ASOEN-36 / Langkawi', body: 'Dear colleague,\r\nregards' };
    expect(parseSafeMailtoUrl(toSafeMailtoUrl(parts)!)).toEqual(parts);
    expect(toSafeMailto('MAILTO:a@kln.gov.my?SUBJECT=Hi')).toBe('mailto:a@kln.gov.my?subject=Hi');
  });

  it.each([
    'mailto:a@kln.gov.my?cc=spy@evil.example',
    'mailto:a@kln.gov.my?bcc=spy@evil.example',
    'mailto:a@kln.gov.my?to=spy@evil.example',
    'mailto:a@kln.gov.my?subject=a&subject=b',
    'mailto:a@kln.gov.my?subject=Hi%0D%0ABcc:%20spy@evil.example',
    'mailto:a@kln.gov.my?subject=%E0%A4%A',
    'mailto:a@kln.gov.my,spy@evil.example',
    'mailto:?to=a@kln.gov.my',
    'mailto:a%40kln.gov.my',
    'mailto:a@kln.gov.my?subject',
    'https://asean.org/',
  ])('refuses %s', (url) => {
    expect(parseSafeMailtoUrl(url)).toBeUndefined();
    expect(toSafeMailto(url)).toBeUndefined();
  });
});
