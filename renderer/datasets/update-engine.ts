import { DEFAULT_MAX_BUNDLE_BYTES, fingerprintOf, formatBytes, formatPublicKey, parsePublicKey, refuse, verifyBundle, type PublicKey, type VerifyResult } from '../../shared/bundle';
import { splitPayload } from '../../shared/bundle/payload';
import type { BundleSource } from './bundle-source';
import { checkLayer, dependentsImpact } from './layers/layer-check';
import { boundSigners, describeChange } from './publisher-binding';
import { ownRecords, prepareUpdate, type PreparedUpdate, type UpdateDescription } from './prepare';
import { asFailure, cancelledFailure, failure, type RequestControl } from './request-control';
import { PREVIEW_CHANGES_LIMIT, type ChangesQuery, type CheckResult, type RecordChange, type SyncFailure, type UpdateOrigin, type UpdatePreview } from './types';
import { undoLast } from './undo';
import { writeUpdate, type DatasetEngineOptions } from './write';

/**
 * The dataset engine's requests, independent of where it runs (the dataset worker in the app,
 * this thread where no Worker exists): check a bundle (verify, then prepare), apply or discard a
 * checked one, page through its changes, undo the last update. It reads and writes IndexedDB
 * itself, so records never cross the thread boundary; only previews and progress do.
 */

interface Pending {
  prepared: PreparedUpdate;
  preview: UpdatePreview;
}

