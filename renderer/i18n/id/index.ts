import type { Catalog } from '../en/index';
import { idCore } from './core';
import { packs } from './packs';
import { search } from './search';
import { sectors } from './sectors';
import { sync } from './sync';

/** Bahasa Indonesia: one file per feature, merged here like the English catalog. */
export const id = {
  ...idCore,
  ...packs,
  ...sync,
  ...search,
  ...sectors,
} as const satisfies Partial<Catalog>;
