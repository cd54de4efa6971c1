import type { Catalog } from '../en/index';

/** Links to records in Bahasa Indonesia. */
export const records = {
  'records.missing': '{id} (tidak ada dalam set data)',
} as const satisfies Partial<Catalog>;
