/** Shared fixtures for the bundle tests: the built-in dataset, two publisher keys and a bundle builder. */
import { resolve } from 'node:path';
import { canonicalJson } from '../../shared/dataset/hash';
import { validateDataset } from '../../shared/dataset/validate';
import type { DatasetRecords } from '../../shared/model';
import {
  buildBundle,
  generateKeyPair,
  loadSigner,
  serializeBundle,
  signBundle,
  type BuildInput,
  type BundleFile,
  type Signer,
  type VerifyOptions,
} from '../../shared/bundle';
import { toBase64, utf8 } from '../../shared/bundle/encoding';
import { readDatasetDir } from '../../scripts/load-dataset-dir';

export function builtinRecords(): DatasetRecords {
  const result = validateDataset(readDatasetDir(resolve('assets/dataset')).records);
  if (!result.ok) throw new Error('the built-in dataset is invalid');
  return result.records;
}

/**
 * The ADMM part of the built-in dataset: small, real, and valid on its own
 * (every kept record refers only to kept records).
 */
export function smallDataset(): DatasetRecords {
  const all = builtinRecords();
  const meetings = all.meetings.filter((m) => m.id.startsWith('admm') || m.id.startsWith('adsom'));
  const meetingIds = new Set(meetings.map((m) => m.id));
  const agendaItems = all.agendaItems.filter((a) => meetingIds.has(a.meetingId));
  const frameworks = all.frameworks.filter((f) => f.id.startsWith('admm'));
  const frameworkIds = new Set(frameworks.map((f) => f.id));
  const targets = all.targets.filter((t) => frameworkIds.has(t.frameworkId));
  // The bodies those records name, and every body up their reporting lines.
  const byId = new Map(all.bodies.map((b) => [b.id, b]));
  const wanted = [...meetings, ...agendaItems].flatMap((r) => r.bodyIds).concat([...frameworks, ...targets].flatMap((r) => r.ownerBodyIds));
  const bodyIds = new Set<string>();
  while (wanted.length > 0) {
    const id = wanted.pop()!;
    if (!bodyIds.has(id)) wanted.push(...(byId.get(id)?.reportsTo ?? []));
    bodyIds.add(id);
  }
  const bodies = all.bodies.filter((b) => bodyIds.has(b.id));
  return { ...all, bodies, meetings, agendaItems, frameworks, targets };
}

export async function newSigner(): Promise<Signer> {
  return loadSigner(JSON.stringify((await generateKeyPair()).privateKeyFile));
}

export const NOW = new Date('2027-01-01T00:00:00Z');

export const baseInput = (records: DatasetRecords): BuildInput => ({
  records,
  publisherId: 'asean-secretariat',
  publisherName: 'ASEAN Secretariat',
  datasetId: 'asean-builtin',
  title: 'ASEAN reference data',
  version: 2,
  created: new Date('2026-12-01T00:00:00Z'),
  expires: new Date('2027-12-01T00:00:00Z'),
  minAppVersion: '0.1.0',
  changelog: ['first release', { version: 2, notes: 'ASOEN-36 programme updated' }],
});

export const options = (extra: Partial<VerifyOptions> = {}): VerifyOptions => ({
  now: NOW,
  maxBytes: 16 * 1024 * 1024,
  appVersion: '1.0.0',
  ...extra,
});

export async function signedBundle(input: BuildInput, signers: Signer[]): Promise<string> {
  let file = await buildBundle(input);
  for (const signer of signers) file = await signBundle(file, signer);
  return serializeBundle(file);
}

/**
 * A bundle whose manifest is replaced by `edit(manifest)` and signed again by `signer`: a
 * publisher (or a stolen key) producing something odd, as opposed to an outsider tampering.
 */
export async function resignedWith(text: string, signer: Signer, edit: (manifest: Record<string, unknown>) => Record<string, unknown>, canonical = true): Promise<string> {
  const file = JSON.parse(text) as BundleFile;
  const manifest = edit(JSON.parse(file.manifest) as Record<string, unknown>);
  const manifestText = canonical ? canonicalJson(manifest) : JSON.stringify(manifest, null, 2);
  const signature = toBase64(await signer.sign(utf8(manifestText)));
  return serializeBundle({ ...file, manifest: manifestText, signatures: [{ keyId: signer.publicKey.keyId, algorithm: 'ed25519', signature }] });
}
