/** Contacts (issue 16, record schema 4): a body's focal points, a meeting's delegation contacts, a contact's own page. */
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { DelegateApi } from '../../shared/ipc/contract';
import type { Body, Contact, Meeting, Source } from '../../shared/model';
import { toStored } from '../../renderer/datasets/stored-records';
import { db } from '../../renderer/db/db';
import { BodyPage } from '../../renderer/features/bodies/BodyPage';
import { ContactPage } from '../../renderer/features/contacts/ContactPage';
import { MeetingPage } from '../../renderer/features/meetings/MeetingPage';
import { useAppStore } from '../../renderer/store/store';

const prov = { datasetId: 'my-national', version: 1, hash: 'h' };
const cite = [{ sourceId: 'src-mofa' }];
const source: Source = { id: 'src-mofa', title: { en: 'Directory of the ASEAN-Malaysia National Secretariat' }, kind: 'other', publisher: 'Ministry of Foreign Affairs', language: 'en', excerpt: 'Focal points' };
const body: Body = { id: 'asoen', acronym: 'ASOEN', aliases: [], name: { en: 'ASEAN Senior Officials on Environment' }, level: 'senior-officials', pillar: 'socio-cultural', reportsTo: [], dialogueFormats: [], focalPoints: [], sources: cite };
const meeting: Meeting = { id: 'asoen-36', code: 'ASOEN-36', bodyIds: ['asoen'], title: { en: 'Thirty-sixth ASOEN meeting' }, startDate: '2025-07-28', coChairs: [], days: [], backToBackMeetingIds: [], status: 'held', sources: cite };
const focal: Contact = {
  id: 'c-my-asoen',
  name: 'Aminah binti Yusof',
  title: { en: 'Undersecretary, Environmental Management', ms: 'Setiausaha Bahagian, Pengurusan Alam Sekitar' },
  organisation: { name: { en: 'Ministry of Natural Resources and Environmental Sustainability' } },
  country: 'MY',
  roles: [{ role: 'focal-point', bodyId: 'asoen' }],
  email: 'aminah@nres.gov.my',
  phone: '+60 3 8886 1111',
  languages: ['ms', 'en'],
  certainty: { record: { level: 'partial', note: { en: 'Title as of 2025' } }, fields: { email: { level: 'verified' } } },
  sources: cite,
};
const head: Contact = { id: 'c-my-hod', name: 'Rahim bin Ali', organisation: { bodyId: 'asoen' }, country: 'MY', roles: [{ role: 'head-of-delegation', meetingId: 'asoen-36' }], sources: cite };
const unrelated: Contact = { id: 'c-other', name: 'Not Shown', organisation: { name: { en: 'Elsewhere' } }, country: 'ID', roles: [{ role: 'delegate', meetingId: 'other-meeting' }], sources: cite };

async function install() {
  await db.sources.put(toStored('sources', source, prov));
  await db.bodies.put(toStored('bodies', body, prov));
  await db.meetings.put(toStored('meetings', meeting, prov));
  await db.contacts.bulkPut([focal, head, unrelated].map((c) => toStored('contacts', c, prov)));
}

