import type { Catalog } from '../en/index';

/** Links to records in Bahasa Melayu. */
export const records = {
  'records.missing': '{id} (tiada dalam set data)',
} as const satisfies Partial<Catalog>;
