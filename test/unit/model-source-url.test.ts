import { describe, expect, it } from 'vitest';
import { Source } from '../../shared/model';

/* A dataset's source addresses are public https links, checked when the dataset is validated. */

const source = (url: string) => ({
  id: 'src-a',
  title: { en: 'A statement' },
  kind: 'statement',
  publisher: 'ASEAN Secretariat',
  language: 'en',
  excerpt: 'Text.',
  url,
});

describe('Source.url', () => {
  it.each(['https://asean.org/wp-content/uploads/statement.pdf', 'https://www.kpkt.gov.my/kenyataan?id=36'])('accepts %s', (url) => {
    expect(Source.safeParse(source(url)).success).toBe(true);
  });

  it.each([
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['javascript:', 'javascript:alert(1)'],
    ['plain http', 'http://asean.org/statement'],
    ['file:', 'file:///etc/passwd'],
    ['credentials', 'https://user:pass@asean.org/'],
    ['a private address', 'https://192.168.1.1/statement'],
    ['this computer', 'https://localhost/statement'],
    ['an intranet name', 'https://intranet/statement'],
    ['not a URL', 'asean.org/statement'],
    ['a very long address', `https://asean.org/${'a'.repeat(2100)}`],
  ])('refuses %s', (_what, url) => {
    const result = Source.safeParse(source(url));
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['url']);
  });

  it('stays optional', () => {
    const { url: _url, ...withoutUrl } = source('https://asean.org/');
    expect(Source.safeParse(withoutUrl).success).toBe(true);
  });
});
