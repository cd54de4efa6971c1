/** A source without an excerpt, its authority, and text in languages other than the app's three, named in the interface language (issue 16). */
import { act, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Citations } from '../../renderer/components/Citations';
import { db } from '../../renderer/db/db';
import type { StoredSource } from '../../renderer/db/schema';
import { FieldCertainty } from '../../renderer/features/facts/CertaintyBadge';
import { OtherLanguageNames } from '../../renderer/features/facts/OtherLanguageNames';
import { SourcePage } from '../../renderer/features/sources/SourcePage';
import { useAppStore } from '../../renderer/store/store';

const thaiReport = {
  id: 'src-thai',
  title: { en: 'Agency report on ASOEN-36' },
  kind: 'press-release',
  publisher: 'A news agency',
  language: 'th',
  authority: 'news-agency',
  sourceIds: [],
  prov: { datasetId: 'asean-reference', version: 1 },
} as unknown as StoredSource;

function inLanguage(lang: 'en' | 'ms' | 'id') {
  act(() => useAppStore.setState({ language: lang }));
}

describe('a source without an excerpt', () => {
  it('shows its page with its authority and its language named, and says no excerpt was given', async () => {
    await db.sources.put(thaiReport);
    render(<SourcePage id="src-thai" />);
    expect(await screen.findByRole('heading', { name: 'Agency report on ASOEN-36' })).toBeTruthy();
    expect(screen.getByText('Authority').nextElementSibling?.textContent).toBe('News agency');
    expect(screen.getByText('Language').nextElementSibling?.textContent).toBe('Thai');
    expect(screen.getByText('The publisher gave no excerpt of this document.')).toBeTruthy();
    expect(document.querySelector('blockquote.excerpt')).toBeNull();
  });

  it('is named in Malay and Indonesian too', async () => {
    await db.sources.put({ ...thaiReport, language: 'vi', authority: 'official' } as StoredSource);
    render(<SourcePage id="src-thai" />);
    await screen.findByRole('heading', { name: 'Agency report on ASOEN-36' });
    try {
      inLanguage('ms');
      expect((await screen.findByText('Autoriti')).nextElementSibling?.textContent).toBe('Sumber rasmi');
      expect(screen.getByText('Bahasa').nextElementSibling?.textContent).toBe('Vietnam');
      expect(screen.getByText('Penerbit tidak memberikan petikan dokumen ini.')).toBeTruthy();
      inLanguage('id');
      expect((await screen.findByText('Otoritas')).nextElementSibling?.textContent).toBe('Sumber resmi');
    } finally {
      inLanguage('en');
    }
  });

  it('is cited with its authority, a quote from it with its language', async () => {
    await db.sources.put(thaiReport);
    render(<Citations citations={[{ sourceId: 'src-thai', quote: 'การประชุม ASOEN ครั้งที่ 36' }]} />);
    const item = (await screen.findByRole('link', { name: 'Agency report on ASOEN-36' })).closest('li')!;
    expect(within(item).getByText('News agency')).toBeTruthy();
    expect(within(item).getByText('การประชุม ASOEN ครั้งที่ 36').getAttribute('lang')).toBe('th');
    expect(within(item).getByText('In Thai')).toBeTruthy();
  });
});

describe('names in other languages', () => {
  it('lists each with its language named in the interface language and tagged for the browser', () => {
    const texts = [
      { lang: 'th', text: 'การประชุมเจ้าหน้าที่อาวุโสอาเซียนด้านสิ่งแวดล้อม' },
      { lang: 'zh-Hans', text: '东盟环境高官会议' },
      { lang: 'km', text: 'កិច្ចប្រជុំមន្ត្រីជាន់ខ្ពស់អាស៊ាន' },
    ];
    const { container, rerender } = render(<OtherLanguageNames texts={texts} />);
    const names = () => [...container.querySelectorAll('.other-language-name')].map((e) => e.textContent);
    expect(screen.getByText('In other languages:')).toBeTruthy();
    expect(names()).toEqual(['Thai', 'Simplified Chinese', 'Khmer']);
    expect(screen.getByText('东盟环境高官会议').getAttribute('lang')).toBe('zh-Hans');
    try {
      inLanguage('id');
      rerender(<OtherLanguageNames texts={texts} />);
      expect(names()).toEqual(['Thai', 'Tionghoa (Sederhana)', 'Khmer']);
      expect(screen.getByText('Dalam bahasa lain:')).toBeTruthy();
    } finally {
      inLanguage('en');
    }
  });

  it('shows nothing when there are none', () => {
    const { container } = render(<OtherLanguageNames texts={[]} />);
    expect(container.textContent).toBe('');
  });
});

describe('certainty of a field and its parts', () => {
  it('shows a conflict on a part of a field (venue.city under the venue) with the sources on each side', async () => {
    await db.sources.put(thaiReport);
    await db.sources.put({ ...thaiReport, id: 'src-ministry', title: { en: 'Ministry statement' }, authority: 'official' } as StoredSource);
    const { container } = render(
      <FieldCertainty
        certainty={{ fields: { 'venue.city': { level: 'conflicting', note: { en: 'The city is disputed.' }, supportedBy: ['src-ministry'], contradictedBy: ['src-thai'] }, host: { level: 'verified' } } }}
        field="venue"
      />,
    );
    expect(await screen.findByRole('link', { name: 'Agency report on ASOEN-36' })).toBeTruthy();
    expect(screen.getByText('Sources conflict')).toBeTruthy();
    expect(container.textContent).toContain('The city is disputed.');
    expect(container.textContent).toMatch(/Supported by: Ministry statement.*Contradicted by: Agency report on ASOEN-36/);
    expect(screen.queryByText('Verified')).toBeNull();
  });
});
