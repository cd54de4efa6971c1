/** Helpers for the sync engine tests: the built-in dataset installed, a trusted publisher, bundles, a database snapshot. */
import { formatPublicKey, type BuildInput, type Signer } from '../../shared/bundle';
import type { Briefing, Section } from '../../shared/briefing/model';
import { canonicalJson } from '../../shared/dataset/hash';
import type { DatasetRecords } from '../../shared/model';
import { ensureBuiltinDataset } from '../../renderer/db/builtin';
import { loadBuiltinDevSigner } from '../../scripts/builtin-signing';
import { db } from '../../renderer/db/db';
import { toStoredSection } from '../../renderer/db/schema';
import { addTrustedKey, applyUpdate, checkUpdate, configureSyncEngine } from '../../renderer/datasets/dataset-updates';
import type { CheckResult, UpdatePreview } from '../../renderer/datasets/types';
import { NOW, baseInput, builtinRecords, newSigner, signedBundle } from '../unit/bundle-fixtures';

export { NOW, builtinRecords };

export const encode = (text: string): Uint8Array<ArrayBuffer> => new TextEncoder().encode(text);

/** The built-in dataset's id and version as the app installs it. */
export const DATASET_ID = 'asean-builtin';

/**
 * Installs the built-in dataset, runs the engine in this thread at NOW, and returns the
 * publisher who may update it: the key the built-in dataset is bound to (in tests, this
 * checkout's development key, trusted as shipped with the app; scripts/builtin-signing.ts).
 */
export async function setUp(extra: Parameters<typeof configureSyncEngine>[0] = {}): Promise<Signer> {
  configureSyncEngine({ now: () => NOW, ...extra });
  await ensureBuiltinDataset(db);
  return loadBuiltinDevSigner();
}

/** A signed bundle of the built-in dataset id with these records. */
export async function bundleOf(records: DatasetRecords, signer: Signer, version = 2, extra: Partial<BuildInput> = {}): Promise<string> {
  return signedBundle({ ...baseInput(records), datasetId: DATASET_ID, version, ...extra }, [signer]);
}

export async function check(text: string | Uint8Array): Promise<CheckResult> {
  return checkUpdate(typeof text === 'string' ? encode(text) : text, { kind: 'file', name: 'update.json' });
}

export async function preview(text: string): Promise<UpdatePreview> {
  const result = await check(text);
  if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
  return result.preview;
}

/** Every table, rows in primary-key order, as canonical JSON: two snapshots are equal exactly when the contents are. */
export async function snapshot(tables: readonly string[] = db.tables.map((t) => t.name)): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of [...tables].sort()) out[name] = canonicalJson(await db.table(name).toArray());
  return out;
}

/** Tables an update may write; a refused or rolled-back update must leave them exactly as they were. */
export const ALL_BUT_HISTORY = ['sources', 'bodies', 'meetings', 'agendaItems', 'frameworks', 'targets', 'datasets', 'sections', 'briefings', 'settings', 'trustedKeys', 'acceptedManifests', 'undoRecords'];

export function briefing(id: string, meetingId: string, title: string): Briefing {
  return {
    id,
    meetingId,
    title,
    delegation: 'MY',
    author: 'Aminah',
    classification: 'OFFICIAL',
    status: 'draft',
    statusHistory: [],
    keyMessages: `Key messages of ${title}`,
    bilaterals: [],
    members: [],
    contacts: [],
    logistics: '',
    review: [],
    createdAt: '2026-11-01T00:00:00.000Z',
    updatedAt: '2026-11-01T00:00:00.000Z',
  };
}

export function section(id: string, briefingId: string, agendaItemId: string, text: string, order = 0): Section {
  return {
    id,
    briefingId,
    agendaItemId,
    order,
    agendaTitle: `Title of ${agendaItemId} when made`,
    objectives: `objectives: ${text}`,
    position: `position: ${text}`,
    redLines: '',
    fallback: `fallback: ${text}`,
    talkingPoints: [{ id: `${id}-tp`, text: `point: ${text}` }],
    background: '',
    targets: [],
    followUps: [],
    privateNotes: `private: ${text}`,
    review: [],
    updatedAt: '2026-11-02T00:00:00.000Z',
  };
}

export async function putBriefing(b: Briefing, sections: Section[]): Promise<void> {
  await db.transaction('rw', db.briefings, db.sections, async () => {
    await db.briefings.put(b);
    await db.sections.bulkPut(sections.map(toStoredSection));
  });
}

export { newSigner };

/** A second publisher (a ministry's national layer), its key trusted on the Datasets page. */
export async function ministry(): Promise<Signer> {
  const signer = await newSigner();
  const added = await addTrustedKey(formatPublicKey(signer.publicKey.raw), 'Ministry (MY)');
  if (!added.ok) throw new Error(added.message);
  return signer;
}

/** Applies a previewed update, failing the test with the engine's reason if it is refused. */
export async function apply(shown: UpdatePreview): Promise<void> {
  const applied = await applyUpdate(shown.token);
  if (!applied.ok) throw new Error(`${applied.code}: ${applied.message}`);
}
