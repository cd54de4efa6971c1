import type { Catalog } from '../en/index';
import { msCore } from './core';
import { packs } from './packs';
import { papers } from './papers';
import { sync } from './sync';

/** Bahasa Melayu: one file per feature, merged here like the English catalog. */
export const ms = {
  ...msCore,
  ...packs,
  ...sync,
  ...papers,
} as const satisfies Partial<Catalog>;