/** Check, apply, discard, undo: the requests the worker serves. Verified bundles wait here between check and apply. */
export function createUpdateEngine(options: DatasetEngineOptions) {
  const pending = new Map<string, Pending>();
  const { database } = options;
  const now = () => (options.now ?? (() => new Date()))();

  async function trustedKeys(): Promise<{ keys: PublicKey[]; labels: Map<string, { label: string; fingerprint: string }> }> {
    const rows = await database.trustedKeys.toArray();
    const keys: PublicKey[] = [];
    for (const row of rows) {
      const key = await parsePublicKey(row.publicKey);
      if (key) keys.push(key);
    }
    return { keys, labels: new Map(rows.map((r) => [r.keyId, { label: r.label, fingerprint: r.fingerprint }])) };
  }

  /**
   * `source` hands over the file once (see BundleSource): from then on only the verifier holds
   * its bytes, and it lets go of them as soon as they are decoded.
   */
  async function check(source: BundleSource, origin: UpdateOrigin, control: RequestControl): Promise<CheckResult> {
    const maxBytes = options.maxBytes ?? DEFAULT_MAX_BUNDLE_BYTES;
    const size = source.size;
    // Refused before a byte is read.
    if (size > maxBytes) return refuse('too-large', `The bundle is larger than this app accepts (${formatBytes(maxBytes)}); it was not opened.`);
    control.progress({ phase: 'reading', done: 0, total: size });
    const [{ keys, labels }, registers, manifests] = await Promise.all([trustedKeys(), database.datasets.toArray(), database.acceptedManifests.toArray()]);
    if (control.cancelled()) {
      source.release();
      return cancelledFailure();
    }
    control.progress({ phase: 'verifying', done: 0, total: size });
    const bound = new Map(manifests.map((m) => [m.datasetId, boundSigners(m)]));
    const installed = new Map(registers.map((r) => [r.datasetId, { version: r.version, contentSha256: r.hash, signers: bound.get(r.datasetId) }]));
    // The verifier reads the file a piece at a time (a Blob a slice at a time), so the file's
    // whole bytes and whole text are never held; only when that fails (a refusal) does it take
    // the whole file, decoded strictly (invalid UTF-8 throws, which it refuses as not-json).
    const handOver = {
      size,
      read: (start: number, end: number) => source.readRange(start, end),
      fresh: source.fresh,
      take: () => source.read(),
      release: () => source.release(),
    };
    let verified: VerifyResult;
    try {
      verified = await verifyBundle(handOver, keys, { now: now(), maxBytes, appVersion: options.appVersion, installed: (id) => installed.get(id) });
    } finally {
      source.release();
    }
    if (!verified.ok) return verified;
    const m = verified.manifest;
    // A feed is read without the delegate looking: an expired bundle there may be a replayed, frozen one.
    if (verified.expired && origin.kind === 'feed') {
      return refuse('expired-feed', `The feed offers version ${m.version} of "${m.datasetId}", which expired on ${m.expires}; an expired bundle is not installed from a feed. Ask the publisher for a current one.`);
    }
    if (verified.alreadyInstalled) return failure('no-update', `Version ${m.version} of "${m.datasetId}" is installed already; there is nothing to update.`);
    control.progress({ phase: 'verifying', done: size, total: size });
    if (control.cancelled()) return cancelledFailure();

    control.progress({ phase: 'comparing', done: 0, total: 1 });
    // A layer's bases and cross-dataset references; a base's version that an installed layer needs.
    const layer = await checkLayer(database, m, verified.externalReferences);
    if ('ok' in layer) return layer;
    const { records, removals } = splitPayload(verified.payload);
    // What the update's meetings adopt, taken before the records are let go: layers over this dataset may name these documents.
    const documentsAfter = new Set(records.meetings.flatMap((meeting) => (meeting.outcomeDocuments ?? []).map((d) => d.id)));
    const update: UpdateDescription = {
      datasetId: m.datasetId,
      version: m.version,
      hash: verified.contentSha256,
      title: m.title,
      publisherId: m.publisherId,
      publisherName: m.publisherName,
      changelog: m.changelog,
      signedBy: verified.signedBy,
      expired: verified.expired,
      origin,
      manifest: {
        datasetId: m.datasetId,
        manifestText: verified.manifestText,
        signatures: verified.signatures,
        origin,
        acceptedAt: '',
        expires: m.expires,
        signers: verified.signers.signers,
        ...(m.dependsOn ? { dependsOn: m.dependsOn } : {}),
      },
      rotatedKeys: await Promise.all(verified.signers.rotatedKeys.map(async (k) => ({ keyId: k.keyId, publicKey: formatPublicKey(k.raw), fingerprint: await fingerprintOf(k.raw) }))),
      undoable: true,
      ...(verified.recordDigests ? { recordDigests: verified.recordDigests } : {}),
    };
    // The records were parsed for this check alone: the engine owns them. Unchanged ones are let go once compared.
    const prepared = await prepareUpdate(database, update, { owned: true, records: ownRecords(records) }, removals, {
      ...(options.chunkSize !== undefined ? { chunk: options.chunkSize } : {}),
      appVersion: options.appVersion,
    });
    if ('ok' in prepared) return prepared;
    if (control.cancelled()) return cancelledFailure();
    const dependents = await dependentsImpact(database, m.datasetId, prepared.plan, documentsAfter);
    const token = globalThis.crypto.randomUUID();
    const preview: UpdatePreview = {
      token,
      origin,
      datasetId: m.datasetId,
      title: m.title,
      publisherId: m.publisherId,
      publisherName: m.publisherName,
      ...(prepared.installedBefore ? { fromVersion: prepared.installedBefore.version } : {}),
      toVersion: m.version,
      createdAt: m.created,
      expiresAt: m.expires,
      expired: verified.expired,
      changelog: m.changelog,
      signedBy: verified.signedBy.map((keyId) => ({ keyId, label: labels.get(keyId)?.label ?? keyId, fingerprint: labels.get(keyId)?.fingerprint ?? '' })),
      bytes: size,
      counts: prepared.plan.counts,
      changes: prepared.plan.changes.slice(0, PREVIEW_CHANGES_LIMIT),
      totalChanges: prepared.plan.changes.length,
      impact: prepared.impact,
      ...(verified.signers.change ? { publisherChange: await describeChange(verified.signers.change, prepared.rotatedKeys ?? [], labels) } : {}),
      ...(m.dependsOn || dependents.length > 0 ? { layers: { ...layer, dependents } } : {}),
    };
    pending.set(token, { prepared, preview });
    control.progress({ phase: 'comparing', done: 1, total: 1 });
    return { ok: true, preview };
  }

  async function apply(token: string, control: RequestControl): Promise<{ ok: true; historyId: string } | SyncFailure> {
    const entry = pending.get(token);
    if (!entry) return failure('unknown-token', 'This update is no longer waiting to be applied; check it again.');
    try {
      const row = await writeUpdate(options, entry.prepared, control);
      pending.delete(token);
      return { ok: true, historyId: row.id };
    } catch (error) {
      const result = asFailure(error);
      if (result.code === 'stale') pending.delete(token);
      return result;
    }
  }

  function listChanges(token: string, query: ChangesQuery): { ok: true; changes: RecordChange[]; total: number } | SyncFailure {
    const entry = pending.get(token);
    if (!entry) return failure('unknown-token', 'This update is no longer waiting to be applied; check it again.');
    const matching = entry.prepared.plan.changes.filter((c) => (query.kind === undefined || c.kind === query.kind) && (query.change === undefined || c.change === query.change));
    return { ok: true, changes: matching.slice(query.offset, query.offset + query.limit), total: matching.length };
  }

  return {
    check,
    apply,
    listChanges,
    discard: (token: string) => void pending.delete(token),
    undo: (datasetId: string, control: RequestControl) => undoLast(options, datasetId, control),
  };
}

export type UpdateEngine = ReturnType<typeof createUpdateEngine>;
