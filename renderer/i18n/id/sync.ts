import type { Catalog } from '../en/index';

/** The sync feature's strings in Bahasa Indonesia. */
export const sync = {} as const satisfies Partial<Catalog>;
