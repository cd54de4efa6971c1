import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../renderer/db/db';
import { resetSearchClient } from '../../renderer/features/search/client';
import { registerSearchSource } from '../../renderer/features/search/sources';
import { useOverlayStore } from '../../renderer/features/shortcuts/overlays';
import { renderAppAt } from './render-app';

beforeEach(() => {
  resetSearchClient();
  useOverlayStore.setState({ overlay: undefined });
});

async function openPalette(user: ReturnType<typeof userEvent.setup>) {
  await user.keyboard('{Control>}k{/Control}');
  return screen.findByRole('dialog', { name: 'Search everything' });
}

describe('command palette', () => {
  it('opens with Ctrl+K, finds ASOEN as you type, opens it with Enter, and returns focus', { timeout: 30_000 }, async () => {
    const user = userEvent.setup();
    await renderAppAt('/');
    const before = screen.getByRole('button', { name: /Search/ });
    before.focus();
    const dialog = await openPalette(user);
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    const input = within(dialog).getByRole('combobox');
    expect(document.activeElement).toBe(input);
    await user.type(input, 'asoen');
    const listbox = within(dialog).getByRole('listbox');
    const first = (await within(listbox).findAllByRole('option', { name: /ASOEN/ }))[0]!;
    expect(first.getAttribute('aria-selected')).toBe('true');
    expect(input.getAttribute('aria-activedescendant')).toBe(first.id);
    // Matched words are marked with <mark>, as elements.
    expect([...first.querySelectorAll('mark')].map((m) => m.textContent)).toContain('ASOEN');
    // Grouped by kind.
    expect(within(listbox).getAllByRole('group').map((g) => g.getAttribute('aria-labelledby'))).not.toHaveLength(0);
    await user.keyboard('{ArrowDown}');
    const options = within(listbox).getAllByRole('option');
    expect(options[1]!.getAttribute('aria-selected')).toBe('true');
    await user.keyboard('{ArrowUp}{Enter}');
    await waitFor(() => expect(window.location.pathname).toBe('/bodies/asoen'));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('closes with Escape and gives focus back', async () => {
    const user = userEvent.setup();
    await renderAppAt('/');
    const button = screen.getByRole('button', { name: /Search/ });
    await user.click(button);
    await screen.findByRole('dialog', { name: 'Search everything' });
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(button);
  });

  it('finds a typo and a document from a registered source, at once after it changes', { timeout: 30_000 }, async () => {
    const user = userEvent.setup();
    let notify: ((change?: { upsert?: { kind: string; id: string; href: string; title: string }[] }) => void) | undefined;
    const unregister = registerSearchSource({
      kind: 'briefing',
      load: async () => [{ kind: 'briefing', id: 'b1', href: '/briefings/b1', title: 'Position on transboundary haze' }],
      subscribe: (onChange) => {
        notify = onChange;
        return () => undefined;
      },
    });
    try {
      await renderAppAt('/');
      const dialog = await openPalette(user);
      const input = within(dialog).getByRole('combobox');
      await user.type(input, 'asoem');
      expect((await within(dialog).findAllByRole('option', { name: /ASOEN/ })).length).toBeGreaterThan(0);
      await user.clear(input);
      await user.type(input, 'transboundary position');
      expect(await within(dialog).findByRole('option', { name: /Position on transboundary haze/ })).toBeTruthy();
      act(() => notify?.({ upsert: [{ kind: 'briefing', id: 'b2', href: '/briefings/b2', title: 'Talking point: peatland restoration' }] }));
      await user.clear(input);
      await user.type(input, 'peatland restoration');
      expect(await within(dialog).findByRole('option', { name: /Talking point: peatland restoration/ })).toBeTruthy();
    } finally {
      unregister();
    }
  });

  it('shows recently opened items when the query is empty', async () => {
    const user = userEvent.setup();
    await renderAppAt('/meetings/asoen-36');
    await waitFor(async () => expect((await db.settings.get('recent'))?.value).toEqual(['meeting:asoen-36']));
    const dialog = await openPalette(user);
    expect(await within(dialog).findByRole('option', { name: /ASOEN-36/ })).toBeTruthy();
    expect(within(dialog).getByText('Recently opened')).toBeTruthy();
  });
});

describe('search results page', () => {
  it('shows results grouped by kind under headings, with highlights', async () => {
    await renderAppAt('/search?q=asoen');
    const bodies = await screen.findByRole('region', { name: /Bodies/ });
    const link = within(bodies).getAllByRole('link', { name: /ASOEN/ })[0]!;
    expect(link.getAttribute('href')).toBe('/bodies/asoen');
    expect(link.querySelector('mark')?.textContent).toBe('ASOEN');
    expect(screen.getByRole('region', { name: /Meetings/ })).toBeTruthy();
  });
});

describe('language', () => {
  it('switches the interface to Malay, remembers it and sets <html lang>', async () => {
    const user = userEvent.setup();
    await renderAppAt('/settings');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Interface language' }), 'ms');
    expect(await screen.findByRole('link', { name: 'Mesyuarat' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('ms');
    await waitFor(async () => expect((await db.settings.get('language'))?.value).toBe('ms'));
  });
});
