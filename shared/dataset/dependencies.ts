import { z } from 'zod';
import { Slug, type RecordKind } from '../model';

/** Highest dataset version (shared/bundle/schema.ts MAX_DATASET_VERSION; repeated so the folder manifest needs no bundle import). */
const MAX_VERSION = 2 ** 31 - 1;

/**
 * A dataset this one builds on (a layer over a base): its records may refer to the base's ids,
 * and it is installed only where the base is, at `minVersion` or later.
 */
export const DatasetDependency = z
  .object({
    datasetId: Slug,
    minVersion: z.number().int().positive().max(MAX_VERSION),
  })
  .strict();
export type DatasetDependency = z.infer<typeof DatasetDependency>;

/** One to eight bases, each named once. */
export const DatasetDependencies = z
  .array(DatasetDependency)
  .min(1)
  .max(8)
  .refine((list) => new Set(list.map((d) => d.datasetId)).size === list.length, { message: 'names a base dataset twice' });

/**
 * What a reference can name: a record of a kind, or an outcome document (held inside its
 * adopting meeting, but referred to by its own id from agenda items and targets, of any dataset).
 */
export type ReferenceTarget = RecordKind | 'outcomeDocuments';

/** A reference from a record to an id its own dataset does not hold (one of its bases must). */
export interface ExternalReference {
  /** The referring record and where in it. */
  kind: RecordKind;
  id: string;
  path: string;
  /** What it names. */
  target: ReferenceTarget;
  targetId: string;
}

/** What the schema cannot see: a dataset building on itself. */
export function dependencyProblems(datasetId: string, dependsOn: readonly DatasetDependency[] | undefined): string[] {
  return (dependsOn ?? []).some((d) => d.datasetId === datasetId) ? [`dependsOn: "${datasetId}" cannot build on itself`] : [];
}
