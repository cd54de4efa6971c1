import type { Catalog } from '../en/index';
import { idCore } from './core';
import { packs } from './packs';
import { sync } from './sync';
import { records } from './records';

/** Bahasa Indonesia: one file per feature, merged here like the English catalog. */
export const id = {
  ...idCore,
  ...packs,
  ...sync,
  ...records,
} as const satisfies Partial<Catalog>;
