/**
 * The Datasets page in the whole app (jsdom + fake-indexeddb, the sync engine in this thread):
 * preview before apply, apply with the review list, refusals with their own messages, trusted
 * keys, the capped change list, and the start-up check's notice.
 */
import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatPublicKey } from '../../shared/bundle';
import { db } from '../../renderer/db/db';
import { resetSyncEngine } from '../../renderer/datasets/dataset-updates';
import { CHECK_AT_START_KEY, FEED_URL_KEY } from '../../renderer/features/sync/feed-settings';
import { resetStartupCheck, runStartupCheck } from '../../renderer/features/sync/StartupCheck';
import { CHANGES_PAGE } from '../../renderer/features/sync/UpdatePreviewView';
import { renderAppAt } from './render-app';
import { briefing, builtinRecords, bundleOf, newSigner, putBriefing, section, setUp } from './sync-engine-fixtures';

// Checking and applying a whole dataset takes a few seconds on a loaded machine.
configure({ asyncUtilTimeout: 15_000 });
vi.setConfig({ testTimeout: 30_000 });

afterEach(() => {
  vi.restoreAllMocks();
  resetSyncEngine();
  resetStartupCheck();
  vi.unstubAllGlobals();
});

const CHANGED = 'asoen-36-joint-statement-cop30';
const REMOVED = 'asoen-36-apt';

function version2() {
  const records = builtinRecords();
  return {
    ...records,
    agendaItems: records.agendaItems.filter((a) => a.id !== REMOVED).map((a) => (a.id === CHANGED ? { ...a, title: { ...a.title, en: 'Joint statement, re-issued' } } : a)),
  };
}

const bundleFile = (text: string, name = 'asean-v2.json') => new File([text], name, { type: 'application/json' });

/** The whole app at /datasets, once the page is on screen. */
async function openDatasets() {
  await renderAppAt('/datasets');
  await screen.findByRole('heading', { level: 1, name: 'Datasets' });
}

async function upload(text: string, name?: string) {
  const user = userEvent.setup();
  await user.upload(screen.getByLabelText('Dataset bundle file'), bundleFile(text, name));
}

