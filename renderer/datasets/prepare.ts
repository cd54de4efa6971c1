import { RECORD_DIGEST_BYTES, type RecordDigests } from '../../shared/bundle/payload';
import type { Tombstone } from '../../shared/bundle/schema';
import { LATER_RECORD_KINDS, RECORD_KINDS, type AgendaItem, type DatasetRecords, type RecordKind, type RecordTypes } from '../../shared/model';
import { briefingImpact, PlanBuilder, type UpdatePlan } from '../../shared/sync';
import type { DelegateDatabase } from '../db/db';
import type { AcceptedManifest, HistoryRow, InstalledDataset, StoredOrigin } from '../db/schema';
import { readInstalledDigests, sameDigest, type DigestIndex } from './record-digests';
import { failure } from './request-control';
import { referenceTable, type AnyStored } from './reference-tables';
import { fromStored } from './stored-records';
import type { BriefingImpact, SyncFailure } from './types';

/**
 * Check's second half: what an update changes, whom it concerns, and what apply will write.
 * The installed records are never all held at once: the bundle's records are walked a chunk at
 * a time with their installed counterparts (bulkGet by id), and removals are the installed ids
 * (primary keys only) the bundle does not hold, read a chunk at a time too.
 */

declare const owned: unique symbol;

/**
 * Records parsed from a bundle for this one update, referenced by nothing else: apply may turn
 * them into their stored form in place (toStoredInPlace) instead of writing copies. Only
 * `ownRecords` makes one, so a shared value (the built-in dataset's module) cannot be passed off as owned.
 */
export type OwnedRecords = DatasetRecords & { readonly [owned]: true };

/** Declares freshly parsed records the engine's own (see OwnedRecords). */
export const ownRecords = (records: DatasetRecords): OwnedRecords => records as OwnedRecords;

/** The records apply writes: owned ones are stored in place, shared ones copied. */
export type UpdateRecords = { owned: true; records: OwnedRecords } | { owned: false; records: DatasetRecords };

/** What check gives and apply needs about the update itself, besides the records. */
export interface UpdateDescription {
  datasetId: string;
  version: number;
  /** The content hash (the provenance hash stored with every record written). */
  hash: string;
  title: string;
  publisherId: string;
  publisherName: string;
  changelog: HistoryRow['changelog'];
  signedBy: string[];
  expired: boolean;
  origin: StoredOrigin;
  manifest: AcceptedManifest;
  /** Keys a key rotation in the bundle names: added to the trusted keys on apply (so the delegate can revoke them). */
  rotatedKeys?: { keyId: string; publicKey: string; fingerprint: string }[];
  /** Keep undo material (false for the built-in dataset, which is never undone). */
  undoable: boolean;
  /** The bundle's per-record digests, aligned with its lists (verify gives them; the built-in dataset has none). */
  recordDigests?: RecordDigests;
}

/** What check computed and apply writes. */
export interface PreparedUpdate extends UpdateDescription {
  /**
   * The added and changed records only: apply writes these and leaves every unchanged record as
   * it is stored (with the provenance of the version that last changed it). The rest of the
   * bundle's records are let go once compared.
   */
  writes: UpdateRecords;
  /** Records of each kind once the update is in (the register's counts). */
  counts: Record<RecordKind, number>;
  plan: UpdatePlan;
  impact: BriefingImpact[];
  /**
   * What the update does to each agenda item it changes or removes, with its text before and
   * after: apply flags the sections on these items as they are at write time (a section made
   * between check and apply is flagged too).
   */
  agendaChanges: Omit<BriefingImpact, 'briefingId' | 'briefingTitle' | 'sectionId'>[];
  /** The dataset register row when checked: apply refuses if it changed meanwhile. */
  installedBefore?: InstalledDataset;
  /**
   * Installed records the update replaces or removes (what undo puts back), by id: apply reads
   * them as stored, a chunk at a time, inside its transaction. Changed and removed ones only.
   */
  replaced: { kind: RecordKind; id: string }[];
  /** The digest index apply stores for the next update (record-digests.ts); undefined without digests. */
  digestIndex?: DigestIndex;
}

/** Records compared per step: the installed ones are read a chunk at a time and let go. */
const COMPARE_CHUNK = 2000;
/** Chunks of installed records read ahead of the one being compared. */
const READS_AHEAD = 2;

