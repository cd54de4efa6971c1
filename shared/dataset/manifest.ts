import { z } from 'zod';
import { PartialDate, Slug } from '../model';
import { DatasetDependencies } from './dependencies';

/** Describes the dataset that a set of reference records belongs to. */
export const DatasetManifest = z
  .object({
    datasetId: Slug,
    /** Only ever goes up; a dataset update must carry a higher version than the one installed. */
    version: z.number().int().positive(),
    title: z.string().min(1),
    publisher: z.string().min(1),
    created: PartialDate,
    description: z.string().optional(),
    /** The datasets this one builds on (a national layer over the ASEAN dataset): id and lowest version. */
    dependsOn: DatasetDependencies.optional(),
  })
  .strict();
export type DatasetManifest = z.infer<typeof DatasetManifest>;

/** Where the file of each record kind lives in a dataset folder. */
export const DATASET_FILES = {
  sources: 'sources.json',
  bodies: 'bodies.json',
  meetings: 'meetings.json',
  agendaItems: 'agenda-items.json',
  frameworks: 'frameworks.json',
  targets: 'targets.json',
  /** Record schema 4; a folder without it has no contacts. */
  contacts: 'contacts.json',
} as const;