describe('the Datasets page', () => {
  it('previews an update with its briefing impact, applies it and lists the sections to review', async () => {
    const publisher = await setUp();
    await putBriefing(briefing('b1', 'asoen-36', 'Langkawi brief'), [section('s1', 'b1', CHANGED, 'changed'), section('s2', 'b1', REMOVED, 'removed', 1)]);
    await openDatasets();
    await upload(await bundleOf(version2(), publisher));

    const preview = (await screen.findByRole('heading', { name: /Update to/ })).closest('section')!;
    expect(within(preview).getByText('From version 1 to version 2')).toBeTruthy();
    const agendaRow = within(preview).getByRole('row', { name: /Agenda items/ });
    expect(within(agendaRow).getAllByRole('cell').map((c) => c.textContent)).toEqual(['0', '1', '1']);
    const impact = within(preview).getByRole('heading', { name: 'Your briefings affected (2)' }).closest('section')!;
    const links = within(impact).getAllByRole('link');
    expect(links.map((l) => l.getAttribute('href')).sort()).toEqual([`/briefings/b1?item=${CHANGED}`, `/briefings/b1?item=${REMOVED}`].sort());
    // Nothing is written before Apply.
    expect((await db.datasets.get('asean-builtin'))?.version).toBe(1);

    fireEvent.click(screen.getByRole('button', { name: 'Apply version 2' }));
    await screen.findByText(/version 2 is installed\. Briefing sections flagged: 2\./);
    expect((await db.datasets.get('asean-builtin'))?.version).toBe(2);
    const review = await screen.findByRole('region', { name: 'Briefing sections to review' });
    expect(within(review).getByRole('heading', { name: 'Agenda item removed: detached (1)' })).toBeTruthy();
    expect(within(review).getByRole('heading', { name: 'Agenda item changed (1)' })).toBeTruthy();
    expect(within(review).getAllByRole('link').map((l) => l.getAttribute('href')).sort()).toEqual([`/briefings/b1?item=${CHANGED}`, `/briefings/b1?item=${REMOVED}`].sort());
    // The delegate's text is untouched.
    expect((await db.sections.get('s2'))?.objectives).toBe('objectives: removed');
  });

  it('discarding a preview writes nothing', async () => {
    const publisher = await setUp();
    await openDatasets();
    await upload(await bundleOf(version2(), publisher));
    fireEvent.click(await screen.findByRole('button', { name: 'Discard' }));
    await waitFor(() => expect(screen.queryByRole('heading', { name: /Update to/ })).toBeNull());
    expect((await db.datasets.get('asean-builtin'))?.version).toBe(1);
    expect(await db.agendaItems.get(REMOVED)).toBeTruthy();
  });

  it('refuses invalid records with an alert that names them, and changes nothing', async () => {
    const publisher = await setUp();
    const records = builtinRecords();
    (records.agendaItems.find((a) => a.id === 'asoen-36-opening') as { title: unknown }).title = {};
    await openDatasets();
    await upload(await bundleOf(records, publisher));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The bundle contains invalid records (1): asoen-36-opening.');
    expect(alert.textContent).toContain('Nothing was changed.');
    expect((await db.datasets.get('asean-builtin'))?.version).toBe(1);
  });

  it('refuses a bundle signed by a key the delegate does not trust', async () => {
    await setUp();
    const stranger = await newSigner();
    await openDatasets();
    await upload(await bundleOf(version2(), stranger));
    expect((await screen.findByRole('alert')).textContent).toContain('signed by a key you do not trust');
  });

  it('refuses a file over the size cap before reading it', async () => {
    await setUp();
    await openDatasets();
    const huge = bundleFile('x');
    Object.defineProperty(huge, 'size', { value: 300 * 1024 * 1024 });
    const spy = vi.spyOn(huge, 'arrayBuffer');
    await userEvent.setup().upload(screen.getByLabelText('Dataset bundle file'), huge);
    expect((await screen.findByRole('alert')).textContent).toMatch(/The file asean-v2\.json \(300\.0 MiB\) is larger than the 256\.0 MiB/);
    expect(spy).not.toHaveBeenCalled();
  });

  it('shows a long change list a page at a time', async () => {
    const publisher = await setUp();
    const records = builtinRecords();
    const extra = Array.from({ length: CHANGES_PAGE + 20 }, (_, i) => ({ ...records.agendaItems[0]!, id: `extra-item-${String(i).padStart(3, '0')}` }));
    await openDatasets();
    await upload(await bundleOf({ ...records, agendaItems: [...records.agendaItems, ...extra] }, publisher));
    const changes = (await screen.findByRole('heading', { name: `Every change (${CHANGES_PAGE + 20})` })).closest('section')!;
    expect(within(changes).getAllByRole('listitem')).toHaveLength(CHANGES_PAGE);
    fireEvent.click(within(changes).getByRole('button', { name: 'Show 20 more' }));
    await waitFor(() => expect(within(changes).getAllByRole('listitem')).toHaveLength(CHANGES_PAGE + 20));
    expect(within(changes).queryByRole('button', { name: /Show/ })).toBeNull();
  });

  it('adds a key from pasted text with its fingerprint, refuses a malformed one, and removes after confirming', async () => {
    await setUp();
    const signer = await newSigner();
    await openDatasets();
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Name for this key'), 'Ministry key');
    await user.type(screen.getByLabelText('Public key (paste the line from the .pub file)'), 'not a key');
    await user.click(screen.getByRole('button', { name: 'Trust this key' }));
    expect((await screen.findByRole('alert')).textContent).toContain('This is not a publisher key');

    await user.clear(screen.getByLabelText('Public key (paste the line from the .pub file)'));
    await user.type(screen.getByLabelText('Public key (paste the line from the .pub file)'), formatPublicKey(signer.publicKey.raw));
    await user.click(screen.getByRole('button', { name: 'Trust this key' }));
    expect((await screen.findByRole('status')).textContent).toContain('"Ministry key" is trusted');
    const row = (await screen.findByText('Ministry key', { selector: 'strong' })).closest('li')!;
    const fingerprint = row.querySelector('.fingerprint')!;
    expect(fingerprint.textContent?.replace(/\s/g, '')).toMatch(new RegExp(`^${signer.publicKey.keyId}[0-9a-f]+$`));
    expect(fingerprint.children.length).toBe(16);

    await user.click(within(row).getByRole('button', { name: 'Remove Ministry key' }));
    const confirm = within(row).getByRole('alertdialog');
    await user.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    expect(await db.trustedKeys.get(signer.publicKey.keyId)).toBeTruthy();
    await user.click(within(row).getByRole('button', { name: 'Remove Ministry key' }));
    await user.click(within(row).getByRole('button', { name: 'Remove the key' }));
    await waitFor(async () => expect(await db.trustedKeys.get(signer.publicKey.keyId)).toBeUndefined());
  });

  it('remembers the feed address and the start-up choice, and refuses a plain-http address elsewhere', async () => {
    await setUp();
    await openDatasets();
    const user = userEvent.setup();
    const address = screen.getByLabelText('Feed address');
    await user.type(address, 'http://data.example.org/feed.json');
    expect(screen.getByText(/Feed addresses must start with https:\/\//)).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Check for updates' }) as HTMLButtonElement).disabled).toBe(true);
    await user.click(screen.getByLabelText('Check at start when online'));
    await waitFor(async () => expect((await db.settings.get(CHECK_AT_START_KEY))?.value).toBe(true));

    const fetchSpy = vi.fn(async () => new Response('{}', { status: 200 }));
    vi.stubGlobal('fetch', fetchSpy);
    await user.clear(address);
    await user.type(address, 'https://data.example.org/feed.json');
    await user.click(screen.getByRole('button', { name: 'Check for updates' }));
    // The check runs after the click returns: wait for its outcome, then look at what it fetched.
    expect((await screen.findByRole('alert')).textContent).toContain('not a dataset bundle');
    expect(fetchSpy).toHaveBeenCalledWith('https://data.example.org/feed.json', expect.objectContaining({ signal: expect.any(AbortSignal) }));
    expect((await db.settings.get(FEED_URL_KEY))?.value).toBe('https://data.example.org/feed.json');
  });

  it('reports an HTTP error from the feed with its status', async () => {
    await setUp();
    vi.stubGlobal('fetch', vi.fn(async () => new Response('gone', { status: 410 })));
    await openDatasets();
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Feed address'), 'https://data.example.org/feed.json');
    await user.click(screen.getByRole('button', { name: 'Check for updates' }));
    expect((await screen.findByRole('alert')).textContent).toContain('The feed answered with an error (HTTP 410).');
  });
});

describe('check at start when online', () => {
  it('shows a notice when the feed has an update, and the Datasets page opens its preview', async () => {
    const publisher = await setUp();
    const text = await bundleOf(version2(), publisher);
    await db.settings.bulkPut([
      { key: FEED_URL_KEY, value: 'https://data.example.org/feed.json' },
      { key: CHECK_AT_START_KEY, value: true },
    ]);
    const fetchSpy = vi.fn(async () => new Response(text, { status: 200 }));
    vi.stubGlobal('fetch', fetchSpy);
    await renderAppAt('/meetings');
    const notice = await screen.findByText(/Dataset update available: ASEAN reference data version 2\./);
    expect(fetchSpy).toHaveBeenCalledTimes(1);
    fireEvent.click(within(notice.closest('.sync-notice') as HTMLElement).getByRole('link', { name: 'Review it' }));
    expect(await screen.findByRole('heading', { name: /Update to ASEAN reference data/ })).toBeTruthy();
    expect((await db.datasets.get('asean-builtin'))?.version).toBe(1);
  });

  it('does not fetch when the choice is off, or when offline', async () => {
    await setUp();
    await db.settings.put({ key: FEED_URL_KEY, value: 'https://data.example.org/feed.json' });
    const fetchSpy = vi.fn(async () => new Response('{}', { status: 200 }));
    vi.stubGlobal('fetch', fetchSpy);
    expect(await runStartupCheck()).toBeUndefined();
    resetStartupCheck();
    await db.settings.put({ key: CHECK_AT_START_KEY, value: true });
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    expect(await runStartupCheck()).toBeUndefined();
    expect(fetchSpy).not.toHaveBeenCalled();
  });
});