describe('contacts', () => {
  it('the body page lists its focal points and the contacts working for it, each linked to their page', async () => {
    await install();
    render(<BodyPage id="asoen" />);
    const section = (await screen.findByRole('heading', { name: 'People to contact' })).closest('section')!;
    const items = within(section).getAllByRole('listitem');
    expect(items.map((li) => within(li).getByRole('link', { name: /bin/ }).textContent)).toEqual(['Aminah binti Yusof', 'Rahim bin Ali']);
    expect(items[0]!.textContent).toContain('Malaysia');
    expect(items[0]!.textContent).toContain('Focal point');
    expect(within(items[0]!).getByRole('link', { name: 'Aminah binti Yusof' }).getAttribute('href')).toBe('/contacts/c-my-asoen');
    expect(within(items[0]!).getByRole('link', { name: 'aminah@nres.gov.my' }).getAttribute('href')).toBe('mailto:aminah@nres.gov.my');
    expect(section.textContent).not.toContain('Not Shown');
  });

  it('the meeting page lists its delegation contacts: the head of delegation at it and its body’s focal point', async () => {
    await install();
    render(<MeetingPage id="asoen-36" />);
    const section = (await screen.findByRole('heading', { name: 'Delegation contacts' })).closest('section')!;
    expect(within(section).getByRole('link', { name: 'Rahim bin Ali' }).closest('li')!.textContent).toContain('Head of delegation');
    expect(within(section).getByRole('link', { name: 'Aminah binti Yusof' }).closest('li')!.textContent).toContain('Focal point');
    expect(section.textContent).not.toContain('Not Shown');
  });

  it('a contact’s page shows who they are, their delegation, organisation, roles, e-mail, telephone, languages, certainty and sources', async () => {
    await install();
    render(<ContactPage id="c-my-asoen" />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Aminah binti Yusof' })).toBeTruthy();
    const field = (label: string) => screen.getByText(label, { selector: 'dt' }).nextElementSibling!;
    expect(field('Delegation').textContent).toBe('Malaysia');
    expect(field('Organisation').textContent).toBe('Ministry of Natural Resources and Environmental Sustainability');
    expect(within(field('E-mail') as HTMLElement).getByRole('link').getAttribute('href')).toBe('mailto:aminah@nres.gov.my');
    expect(field('E-mail').textContent).toContain('Verified');
    expect(field('Telephone').textContent?.trim()).toBe('+60 3 8886 1111');
    expect(field('Languages').textContent).toBe('Malay, English');
    const roles = screen.getByRole('heading', { name: 'Roles' }).closest('section')!;
    expect(roles.textContent).toContain('Focal point');
    expect((await within(roles).findByRole('link', { name: 'ASOEN' })).getAttribute('href')).toBe('/bodies/asoen');
    expect(await screen.findByRole('link', { name: 'Directory of the ASEAN-Malaysia National Secretariat' })).toBeTruthy();
    expect(screen.getByText(/Title as of 2025/)).toBeTruthy();
  });

  it('speaks Malay and Indonesian', async () => {
    await install();
    render(<ContactPage id="c-my-asoen" />);
    await screen.findByRole('heading', { level: 1, name: 'Aminah binti Yusof' });
    try {
      act(() => useAppStore.setState({ language: 'ms' }));
      expect(await screen.findByText('Delegasi', { selector: 'dt' })).toBeTruthy();
      expect(screen.getByText('Pegawai penghubung', { exact: false })).toBeTruthy();
      act(() => useAppStore.setState({ language: 'id' }));
      expect(await screen.findByText('Narahubung', { exact: false })).toBeTruthy();
      expect(screen.getByText('Surel', { selector: 'dt' })).toBeTruthy();
    } finally {
      act(() => useAppStore.setState({ language: 'en' }));
    }
  });

  it('says a contact the datasets do not hold is not there', async () => {
    render(<ContactPage id="c-nobody" />);
    expect(await screen.findByRole('heading', { name: /c-nobody/ })).toBeTruthy();
  });

  it('in the desktop app, hands the address to main and says so when it cannot be opened', async () => {
    await install();
    const composeEmail = vi.fn<DelegateApi['composeEmail']>().mockResolvedValueOnce({ ok: true, value: { opened: false, reason: 'refused' } }).mockResolvedValueOnce({ ok: true, value: { opened: true } });
    window.delegateApi = { composeEmail } as Partial<DelegateApi> as DelegateApi;
    try {
      render(<ContactPage id="c-my-asoen" />);
      const link = await screen.findByRole('link', { name: 'aminah@nres.gov.my' });
      const user = userEvent.setup();
      await user.click(link);
      expect(composeEmail).toHaveBeenCalledWith('aminah@nres.gov.my');
      expect((await screen.findByRole('alert')).textContent).toContain('This address cannot be opened in the mail program.');
      await user.click(link);
      await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
      expect(composeEmail).toHaveBeenCalledTimes(2);
    } finally {
      delete window.delegateApi;
    }
  });
});
