import type { Catalog } from '../en/index';
import { msCore } from './core';
import { packs } from './packs';
import { search } from './search';
import { sectors } from './sectors';
import { sync } from './sync';

/** Bahasa Melayu: one file per feature, merged here like the English catalog. */
export const ms = {
  ...msCore,
  ...packs,
  ...sync,
  ...search,
  ...sectors,
} as const satisfies Partial<Catalog>;
