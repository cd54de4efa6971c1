import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBriefingForMeeting } from '../../renderer/features/briefings/repo';
import type * as Platform from '../../renderer/platform/platform';
import { renderAppAt } from './render-app';

// The page saves ICS files through the platform helper; capture what it would save.
const saved = vi.hoisted(() => [] as { fileName: string; text: string; type?: string }[]);
vi.mock('../../renderer/platform/platform', async (importOriginal) => ({
  ...(await importOriginal<typeof Platform>()),
  saveTextFile: (fileName: string, text: string, type?: string) => {
    saved.push({ fileName, text, type });
  },
}));

afterEach(() => {
  saved.length = 0;
});

const grid = () => screen.getByRole('table');
const cellOfDay = (day: string) => grid().querySelector(`td:not(.outside) .day-number[aria-label="${day}"]`)!.closest('td')!;

describe('calendar page', () => {
  it('shows a month as a grid, with each meeting on its days and month-only meetings apart', { timeout: 20_000 }, async () => {
    await renderAppAt('/calendar?month=2025-02');
    expect(await screen.findByRole('heading', { level: 2, name: 'February 2025' })).toBeTruthy();
    await waitFor(() => expect(within(cellOfDay('26 February')).getByRole('link', { name: 'ADMM Retreat 2025' })).toBeTruthy());
    expect(within(cellOfDay('25 February')).queryByRole('link')).toBeNull();
    // ADSOM WG's source gives only the month: it is listed for the month, not put on a day.
    const during = screen.getByRole('region', { name: /During the month/ });
    expect(within(during).getByRole('link', { name: 'ADSOM WG Feb 2025' }).getAttribute('href')).toBe('/meetings/adsom-wg-2025-02');
    expect(within(grid()).queryByRole('link', { name: 'ADSOM WG Feb 2025' })).toBeNull();
    // A multi-day meeting is on every one of its days.
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: /Next month/ }));
    await user.click(screen.getByRole('button', { name: /Next month/ }));
    await user.click(screen.getByRole('button', { name: /Next month/ }));
    await user.click(screen.getByRole('button', { name: /Next month/ }));
    await user.click(screen.getByRole('button', { name: /Next month/ }));
    expect(await screen.findByRole('heading', { level: 2, name: 'July 2025' })).toBeTruthy();
    await waitFor(() => expect(within(cellOfDay('28 July')).getByRole('link', { name: 'ASOEN-36' })).toBeTruthy());
    for (const day of ['29 July', '30 July', '31 July']) expect(within(cellOfDay(day)).getByRole('link', { name: 'ASOEN-36' })).toBeTruthy();
    expect(within(cellOfDay('27 July')).queryByRole('link')).toBeNull();
    expect(window.location.search).toContain('month=2025-07');
  });

  it('lists a month, filters by country and body through the address, and offers the nearest months when empty', { timeout: 20_000 }, async () => {
    const user = userEvent.setup();
    await renderAppAt('/calendar?month=1997-07&view=list');
    const list = await screen.findByRole('list', { name: 'July 1997' });
    expect(within(list).getByRole('link', { name: /31st AMM/ })).toBeTruthy();
    expect(within(list).getByText(/Malaysia/)).toBeTruthy();

    await screen.findByRole('option', { name: 'Indonesia' });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Country' }), 'ID');
    expect(window.location.search).toContain('country=ID');
    // No Indonesian meeting in July 1997: the page says so and offers the nearest months that have one.
    expect(await screen.findByText(/No meetings in July 1997/)).toBeTruthy();
    // The jumps come from their own query, after the empty month is known.
    expect(await screen.findByRole('button', { name: /Later: January 2024/ })).toBeTruthy(); // ASOMM 2024: the source gives the year only
    await user.click(await screen.findByRole('button', { name: /Earlier: April 1975/ }));
    expect(await screen.findByRole('heading', { level: 2, name: 'April 1975' })).toBeTruthy();
    expect(within(await screen.findByRole('list', { name: 'April 1975' })).getByRole('link', { name: /1st ALMM/ })).toBeTruthy();
    expect(screen.getByText(/days not known/)).toBeTruthy();
    expect(window.location.search).toBe('?month=1975-04&view=list&country=ID');

    // The jumps follow the filter: the next ASOEN meeting after April 1975 is in 2024 (ASOEN-35, year only).
    await screen.findByRole('option', { name: 'ASOEN' });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Country' }), '');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Body' }), 'asoen');
    expect(window.location.search).toBe('?month=1975-04&view=list&body=asoen');
    await user.click(await screen.findByRole('button', { name: /Later: January 2024/ }));
    expect(within(await screen.findByRole('list', { name: 'January 2024' })).getByRole('link', { name: /ASOEN-35/ })).toBeTruthy();
  });

  it('"my meetings" keeps only meetings with a briefing', { timeout: 20_000 }, async () => {
    const user = userEvent.setup();
    await renderAppAt('/calendar?month=2025-02&view=list');
    const list = await screen.findByRole('list', { name: 'February 2025' });
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(2));
    await user.click(screen.getByRole('checkbox', { name: /Only my meetings/ }));
    expect(await screen.findByText(/No meetings in February 2025/)).toBeTruthy();
    await createBriefingForMeeting({ meetingId: 'admm-retreat-2025', title: 'Retreat brief', delegation: 'MY', author: 'Test', classification: 'OFFICIAL' });
    const mine = await screen.findByRole('list', { name: 'February 2025' });
    await waitFor(() => expect(within(mine).getAllByRole('listitem')).toHaveLength(1));
    expect(within(mine).getByRole('link', { name: /ADMM Retreat 2025/ })).toBeTruthy();
  });

  it('exports one meeting as a valid calendar file', { timeout: 20_000 }, async () => {
    const user = userEvent.setup();
    await renderAppAt('/calendar?month=2025-07&view=list');
    await user.click(await screen.findByRole('button', { name: 'Export ASOEN-36 (.ics)' }));
    expect(saved).toHaveLength(1);
    const [file] = saved;
    expect(file!.fileName).toBe('asoen-36.ics');
    expect(file!.type).toMatch(/^text\/calendar/);
    expect(file!.text).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(file!.text).toContain('DTSTART;VALUE=DATE:20250728');
    // An all-day event ends the day after its last day (RFC 5545).
    expect(file!.text).toContain('DTEND;VALUE=DATE:20250801');
    expect(screen.getByRole('status').textContent).toBe('1 meeting exported to asoen-36.ics.');
  });
});
