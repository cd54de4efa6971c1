/**
 * No silent takeover, through the Datasets page: another publisher's key is refused for an
 * installed dataset, a key rotation is shown plainly and its new key becomes a trusted key, the
 * installed bundle offered again is a calm status, and an expired bundle needs the delegate's
 * confirmation (a feed's is refused).
 */
import { configure, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildRotation, fingerprintOf, formatPublicKey, type Signer } from '../../shared/bundle';
import { db } from '../../renderer/db/db';
import { addTrustedKey, applyUpdate, checkUpdate, resetSyncEngine, undoLastUpdate } from '../../renderer/datasets/dataset-updates';
import { renderAppAt } from './render-app';
import { bundleOf, builtinRecords, DATASET_ID, encode, NOW, newSigner, preview, setUp } from './sync-engine-fixtures';

configure({ asyncUtilTimeout: 15_000 });
vi.setConfig({ testTimeout: 30_000 });

afterEach(() => resetSyncEngine());

async function openDatasets() {
  await renderAppAt('/datasets');
  await screen.findByRole('heading', { level: 1, name: 'Datasets' });
}

const upload = (text: string) =>
  userEvent.setup().upload(screen.getByLabelText('Dataset bundle file'), new File([text], 'update.json', { type: 'application/json' }));

/** The built-in dataset replaced by `publisher`'s version 2, applied through the engine. */
async function installedBy(publisher: Signer): Promise<void> {
  const shown = await preview(await bundleOf(builtinRecords(), publisher, 2));
  const applied = await applyUpdate(shown.token);
  if (!applied.ok) throw new Error(applied.message);
}

async function trust(signer: Signer, label: string) {
  const added = await addTrustedKey(formatPublicKey(signer.publicKey.raw), label);
  if (!added.ok) throw new Error(added.message);
}

describe('no silent takeover on the Datasets page', () => {
  it('refuses a bundle for the dataset shipped with the app signed by another trusted key, and lists the shipped key', async () => {
    await setUp();
    const ministry = await newSigner();
    await trust(ministry, 'A ministry');
    await openDatasets();
    // The key the built-in dataset is bound to is listed among the trusted keys, marked as shipped.
    const shipped = (await db.trustedKeys.toArray()).filter((k) => k.builtIn);
    expect(shipped).toHaveLength(1);
    expect(within((await screen.findByText(shipped[0]!.label)).closest('li')!).getByText('Ships with the app')).toBeTruthy();
    await upload(await bundleOf(builtinRecords(), ministry, 2));
    const alert = await screen.findByRole('alert');
    expect(alert.getAttribute('data-code')).toBe('publisher-key-changed');
    expect(alert.textContent).toContain('This dataset is installed from another publisher key');
    expect(alert.textContent).toContain('Nothing was changed.');
    expect((await db.datasets.get(DATASET_ID))?.version).toBe(1);
  });

  it('refuses a bundle by another trusted key for an installed dataset, with its own message', async () => {
    const publisher = await setUp();
    await installedBy(publisher);
    const other = await newSigner();
    await trust(other, 'Another ministry');
    await openDatasets();
    await upload(await bundleOf(builtinRecords(), other, 3));
    const alert = await screen.findByRole('alert');
    expect(alert.getAttribute('data-code')).toBe('publisher-key-changed');
    expect(alert.textContent).toContain('This dataset is installed from another publisher key');
    expect(alert.textContent).toContain('Nothing was changed.');
    expect((await db.datasets.get(DATASET_ID))?.version).toBe(2);
  });

  it('shows a key rotation signed by the installed key, and trusts the new key once applied', async () => {
    const publisher = await setUp();
    await installedBy(publisher);
    const successor = await newSigner();
    const rotation = await buildRotation({ datasetId: DATASET_ID, keys: [successor.publicKey], threshold: 1, created: NOW }, [publisher]);
    await openDatasets();
    await upload(await bundleOf(builtinRecords(), successor, 3, { rotations: [rotation] }));
    const section = (await screen.findByRole('heading', { name: /Update to/ })).closest('section')!;
    const notice = within(section).getByText(/Publisher key changes: the installed key \(ASEAN Delegate Briefing project \(asean-builtin\)\) hands this dataset to new keys/).closest('[role="alert"]')!;
    const fingerprint = await fingerprintOf(successor.publicKey.raw);
    expect(notice.textContent?.replace(/\s+/g, '')).toContain(fingerprint.replace(/ /g, ''));
    await userEvent.setup().click(screen.getByRole('button', { name: /Apply/ }));
    await screen.findByRole('status');
    expect((await db.trustedKeys.get(successor.publicKey.keyId))?.fingerprint).toBe(fingerprint);
    expect((await db.acceptedManifests.get(DATASET_ID))?.signers).toEqual({ keyIds: [successor.publicKey.keyId], threshold: 1 });
    // The old key can no longer publish the dataset.
    expect(await checkUpdate(encode(await bundleOf(builtinRecords(), publisher, 4)), { kind: 'file', name: 'old.json' })).toMatchObject({ ok: false, code: 'publisher-key-changed' });
    // Undo puts the old binding back with the old version.
    expect(await undoLastUpdate(DATASET_ID)).toEqual({ ok: true });
    expect((await db.acceptedManifests.get(DATASET_ID))?.signers).toEqual({ keyIds: [publisher.publicKey.keyId], threshold: 1 });
  });

  it('offering the installed bundle again is a calm status, not a refusal', async () => {
    const publisher = await setUp();
    const text = await bundleOf(builtinRecords(), publisher, 2);
    await installedBy(publisher);
    await openDatasets();
    await upload(text);
    expect((await screen.findByText('You already have this version installed: there is nothing to update.')).closest('[role="status"]')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('an expired bundle picked by hand needs confirming; from a feed it is refused', async () => {
    const publisher = await setUp();
    const expired = await bundleOf(builtinRecords(), publisher, 2, { created: new Date('2025-01-01T00:00:00Z'), expires: new Date('2026-01-01T00:00:00Z') });
    expect(await checkUpdate(encode(expired), { kind: 'feed', url: 'https://example.org/feed' })).toMatchObject({ ok: false, code: 'expired-feed' });
    await openDatasets();
    await upload(expired);
    await screen.findByRole('heading', { name: /Update to/ });
    const apply = screen.getByRole('button', { name: /Apply/ });
    expect((apply as HTMLButtonElement).disabled).toBe(true);
    await userEvent.setup().click(screen.getByLabelText(/I understand this bundle has expired/));
    expect((apply as HTMLButtonElement).disabled).toBe(false);
  });
});
