/** Where a delegate meets schema 2: a body's chair history, a meeting's outcome documents, theme and heads of delegation, certainty badges. */
import { act, configure, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { useAppStore } from '../../renderer/store/store';
import { renderAppAt } from './render-app';

configure({ asyncUtilTimeout: 15_000 });
vi.setConfig({ testTimeout: 30_000 });

describe('schema 2 on the record pages', () => {
  it('a body page lists its chair history with the source, and how sure it is', async () => {
    await renderAppAt('/bodies/admm');
    const section = (await screen.findByRole('heading', { name: 'Chair history' })).closest('section')!;
    const row = within(section).getAllByRole('row')[1]!;
    expect(row.textContent).toContain("Dato' Seri Mohamed Khaled bin Nordin, Malaysia");
    expect(row.textContent).toContain('Minister of Defence, Malaysia');
    expect(within(section).getByText('Partly verified')).toBeTruthy();
  });

  it('a meeting page shows its outcome documents with type, status and approximate date, and flags assumed day dates', async () => {
    await renderAppAt('/meetings/asoen-36');
    const section = (await screen.findByRole('heading', { name: 'Outcome documents' })).closest('section')!;
    const item = within(section).getByRole('listitem');
    expect(item.textContent).toContain('Joint statement');
    expect(item.textContent).toContain('ASEAN Joint Statement on Climate Change to the 30th Conference of the Parties to the UNFCCC (COP30)');
    expect(item.textContent).toMatch(/Status: Draft · c\. July 2025 · All ASEAN Member States/);
    const programme = screen.getByRole('heading', { name: 'Programme' }).closest('section')!;
    expect(within(programme).getByText('Partly verified')).toBeTruthy();
  });

  it('shows the theme and heads of delegation, in Malay too', async () => {
    await renderAppAt('/meetings/admm-retreat-2025');
    await screen.findByText('Theme');
    act(() => useAppStore.setState({ language: 'ms' }));
    try {
      expect((await screen.findByText('Tema')).nextElementSibling?.textContent).toBe('Keterangkuman dan Kemampanan');
      expect(screen.getByText('Ketua perwakilan').nextElementSibling?.textContent).toContain("Dato' Seri Mohamed Khaled bin Nordin");
      expect(screen.getByText('Disahkan')).toBeTruthy();
    } finally {
      act(() => useAppStore.setState({ language: 'en' }));
    }
  });
});
