import type { Catalog } from '../en/index';

/** The packs feature's strings in Bahasa Indonesia. */
export const packs = {} as const satisfies Partial<Catalog>;
