import type { Catalog } from '../en/index';

/** The sync feature's strings in Bahasa Melayu. */
export const sync = {} as const satisfies Partial<Catalog>;
