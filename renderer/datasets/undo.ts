import type { DatasetReview } from '../../shared/briefing/model';
import { canonicalJson } from '../../shared/dataset/hash';
import { RECORD_KINDS } from '../../shared/model';
import type { Provenance } from '../db/schema';
import { baseNeededRefusal } from './layers/bases';
import { refreshReferenceFlags } from './layers/reference-flags';
import { deleteDigestIndex } from './record-digests';
import { referenceTable, updateTables } from './reference-tables';
import { Abort, asFailure, cancelledFailure, failure, type RequestControl } from './request-control';
import type { SyncFailure } from './types';
import type { DatasetEngineOptions } from './write';

/**
 * Reverts the dataset's last update in one transaction: records it added are deleted, the ones
 * it changed or removed come back exactly as stored; the register, manifest and review flags
 * (those the delegate has not touched) too. Records the update left unchanged were never
 * rewritten, so there is nothing to give back for them.
 */
export async function undoLast(options: DatasetEngineOptions, datasetId: string, control: RequestControl): Promise<{ ok: true } | SyncFailure> {
  const { database } = options;
  const chunk = options.chunkSize ?? 2000;
  const now = (options.now ?? (() => new Date()))().toISOString();
  try {
    return await database.transaction('rw', updateTables(database), async () => {
      const entries = await database.datasetHistory.where('datasetId').equals(datasetId).sortBy('installedAt');
      const current = await database.datasets.get(datasetId);
      // The entry of what is installed now (not the latest timestamp: two installs may share a millisecond).
      const latest = entries.filter((e) => e.undoneAt === undefined && e.version === current?.version && e.payloadSha256 === current.hash).at(-1);
      if (!latest?.undo || !current) throw new Abort(failure('nothing-to-undo', `There is no update of "${datasetId}" that can be undone.`));
      const { undo } = latest;
      // Undo is per dataset: a layer's undo never touches its base, but a base cannot go from under a layer that needs it.
      const needed = await baseNeededRefusal(database, datasetId, undo.previousDataset?.version);
      if (needed) throw new Abort(needed);
      const rows = await database.undoRecords.where('historyId').equals(latest.id).toArray();
      const addedCount = RECORD_KINDS.reduce((n, k) => n + undo.addedIds[k].length, 0);
      const total = addedCount + rows.length + undo.flags.length;
      let done = 0;
      let chunks = 0;
      const step = (n: number) => {
        done += n;
        options.afterChunk?.(++chunks);
        if (control.cancelled()) throw new Abort(cancelledFailure());
        control.progress({ phase: 'writing', done, total });
      };
      const previous = undo.previousDataset;
      for (const kind of RECORD_KINDS) {
        const ids = undo.addedIds[kind];
        for (let i = 0; i < ids.length; i += chunk) {
          const part = ids.slice(i, i + chunk);
          await referenceTable(database, kind).bulkDelete(part);
          step(part.length);
        }
        if (previous && undo.unchangedKept !== true) {
          // Undo material from before unchanged records were left alone: that apply gave every
          // record the new provenance, so the ones it did not change get their old one back.
          const oldProv: Provenance = { datasetId, version: previous.version, hash: previous.hash };
          await referenceTable(database, kind).where('prov.datasetId').equals(datasetId).modify((r) => {
            r.prov = oldProv;
          });
        }
      }
      for (const kind of RECORD_KINDS) {
        const records = rows.filter((r) => r.kind === kind).map((r) => r.record);
        for (let i = 0; i < records.length; i += chunk) {
          const part = records.slice(i, i + chunk);
          await referenceTable(database, kind).bulkPut(part);
          step(part.length);
        }
      }
      // The records are back as they were, without the digests they had then: the next update compares them in full.
      await deleteDigestIndex(database, datasetId);
      if (previous) await database.datasets.put(previous);
      else await database.datasets.delete(datasetId);
      if (undo.previousManifest) await database.acceptedManifests.put(undo.previousManifest);
      else await database.acceptedManifests.delete(datasetId);
      // What the update added is gone again: layers referring to it are flagged, and those it broke are mended.
      await refreshReferenceFlags(database, { datasetId }, now);
      // After the reference flags, as in write.ts: the sections are encrypted, and the reads a layer's
      // flags make must not come after the crypto middleware's waits inside this transaction.
      for (const flag of undo.flags) {
        await database.sections.where('id').equals(flag.sectionId).modify((s) => {
          // A flag the delegate already cleared or that a later change replaced stays as it is.
          if (s.datasetReview === undefined || canonicalJson(s.datasetReview) !== canonicalJson(flag.added)) return;
          if (flag.previous) s.datasetReview = flag.previous as DatasetReview;
          else delete s.datasetReview;
        });
      }
      if (undo.flags.length > 0) step(undo.flags.length);
      await database.undoRecords.where('historyId').equals(latest.id).delete();
      await database.datasetHistory.where('id').equals(latest.id).modify((r) => {
        delete r.undo;
        r.undoneAt = now;
      });
      control.progress({ phase: 'done', done: total, total });
      return { ok: true as const };
    });
  } catch (error) {
    return asFailure(error);
  }
}
