/** A search hit whose title exists only in another language is marked with that language's name, for any BCP 47 tag (issue 15). */
import { act, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { SearchHit } from '../../shared/search';
import { languageName } from '../../shared/i18n/language-names';
import { HitView, languageAbbreviation } from '../../renderer/features/search/HitView';
import { useAppStore } from '../../renderer/store/store';

function hitIn(titleLang: string, titleFallback = true): SearchHit {
  return { key: `meeting:m-${titleLang}`, kind: 'meeting', id: `m-${titleLang}`, href: '/meetings/m', score: 1, title: 'ชื่อการประชุม', titleLang, titleFallback, titleRanges: [] };
}

function markerOf(hit: SearchHit): HTMLElement | null {
  const { container, unmount } = render(<HitView hit={hit} />);
  const marker = container.querySelector<HTMLElement>('abbr.lang-marker');
  const copy = marker ? (marker.cloneNode(true) as HTMLElement) : null;
  unmount();
  return copy;
}

describe('the language marker of a search hit', () => {
  it('names Thai, Filipino, Chinese scripts and Jawi in the interface language, never as a bare tag', () => {
    for (const ui of ['en', 'ms', 'id'] as const) {
      act(() => useAppStore.setState({ language: ui }));
      for (const tag of ['th', 'fil', 'zh-Hant', 'zh-Hans', 'ms-Arab', 'km-KH', 'tet']) {
        const marker = markerOf(hitIn(tag));
        expect(marker, `${tag} in ${ui}`).not.toBeNull();
        const name = languageName(tag, ui);
        expect(name.toLowerCase()).not.toBe(tag.toLowerCase());
        expect(marker!.getAttribute('aria-label')).toContain(name);
        expect(marker!.getAttribute('title')).toBe(marker!.getAttribute('aria-label'));
      }
    }
  });

  it('reads "Thai" in English and says the title is not in the chosen language', () => {
    act(() => useAppStore.setState({ language: 'en' }));
    const marker = markerOf(hitIn('th'));
    expect(marker!.textContent).toBe('TH');
    expect(marker!.getAttribute('aria-label')).toBe('not available in the chosen language; shown in Thai');
  });

  it('keeps the script in the short form, so Jawi and Traditional Chinese are told apart', () => {
    expect(languageAbbreviation('zh-Hant-TW')).toBe('ZH-HANT');
    expect(languageAbbreviation('ms-Arab')).toBe('MS-ARAB');
    expect(languageAbbreviation('th-TH')).toBe('TH');
    expect(languageAbbreviation('fil')).toBe('FIL');
  });

  it('shows a malformed tag as it is, and no marker when the title is in the chosen language', () => {
    act(() => useAppStore.setState({ language: 'ms' }));
    const odd = markerOf(hitIn('not a tag!'));
    expect(odd!.getAttribute('aria-label')).toContain('not a tag!');
    expect(markerOf(hitIn('ms', false))).toBeNull();
  });

  it('puts the title under its own language for screen readers and fonts', () => {
    act(() => useAppStore.setState({ language: 'id' }));
    render(<HitView hit={hitIn('th')} />);
    expect(screen.getByText('ชื่อการประชุม').closest('[lang]')!.getAttribute('lang')).toBe('th');
  });
});