export async function prepareUpdate(
  database: DelegateDatabase,
  update: UpdateDescription,
  incoming: UpdateRecords,
  removals: readonly Tombstone[],
  { chunk = COMPARE_CHUNK, appVersion }: { chunk?: number; appVersion?: string } = {},
): Promise<PreparedUpdate | SyncFailure> {
  const { datasetId } = update;
  const records = incoming.records;
  const installedBefore = await database.datasets.get(datasetId);
  // The installed records' digests, when an index for exactly what is installed exists.
  const index = await readInstalledDigests(database, installedBefore, appVersion);
  // A later kind a bundle holds none of (contacts) is not in its payload, so it has no digest list: an empty one.
  const given = update.recordDigests && { ...Object.fromEntries(LATER_RECORD_KINDS.filter((k) => records[k].length === 0).map((k) => [k, new Uint8Array(0)])), ...update.recordDigests };
  const digests = RECORD_KINDS.every((k) => given?.[k]?.length === records[k].length * RECORD_DIGEST_BYTES) ? given : undefined;
  const bundleIds = {} as Record<RecordKind, string[]>;
  const conflicts: string[] = [];
  for (const kind of RECORD_KINDS) {
    // Ids are unique across datasets (one table per kind): a bundle must not take over another dataset's records.
    const foreign = await referenceTable(database, kind).where('prov.datasetId').notEqual(datasetId).primaryKeys();
    if (foreign.length > 0) {
      const taken = new Set(foreign);
      for (const r of records[kind]) if (taken.has(r.id)) conflicts.push(r.id);
    }
  }
  if (conflicts.length > 0) {
    return failure('id-conflict', `The bundle's records reuse ids that belong to another installed dataset: ${conflicts.slice(0, 20).join(', ')}.`, [], conflicts);
  }

  const builder = new PlanBuilder(removals);
  const replaced: PreparedUpdate['replaced'] = [];
  const writes = {} as Record<RecordKind, RecordTypes[RecordKind][]>;
  const counts = {} as Record<RecordKind, number>;
  // The installed text of agenda items the update changes or removes, and the new text of those it changes.
  const before = new Map<string, AgendaItem>();
  const after = new Map<string, AgendaItem>();
  for (const kind of RECORD_KINDS) {
    const list: readonly RecordTypes[RecordKind][] = records[kind];
    const written: RecordTypes[RecordKind][] = (writes[kind] = []);
    counts[kind] = list.length;
    const known = index?.get(kind);
    const incomingDigests = digests?.[kind];
    // The dataset's installed ids: the digest index's, or the index on prov.datasetId's (by id). Only those are read.
    const installedIds = known ? [...known.positions.keys()] : await referenceTable(database, kind).where('prov.datasetId').equals(datasetId).primaryKeys();
    const installed = new Set(installedIds);
    const inBundle = new Set<string>();
    const ids: string[] = (bundleIds[kind] = []);
    builder.startKind(kind);
    // A record whose digest is the installed one's is that record, unchanged: neither read back nor compared.
    const readChunk = (i: number) => {
      const part = list.slice(i, i + chunk);
      const same = part.map((r, j) => {
        const at = known?.positions.get(r.id);
        return at !== undefined && incomingDigests !== undefined && sameDigest(incomingDigests, i + j, known!.digests, at);
      });
      const wanted = part.filter((r, j) => !same[j] && installed.has(r.id)).map((r) => r.id);
      const stored: Promise<(AnyStored | undefined)[]> = wanted.length === 0 ? Promise.resolve([]) : referenceTable(database, kind).bulkGet(wanted);
      stored.catch(() => undefined);
      return { part, same, stored };
    };
    // The next chunks' installed records are asked for while this one is compared: one read
    // after the other, each a round trip to the database, left the worker waiting for seconds.
    const ahead: ReturnType<typeof readChunk>[] = [];
    for (let i = 0; i < list.length; i += chunk) {
      for (let next = i + ahead.length * chunk; ahead.length <= READS_AHEAD && next < list.length; next += chunk) ahead.push(readChunk(next));
      const { part, same, stored: reading } = ahead.shift()!;
      const stored = new Map((await reading).flatMap((r) => (r ? [[r.id, r] as const] : [])));
      for (let j = 0; j < part.length; j++) {
        const record = part[j]!;
        ids.push(record.id);
        if (same[j] && !inBundle.has(record.id)) {
          inBundle.add(record.id);
          builder.keep(record.id);
          continue;
        }
        const found = stored.get(record.id);
        // A second record with the same id counts as added, as when compared against a map of the installed ones.
        const previous = found !== undefined && found.prov.datasetId === datasetId && !inBundle.has(record.id) ? fromStored(kind, found) : undefined;
        inBundle.add(record.id);
        const result = builder.compare(record, previous);
        if (result === 'unchanged') continue;
        written.push(record);
        if (result === 'changed' && update.undoable) replaced.push({ kind, id: record.id });
        if (kind === 'agendaItems' && result === 'changed') {
          before.set(record.id, previous as AgendaItem);
          after.set(record.id, record as AgendaItem);
        }
      }
    }
    const gone = installedIds.filter((id) => !inBundle.has(id));
    inBundle.clear();
    installed.clear();
    for (let i = 0; i < gone.length; i += chunk) {
      for (const found of await referenceTable(database, kind).bulkGet(gone.slice(i, i + chunk))) {
        if (found === undefined) continue;
        const previous = fromStored(kind, found);
        builder.remove(previous);
        if (update.undoable) replaced.push({ kind, id: found.id });
        if (kind === 'agendaItems') before.set(found.id, previous as AgendaItem);
      }
    }
    builder.endKind();
  }
  const plan = builder.finish();

  const agendaIds = plan.changes.filter((c) => c.kind === 'agendaItems' && c.change !== 'added').map((c) => c.id);
  // The same computation for one pseudo-section per item gives the flags' material.
  const agendaChanges = briefingImpact(plan.changes, agendaIds.map((id) => ({ id, briefingId: '', agendaItemId: id })), new Map(), before, after).map(
    ({ briefingId: _b, briefingTitle: _t, sectionId: _s, ...change }) => change,
  );
  let impact: BriefingImpact[] = [];
  if (agendaIds.length > 0) {
    const sections = await database.sections.where('agendaItemId').anyOf(agendaIds).toArray();
    const briefings = await database.briefings.bulkGet([...new Set(sections.map((s) => s.briefingId))]);
    const titles = new Map(briefings.flatMap((b) => (b ? [[b.id, b.title] as const] : [])));
    impact = briefingImpact(plan.changes, sections, titles, before, after);
  }
  const subset = writes as unknown as DatasetRecords;
  return {
    ...update,
    writes: incoming.owned ? { owned: true, records: ownRecords(subset) } : { owned: false, records: subset },
    counts,
    plan,
    impact,
    agendaChanges,
    installedBefore,
    replaced,
    ...(digests ? { digestIndex: { ids: bundleIds, digests } } : {}),
  };
}
