import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { hash, manifest } from 'virtual:builtin-dataset';
import { db } from '../../renderer/db/db';
import { renderAppAt } from './render-app';

describe('the app on first run', () => {
  it('installs the built-in dataset with provenance on every record', async () => {
    await renderAppAt('/');
    const installed = await db.datasets.get(manifest.datasetId);
    expect(installed?.version).toBe(manifest.version);
    expect(installed?.hash).toBe(hash);
    const asoen = await db.meetings.get('asoen-36');
    expect(asoen?.prov).toEqual({ datasetId: manifest.datasetId, version: manifest.version, hash });
    expect(installed?.counts.meetings).toBe(await db.meetings.count());
  });

  it('shows the dataset on the overview', async () => {
    await renderAppAt('/');
    expect(await screen.findByRole('heading', { level: 1, name: 'Overview' })).toBeTruthy();
    const line = await screen.findByText((_, element) => element?.tagName === 'P' && /ASEAN meetings and bodies \(built-in\), version 1/.test(element.textContent ?? ''));
    expect(line).toBeTruthy();
  });

  it('opens a meeting page from its address, with its programme by day', async () => {
    await renderAppAt('/meetings/asoen-36');
    expect(await screen.findByRole('heading', { level: 1, name: /ASOEN-36/ })).toBeTruthy();
    const day3 = await screen.findByRole('region', { name: /Day 3/ });
    expect(within(day3).getAllByText(/ASEAN-Japan Dialogue on Environmental Cooperation/).length).toBeGreaterThan(0);
    expect(within(day3).queryByText(/Opening ceremony/i)).toBeNull();
    for (const day of [1, 2, 3, 4]) expect(screen.getByRole('region', { name: new RegExp(`^Day ${day}\\b`) })).toBeTruthy();
  });

  it('says plainly when an address names no record', async () => {
    await renderAppAt('/meetings/no-such-meeting');
    expect(await screen.findByRole('heading', { level: 1, name: /"no-such-meeting" is not in the dataset/ })).toBeTruthy();
  });

  it('follows links between related records', async () => {
    const user = userEvent.setup();
    await renderAppAt('/meetings/asoen-36');
    const previous = await screen.findByRole('link', { name: /ASOEN-35/ });
    await user.click(previous);
    expect(await screen.findByRole('heading', { level: 1, name: /ASOEN-35/ })).toBeTruthy();
    expect(window.location.pathname).toBe('/meetings/asoen-35');
  });
});
