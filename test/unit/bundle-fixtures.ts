/** Shared fixtures for the bundle tests: the built-in dataset, two publisher keys and a bundle builder. */
import { resolve } from 'node:path';
import { canonicalJson } from '../../shared/dataset/hash';
import { validateDataset } from '../../shared/dataset/validate';
import type { Contact, DatasetRecords } from '../../shared/model';
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

/** A contact (record schema 4): the focal point of the dataset's first body, citing its first source. */
export function sampleContact(records: DatasetRecords, id = 'c-focal'): Contact {
  const body = records.bodies[0]!;
  return { id, name: 'A. Focal', organisation: { bodyId: body.id }, country: 'MY', roles: [{ role: 'focal-point', bodyId: body.id }], sources: [{ sourceId: records.sources[0]!.id }] };
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

/** A signed bundle's text, in format 2 (what the tool writes) or the legacy format 1. */
export async function signedBundle(input: BuildInput, signers: Signer[], format: 1 | 2 = 2): Promise<string> {
  let file = await buildBundle(input, format);
  for (const signer of signers) file = await signBundle(file, signer);
  return serializeBundle(file);
}

/** A bundle file's parts as written, in either format, without any check (for tests that tamper with them). */
export function parseBundleText(text: string): { format: 1 | 2; doc: BundleFile & { payload: DatasetRecords } } {
  const newline = text.indexOf('\n');
  const first = newline < 0 ? undefined : (() => { try { return JSON.parse(text.slice(0, newline)) as Record<string, unknown>; } catch { return undefined; } })();
  if (!first || typeof first !== 'object' || !('formatVersion' in first)) return { format: 1, doc: JSON.parse(text) as BundleFile & { payload: DatasetRecords } };
  const payload: Record<string, unknown[]> = {};
  for (const line of text.slice(newline + 1).split('\n')) {
    if (line === '') continue;
    const [kind, value] = JSON.parse(line) as [string, unknown];
    (payload[kind] ??= []).push(value);
  }
  return { format: 2, doc: { manifest: first.manifest as string, signatures: first.signatures as BundleFile['signatures'], payload: payload as never } };
}

/**
 * Writes a bundle's parts back in the given format as they are (no canonical form, no hashing):
 * what a tamperer with a text editor produces.
 */
export function writeBundleText(doc: { manifest: unknown; signatures: unknown; payload: unknown } & Record<string, unknown>, format: 1 | 2): string {
  if (format === 1) return JSON.stringify(doc);
  const { manifest, signatures, payload, ...extra } = doc;
  const header = JSON.stringify({ formatVersion: 2, manifest, signatures, ...extra });
  const lists = (payload ?? {}) as Record<string, unknown[]>;
  const lines = Object.entries(lists).flatMap(([kind, list]) => (Array.isArray(list) ? list : [list]).map((r) => `${JSON.stringify([kind, r])}\n`));
  return `${header}\n${lines.join('')}`;
}

/**
 * A bundle whose manifest is replaced by `edit(manifest)` and signed again by `signer`: a
 * publisher (or a stolen key) producing something odd, as opposed to an outsider tampering.
 */
export async function resignedWith(text: string, signer: Signer, edit: (manifest: Record<string, unknown>) => Record<string, unknown>, canonical = true): Promise<string> {
  const { format, doc } = parseBundleText(text);
  const manifest = edit(JSON.parse(doc.manifest) as Record<string, unknown>);
  const manifestText = canonical ? canonicalJson(manifest) : JSON.stringify(manifest, null, 2);
  const signature = toBase64(await signer.sign(utf8(manifestText)));
  return writeBundleText({ ...doc, manifest: manifestText, signatures: [{ keyId: signer.publicKey.keyId, algorithm: 'ed25519', signature }] }, format);
}

/**
 * A bundle file's meaning, or undefined when it is not bundle-shaped text at all. Format 2: the
 * header line's JSON value and the payload's exact bytes (they are what the hash covers).
 * Format 1: the whole document's JSON value. Two files with the same meaning must verify alike.
 */
export function bundleMeaning(bytes: Uint8Array): string | undefined {
  const decode = (b: Uint8Array) => new TextDecoder('utf-8', { fatal: true }).decode(b);
  try {
    const newline = bytes.indexOf(0x0a);
    if (newline >= 0) {
      try {
        const header = JSON.parse(decode(bytes.subarray(0, newline))) as unknown;
        if (header && typeof header === 'object' && !Array.isArray(header) && Object.hasOwn(header, 'formatVersion')) {
          return `2:${canonicalJson(header)}\n${Array.from(bytes.subarray(newline + 1)).join(',')}`;
        }
      } catch {
        // not a header line: a format-1 document
      }
    }
    return `1:${canonicalJson(JSON.parse(decode(bytes)))}`;
  } catch {
    return undefined;
  }
}
