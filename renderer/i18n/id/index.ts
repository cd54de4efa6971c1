import type { Catalog } from '../en/index';
import { idCore } from './core';
import { packs } from './packs';
import { papers } from './papers';
import { sync } from './sync';

/** Bahasa Indonesia: one file per feature, merged here like the English catalog. */
export const id = {
  ...idCore,
  ...packs,
  ...sync,
  ...papers,
} as const satisfies Partial<Catalog>;
